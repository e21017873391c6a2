import type { SessionEvents } from "@confide/core/ports";

/** What an event stream knows of its session's announced changes. */
export interface SessionChangeWatch {
  /** Versions up to this one have been read: an announcement about them calls for no read. */
  markRead(version: number): void;
  /** @returns whether an announcement called for a read since the last call (and forgets it). */
  takeAnnounced(): boolean;
  /** Resolves when a change is announced, after `ms`, or at once when `signal` aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
  /** Unsubscribes. Calling it again does nothing. */
  stop(): void;
}

/**
 * Subscribes to one session's changes. A change newer than what was read, a deletion, or a
 * `resync` (changes may have been missed) each call for one read; older or repeated
 * announcements do not. Subscribe before the first read, so that a change made while it runs
 * is not missed.
 */
export function watchSessionChanges(events: SessionEvents, sessionId: string): SessionChangeWatch {
  let readVersion = Number.NEGATIVE_INFINITY;
  let announced = false;
  let wake: (() => void) | undefined;
  const unsubscribe = events.subscribe({ sessionId }, (event) => {
    if (event.type === "change" && event.change.status !== "deleted" && event.change.version <= readVersion) return;
    announced = true;
    wake?.();
  });
  return {
    markRead(version) {
      readVersion = Math.max(readVersion, version);
    },
    takeAnnounced() {
      const was = announced;
      announced = false;
      return was;
    },
    wait(ms, signal) {
      return new Promise((resolve) => {
        if (announced || signal.aborted) return resolve();
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          wake = undefined;
          resolve();
        }
        wake = done;
        signal.addEventListener("abort", done, { once: true });
      });
    },
    stop: unsubscribe,
  };
}
