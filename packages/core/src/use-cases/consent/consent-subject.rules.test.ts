import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConsentRecord } from "../../domain/consent.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import type { ConsentRepository } from "../../ports/consent-repository.ts";
import { createInMemoryConsentRepository } from "../../testing/in-memory-consent-repository.ts";
import { seedLinkedPair, testUser } from "../../testing/linked-pair.ts";
import { testConsentForm } from "../../testing/test-consent.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { appendConsentRecord } from "./append-consent-record.ts";
import { getConsent } from "./get-consent.ts";
import { grantConsent } from "./grant-consent.ts";
import { withdrawConsent } from "./withdraw-consent.ts";

const therapist: Actor = { userId: "therapist-1", role: "therapist" };
const patient: Actor = { userId: "patient-1", role: "patient" };
const admin: Actor = { userId: "admin-1", role: "admin" };

async function rejection(promise: Promise<unknown>): Promise<ConfideError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!ConfideError.is(error)) throw new Error(`Expected a ConfideError, got ${String(error)}`);
  return error;
}

async function setUp(overrides: Parameters<typeof createTestDeps>[0] = {}): Promise<TestDeps> {
  const deps = createTestDeps(overrides);
  await seedLinkedPair(deps, { consent: false });
  return deps;
}

describe("whose consent an actor may read and record", () => {
  it("a patient may name themselves, as if they named no one", async () => {
    const deps = await setUp();
    const granted = await grantConsent(deps, patient, { patientId: patient.userId, scopes: [{ scope: "recording" }], form: testConsentForm, method: "electronic" });
    expect(granted.record.patientId).toBe(patient.userId);
    expect((await getConsent(deps, patient, { patientId: patient.userId })).active.scopes).toEqual(["recording"]);
  });

  it("a patient naming someone else is told there is no such patient", async () => {
    const deps = await setUp();
    expect(await rejection(getConsent(deps, patient, { patientId: "patient-2" }))).toMatchObject({ code: "user.not_found", message: "No such patient." });
  });

  it("a therapist must name the patient: naming no one, or an empty id, is forbidden, not a lookup", async () => {
    const deps = await setUp();
    for (const patientId of [undefined, ""]) {
      expect(await rejection(getConsent(deps, therapist, patientId === undefined ? {} : { patientId }))).toMatchObject({
        code: "auth.forbidden",
        message: "Only patients have consent of their own; a therapist names the patient.",
      });
    }
  });

  it("a therapist linked to someone who is not a patient finds no such patient", async () => {
    const deps = await setUp();
    await deps.users.create(testUser("therapist-3", "therapist", deps.clock.now()));
    await deps.users.link({ therapistId: therapist.userId, patientId: "therapist-3", createdAt: deps.clock.now() });
    expect(await rejection(getConsent(deps, therapist, { patientId: "therapist-3" }))).toMatchObject({ code: "user.not_found" });
  });

  it("an administrator is refused, saying consent records are not theirs to see", async () => {
    const deps = await setUp();
    expect(await rejection(getConsent(deps, admin, { patientId: patient.userId }))).toMatchObject({
      code: "auth.forbidden",
      message: "Administrators cannot access patients' consent records.",
    });
  });
});

describe("reading consent", () => {
  it("is audited as consent.read with the number of records read", async () => {
    const deps = await setUp();
    await grantConsent(deps, patient, { scopes: [{ scope: "recording" }], form: testConsentForm, method: "electronic" });
    await withdrawConsent(deps, patient, { scopes: [{ scope: "recording" }] });
    await getConsent(deps, therapist, { patientId: patient.userId });
    expect(deps.audit.events().filter((event) => event.action === "consent.read")).toEqual([
      expect.objectContaining({ actorId: therapist.userId, subjectUserId: patient.userId, detail: { records: 2 } }),
    ]);
  });
});

describe("granting consent", () => {
  it("refuses a method the actor may not record, saying which they may and naming the method", async () => {
    const deps = await setUp();
    expect(await rejection(grantConsent(deps, patient, { scopes: [{ scope: "recording" }], form: testConsentForm, method: "written" }))).toMatchObject({
      code: "auth.forbidden",
      message: "A patient records consent obtained as electronic.",
      details: { method: "written" },
    });
    expect(
      await rejection(grantConsent(deps, therapist, { patientId: patient.userId, scopes: [{ scope: "recording" }], form: testConsentForm, method: "electronic" })),
    ).toMatchObject({ code: "auth.forbidden", message: "A therapist records consent obtained as written or verbal_witnessed.", details: { method: "electronic" } });
    expect(await deps.consents.history(patient.userId)).toEqual([]);
  });
});

describe("two writers appending to one history", () => {
  /** A repository where, before each of the first `races` appends, another writer appends first. */
  function racingConsents(races: number, error?: ConfideError): { repository: ConsentRepository; rivals: number } {
    const inner = createInMemoryConsentRepository();
    const state = { repository: undefined as unknown as ConsentRepository, rivals: 0 };
    state.repository = {
      ...inner,
      append: async (record: ConsentRecord) => {
        if (state.rivals < races) {
          state.rivals += 1;
          if (error) throw error;
          await inner.append({ ...record, id: `rival-${state.rivals}`, recordedBy: "therapist-1" });
        }
        return inner.append(record);
      },
    };
    return state;
  }

  const grant = { kind: "grant" as const, patientId: "patient-1", recordedBy: "patient-1", recordedByRole: "patient" as const, scopes: [{ scope: "recording" as const }], form: testConsentForm, method: "electronic" as const };

  it("the loser reads the history again and takes the next place, up to three tries (property over the races lost)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 }), async (races) => {
        const racing = racingConsents(races);
        const deps = createTestDeps({ consents: racing.repository });
        const appended = appendConsentRecord(deps, grant);
        if (races >= 3) {
          expect(await rejection(appended)).toMatchObject({ code: "consent.conflict" });
          expect((await deps.consents.history("patient-1")).map((record) => record.id)).toEqual(["rival-1", "rival-2", "rival-3"]);
        } else {
          const { record, history } = await appended;
          expect(record.sequence).toBe(races + 1);
          expect(history.map((entry) => entry.sequence)).toEqual(Array.from({ length: races + 1 }, (_, index) => index + 1));
          expect(await deps.consents.history("patient-1")).toEqual(history);
        }
      }),
    );
  });

  it("an error other than a lost race is not retried", async () => {
    const racing = racingConsents(1, new ConfideError("dependency.unavailable", "The database is down.", { retryable: true }));
    const deps = createTestDeps({ consents: racing.repository });
    expect(await rejection(appendConsentRecord(deps, grant))).toMatchObject({ code: "dependency.unavailable" });
    expect(await deps.consents.history("patient-1")).toEqual([]);
  });
});
