import type { Clock } from "../ports/clock.ts";

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(date: Date): void;
}

/** A clock that moves only when told to. */
export function createManualClock(start = new Date("2026-01-05T09:00:00.000Z")): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(date) {
      current = date.getTime();
    },
  };
}
