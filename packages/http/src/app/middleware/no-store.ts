import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";

/** API answers hold clinical and account data: no cache keeps them unless a route says so. */
export function noStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
  };
}
