import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../app-env.ts";
import { problemResponse } from "../errors/problem-response.ts";
import { jsonMediaType } from "./json-body-limit.ts";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Refuses (400 `validation.invalid_encoding`) a JSON request body that is not valid UTF-8 (RFC
 * 8259 §8.1), before any route reads it: a lenient decoder would store U+FFFD in place of the
 * bytes it could not read, and the caller would never learn that its text changed. Mounted after
 * `jsonBodyLimit`, so the body it reads is already capped; the route reads the same bytes again
 * from Hono's body cache.
 */
export function jsonBodyEncoding(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const contentType = c.req.header("content-type");
    if (contentType === undefined || !jsonMediaType.test(contentType)) return next();
    const body = await c.req.arrayBuffer();
    try {
      strictUtf8.decode(body);
    } catch {
      throw new HTTPException(400, {
        res: problemResponse(c, "validation.invalid_encoding", "The request body is not valid UTF-8 text."),
      });
    }
    return next();
  };
}
