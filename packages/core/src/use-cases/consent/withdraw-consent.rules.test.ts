import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConsentScopeEntry } from "../../domain/consent.ts";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import type { SessionRepository } from "../../ports/session-repository.ts";
import { createInMemorySessionRepository } from "../../testing/in-memory-session-repository.ts";
import { seedLinkedPair } from "../../testing/linked-pair.ts";
import { recordTestConsent } from "../../testing/test-consent.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { storeSession } from "../sessions/session-fixture.test-support.ts";
import { grantConsent } from "./grant-consent.ts";
import { withdrawConsent } from "./withdraw-consent.ts";

const patient = { userId: "patient-1", role: "patient" } as const;
const inFlight = ["queued", "transcribing", "analyzing", "writing_notes"] as const;
const settled = ["uploaded", "ready", "failed", "finalized"] as const;

/** A linked pair whose patient consented to everything, with the speech engine and the analyzer as cloud providers. */
async function setUp(overrides: Parameters<typeof createTestDeps>[0] = {}): Promise<TestDeps> {
  const deps = createTestDeps({ settings: { cloudProviders: ["scripted", "keywords"] }, ...overrides });
  await seedLinkedPair(deps);
  return deps;
}

/** One session of patient-1 in each status, keyed by status. */
async function oneSessionPerStatus(deps: TestDeps, prefix = "s"): Promise<Record<Session["status"], Session>> {
  const sessions = {} as Record<Session["status"], Session>;
  for (const status of [...inFlight, ...settled]) sessions[status] = await storeSession(deps, { id: `${prefix}-${status}`, status });
  return sessions;
}

async function rejection(promise: Promise<unknown>): Promise<ConfideError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!ConfideError.is(error)) throw new Error(`Expected a ConfideError, got ${String(error)}`);
  return error;
}

