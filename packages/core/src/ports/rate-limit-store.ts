/** A fixed window: at most `points` per `durationSeconds`, counted per key. */
export interface RateLimit {
  points: number;
  durationSeconds: number;
}

/** `consumedPoints`: taken in the key's window so far, this call included. */
export type RateLimitOutcome =
  | { allowed: true; consumedPoints: number; remainingPoints: number }
  | { allowed: false; consumedPoints: number; retryAfterMs: number };

/**
 * Counters per key in a fixed window (the window starts with the key's first points). Every
 * method is atomic on its key across every process sharing the store.
 */
export interface RateLimitCounter {
  /**
   * Takes `points` (default 1). Points are taken even when refused; refused means the window's
   * points are spent (or the key is blocked), and `retryAfterMs` (≥ 1) says when it frees.
   * @throws ConfideError `dependency.unavailable` when the store cannot count at all (a store
   * shared through a network service counts in the process meanwhile, and does not throw).
   */
  consume(key: string, points?: number): Promise<RateLimitOutcome>;
  /** Gives `points` back (a reservation that was not used); a key never goes below zero. @throws as `consume`. */
  refund(key: string, points: number): Promise<void>;
  /** @returns the points left in the key's window and when it resets (all points and 0 when nothing was taken). @throws as `consume`. */
  peek(key: string): Promise<{ remainingPoints: number; resetInMs: number }>;
  /** Refuses the key for `durationMs` from now, whatever its points. @throws as `consume`. */
  block(key: string, durationMs: number): Promise<void>;
  /** Forgets the key: a full window again. @throws as `consume`. */
  reset(key: string): Promise<void>;
}

/**
 * Where the API's counters live (sign-in throttling, upload quotas): in the process for one API
 * process (`memoryRateLimitStore`), or in a store every API process shares (Redis in the
 * self-hosted profile), so a limit holds however many processes serve.
 */
export interface RateLimitStore {
  /**
   * The counter for one purpose. The same `name` always counts in the same place, with the
   * limit given first.
   * @param name unique per purpose ("login-pair", "upload-bytes"); a prefix of its keys.
   */
  counter(name: string, limit: RateLimit): RateLimitCounter;
}
