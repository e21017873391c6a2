import type { SessionChange, SessionEventFilter, SessionEventListener } from "../ports/session-events.ts";

/**
 * The listeners of one process, by session and by therapist: what every SessionEvents adapter
 * hands its changes to, so that one connection (or none, in-process) serves every open stream.
 */
export interface SessionEventFanOut {
  /** Registers `listener` for `filter`. @returns its unsubscribe (calling it again does nothing). */
  subscribe(filter: SessionEventFilter, listener: SessionEventListener): () => void;
  /** Calls every listener of the change's session and of its therapist. */
  deliver(change: SessionChange): void;
  /** Sends `resync` to every listener. */
  resync(): void;
  /** How many listeners are registered. */
  size(): number;
  /** Unregisters every listener. */
  clear(): void;
}

export interface SessionEventFanOutOptions {
  /** Receives what a listener threw; the other listeners are called all the same. */
  onListenerError?: (error: unknown) => void;
}

interface Subscription {
  listener: SessionEventListener;
}

export function createSessionEventFanOut(options: SessionEventFanOutOptions = {}): SessionEventFanOut {
  const bySession = new Map<string, Set<Subscription>>();
  const byTherapist = new Map<string, Set<Subscription>>();

  const call = (subscription: Subscription, event: Parameters<SessionEventListener>[0]) => {
    try {
      subscription.listener(event);
    } catch (error) {
      options.onListenerError?.(error);
    }
  };
  const count = (index: Map<string, Set<Subscription>>) => [...index.values()].reduce((sum, set) => sum + set.size, 0);

  return {
    subscribe(filter, listener) {
      const [index, key] = "sessionId" in filter ? [bySession, filter.sessionId] : [byTherapist, filter.therapistId];
      const subscription: Subscription = { listener };
      const subscriptions = index.get(key) ?? new Set<Subscription>();
      subscriptions.add(subscription);
      index.set(key, subscriptions);
      return () => {
        subscriptions.delete(subscription);
        if (subscriptions.size === 0 && index.get(key) === subscriptions) index.delete(key);
      };
    },
    deliver(change) {
      const event = { type: "change" as const, change };
      // Copies: a listener may unsubscribe (itself or another) while being called.
      for (const subscription of [...(bySession.get(change.sessionId) ?? [])]) call(subscription, event);
      for (const subscription of [...(byTherapist.get(change.therapistId) ?? [])]) call(subscription, event);
    },
    resync() {
      const everyone = [...bySession.values(), ...byTherapist.values()].flatMap((subscriptions) => [...subscriptions]);
      for (const subscription of everyone) call(subscription, { type: "resync" });
    },
    size: () => count(bySession) + count(byTherapist),
    clear() {
      bySession.clear();
      byTherapist.clear();
    },
  };
}
