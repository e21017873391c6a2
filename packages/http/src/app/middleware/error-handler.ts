import { ConfideError, type Logger } from "@confide/core/ports";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../app-env.ts";
import { errorStatus, type ProblemCode } from "../errors/error-status.ts";
import { problemResponse } from "../errors/problem-response.ts";

/** Hono's own exceptions (malformed JSON, media type gate, JSON body limit) by status. */
const httpExceptionCodes: Record<number, ProblemCode> = {
  400: "validation.invalid_input",
  413: "request.too_large",
  415: "request.unsupported_media_type",
};

function retryAfterSeconds(error: ConfideError): string | undefined {
  if (error.retryAfterMs === undefined) return undefined;
  return String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
}

function confideProblem(error: ConfideError, c: Context<AppEnv>, logger: Logger): Response {
  const status = errorStatus[error.code];
  if (status >= 500) {
    logger.error("request failed", {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      cause: error.cause instanceof Error ? error.cause.message : undefined,
    });
  }
  const detail = error.code === "internal" ? "An unexpected error occurred." : error.message;
  const response = problemResponse(c, error.code, detail, {
    ...error.details,
    ...(error.retryable ? { retryable: true } : {}),
  });
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== undefined && (status === 429 || status === 503 || status === 502)) {
    response.headers.set("Retry-After", retryAfter);
  }
  if (error.code === "auth.unauthenticated") {
    const invalidToken = error.details?.reason === "invalid" || error.details?.reason === "expired";
    response.headers.set("WWW-Authenticate", invalidToken ? 'Bearer realm="confide", error="invalid_token"' : 'Bearer realm="confide"');
  }
  if (error.code === "blob.range_not_satisfiable" && typeof error.details?.sizeBytes === "number") {
    response.headers.set("Content-Range", `bytes */${error.details.sizeBytes}`);
  }
  return response;
}

/**
 * `app.onError`: expected failures (ConfideError) become problem+json with the status of their
 * code; anything else is a bug, answered 500 `internal` and logged with the request id.
 */
export function createErrorHandler(options: { logger: Logger }): ErrorHandler<AppEnv> {
  return (error, c) => {
    // The request logger carries the request id; the host logger covers failures before it is set.
    const logger = c.get("logger") ?? options.logger;
    if (ConfideError.is(error)) return confideProblem(error, c, logger);
    if (error instanceof HTTPException) {
      // A host problem answered where it was found (see csrf-check.ts): already problem+json.
      if (error.res) return error.getResponse();
      const code = httpExceptionCodes[error.status];
      if (code) return problemResponse(c, code, error.message || "The request could not be read.");
    }
    logger.error("unhandled error", {
      name: error.name,
      message: error.message,
      stack: error.stack,
    });
    return problemResponse(c, "internal", "An unexpected error occurred.");
  };
}

/**
 * Requests no route answers: 405 `request.method_not_allowed` with `Allow` when the path exists
 * with other methods, else 404 `route.not_found`; problem+json either way.
 */
export function createNotFoundHandler(options: { allowedMethods: (path: string) => string[] }): NotFoundHandler<AppEnv> {
  return (c) => {
    const allowed = options.allowedMethods(c.req.path);
    if (allowed.length === 0) return problemResponse(c, "route.not_found", `No route for ${c.req.method} ${c.req.path}.`);
    const detail = `${c.req.path} does not take ${c.req.method}; it takes ${allowed.join(", ")}.`;
    const response = problemResponse(c, "request.method_not_allowed", detail, { allowedMethods: allowed });
    response.headers.set("Allow", allowed.join(", "));
    return response;
  };
}
