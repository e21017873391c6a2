import {
  getSession,
  statusChangesBetween,
  type ConfideDeps,
  type PatientSessionView,
  type Session,
  type SessionStatus,
} from "@confide/core";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "../app-env.ts";
import { createRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { createOpenStreamLimit } from "../limits/open-stream-limit.ts";
import { problemResponse } from "../errors/problem-response.ts";
import { problemResponses } from "../schemas/problem-schema.ts";

export interface SessionEventsOptions {
  deps: ConfideDeps;
  /** How often the session is read for changes. */
  pollMs: number;
  /** Comment lines keep idle connections open through proxies. */
  keepAliveMs: number;
  /** When it aborts (host shutdown) every open stream ends with a `shutdown` event. */
  shutdown?: AbortSignal;
}

/** Event streams one user may hold open at once on one API process. */
export const maxEventStreamsPerUser = 5;

/** When a refused client may try again: streams end when their session finishes processing. */
const tooManyStreamsRetryAfterSeconds = 10;

/** After these the stream ends: nothing changes without the user acting. */
const finalStatuses: readonly SessionStatus[] = ["ready", "finalized", "failed"];

interface StatusEvent {
  status: SessionStatus;
  version: number;
  updatedAt: string;
}

const eventsRoute = createRoute({
  method: "get",
  path: "/{id}/events",
  operationId: "followSessionEvents",
  tags: ["sessions"],
  summary: "Follow a session's processing (Server-Sent Events)",
  description: `A \`text/event-stream\`. First a \`status\` event with the current \`{status, version, updatedAt}\`, then one \`status\` event per change: every status the session passed through, in order, also one held for less than the stream's poll interval. The stream ends after \`ready\`, \`finalized\` or \`failed\` with a final \`end\` event, or with a \`deleted\` event when the session is erased, or a \`shutdown\` event when the server stops (reconnect), or an \`unauthenticated\` event when the access token expires or is revoked (refresh it, then reconnect). Comment lines keep the connection alive.

A user may hold ${maxEventStreamsPerUser} streams open at once on one server: one more is 429 \`events.too_many_streams\` with Retry-After.`,
  security: [{ bearer: [] }],
  request: { params: z.object({ id: z.string().min(1).max(200) }) },
  responses: {
    200: {
      description: "The event stream.",
      content: { "text/event-stream": { schema: { type: "string" } } },
    },
    ...problemResponses(400, 401, 403, 404, 429, 503),
  },
});

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** `GET /v1/sessions/:id/events`: status changes as Server-Sent Events. */
export function createSessionEventsRoutes(options: SessionEventsOptions): OpenAPIHono<AppEnv> {
  const router = createRouter();
  const { deps } = options;
  const openStreams = createOpenStreamLimit({ maxPerUser: maxEventStreamsPerUser });

  router.openapi(eventsRoute, async (c) => {
    const actor = currentActor(c);
    const sessionId = c.req.valid("param").id;
    const release = openStreams.tryOpen(actor.userId);
    if (release === undefined) {
      const response = problemResponse(
        c,
        "events.too_many_streams",
        `At most ${maxEventStreamsPerUser} event streams may be open at once; close one or retry later.`,
        { maxStreams: maxEventStreamsPerUser },
      );
      response.headers.set("Retry-After", String(tooManyStreamsRetryAfterSeconds));
      return response;
    }
    let first: Session | PatientSessionView;
    try {
      // Authorised and audited once, like GET: another tenant's id is a 404 before the stream opens.
      first = await getSession(deps, actor, { sessionId });
    } catch (error) {
      release();
      throw error;
    }
    const logger = c.get("logger");
    const authentication = c.get("authentication");

    return streamSSE(c, releasing(release, async (stream) => {
      const closed = new AbortController();
      stream.onAbort(() => closed.abort());
      c.req.raw.signal.addEventListener("abort", () => closed.abort(), { once: true });
      const onShutdown = () => closed.abort();
      options.shutdown?.addEventListener("abort", onShutdown, { once: true });

      const send = async (event: string, data: unknown) => {
        await stream.writeSSE({ event, data: JSON.stringify(data) });
      };
      let last: StatusEvent = { status: first.status, version: first.version, updatedAt: first.updatedAt.toISOString() };
      await send("status", last);
      if (finalStatuses.includes(last.status)) return send("end", last);

      let quietSinceMs = Date.now();
      try {
        while (!closed.signal.aborted) {
          await pause(Math.min(options.pollMs, options.keepAliveMs), closed.signal);
          if (options.shutdown?.aborted) return send("shutdown", { id: sessionId });
          if (closed.signal.aborted) return;
          if (!(await authentication?.stillValid())) return send("unauthenticated", { code: "auth.unauthenticated" });
          // Reads after the first authorised one go to the repository: no audit event per poll.
          const current = await deps.sessions.get(sessionId);
          if (!current) return send("deleted", { id: sessionId });
          if (current.version !== last.version) {
            // Statuses held for less than a poll (a short analysis) are in the session's history.
            for (const change of statusChangesBetween(current, last.version, current.version - 1)) {
              await send("status", { status: change.status, version: change.version, updatedAt: change.at.toISOString() });
            }
            last = { status: current.status, version: current.version, updatedAt: current.updatedAt.toISOString() };
            await send("status", last);
            quietSinceMs = Date.now();
            if (finalStatuses.includes(last.status)) return send("end", last);
          } else if (Date.now() - quietSinceMs >= options.keepAliveMs) {
            await stream.write(": keep-alive\n\n");
            quietSinceMs = Date.now();
          }
        }
      } catch (error) {
        if (closed.signal.aborted) return;
        logger.error("session events failed", { sessionId, message: error instanceof Error ? error.message : String(error) });
        await send("error", { code: "internal" });
      } finally {
        options.shutdown?.removeEventListener("abort", onShutdown);
      }
    }));
  });
  return router;
}

/** Runs the stream, then gives its slot back however it ends. */
function releasing<S>(release: () => void, run: (stream: S) => Promise<unknown>): (stream: S) => Promise<void> {
  return async (stream) => {
    try {
      await run(stream);
    } finally {
      release();
    }
  };
}
