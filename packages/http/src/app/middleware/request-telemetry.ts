import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { ConfideError } from "@confide/core/ports";
import type { Telemetry } from "../../telemetry/telemetry.ts";
import type { AppEnv } from "../app-env.ts";
import { isApiPath } from "../console/console-paths.ts";

/**
 * A server span and the request metrics for every request, named by the route's
 * pattern (`POST /v1/sessions/:id/notes:regenerate`), never by its path or query (ids and search
 * text stay out): method, route, status and the error code. (Upload bytes are counted where a
 * session is stored with its recording: `instrumentRepositories`.)
 */
export function requestTelemetry(telemetry: Telemetry): MiddlewareHandler<AppEnv> {
  return (c, next) =>
    telemetry.request(c.req.method, async (outcome) => {
      try {
        await next();
      } finally {
        const route = isApiPath(c.req.path) ? (matchedRoutes(c).findLast((matched) => matched.method !== "ALL")?.path ?? "(no route)") : "(console)";
        const status = c.res.status;
        outcome.end(route, status, ConfideError.is(c.error) ? c.error.code : undefined);
      }
    });
}
