import type { ReadinessEntry } from "./readiness-entry.ts";

export interface SharedReadinessOptions {
  /** A result younger than this is answered as it is: no check runs. */
  freshMs: number;
  /**
   * A result older than `freshMs` but younger than this is answered at once while one check runs
   * in the background for the next caller; an older one (or none) waits for a new check.
   */
  staleMs: number;
  /** Milliseconds now, by the host's clock. */
  now: () => number;
}

/** How often `/readyz` checks its dependencies at most, and how old an answer it gives without waiting. */
export const defaultSharedReadiness = { freshMs: 5_000, staleMs: 30_000 } as const;

/**
 * Readiness checked at most once per `freshMs`, however many callers ask (every orchestrator
 * probe and any anonymous caller of `/readyz`): callers at the same moment share one check, and
 * a caller gets the last result at once while it is at most `staleMs` old. A check that throws
 * is shared the same way (the route answers it as unavailable).
 */
export function sharedReadiness(check: () => Promise<ReadinessEntry[]>, options: SharedReadinessOptions): () => Promise<ReadinessEntry[]> {
  let last: { atMs: number; entries: ReadinessEntry[] | Promise<ReadinessEntry[]> } | undefined;
  let running: Promise<ReadinessEntry[]> | undefined;

  const refresh = (): Promise<ReadinessEntry[]> => {
    if (running) return running;
    const startedMs = options.now();
    const run = check();
    running = run;
    const settle = () => {
      if (running === run) running = undefined;
    };
    run.then(
      (entries) => {
        last = { atMs: startedMs, entries };
        settle();
      },
      () => {
        last = { atMs: startedMs, entries: run };
        settle();
      },
    );
    return run;
  };

  return async () => {
    const ageMs = last === undefined ? Number.POSITIVE_INFINITY : options.now() - last.atMs;
    if (last !== undefined && ageMs < options.freshMs) return last.entries;
    if (last !== undefined && ageMs < options.staleMs) {
      void refresh().catch(() => undefined);
      return last.entries;
    }
    return refresh();
  };
}
