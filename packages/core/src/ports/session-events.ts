import type { SessionStatus } from "../domain/session-status.ts";

/** One stored write of a session, as the session repository stored it. */
export interface SessionChange {
  sessionId: string;
  therapistId: string;
  /** The version the write stored; for a deletion, the last version that was stored. */
  version: number;
  /** The status the write stored, or `"deleted"` when the session was erased. */
  status: SessionStatus | "deleted";
  /** The session's `updatedAt` after the write; for a deletion, when it was deleted. */
  updatedAt: Date;
}

/** What a subscriber is told. */
export type SessionEvent =
  | { type: "change"; change: SessionChange }
  /**
   * Changes may have been missed (the adapter's link to its channel was down or has just been
   * made): whoever follows a session should read it again once.
   */
  | { type: "resync" };

/** Called synchronously by the adapter; must not throw (a throw is reported and ignored). */
export type SessionEventListener = (event: SessionEvent) => void;

/** The changes a subscription receives: those of one session, or of every session of one therapist. */
export type SessionEventFilter = { sessionId: string } | { therapistId: string };

/**
 * Tells the processes that serve event streams that a session changed, so that they read the
 * database only on a change (and on a slow safety poll) instead of polling every stream.
 *
 * Delivery is best effort and at most once: a change may be lost (a connection drop, a process
 * restart), so a subscriber must not depend on every change arriving — it keeps a slow safety
 * poll, re-reads on `resync`, and reads the session's state from the repository rather than
 * trusting the event's content. Changes of one session published by one process arrive in the
 * order they were published.
 */
export interface SessionEvents {
  /**
   * Sends a change to every subscriber whose filter matches, in this process and (for a shared
   * channel) in every other process subscribed to it.
   * @returns once the change is handed over (delivered in-process, or accepted by the channel).
   * @throws ConfideError `dependency.unavailable` when the channel cannot be reached. Callers
   * log it and carry on: the write the change reports has happened.
   * After `close()` it does nothing.
   */
  publish(change: SessionChange): Promise<void>;

  /**
   * Registers `listener` for the changes matching `filter`, published from now on by any
   * process. It also receives `resync` whenever changes may have been missed, including once
   * the adapter's subscription is first in place if the listener was registered before it was.
   * Never throws; a channel that is down is reconnected in the background.
   * @returns the function that unregisters the listener (calling it again does nothing).
   */
  subscribe(filter: SessionEventFilter, listener: SessionEventListener): () => void;

  /**
   * Resolves once a change published now would reach this process's listeners (the channel
   * answers and this process's subscription is in place); used by readiness checks and tests.
   * @throws ConfideError `dependency.unavailable` when the channel cannot be reached.
   */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  /** Drops every listener and releases connections. Safe to call twice. */
  close(): Promise<void>;
}
