/**
 * Behaviour every SessionEvents adapter must show (packages/core/src/ports/session-events.ts).
 */
import type { SessionChange, SessionEvent, SessionEventFilter, SessionEvents } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { minutesAfterEpoch } from "./fixtures.ts";

/** Where adapters legitimately differ; the suite asserts the declared behaviour either way. */
export interface SessionEventsCapabilities {
  /**
   * How the adapter reaches other processes. `false`: it does not (in-process); its publisher
   * and subscriber are one instance, and it never has anything to resync. Otherwise the
   * subscriber's connection to the shared channel can be lost: `dropConnection` cuts it (as a
   * network failure would), and the suite expects a `resync` once it is back, then delivery as
   * before.
   */
  sharedChannel: false | { dropConnection: (subscriber: SessionEvents) => Promise<void> };
}

export interface SessionEventsContractOptions {
  name: string;
  /**
   * Two handles on one channel. For an adapter shared between processes, two instances (two
   * connections, as two processes would hold), so that the suite proves delivery from one to
   * the other; an in-process adapter passes one instance twice.
   */
  create: () => Promise<{ publisher: SessionEvents; subscriber: SessionEvents }>;
  capabilities: SessionEventsCapabilities;
}

/** How long the suite waits for an event that should come. */
const deliveryTimeoutMs = 5_000;

function buildChange(overrides: Partial<SessionChange> = {}): SessionChange {
  return {
    sessionId: "session-1",
    therapistId: "therapist-1",
    version: 2,
    status: "transcribing",
    updatedAt: minutesAfterEpoch(1),
    ...overrides,
  };
}

/** A listener that keeps what it receives and can wait for more. */
interface Recorder {
  events: SessionEvent[];
  changes(): SessionChange[];
  listener(event: SessionEvent): void;
  /** Resolves once `predicate` holds for what was received. */
  until(predicate: (events: SessionEvent[]) => boolean, what: string): Promise<void>;
}

