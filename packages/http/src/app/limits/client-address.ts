import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";

/**
 * The caller's address. Behind `trustedProxyHops` proxies, each appending the address it was
 * connected from to `X-Forwarded-For`, the client is the entry that many places from the right:
 * entries further left were written by the client itself and prove nothing. With fewer entries
 * than hops, the leftmost. Without trusted proxies (0), or without the header, the socket's remote
 * address; else "unknown" (e.g. `app.request()` in tests or a non-Node runtime, where there is
 * no socket).
 */
export function clientAddress(c: Context<AppEnv>, options: { trustedProxyHops: number }): string {
  if (options.trustedProxyHops > 0) {
    const forwarded = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "");
    const client = forwarded[Math.max(0, forwarded.length - options.trustedProxyHops)];
    if (client !== undefined) return client;
  }
  type Bindings = { incoming?: { socket?: unknown } } | undefined;
  const env = c.env as (Bindings & { server?: Bindings }) | undefined;
  if (!(env?.server ?? env)?.incoming?.socket) return "unknown";
  return getConnInfo(c).remote.address ?? "unknown";
}
