import { describe, expect, it } from "vitest";
import type { NotesDraft } from "../../domain/clinical-notes.ts";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { quoteEverySegment } from "../../testing/scripted-note-writer.ts";
import { findingOn } from "../../testing/scripted-risk-screen.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { writeNotes } from "../policies/note-writing.ts";
import { editNotes } from "./edit-notes.ts";
import { editTranscript } from "./edit-transcript.ts";
import { finalizeSession } from "./finalize-session.ts";
import { listSessions } from "./list-sessions.ts";
import { regenerateNotes } from "./regenerate-notes.ts";
import { patient, storeSession, therapist } from "./session-fixture.test-support.ts";

/**
 * Notes whose words are nowhere in the sample transcript: a key topic ("hypnogram", grounded),
 * an unverified follow-up ("melatonin"), a risk flag ("overdose"), therapist notes
 * ("countertransference"), what the therapist did ("perseverance") and a grounded patient
 * summary sentence ("gardening").
 */
function notesWithOwnWords(input: Parameters<typeof quoteEverySegment>[0]): NotesDraft {
  return {
    ...quoteEverySegment(input),
    keyTopics: [{ text: "Hypnogram review", evidence: [{ segmentId: "seg-1", start: 0, end: 10 }] }],
    followUpTopics: [{ text: "Melatonin dosage", evidence: [] }],
    riskFlags: [
      { type: "self_harm", severity: "low", text: "Possible overdose risk", quote: "worried and sad", evidence: [{ segmentId: "seg-4", start: 0, end: 10 }] },
    ],
    therapistNotes: [{ text: "Watch countertransference.", evidence: [{ segmentId: "seg-3", start: 0, end: 10 }] }],
    interventions: [{ text: "Affirmed: perseverance", evidence: [{ segmentId: "seg-3", start: 0, end: 10 }] }],
    patientSummary: [{ text: "Try gardening this week.", evidence: [{ segmentId: "seg-2", start: 0, end: 10 }] }],
  };
}

async function sessionWithNotes(deps: TestDeps): Promise<Session> {
  deps.notes.script(notesWithOwnWords);
  const session = await storeSession(deps);
  return deps.sessions.update({ ...session, notes: await writeNotes(deps, session) }, session.version);
}

const found = async (deps: TestDeps, actor: typeof therapist, text: string) =>
  (await listSessions(deps, actor, { text })).items.map((summary) => summary.id);

describe("search over clinical notes", () => {
  it("lets the therapist find a session by any words of its notes, grounded or not, and their own review", async () => {
    const deps = createTestDeps();
    let session = await sessionWithNotes(deps);

    for (const word of ["hypnogram", "MELATONIN", "overdose", "countertransference", "perseverance", "gardening"]) {
      expect(await found(deps, therapist, word), word).toEqual([session.id]);
    }
    session = await editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, therapistNotes: "Discuss the somnologist referral." });
    expect(await found(deps, therapist, "somnologist referral")).toEqual([session.id]);
  });

  it("never lets the patient find a session by its risk flags or therapist notes, even finalized", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    await finalizeSession(deps, therapist, { sessionId: session.id, releaseSummaryToPatient: true });

    expect(await found(deps, patient, "worried")).toEqual([session.id]);
    for (const word of ["hypnogram", "melatonin", "overdose", "countertransference", "perseverance"]) {
      expect(await found(deps, patient, word), word).toEqual([]);
    }
  });

  it("lets the patient find the patient summary's words only once the session is finalized", async () => {
    const deps = createTestDeps();
    let session = await sessionWithNotes(deps);
    session = await editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, patientSummary: "Keep the lavender diary." });
    expect(await found(deps, patient, "lavender")).toEqual([]);

    await finalizeSession(deps, therapist, { sessionId: session.id, releaseSummaryToPatient: true });
    expect(await found(deps, patient, "lavender diary")).toEqual([session.id]);
    // The written summary is replaced by the therapist's own: its words are not the patient's to find.
    expect(await found(deps, patient, "gardening")).toEqual([]);
  });

  it("searches the notes as last written: regenerated notes replace the old words", async () => {
    const deps = createTestDeps();
    let session = await sessionWithNotes(deps);
    session = await editTranscript(deps, therapist, { sessionId: session.id, expectedVersion: session.version, edits: [{ segmentId: "seg-4", text: "I am calm now." }] });
    // Stale notes are still the therapist's notes until rewritten.
    expect(await found(deps, therapist, "hypnogram")).toEqual([session.id]);

    deps.notes.script(quoteEverySegment);
    await regenerateNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version });
    expect(await found(deps, therapist, "hypnogram")).toEqual([]);
    expect(await found(deps, therapist, "calm")).toEqual([session.id]);
  });
});

