import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";

/**
 * One structured line per request: method, path without the query, status, duration, request
 * id and user id. Never bodies, headers, tokens or query strings (they may hold search text).
 */
export function accessLog(options: { now?: () => number } = {}): MiddlewareHandler<AppEnv> {
  const now = options.now ?? (() => performance.now());
  return async (c, next) => {
    const startMs = now();
    await next();
    c.get("logger").info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((now() - startMs) * 10) / 10,
      userId: c.get("actor")?.userId,
    });
  };
}
