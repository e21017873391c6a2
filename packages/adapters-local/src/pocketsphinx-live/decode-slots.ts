/**
 * The decode slots the embedded live engine shares among all its streams: at most `limit`
 * PocketSphinx processes at once. A process fed while its utterance is spoken holds its slot
 * for as long as the speech lasts, so once every slot is taken, an utterance that has already
 * been cut (all its audio is there, its final is awaited) goes before one still being spoken.
 */
export interface DecodeTurn {
  /** Set once the utterance is cut: it then goes before the turns still being spoken. */
  urgent: boolean;
}

export interface DecodeSlots {
  /**
   * Runs `task` once a slot is free, and frees the slot when it settles.
   * @returns what `task` returns. @throws what it throws, or `signal`'s reason when it aborts before a slot was free (the turn then leaves the queue).
   */
  run<T>(task: () => Promise<T>, turn: DecodeTurn, signal: AbortSignal): Promise<T>;
}

export function createDecodeSlots(limit: number): DecodeSlots {
  let running = 0;
  const waiting: Array<{ turn: DecodeTurn; wake: () => void }> = [];
  const wakeNext = () => {
    const urgent = waiting.findIndex((waiter) => waiter.turn.urgent);
    waiting.splice(Math.max(urgent, 0), 1)[0]?.wake();
  };

  return {
    async run(task, turn, signal) {
      while (running >= limit) {
        signal.throwIfAborted();
        await new Promise<void>((resolve) => {
          const waiter = {
            turn,
            wake: () => {
              signal.removeEventListener("abort", leave);
              resolve();
            },
          };
          function leave() {
            const at = waiting.indexOf(waiter);
            if (at >= 0) waiting.splice(at, 1);
            resolve();
          }
          waiting.push(waiter);
          signal.addEventListener("abort", leave, { once: true });
        });
      }
      signal.throwIfAborted();
      running += 1;
      try {
        return await task();
      } finally {
        running -= 1;
        wakeNext();
      }
    },
  };
}
