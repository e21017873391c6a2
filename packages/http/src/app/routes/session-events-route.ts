import { type ConfideDeps, getSession, type PatientSessionView, statusChangesBetween } from "@confide/core";
import type { Session, SessionRepository, SessionState, SessionStatus } from "@confide/core/ports";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "../app-env.ts";
import { createRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { createOpenStreamLimit } from "../limits/open-stream-limit.ts";
import { problemResponse } from "../errors/problem-response.ts";
import { problemResponses } from "../schemas/problem-schema.ts";
import { watchSessionChanges } from "../transfer/session-change-watch.ts";
import { IdSchema } from "../schemas/id-schema.ts";

export interface SessionEventsOptions {
  deps: ConfideDeps;
  /**
   * How often the session is read when no change was announced on `deps.events`: the safety
   * poll that catches up an announcement that was lost.
   */
  pollMs: number;
  /** How often the access token is checked (expiry, logout, revocation); also before every read. */
  tokenCheckMs: number;
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
  description: `A \`text/event-stream\`. First a \`status\` event with the current \`{status, version, updatedAt}\`, then one \`status\` event per change: every status the session passed through, in order, also one held only briefly. Changes are pushed to the stream as the server learns of them; a slow safety poll (every 30 s by default) catches up any it missed. The stream ends after \`ready\`, \`finalized\` or \`failed\` with a final \`end\` event, or with a \`deleted\` event when the session is erased, or a \`shutdown\` event when the server stops (reconnect), or an \`unauthenticated\` event when the access token expires or is revoked (refresh it, then reconnect). Comment lines keep the connection alive.

A user may hold ${maxEventStreamsPerUser} streams open at once on one server: one more is 429 \`events.too_many_streams\` with Retry-After.`,
  security: [{ bearer: [] }],
  request: { params: z.object({ id: IdSchema }) },
  responses: {
    200: {
      description: "The event stream.",
      content: { "text/event-stream": { schema: { type: "string" } } },
    },
    ...problemResponses(400, 401, 403, 404, 429, 503),
  },
});

const statusEventOf = (state: Pick<SessionState, "status" | "version" | "updatedAt">): StatusEvent => ({
  status: state.status,
  version: state.version,
  updatedAt: state.updatedAt.toISOString(),
});

/**
 * What changed since `last`: null when the session is gone, else the status events to send,
 * oldest first (none when nothing changed). One cheap read (`getStatus`); the whole session
 * only when several writes happened since `last`, for the statuses held in between.
 */
async function statusEventsSince(sessions: SessionRepository, sessionId: string, last: StatusEvent): Promise<StatusEvent[] | null> {
  const state = await sessions.getStatus(sessionId);
  if (state === null) return null;
  if (state.version === last.version) return [];
  if (state.version === last.version + 1) return [statusEventOf(state)];
  const session = await sessions.get(sessionId);
  if (session === null) return null;
  const between = statusChangesBetween(session, last.version, session.version - 1).map((change) =>
    statusEventOf({ status: change.status, version: change.version, updatedAt: change.at }),
  );
  return [...between, statusEventOf(session)];
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
    // Subscribed before the first read: a change made while it runs calls for another read.
    const watch = watchSessionChanges(deps.events, sessionId);
    let first: Session | PatientSessionView;
    try {
      // Authorised and audited once, like GET: another tenant's id is a 404 before the stream opens.
      first = await getSession(deps, actor, { sessionId });
    } catch (error) {
      watch.stop();
      release();
      throw error;
    }
    watch.markRead(first.version);
    const logger = c.get("logger");
    const authentication = c.get("authentication");
    const wakeMs = Math.min(options.pollMs, options.tokenCheckMs, options.keepAliveMs);

    const finish = () => {
      watch.stop();
      release();
    };

    return streamSSE(c, releasing(finish, async (stream) => {
      const closed = new AbortController();
      stream.onAbort(() => closed.abort());
      c.req.raw.signal.addEventListener("abort", () => closed.abort(), { once: true });
      const onShutdown = () => closed.abort();
      options.shutdown?.addEventListener("abort", onShutdown, { once: true });

      const send = async (event: string, data: unknown) => {
        await stream.writeSSE({ event, data: JSON.stringify(data) });
      };
      let last: StatusEvent = statusEventOf(first);
      await send("status", last);
      if (finalStatuses.includes(last.status)) return send("end", last);

      let quietSinceMs = Date.now();
      // The first safety read comes at a random point of the first period, so that streams
      // opened together (every client reconnecting after a restart) do not read together.
      let readAtMs = Date.now() - deps.random() * options.pollMs;
      try {
        while (!closed.signal.aborted) {
          await watch.wait(wakeMs, closed.signal);
          if (options.shutdown?.aborted) return send("shutdown", { id: sessionId });
          if (closed.signal.aborted) return;
          if (!(await authentication?.stillValid())) return send("unauthenticated", { code: "auth.unauthenticated" });
          // Read on an announced change, or when the safety poll is due. Reads after the first
          // authorised one go to the repository: no audit event per read.
          if (watch.takeAnnounced() || Date.now() - readAtMs >= options.pollMs) {
            readAtMs = Date.now();
            const changes = await statusEventsSince(deps.sessions, sessionId, last);
            if (changes === null) return send("deleted", { id: sessionId });
            for (const change of changes) {
              await send("status", change);
              last = change;
              quietSinceMs = Date.now();
            }
            watch.markRead(last.version);
            if (changes.length > 0 && finalStatuses.includes(last.status)) return send("end", last);
          }
          if (Date.now() - quietSinceMs >= options.keepAliveMs) {
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

/** Runs the stream, then unsubscribes and gives its slot back however it ends. */
function releasing<S>(release: () => void, run: (stream: S) => Promise<unknown>): (stream: S) => Promise<void> {
  return async (stream) => {
    try {
      await run(stream);
    } finally {
      release();
    }
  };
}
