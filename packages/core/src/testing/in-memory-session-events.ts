import { createSessionEventFanOut } from "../events/session-event-fan-out.ts";
import type { SessionChange, SessionEvents } from "../ports/session-events.ts";

export interface InMemorySessionEvents extends SessionEvents {
  /** Every change published so far, oldest first. */
  published: SessionChange[];
  /** Listeners registered now (a closed stream leaves none behind). */
  listenerCount(): number;
  /** Tells every listener to read again, as an adapter does after a lost connection. */
  resync(): void;
}

/** SessionEvents within one process, delivered synchronously while `publish` runs; for tests. */
export function createInMemorySessionEvents(): InMemorySessionEvents {
  const fanOut = createSessionEventFanOut();
  const published: SessionChange[] = [];
  let closed = false;
  return {
    published,
    listenerCount: () => fanOut.size(),
    resync: () => fanOut.resync(),
    async publish(change) {
      if (closed) return;
      published.push(structuredClone(change));
      fanOut.deliver(structuredClone(change));
    },
    subscribe: (filter, listener) => (closed ? () => {} : fanOut.subscribe(filter, listener)),
    async check() {},
    async close() {
      closed = true;
      fanOut.clear();
    },
  };
}
