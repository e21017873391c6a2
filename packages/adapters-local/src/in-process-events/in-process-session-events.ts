import { createSessionEventFanOut, silentLogger } from "@confide/core/adapter-kit";
import { loggableCode, type Logger, type SessionEvents } from "@confide/core/ports";

export interface InProcessSessionEventsSettings {
  /** Told about a listener that threw. */
  logger?: Logger;
}

/**
 * SessionEvents for one process (the embedded profile: the API and the worker share it). A
 * change goes straight to the listeners, synchronously while `publish` runs: there is no
 * connection to lose, so nothing is ever missed and no `resync` is ever sent. Changes written
 * by another process are not seen: use a shared channel (Redis) when processes are several.
 */
export function createInProcessSessionEvents(settings: InProcessSessionEventsSettings = {}): SessionEvents {
  const logger = settings.logger ?? silentLogger;
  const fanOut = createSessionEventFanOut({
    onListenerError: (error) => logger.warn("session.events.listener_failed", { code: loggableCode(error) }),
  });
  let closed = false;
  return {
    async publish(change) {
      if (!closed) fanOut.deliver(change);
    },
    subscribe: (filter, listener) => (closed ? () => {} : fanOut.subscribe(filter, listener)),
    async check() {},
    async close() {
      closed = true;
      fanOut.clear();
    },
  };
}