function recorder(): Recorder {
  const events: SessionEvent[] = [];
  const waiters = new Set<() => void>();
  return {
    events,
    changes: () => events.flatMap((event) => (event.type === "change" ? [event.change] : [])),
    listener(event) {
      events.push(event);
      for (const wake of [...waiters]) wake();
    },
    until(predicate, what) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${what} within ${deliveryTimeoutMs} ms; received ${JSON.stringify(events)}`));
        }, deliveryTimeoutMs);
        function check() {
          if (!predicate(events)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        }
        waiters.add(check);
        check();
      });
    },
  };
}

const hasChange = (version: number, sessionId = "session-1") => (events: SessionEvent[]) =>
  events.some((event) => event.type === "change" && event.change.sessionId === sessionId && event.change.version === version);

export function describeSessionEventsContract(options: SessionEventsContractOptions): void {
  describe(`SessionEvents contract: ${options.name}`, () => {
    let publisher: SessionEvents;
    let subscriber: SessionEvents;

    beforeEach(async () => {
      ({ publisher, subscriber } = await options.create());
      // In place: changes published from here on reach the subscriber's listeners.
      await subscriber.check();
    });

    afterEach(async () => {
      await subscriber.close();
      if (publisher !== subscriber) await publisher.close();
    });

    function subscribe(filter: SessionEventFilter): Recorder & { unsubscribe: () => void } {
      const recording = recorder();
      return { ...recording, unsubscribe: subscriber.subscribe(filter, recording.listener) };
    }

    it("delivers a change to its session's listeners with every field as published, and to no other session's", async () => {
      const mine = subscribe({ sessionId: "session-1" });
      const other = subscribe({ sessionId: "session-2" });
      const change = buildChange({ status: "analyzing", version: 3, updatedAt: minutesAfterEpoch(7) });

      // Each listener's awaited change is published after the one it must not get.
      await publisher.publish(buildChange({ sessionId: "session-2", version: 9 }));
      await publisher.publish(change);
      await publisher.publish(buildChange({ sessionId: "session-2", version: 10 }));
      await mine.until(hasChange(3), "change of session-1");
      await other.until(hasChange(10, "session-2"), "second change of session-2");

      expect(mine.events).toEqual([{ type: "change", change }]);
      expect(mine.changes()[0]?.updatedAt).toBeInstanceOf(Date);
      expect(other.changes().map((received) => received.version)).toEqual([9, 10]);
    });

    it("delivers every change of a therapist's sessions to that therapist's listeners, and none of another therapist's", async () => {
      const therapist = subscribe({ therapistId: "therapist-1" });
      await publisher.publish(buildChange({ sessionId: "session-1", version: 2 }));
      await publisher.publish(buildChange({ sessionId: "session-7", therapistId: "therapist-2", version: 5 }));
      await publisher.publish(buildChange({ sessionId: "session-3", version: 4 }));

      await therapist.until(hasChange(4, "session-3"), "the second change of therapist-1");
      expect(therapist.changes().map((change) => change.sessionId)).toEqual(["session-1", "session-3"]);
    });

    it("delivers one process's changes in the order they were published", async () => {
      const listener = subscribe({ sessionId: "session-1" });
      const versions = Array.from({ length: 30 }, (_, index) => index + 2);
      await Promise.all(versions.map((version) => publisher.publish(buildChange({ version }))));

      await listener.until(hasChange(31), "the last change");
      expect(listener.changes().map((change) => change.version)).toEqual(versions);
    });

    it("delivers a deletion as a change with status deleted", async () => {
      const listener = subscribe({ sessionId: "session-1" });
      const deleted = buildChange({ status: "deleted", version: 6, updatedAt: minutesAfterEpoch(30) });
      await publisher.publish(deleted);

      await listener.until(hasChange(6), "the deletion");
      expect(listener.changes()).toEqual([deleted]);
    });

    it("gives each listener of a session the change once", async () => {
      const first = subscribe({ sessionId: "session-1" });
      const second = subscribe({ sessionId: "session-1" });
      await publisher.publish(buildChange({ version: 2 }));
      await publisher.publish(buildChange({ version: 3 }));

      await first.until(hasChange(3), "the second change");
      await second.until(hasChange(3), "the second change");
      expect(first.changes().map((change) => change.version)).toEqual([2, 3]);
      expect(second.changes().map((change) => change.version)).toEqual([2, 3]);
    });

    it("stops delivering to an unsubscribed listener (a second call does nothing); the others go on", async () => {
      const leaving = subscribe({ sessionId: "session-1" });
      const staying = subscribe({ sessionId: "session-1" });
      await publisher.publish(buildChange({ version: 2 }));
      await leaving.until(hasChange(2), "the first change");

      leaving.unsubscribe();
      leaving.unsubscribe();
      await publisher.publish(buildChange({ version: 3 }));
      await staying.until(hasChange(3), "the change after the unsubscribe");
      expect(leaving.changes().map((change) => change.version)).toEqual([2]);
    });

    it("calls the other listeners when one throws", async () => {
      subscriber.subscribe({ sessionId: "session-1" }, () => {
        throw new Error("a broken listener");
      });
      const healthy = subscribe({ sessionId: "session-1" });
      await publisher.publish(buildChange({ version: 2 }));
      await publisher.publish(buildChange({ version: 3 }));

      await healthy.until(hasChange(3), "both changes");
      expect(healthy.changes().map((change) => change.version)).toEqual([2, 3]);
    });

    it("after close: publish and subscribe do nothing, close again is harmless", async () => {
      const listener = subscribe({ sessionId: "session-1" });
      await subscriber.close();
      await subscriber.close();
      if (publisher !== subscriber) await publisher.close();

      await expect(publisher.publish(buildChange())).resolves.toBeUndefined();
      const unsubscribe = subscriber.subscribe({ sessionId: "session-1" }, listener.listener);
      unsubscribe();
      expect(listener.events).toEqual([]);
    });

    const { sharedChannel } = options.capabilities;
    if (sharedChannel === false) {
      it("is one instance within one process, and never asks for a resync", async () => {
        expect(publisher).toBe(subscriber);
        const listener = subscribe({ sessionId: "session-1" });
        await subscriber.check();
        for (const version of [2, 3, 4]) await publisher.publish(buildChange({ version }));

        await listener.until(hasChange(4), "the last change");
        expect(listener.events.map((event) => event.type)).toEqual(["change", "change", "change"]);
      });
    } else {
      it("tells its listeners to resync once a lost connection is back, then delivers as before", async () => {
        expect(publisher).not.toBe(subscriber);
        const listener = subscribe({ sessionId: "session-1" });
        const therapist = subscribe({ therapistId: "therapist-1" });
        await publisher.publish(buildChange({ version: 2 }));
        await listener.until(hasChange(2), "the change before the drop");

        await sharedChannel.dropConnection(subscriber);
        await listener.until((events) => events.some((event) => event.type === "resync"), "resync");
        await therapist.until((events) => events.some((event) => event.type === "resync"), "resync");
        await subscriber.check();
        await publisher.publish(buildChange({ version: 3 }));

        await listener.until(hasChange(3), "the change after the reconnection");
        expect(listener.events.filter((event) => event.type === "resync")).toHaveLength(1);
        expect(listener.changes().map((change) => change.version)).toEqual([2, 3]);
      });
    }
  });
}
