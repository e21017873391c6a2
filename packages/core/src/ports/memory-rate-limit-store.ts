import type { Clock } from "./clock.ts";
import { systemClock } from "./clock.ts";
import type { RateLimit, RateLimitCounter, RateLimitStore } from "./rate-limit-store.ts";

interface Window {
  consumed: number;
  /** Epoch milliseconds when the window (or a block) ends. */
  endsAt: number;
}

/** Past this many keys, ended windows are dropped as new ones are counted. */
const pruneAbove = 10_000;

/**
 * Counters in this process's memory: the store of a deployment with one API process (the
 * embedded profile), and of tests. Windows that ended are forgotten.
 */
export function memoryRateLimitStore(options: { clock?: Clock } = {}): RateLimitStore {
  const clock = options.clock ?? systemClock;
  const counters = new Map<string, RateLimitCounter>();

  function create(limit: RateLimit): RateLimitCounter {
    const windows = new Map<string, Window>();
    const now = () => clock.now().getTime();
    const current = (key: string): Window | undefined => {
      const window = windows.get(key);
      if (window === undefined || window.endsAt > now()) return window;
      windows.delete(key);
      return undefined;
    };
    const prune = () => {
      if (windows.size <= pruneAbove) return;
      for (const key of [...windows.keys()]) current(key);
    };
    return {
      async consume(key, points = 1) {
        prune();
        const window = current(key) ?? { consumed: 0, endsAt: now() + limit.durationSeconds * 1000 };
        window.consumed += points;
        windows.set(key, window);
        if (window.consumed <= limit.points) {
          return { allowed: true, consumedPoints: window.consumed, remainingPoints: limit.points - window.consumed };
        }
        return { allowed: false, consumedPoints: window.consumed, retryAfterMs: Math.max(1, window.endsAt - now()) };
      },
      async refund(key, points) {
        const window = current(key);
        if (window !== undefined && points > 0) window.consumed = Math.max(0, window.consumed - points);
      },
      async peek(key) {
        const window = current(key);
        if (window === undefined) return { remainingPoints: limit.points, resetInMs: 0 };
        return { remainingPoints: Math.max(0, limit.points - window.consumed), resetInMs: Math.max(0, window.endsAt - now()) };
      },
      async block(key, durationMs) {
        windows.set(key, { consumed: limit.points + 1, endsAt: now() + Math.max(1, durationMs) });
      },
      async reset(key) {
        windows.delete(key);
      },
    };
  }

  return {
    counter(name, limit) {
      let counter = counters.get(name);
      if (counter === undefined) {
        counter = create(limit);
        counters.set(name, counter);
      }
      return counter;
    },
  };
}
