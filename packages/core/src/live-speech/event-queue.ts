/**
 * An unbounded queue read once as an async iterable: the producer pushes and ends it, the one
 * consumer reads every item in order and then sees the end. Ending with `drop` discards what
 * the consumer has not read yet (an abort).
 */
export interface EventQueue<T> extends AsyncIterable<T> {
  push(item: T): void;
  end(options?: { drop?: boolean }): void;
  readonly ended: boolean;
}

export function createEventQueue<T>(): EventQueue<T> {
  const items: T[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  let iterated = false;

  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };

  return {
    get ended() {
      return ended;
    },
    push(item) {
      if (ended) return;
      items.push(item);
      notify();
    },
    end(options = {}) {
      if (options.drop) items.length = 0;
      ended = true;
      notify();
    },
    async *[Symbol.asyncIterator]() {
      if (iterated) throw new TypeError("The events of a live recognition can be read once.");
      iterated = true;
      for (;;) {
        const item = items.shift();
        if (item !== undefined) {
          yield item;
          continue;
        }
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
