import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../app-env.ts";

export const jsonMediaType = /^application\/(?:[\w.-]+\+)?json\b/i;

/** The largest JSON request body the API reads. */
export const defaultJsonBodyLimitBytes = 1024 * 1024;

/**
 * Caps JSON request bodies (413 `request.too_large`). Only bodies declared as JSON are
 * counted: the streamed multipart upload never passes through here, and JSON routes refuse
 * other media types (415) without reading them.
 */
export function jsonBodyLimit(options: { maxBytes: number }): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: options.maxBytes,
    onError: () => {
      throw new HTTPException(413, { message: `The JSON body is larger than ${options.maxBytes} bytes.` });
    },
  });
  return async (c, next) => {
    const contentType = c.req.header("content-type");
    if (contentType === undefined || !jsonMediaType.test(contentType)) return next();
    return limit(c, next);
  };
}