describe("what a withdrawal stops", () => {
  it("a withdrawal of recording or transcription stops every session in flight, and only those (property over the scopes withdrawn)", async () => {
    const entries: ConsentScopeEntry[] = [
      { scope: "recording" },
      { scope: "transcription" },
      { scope: "ai_notes" },
      { scope: "cloud_processing", providers: ["keywords"] },
      { scope: "cloud_processing", providers: ["scripted"] },
    ];
    await fc.assert(
      fc.asyncProperty(fc.subarray([0, 1, 2, 3, 4], { minLength: 1 }), async (picked) => {
        const deps = await setUp();
        const sessions = await oneSessionPerStatus(deps);
        // At most one cloud_processing entry: both providers together when both were picked.
        const providers = picked.filter((index) => index >= 3).flatMap((index) => (entries[index] as { providers: string[] }).providers);
        const scopes: ConsentScopeEntry[] = [
          ...picked.filter((index) => index < 3).map((index) => entries[index] as ConsentScopeEntry),
          ...(providers.length > 0 ? [{ scope: "cloud_processing" as const, providers }] : []),
        ];
        const result = await withdrawConsent(deps, patient, { scopes });

        const gone = new Set(scopes.map((entry) => entry.scope));
        const stopsAll = gone.has("recording") || gone.has("transcription");
        const expected = inFlight.filter(
          (status) =>
            stopsAll ||
            // Transcription hands the session to the speech engine, analysis to the analyzer; notes to neither.
            ((status === "queued" || status === "transcribing") && providers.includes("scripted")) ||
            (status === "analyzing" && providers.includes("keywords")),
        );
        expect(result.stoppedSessionIds.toSorted()).toEqual(expected.map((status) => sessions[status].id).toSorted());
        for (const status of inFlight) {
          const stored = await deps.sessions.get(sessions[status].id);
          if (expected.includes(status)) expect(stored?.processing.lastError).toMatchObject({ code: "consent.withdrawn", retryable: true });
          else expect(stored).toEqual(sessions[status]);
        }
        for (const status of settled) expect(await deps.sessions.get(sessions[status].id)).toEqual(sessions[status]);
      }),
      { numRuns: 31 },
    );
  });

  it("a withdrawal of one scope leaves the other scopes in force", async () => {
    const deps = await setUp();
    for (const scope of ["recording", "transcription", "ai_notes"] as const) {
      const before = await withdrawConsent(deps, patient, { scopes: [{ scope }] });
      expect(before.active.scopes).toEqual(["recording", "transcription", "ai_notes"].filter((kept) => kept !== scope));
      expect(before.active.cloudProviders).toEqual(["keywords", "scripted"]);
      await recordTestConsent(deps, patient.userId);
    }
  });

  it("stops only the withdrawing patient's sessions, not another patient's of the same therapist", async () => {
    const deps = await setUp();
    const own = await storeSession(deps, { id: "own", status: "transcribing" });
    const other = await storeSession(deps, { id: "other", status: "transcribing", patientId: "patient-2" });
    const result = await withdrawConsent(deps, patient, { scopes: [{ scope: "transcription" }] });
    expect(result.stoppedSessionIds).toEqual([own.id]);
    expect(await deps.sessions.get(other.id)).toEqual(other);
  });

  it("stops every session in flight, however many pages of them there are", async () => {
    const deps = await setUp();
    const ids: string[] = [];
    for (let index = 0; index < 105; index += 1) ids.push((await storeSession(deps, { id: `queued-${String(index).padStart(3, "0")}`, status: "queued" })).id);
    const result = await withdrawConsent(deps, patient, { scopes: [{ scope: "recording" }] });
    expect(result.stoppedSessionIds.toSorted()).toEqual(ids);
    const page = await deps.sessions.list({ patientId: patient.userId, statuses: ["queued"], limit: 10 });
    expect(page.items).toEqual([]);
  });

  it("leaves another patient's sessions to the pipeline, even when that patient's consent does not cover them either", async () => {
    const deps = await setUp();
    const other = await storeSession(deps, { id: "other", status: "queued", patientId: "patient-2" });
    // Stored straight into the repository: patient-2's own withdrawal has not been acted on yet.
    await deps.consents.append({
      kind: "withdrawal",
      id: "patient-2-withdrawal",
      patientId: "patient-2",
      sequence: 2,
      at: deps.clock.now(),
      recordedBy: "patient-2",
      recordedByRole: "patient",
      scopes: [{ scope: "recording" }],
      reason: null,
      eraseSessions: false,
    });
    const result = await withdrawConsent(deps, patient, { scopes: [{ scope: "recording" }] });
    expect(result.stoppedSessionIds).toEqual([]);
    expect(await deps.sessions.get(other.id)).toEqual(other);
  });

  it("a withdrawal that stops nothing still ends, however many pages of sessions are in flight", async () => {
    const deps = await setUp();
    for (let index = 0; index < 105; index += 1) await storeSession(deps, { id: `queued-${String(index).padStart(3, "0")}`, status: "queued" });
    const result = await withdrawConsent(deps, patient, { scopes: [{ scope: "ai_notes" }] });
    expect(result.stoppedSessionIds).toEqual([]);
  });

  it("passes over a session erased while the withdrawal runs, and stops the others", async () => {
    const sessions = createInMemorySessionRepository();
    const vanished = new Set<string>();
    const racing: SessionRepository = { ...sessions, get: async (id) => (vanished.has(id) ? null : sessions.get(id)) };
    const deps = await setUp({ sessions: racing });
    const erased = await storeSession(deps, { id: "erased-meanwhile", status: "queued" });
    const kept = await storeSession(deps, { id: "kept", status: "queued" });
    vanished.add(erased.id);
    const result = await withdrawConsent(deps, patient, { scopes: [{ scope: "recording" }] });
    expect(result.stoppedSessionIds).toEqual([kept.id]);
  });

  it("does not report as stopped a session another writer changed first (its write lost the race)", async () => {
    const sessions = createInMemorySessionRepository();
    const contended = new Set<string>();
    const racing: SessionRepository = {
      ...sessions,
      update: async (session, expectedVersion) => {
        if (contended.has(session.id)) throw new ConfideError("session.version_conflict", "Changed meanwhile.");
        return sessions.update(session, expectedVersion);
      },
    };
    const deps = await setUp({ sessions: racing });
    const lost = await storeSession(deps, { id: "lost", status: "analyzing" });
    const stopped = await storeSession(deps, { id: "stopped", status: "analyzing" });
    contended.add(lost.id);
    const result = await withdrawConsent(deps, patient, { scopes: [{ scope: "transcription" }] });
    expect(result.stoppedSessionIds).toEqual([stopped.id]);
    expect((await deps.sessions.get(lost.id))?.status).toBe("analyzing");
  });

  it("does not report as stopped a session another worker failed, or a therapist deleted, just before", async () => {
    const sessions = createInMemorySessionRepository();
    const rivals = new Map<string, (current: Session) => Promise<unknown>>();
    const racing: SessionRepository = {
      ...sessions,
      update: async (session, expectedVersion) => {
        const rival = rivals.get(session.id);
        if (rival) {
          rivals.delete(session.id);
          await rival((await sessions.get(session.id)) as Session);
          throw new ConfideError("session.version_conflict", "Changed meanwhile.");
        }
        return sessions.update(session, expectedVersion);
      },
    };
    const deps = await setUp({ sessions: racing });
    const failedElsewhere = await storeSession(deps, { id: "failed-elsewhere", status: "transcribing" });
    const deleted = await storeSession(deps, { id: "deleted", status: "transcribing" });
    const stopped = await storeSession(deps, { id: "stopped", status: "transcribing" });
    rivals.set(failedElsewhere.id, (current) =>
      sessions.update(
        { ...current, status: "failed", processing: { ...current.processing, lastError: { code: "provider.rejected", message: "Bad audio.", retryable: false } } },
        current.version,
      ),
    );
    rivals.set(deleted.id, () => sessions.delete(deleted.id));
    const result = await withdrawConsent(deps, patient, { scopes: [{ scope: "transcription" }] });
    expect(result.stoppedSessionIds).toEqual([stopped.id]);
    expect((await deps.sessions.get(failedElsewhere.id))?.processing.lastError?.code).toBe("provider.rejected");
  });
});

