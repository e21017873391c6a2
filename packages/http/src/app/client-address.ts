import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "./app-env.ts";

/**
 * The caller's address: the first `X-Forwarded-For` hop when the host sits behind a trusted
 * proxy, else the socket's remote address, else "unknown" (e.g. `app.request()` in tests or a
 * non-Node runtime, where there is no socket).
 */
export function clientAddress(c: Context<AppEnv>, options: { trustProxy: boolean }): string {
  if (options.trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  type Bindings = { incoming?: { socket?: unknown } } | undefined;
  const env = c.env as (Bindings & { server?: Bindings }) | undefined;
  if (!(env?.server ?? env)?.incoming?.socket) return "unknown";
  return getConnInfo(c).remote.address ?? "unknown";
}
