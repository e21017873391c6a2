import type { Server } from "node:http";

/**
 * How long an idle client connection stays open: longer than the idle timeouts of the proxies
 * and load balancers put in front of the API (60 s on AWS ALB and Azure Application Gateway's
 * defaults are at or below it) and of HTTP clients' pools. Node's own 5 s closes a connection
 * the other side still holds as reusable; a request sent on it just then is reset (a 502 behind
 * a proxy, ECONNRESET for a direct client).
 */
export const keepAliveTimeoutMs = 65_000;

/** Keeps idle connections `keepAliveTimeoutMs`; headers may take a second longer, as Node requires. */
export function keepConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.headersTimeout = keepAliveTimeoutMs + 1_000;
}
