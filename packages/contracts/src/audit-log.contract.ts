/**
 * Behaviour every AuditLog adapter must show (packages/core/src/ports/audit-log.ts).
 */
import type { AuditEvent, AuditLog } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectPages } from "./collect-pages.ts";
import { expectSameDates } from "./expect-same-dates.ts";
import { buildAuditEvent, minutesAfterEpoch } from "./fixtures.ts";

export interface AuditLogContractOptions {
  name: string;
  create: () => Promise<AuditLog>;
}

const idsOf = (events: AuditEvent[]) => events.map((event) => event.id);

export function describeAuditLogContract(options: AuditLogContractOptions): void {
  describe(`AuditLog contract: ${options.name}`, () => {
    let audit: AuditLog;

    beforeEach(async () => {
      audit = await options.create();
    });

    afterEach(async () => {
      await audit.close();
    });

    async function recordAll(events: AuditEvent[]): Promise<void> {
      for (const event of events) await audit.record(event);
    }

    it("answers an empty page when nothing is recorded", async () => {
      expect(await audit.list({ limit: 10 })).toEqual({ items: [], nextCursor: null });
    });

    it("returns an event as recorded, its date a Date", async () => {
      const event = buildAuditEvent();
      await audit.record(event);

      const { items } = await audit.list({ limit: 10 });
      expect(items).toEqual([event]);
      expectSameDates(items[0], event, "event");
    });

    it("returns an event without its optional fields without inventing them", async () => {
      const event: AuditEvent = {
        id: "audit-minimal",
        at: minutesAfterEpoch(1),
        actorId: "admin-1",
        actorRole: "admin",
        action: "user.create",
      };
      await audit.record(event);

      const [stored] = (await audit.list({ limit: 10 })).items;
      // Absent stays absent: not null, not an empty string.
      expect(stored).toEqual(event);
      expect(stored?.sessionId).toBeUndefined();
      expect(stored?.subjectUserId).toBeUndefined();
      expect(stored?.detail).toBeUndefined();
    });

    it("lists newest first", async () => {
      const events = [
        buildAuditEvent({ at: minutesAfterEpoch(2) }),
        buildAuditEvent({ at: minutesAfterEpoch(9) }),
        buildAuditEvent({ at: minutesAfterEpoch(5) }),
      ];
      await recordAll(events);

      expect(idsOf((await audit.list({ limit: 10 })).items)).toEqual([events[1], events[2], events[0]].map((e) => e?.id));
    });

    it("filters by user, as actor or as subject", async () => {
      const userId = "user-audited";
      const asActor = buildAuditEvent({ actorId: userId, at: minutesAfterEpoch(3) });
      const asSubject = buildAuditEvent({ subjectUserId: userId, at: minutesAfterEpoch(2) });
      const unrelated = buildAuditEvent({ at: minutesAfterEpoch(1) });
      await recordAll([asActor, asSubject, unrelated]);

      expect(idsOf((await audit.list({ userId, limit: 10 })).items)).toEqual([asActor.id, asSubject.id]);
      expect((await audit.list({ userId: "user-never-seen", limit: 10 })).items).toEqual([]);
    });

    it("filters by session, and by session and user together", async () => {
      const sessionId = "session-audited";
      const read = buildAuditEvent({ sessionId, actorId: "therapist-1", at: minutesAfterEpoch(4) });
      const edit = buildAuditEvent({ sessionId, actorId: "therapist-2", action: "session.transcript.edit", at: minutesAfterEpoch(5) });
      const otherSession = buildAuditEvent({ actorId: "therapist-1", at: minutesAfterEpoch(6) });
      await recordAll([read, edit, otherSession]);

      expect(idsOf((await audit.list({ sessionId, limit: 10 })).items)).toEqual([edit.id, read.id]);
      expect(idsOf((await audit.list({ sessionId, userId: "therapist-1", limit: 10 })).items)).toEqual([read.id]);
    });

    it("pages through 25 events 10 at a time: 10, 10, 5, no gaps or repeats", async () => {
      const userId = "user-paged";
      // Five events share each instant, so the cursor must carry a tie-break.
      const events = Array.from({ length: 25 }, (_, index) =>
        buildAuditEvent({ actorId: userId, at: minutesAfterEpoch(Math.floor(index / 5)) }),
      );
      await recordAll([...events, buildAuditEvent()]);

      const pages = await collectPages((cursor) => audit.list({ userId, limit: 10, cursor }));

      expect(pages.map((page) => page.items.length)).toEqual([10, 10, 5]);
      expect(pages.at(-1)?.nextCursor).toBeNull();
      const listed = pages.flatMap((page) => page.items);
      expect(new Set(idsOf(listed)).size).toBe(25);
      expect(new Set(idsOf(listed))).toEqual(new Set(idsOf(events)));
      for (let index = 1; index < listed.length; index += 1) {
        expect((listed[index - 1] as AuditEvent).at.getTime()).toBeGreaterThanOrEqual((listed[index] as AuditEvent).at.getTime());
      }
    });
  });
}
