import type { SessionStatus } from "./api-types.ts";
import { ConfideApiError } from "./confide-api-error.ts";
import { readServerSentEvents } from "./server-sent-events.ts";

/** A status the session reached (every one, in order); `end` comes with the last one (ready, finalized or failed). */
export interface SessionStatusEvent {
  type: "status" | "end";
  status: SessionStatus;
  version: number;
  updatedAt: string;
}

/** The session was erased; the stream is over. */
export interface SessionDeletedEvent {
  type: "deleted";
  id: string;
}

export type SessionEvent = SessionStatusEvent | SessionDeletedEvent;

export interface FollowOptions {
  signal?: AbortSignal;
  /** First wait before reconnecting after a lost connection or a server restart; doubles up to 30 s. 1000 when absent. */
  reconnectDelayMs?: number;
}

export interface EventStreamConnection {
  /** Opens the stream (GET with Authorization); throws ConfideApiError for a refusal. */
  open(lastEventId: string, signal: AbortSignal | undefined): Promise<Response>;
  /** After an `unauthenticated` event: a new access token. Throws when the client is signed out. */
  refresh(): Promise<void>;
}

const maxReconnectDelayMs = 30_000;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * Follows a session's event stream until it ends (`end`, `deleted`) or `signal` aborts,
 * reconnecting when the connection drops, the server restarts (`shutdown`) or the access token
 * lapses (`unauthenticated`: refreshed first). The route sends the current status first on every
 * connection, so nothing is lost across a reconnect; statuses already seen (by version) are not
 * repeated. A `Last-Event-ID` is sent back when the server gave ids.
 */
export async function* followEvents(connection: EventStreamConnection, options: FollowOptions = {}): AsyncGenerator<SessionEvent> {
  const { signal } = options;
  const firstDelayMs = options.reconnectDelayMs ?? 1000;
  let delayMs = firstDelayMs;
  let lastVersion = -1;
  let lastEventId = "";
  while (!signal?.aborted) {
    let response: Response;
    try {
      response = await connection.open(lastEventId, signal);
    } catch (error) {
      if (signal?.aborted) return;
      if (ConfideApiError.is(error) && !(error.status === 429 || error.status >= 500)) throw error;
      const retryAfterMs = ConfideApiError.is(error) && error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : delayMs;
      await sleep(retryAfterMs, signal);
      delayMs = Math.min(delayMs * 2, maxReconnectDelayMs);
      continue;
    }
    if (!response.body) throw new ConfideApiError({ status: response.status, code: "network.unreadable_problem", message: "The event stream has no body." });
    let reconnectNow = false;
    try {
      for await (const message of readServerSentEvents(response.body, signal)) {
        lastEventId = message.lastEventId;
        if (message.retryMs !== undefined) delayMs = message.retryMs;
        const data = message.data ? (JSON.parse(message.data) as Record<string, unknown>) : {};
        if (message.event === "status" || message.event === "end") {
          const event = { type: message.event, ...data } as SessionStatusEvent;
          if (event.version > lastVersion || message.event === "end") {
            lastVersion = Math.max(lastVersion, event.version);
            yield event;
          }
          delayMs = firstDelayMs;
          if (message.event === "end") return;
        } else if (message.event === "deleted") {
          yield { type: "deleted", id: String(data.id ?? "") };
          return;
        } else if (message.event === "unauthenticated") {
          await connection.refresh();
          reconnectNow = true;
          break;
        }
        // `shutdown` and `error`: the server ends the stream; reconnect after a delay below.
      }
    } catch (error) {
      if (signal?.aborted) return;
      if (ConfideApiError.is(error)) throw error;
      // The connection broke mid-stream: reconnect below.
    }
    if (signal?.aborted) return;
    if (!reconnectNow) {
      await sleep(delayMs, signal);
      delayMs = Math.min(delayMs * 2, maxReconnectDelayMs);
    }
  }
}