/** The scripted notes plus the given risk flags, each citing the patient's seg-4. */
function withFlags(...flags: Array<{ quote: string; severity: "low" | "moderate" | "high" }>) {
  return (input: Parameters<typeof quoteEverySegment>[0]): NotesDraft => ({
    ...quoteEverySegment(input),
    riskFlags: flags.map(({ quote, severity }) => ({
      type: "self_harm" as const,
      severity,
      text: "Possible self-harm",
      quote,
      speaker: "patient" as const,
      evidence: [{ segmentId: "seg-4", start: 0, end: 10 }],
    })),
  });
}

async function withDevice(deps: TestDeps): Promise<void> {
  const now = deps.clock.now();
  await deps.devices.upsert({ id: "device-1", userId: therapist.userId, token: "phone-token", platform: "android", createdAt: now, lastSeenAt: now });
}

async function regenerate(deps: TestDeps, session: Session): Promise<Session> {
  return regenerateNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version });
}

describe("regenerating notes that flag a risk", () => {
  it("sends the therapist a high-priority push, ids and counts only, when a flag is new", async () => {
    const deps = createTestDeps();
    await withDevice(deps);
    const session = await storeSession(deps);
    deps.risk.script((input) => [findingOn(input, "worried and sad")]);
    deps.notes.script(withFlags({ quote: "worried and sad", severity: "high" }));

    const regenerated = await regenerate(deps, session);

    expect(deps.push.sent()).toEqual([
      {
        token: "phone-token",
        message: {
          title: "Session changed: risk flagged",
          body: "After a change to a session, new possible risk language was found. Please review it.",
          data: { sessionId: session.id, status: "ready", riskFlags: "1" },
          priority: "high",
        },
      },
    ]);
    expect(JSON.stringify(deps.push.sent())).not.toContain("worried");
    expect(regenerated.notes?.riskFlags).toHaveLength(1);
  });

  it("pages for a new flag that pages only: not for a writer's flag alone, not again for one already paged", async () => {
    const deps = createTestDeps();
    await withDevice(deps);
    // A writer's flag alone, high or not, is listed to review, not pushed.
    deps.notes.script(withFlags({ quote: "worried and sad", severity: "high" }));
    let session = await regenerate(deps, await storeSession(deps));
    expect(session.risk?.flags).toMatchObject([{ severity: "high", tier: "review", alert: false }]);
    expect(deps.push.sent()).toHaveLength(0);

    // The screen reads an explicit statement on the same words: paged.
    deps.risk.script((input) => [findingOn(input, "worried and sad")]);
    deps.notes.script(withFlags({ quote: "worried and sad", severity: "high" }));
    session = await regenerate(deps, session);
    expect(deps.push.sent()).toHaveLength(1);
    expect(deps.push.sent()[0]?.message).toMatchObject({ priority: "high", data: { riskFlags: "1" } });

    // The same flag again (quote compared without case or punctuation): nothing sent.
    deps.notes.script(withFlags({ quote: "Worried, and sad!", severity: "high" }));
    session = await regenerate(deps, session);
    expect(deps.push.sent()).toHaveLength(1);

    // Notes without flags: nothing sent.
    deps.notes.script(quoteEverySegment);
    await regenerate(deps, session);
    expect(deps.push.sent()).toHaveLength(1);
  });

  it("stores the notes and answers when the push cannot be delivered; the failure is logged", async () => {
    const logger = createRecordingLogger();
    const base = createTestDeps();
    const deps: TestDeps = {
      ...base,
      logger,
      push: { ...base.push, send: async () => { throw new ConfideError("dependency.unavailable", "FCM is down.", { retryable: true }); } },
    };
    await withDevice(deps);
    const session = await storeSession(deps);
    deps.risk.script((input) => [findingOn(input, "worried and sad")]);
    deps.notes.script(withFlags({ quote: "worried and sad", severity: "high" }));

    const regenerated = await regenerate(deps, session);

    expect((await deps.sessions.get(session.id))?.notes).toEqual(regenerated.notes);
    expect(regenerated.notes?.riskFlags).toHaveLength(1);
    expect(logger.entries).toContainEqual({ level: "error", message: "session.notify.failed", fields: { sessionId: session.id, code: "dependency.unavailable" } });
  });
});