describe("a withdrawal of everything", () => {
  it("withdraws every scope and every cloud provider in force when it names none", async () => {
    const deps = await setUp();
    const result = await withdrawConsent(deps, patient, {});
    expect(result.record.scopes).toEqual([
      { scope: "recording" },
      { scope: "transcription" },
      { scope: "ai_notes" },
      { scope: "cloud_processing", providers: ["keywords", "scripted"] },
    ]);
    expect(result.active).toMatchObject({ scopes: [], cloudProviders: [] });
  });

  it("names no cloud_processing when no provider is in force", async () => {
    const deps = createTestDeps();
    await seedLinkedPair(deps);
    const result = await withdrawConsent(deps, patient, {});
    expect(result.record.scopes).toEqual([{ scope: "recording" }, { scope: "transcription" }, { scope: "ai_notes" }]);
  });
});

describe("the withdrawal as recorded", () => {
  it("keeps the patient's reason trimmed, up to 500 characters; a blank reason is none", async () => {
    const deps = await setUp();
    expect((await withdrawConsent(deps, patient, { scopes: [{ scope: "ai_notes" }], reason: "  Moving abroad.  " })).record.reason).toBe("Moving abroad.");
    expect((await withdrawConsent(deps, patient, { scopes: [{ scope: "ai_notes" }], reason: "   " })).record.reason).toBeNull();
    const longest = "r".repeat(500);
    expect((await withdrawConsent(deps, patient, { scopes: [{ scope: "ai_notes" }], reason: ` ${longest} ` })).record.reason).toBe(longest);
  });

  it("refuses a reason over 500 characters and an eraseSessions that is not true or false, writing nothing", async () => {
    const deps = await setUp();
    const before = await deps.consents.history(patient.userId);
    const long = await rejection(withdrawConsent(deps, patient, { reason: "r".repeat(501) }));
    expect(long).toMatchObject({ code: "validation.invalid_input", message: "The reason must be at most 500 characters.", details: { field: "reason" } });
    const erase = await rejection(withdrawConsent(deps, patient, { eraseSessions: "yes" as never }));
    expect(erase).toMatchObject({ code: "validation.invalid_input", message: "eraseSessions is true or false.", details: { field: "eraseSessions" } });
    expect(await deps.consents.history(patient.userId)).toEqual(before);
  });

  it("is audited as consent.withdraw with the scopes, the erasure asked for and its place in the history", async () => {
    const deps = await setUp();
    await grantConsent(deps, patient, { scopes: [{ scope: "ai_notes" }], form: { version: "v2", textSha256: "a".repeat(64) }, method: "electronic" });
    await withdrawConsent(deps, patient, { scopes: [{ scope: "transcription" }, { scope: "cloud_processing", providers: ["scripted"] }] });
    const event = deps.audit.events().find((candidate) => candidate.action === "consent.withdraw");
    expect(event).toMatchObject({
      actorId: patient.userId,
      subjectUserId: patient.userId,
      detail: { scopes: "transcription,cloud_processing:scripted", eraseSessions: false, sequence: 3 },
    });
  });
});
