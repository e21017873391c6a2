/**
 * Behaviour every LegalHoldRepository adapter must show
 * (packages/core/src/ports/legal-hold-repository.ts).
 */
import type { LegalHold, LegalHoldRepository } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectConfideError } from "./expect-confide-error.ts";
import { expectSameDates } from "./expect-same-dates.ts";
import { buildLegalHold, minutesAfterEpoch } from "./fixtures.ts";

export interface LegalHoldRepositoryContractOptions {
  name: string;
  create: () => Promise<LegalHoldRepository>;
}

const idsOf = (holds: LegalHold[]) => holds.map((hold) => hold.id);

export function describeLegalHoldRepositoryContract(options: LegalHoldRepositoryContractOptions): void {
  describe(`LegalHoldRepository contract: ${options.name}`, () => {
    let holds: LegalHoldRepository;

    beforeEach(async () => {
      holds = await options.create();
    });

    afterEach(async () => {
      await holds.close();
    });

    it("stores a hold on a patient and one on a session and gets each back as written, every date a Date", async () => {
      const onPatient = buildLegalHold();
      const onSession = buildLegalHold({ patientId: onPatient.patientId, sessionId: "session-held", setByRole: "therapist" });
      await holds.create(onPatient);
      await holds.create(onSession);

      const stored = await holds.get(onSession.id);

      expect(stored).toEqual(onSession);
      expectSameDates(stored, onSession, "hold");
      expect(await holds.get(onPatient.id)).toEqual(onPatient);
      expect(await holds.get("hold-missing")).toBeNull();
    });

    it("refuses a second hold with the same id and keeps the first", async () => {
      const hold = buildLegalHold();
      await holds.create(hold);

      await expectConfideError(holds.create({ ...hold, reason: "another" }), "validation.invalid_input");

      expect(await holds.get(hold.id)).toEqual(hold);
    });

    it("releases once: a second release keeps the first one's who and when", async () => {
      const hold = buildLegalHold();
      await holds.create(hold);

      const released = await holds.release(hold.id, { releasedAt: minutesAfterEpoch(5), releasedBy: "admin-release" });
      const again = await holds.release(hold.id, { releasedAt: minutesAfterEpoch(9), releasedBy: "admin-late" });

      const expected = { ...hold, releasedAt: minutesAfterEpoch(5), releasedBy: "admin-release" };
      expect(released).toEqual(expected);
      expect(again).toEqual(expected);
      expect(await holds.get(hold.id)).toEqual(expected);
      expectSameDates(await holds.get(hold.id), expected, "released hold");
      await expectConfideError(holds.release("hold-missing", { releasedAt: minutesAfterEpoch(1), releasedBy: "x" }), "legal_hold.not_found");
    });

    it("lists a patient's holds newest first, released ones unless activeOnly, and no one else's", async () => {
      const patientId = "patient-with-holds";
      const oldest = buildLegalHold({ patientId, setAt: minutesAfterEpoch(-50) });
      const released = buildLegalHold({ patientId, sessionId: "session-1", setAt: minutesAfterEpoch(-40) });
      const newest = buildLegalHold({ patientId, sessionId: "session-2", setAt: minutesAfterEpoch(-10) });
      const someoneElses = buildLegalHold();
      for (const hold of [released, someoneElses, newest, oldest]) await holds.create(hold);
      await holds.release(released.id, { releasedAt: minutesAfterEpoch(-5), releasedBy: "admin-1" });

      expect(idsOf(await holds.listByPatient(patientId))).toEqual([newest.id, released.id, oldest.id]);
      expect(await holds.listByPatient(patientId, { activeOnly: true })).toEqual([newest, oldest]);
      expect(await holds.listByPatient("patient-without-holds")).toEqual([]);
    });
  });
}
