/**
 * Behaviour every ConsentRepository adapter must show
 * (packages/core/src/ports/consent-repository.ts).
 */
import { activeConsent, type ConsentGrant, type ConsentWithdrawal } from "@confide/core";
import type { ConsentRepository } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectConfideError } from "./expect-confide-error.ts";
import { expectSameDates } from "./expect-same-dates.ts";
import { fixtureId, minutesAfterEpoch } from "./fixtures.ts";

export interface ConsentRepositoryContractOptions {
  name: string;
  create: () => Promise<ConsentRepository>;
}

const formSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

export function buildConsentGrant(overrides: Partial<ConsentGrant> = {}): ConsentGrant {
  return {
    kind: "grant",
    id: fixtureId("consent"),
    patientId: "patient-consenting",
    sequence: 1,
    at: minutesAfterEpoch(0),
    recordedBy: "therapist-witness",
    recordedByRole: "therapist",
    scopes: [
      { scope: "recording" },
      { scope: "transcription" },
      { scope: "cloud_processing", providers: ["azure-speech", "azure-text-analytics"] },
    ],
    form: { version: "consent-form-2026-03", textSha256: formSha256 },
    method: "written",
    ...overrides,
  };
}

export function buildConsentWithdrawal(overrides: Partial<ConsentWithdrawal> = {}): ConsentWithdrawal {
  return {
    kind: "withdrawal",
    id: fixtureId("consent"),
    patientId: "patient-consenting",
    sequence: 2,
    at: minutesAfterEpoch(30),
    recordedBy: "patient-consenting",
    recordedByRole: "patient",
    scopes: [{ scope: "cloud_processing", providers: ["azure-speech"] }],
    reason: "I would rather my voice stayed in the clinic.",
    eraseSessions: false,
    ...overrides,
  };
}

export function describeConsentRepositoryContract(options: ConsentRepositoryContractOptions): void {
  describe(`ConsentRepository contract: ${options.name}`, () => {
    let consents: ConsentRepository;

    beforeEach(async () => {
      consents = await options.create();
    });

    afterEach(async () => {
      await consents.close();
    });

    it("keeps grants and withdrawals as written, oldest first, every date a Date", async () => {
      const patientId = fixtureId("patient");
      const grant = buildConsentGrant({ patientId });
      const withdrawal = buildConsentWithdrawal({ patientId, eraseSessions: true });

      expect(await consents.append(grant)).toEqual(grant);
      expect(await consents.append(withdrawal)).toEqual(withdrawal);

      const history = await consents.history(patientId);
      expect(history).toEqual([grant, withdrawal]);
      expectSameDates(history, [grant, withdrawal], "history");
      expect(activeConsent(history).cloudProviders).toEqual(["azure-text-analytics"]);
    });

    it("reads a history in sequence order, whatever the order of the times", async () => {
      const patientId = fixtureId("patient");
      const first = buildConsentGrant({ patientId, sequence: 1, at: minutesAfterEpoch(10) });
      const second = buildConsentWithdrawal({ patientId, sequence: 2, at: minutesAfterEpoch(10) });
      const third = buildConsentGrant({ patientId, sequence: 3, at: minutesAfterEpoch(9), method: "verbal_witnessed" });
      for (const record of [first, second, third]) await consents.append(record);

      expect((await consents.history(patientId)).map((record) => record.id)).toEqual([first.id, second.id, third.id]);
    });

    it("answers an empty history for a patient with none", async () => {
      expect(await consents.history(fixtureId("patient"))).toEqual([]);
    });

    it("refuses a second record at a place of the history, keeping the first (consent.conflict)", async () => {
      const patientId = fixtureId("patient");
      const grant = buildConsentGrant({ patientId });
      await consents.append(grant);

      await expectConfideError(consents.append(buildConsentWithdrawal({ patientId, sequence: 1 })), "consent.conflict");

      expect(await consents.history(patientId)).toEqual([grant]);
    });

    it("refuses an id already in the patient's history (consent.conflict)", async () => {
      const patientId = fixtureId("patient");
      const grant = buildConsentGrant({ patientId });
      await consents.append(grant);

      await expectConfideError(consents.append(buildConsentWithdrawal({ id: grant.id, patientId, sequence: 2 })), "consent.conflict");

      expect(await consents.history(patientId)).toEqual([grant]);
    });

    it("keeps each patient's history apart: the same place in two histories is no conflict", async () => {
      const first = buildConsentGrant({ patientId: fixtureId("patient") });
      const second = buildConsentGrant({ patientId: fixtureId("patient"), method: "electronic", recordedByRole: "patient" });
      await consents.append(first);
      await consents.append(second);

      expect(await consents.history(first.patientId)).toEqual([first]);
      expect(await consents.history(second.patientId)).toEqual([second]);
    });

    it("erases the reasons of one patient's withdrawals and keeps every record", async () => {
      const patientId = fixtureId("patient");
      const grant = buildConsentGrant({ patientId });
      const withReason = buildConsentWithdrawal({ patientId, sequence: 2 });
      const withoutReason = buildConsentWithdrawal({ patientId, sequence: 3, reason: null });
      const otherPatients = buildConsentWithdrawal({ patientId: fixtureId("patient"), sequence: 1 });
      for (const record of [grant, withReason, withoutReason, otherPatients]) await consents.append(record);

      expect(await consents.eraseReasons(patientId)).toBe(1);

      expect(await consents.history(patientId)).toEqual([grant, { ...withReason, reason: null }, withoutReason]);
      expect(await consents.history(otherPatients.patientId)).toEqual([otherPatients]);
      expect(await consents.eraseReasons(patientId)).toBe(0);
      expect(await consents.eraseReasons(fixtureId("patient"))).toBe(0);
    });

    it("returns copies: changing what it returned changes nothing stored", async () => {
      const grant = buildConsentGrant({ patientId: fixtureId("patient") });
      const returned = await consents.append(grant);
      returned.scopes.push({ scope: "ai_notes" });
      const [read] = await consents.history(grant.patientId);
      (read as ConsentGrant).form.version = "changed";

      expect(await consents.history(grant.patientId)).toEqual([grant]);
    });
  });
}
