import { randomUUID } from "node:crypto";
import type { Logger } from "@confide/core/ports";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";

const safeRequestId = /^[A-Za-z0-9._-]{1,128}$/;

/** A logger that adds the request id to every line. */
function withRequestId(logger: Logger, requestId: string): Logger {
  return {
    info: (message, fields) => logger.info(message, { ...fields, requestId }),
    warn: (message, fields) => logger.warn(message, { ...fields, requestId }),
    error: (message, fields) => logger.error(message, { ...fields, requestId }),
  };
}

/**
 * Gives every request an id: a safe incoming `X-Request-Id` (≤ 128 characters of
 * `[A-Za-z0-9._-]`) is kept, anything else is replaced by a new one. The id is echoed in the
 * response and attached to the request logger.
 */
export function requestContext(options: { logger: Logger; newRequestId?: () => string }): MiddlewareHandler<AppEnv> {
  const newRequestId = options.newRequestId ?? randomUUID;
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming !== undefined && safeRequestId.test(incoming) ? incoming : newRequestId();
    c.set("requestId", requestId);
    c.set("logger", withRequestId(options.logger, requestId));
    await next();
    c.res.headers.set("X-Request-Id", requestId);
  };
}
