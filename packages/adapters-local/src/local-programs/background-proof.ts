/**
 * A proof that a local engine really works — starting it with its model on an empty input —
 * kept out of readiness probes: loading a speech model takes most of a second of CPU on an idle
 * machine and several on a busy one, past a probe's deadline. The first check starts the proof
 * and answers from what it can see at once (its programs start, its model files are there);
 * every later check reports the last proof's failure. A success is trusted for `ttlMs`, then
 * proven again. A proof starts `startAfterMs` after the check that asked for it, so that starting
 * its process (tens of milliseconds of the event loop each, in a server holding a database in
 * memory) is not on the path of that probe's answer.
 */
export interface BackgroundProof {
  /** Starts a proof when none is fresh or running. @throws the last proof's error, until one succeeds. */
  report(): void;
  /** Settles when no proof is running (tests wait on it). */
  settled(): Promise<void>;
  /** Stops a running proof. */
  close(): void;
}

export function createBackgroundProof(
  prove: (signal: AbortSignal) => Promise<void>,
  { ttlMs = 60_000, startAfterMs = 1_000 }: { ttlMs?: number; startAfterMs?: number } = {},
): BackgroundProof {
  const stop = new AbortController();
  let running: Promise<void> | undefined;
  let provenAt = Number.NEGATIVE_INFINITY;
  let failure: { error: unknown } | undefined;
  return {
    report() {
      if (!running && !stop.signal.aborted && Date.now() - provenAt >= ttlMs) {
        const proving =
          startAfterMs > 0 ? after(startAfterMs, stop.signal).then(() => prove(stop.signal)) : prove(stop.signal);
        running = proving
          .then(
            () => {
              provenAt = Date.now();
              failure = undefined;
            },
            (error: unknown) => {
              // A proof stopped by close() proves nothing either way.
              if (!stop.signal.aborted) failure = { error };
            },
          )
          .finally(() => {
            running = undefined;
          });
      }
      if (failure) throw failure.error;
    },
    settled: () => running ?? Promise.resolve(),
    close() {
      stop.abort();
    },
  };
}

/** Resolves `ms` from now (a timer that keeps no process alive); rejects when `signal` aborts first. */
function after(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stopped = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stopped);
      resolve();
    }, ms);
    timer.unref();
    signal.addEventListener("abort", stopped, { once: true });
  });
}
