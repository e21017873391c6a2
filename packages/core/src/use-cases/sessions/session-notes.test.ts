import { describe, expect, it } from "vitest";
import type { NotesDraft } from "../../domain/clinical-notes.ts";
import type { Session } from "../../domain/session.ts";
import { quoteEverySegment } from "../../testing/scripted-note-writer.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { exportUserData } from "../accounts/export-user-data.ts";
import { writeNotes } from "../policies/note-writing.ts";
import { deleteSession } from "./delete-session.ts";
import { editNotes } from "./edit-notes.ts";
import { editTranscript } from "./edit-transcript.ts";
import { finalizeSession } from "./finalize-session.ts";
import { getSession } from "./get-session.ts";
import { regenerateNotes } from "./regenerate-notes.ts";
import { relabelSpeakers } from "./relabel-speakers.ts";
import { createCareTeam, otherTherapist, patient, storeSession, therapist } from "./session-fixture.test-support.ts";

/** The scripted notes plus a patient summary: one grounded sentence, one citing nothing. */
function withSummary(input: Parameters<typeof quoteEverySegment>[0]): NotesDraft {
  return {
    ...quoteEverySegment(input),
    patientSummary: [
      { text: "You said you feel better.", evidence: [{ segmentId: "seg-2", start: 0, end: 20 }] },
      { text: "You will change jobs.", evidence: [] },
    ],
  };
}

/** A ready session (sample transcript: seg-2 and seg-4 are the patient's) with written notes. */
async function sessionWithNotes(deps: TestDeps): Promise<Session> {
  deps.notes.script(withSummary);
  const session = await storeSession(deps);
  return deps.sessions.update({ ...session, notes: await writeNotes(deps, session) }, session.version);
}

describe("clinical notes in review", () => {
  it("marks the notes stale when a segment is edited, and keeps them", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    expect(session.notes?.stale).toBe(false);

    const edited = await editTranscript(deps, therapist, {
      sessionId: session.id,
      expectedVersion: session.version,
      edits: [{ segmentId: "seg-2", text: "I feel a bit better." }],
    });

    expect(edited.notes).toEqual({ ...session.notes, stale: true });
  });

  it("marks the notes stale when the speakers are relabelled", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    const relabelled = await relabelSpeakers(deps, therapist, {
      sessionId: session.id,
      expectedVersion: session.version,
      speakers: [{ label: "S1", role: "patient" }, { label: "S2", role: "therapist" }],
    });
    expect(relabelled.notes?.stale).toBe(true);
  });

  it("regenerates stale notes from the transcript as it is now, keeping the therapist's own words", async () => {
    const deps = createTestDeps();
    let session = await sessionWithNotes(deps);
    session = await editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, therapistNotes: "Follow up on sleep." });
    session = await editTranscript(deps, therapist, {
      sessionId: session.id,
      expectedVersion: session.version,
      edits: [{ segmentId: "seg-4", text: "I am worried about my new job." }],
    });
    deps.clock.advance(60_000);

    const regenerated = await regenerateNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version });

    expect(regenerated.version).toBe(session.version + 1);
    expect(regenerated.notes).toMatchObject({
      stale: false,
      transcriptRevision: 2,
      provenance: { provider: "scripted", writtenAt: deps.clock.now() },
      review: { therapistNotes: "Follow up on sleep.", patientSummary: null },
    });
    expect(regenerated.notes?.significantQuotes).toContainEqual(expect.objectContaining({ quote: "I am worried about my new job." }));
    expect(deps.audit.events().at(-1)).toMatchObject({ action: "session.notes.regenerate", sessionId: session.id });
  });

  it("writes nothing when the writer fails", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    const { ConfideError } = await import("../../errors.ts");
    deps.notes.script(new ConfideError("provider.unavailable", "Down.", { retryable: true }));
    await expect(regenerateNotes(deps, therapist, { sessionId: session.id })).rejects.toMatchObject({ code: "provider.unavailable" });
    expect((await deps.sessions.get(session.id))?.version).toBe(session.version);
  });

  it("hands the writer no sentiment and no current risk where the session has none", async () => {
    const deps = createTestDeps();
    const inputs: Array<Parameters<typeof quoteEverySegment>[0]> = [];
    deps.notes.script((input) => {
      inputs.push(input);
      return quoteEverySegment(input);
    });
    const session = await storeSession(deps, { sentiment: null, risk: null });
    await writeNotes(deps, session);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.sentiment).toEqual([]);
    expect(inputs[0]!.currentRisks).toEqual([]);
    expect(inputs[0]!.harmToOthers).toEqual([]);
  });

  it("hands the writer the screen's words of the patient's current risk to themselves and to others, apart", async () => {
    const deps = createTestDeps();
    const inputs: Array<Parameters<typeof quoteEverySegment>[0]> = [];
    deps.notes.script((input) => {
      inputs.push(input);
      return quoteEverySegment(input);
    });
    const flag = (type: "self_harm" | "harm_to_others", segmentId: string) => ({ type, subject: "speaker", temporality: "current", evidence: [{ segmentId, start: 0, end: 5 }] });
    const risk = { status: "screened", flags: [flag("self_harm", "seg-2"), flag("harm_to_others", "seg-4")] } as unknown as Session["risk"];
    await writeNotes(deps, await storeSession(deps, { risk }));
    expect(inputs[0]!.currentRisks).toEqual([{ segmentId: "seg-2", start: 0, end: 5 }]);
    expect(inputs[0]!.harmToOthers).toEqual([{ segmentId: "seg-4", start: 0, end: 5 }]);
  });

  it("holds back a plan line citing the patient's words of harming someone, whoever wrote it", async () => {
    const deps = createTestDeps();
    deps.notes.script((input) => ({
      ...quoteEverySegment(input),
      actionItems: [{ text: "I will sort him out.", evidence: [{ segmentId: "seg-4", start: 0, end: 5 }] }],
    }));
    const risk = { status: "screened", flags: [{ type: "harm_to_others", subject: "speaker", temporality: "current", evidence: [{ segmentId: "seg-4", start: 0, end: 5 }] }] } as unknown as Session["risk"];
    const notes = await writeNotes(deps, await storeSession(deps, { risk }));
    expect(notes.actionItems).toMatchObject([{ verification: { status: "unverified", reason: expect.stringMatching(/harming someone else/) } }]);
  });

  it("refuses to write notes for a session with no transcript, the writer never called", async () => {
    const deps = createTestDeps();
    let calls = 0;
    deps.notes.script((input) => {
      calls += 1;
      return quoteEverySegment(input);
    });
    const session = await storeSession(deps, { transcript: null });
    await expect(writeNotes(deps, session)).rejects.toMatchObject({ code: "session.invalid_state", message: "The session has no transcript to write notes from." });
    await expect(regenerateNotes(deps, therapist, { sessionId: session.id })).rejects.toMatchObject({
      code: "session.invalid_state",
      message: "The session has no transcript to write notes from.",
      details: { status: "ready" },
    });
    expect(calls).toBe(0);
    expect((await deps.sessions.get(session.id))?.version).toBe(session.version);
  });

  it("regenerates only from the version the therapist read, when one is given", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    await expect(regenerateNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version - 1 })).rejects.toMatchObject({ code: "session.version_conflict" });
    expect((await deps.sessions.get(session.id))?.version).toBe(session.version);
  });

  it("takes the therapist's edits with the version read only", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    await expect(editNotes(deps, therapist, { sessionId: session.id, therapistNotes: "x" })).rejects.toMatchObject({
      code: "session.version_required",
    });
    await expect(editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version - 1, therapistNotes: "x" })).rejects.toMatchObject({
      code: "session.version_conflict",
    });
    await expect(editNotes(deps, otherTherapist, { sessionId: session.id, expectedVersion: session.version, therapistNotes: "x" })).rejects.toMatchObject({
      code: expect.stringMatching(/^(session\.not_found|auth\.forbidden)$/),
    });
    await expect(
      editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, patientSummary: "x".repeat(20_001) }),
    ).rejects.toMatchObject({ code: "validation.invalid_input" });

    const edited = await editNotes(deps, therapist, {
      sessionId: session.id,
      expectedVersion: session.version,
      therapistNotes: "  Sleep improving.  ",
      patientSummary: "We agreed you would keep a sleep diary.",
    });
    expect(edited.notes?.review).toEqual({
      therapistNotes: "Sleep improving.",
      patientSummary: "We agreed you would keep a sleep diary.",
      editedAt: deps.clock.now(),
      editedBy: therapist.userId,
    });
    // Absent leaves a field as it is; null clears it.
    const cleared = await editNotes(deps, therapist, { sessionId: session.id, expectedVersion: edited.version, patientSummary: null });
    expect(cleared.notes?.review).toMatchObject({ therapistNotes: "Sleep improving.", patientSummary: null });
  });

  it("refuses notes edits before there are notes", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps);
    await expect(editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, therapistNotes: "x" })).rejects.toMatchObject({
      code: "session.invalid_state",
    });
  });

  it("locks the notes at finalize, and shows the patient the grounded summary only", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    const finalized = await finalizeSession(deps, therapist, { sessionId: session.id, releaseSummaryToPatient: true });

    await expect(editNotes(deps, therapist, { sessionId: session.id, expectedVersion: finalized.version, therapistNotes: "x" })).rejects.toMatchObject({
      code: "session.invalid_state",
    });
    await expect(regenerateNotes(deps, therapist, { sessionId: session.id })).rejects.toMatchObject({ code: "session.invalid_state" });

    const view = await getSession(deps, patient, { sessionId: session.id });
    expect(view).not.toHaveProperty("notes");
    // The unverified sentence ("You will change jobs.") is not shown as fact.
    expect(view).toMatchObject({ patientSummary: "You said you feel better." });
  });

  it("shows the patient the therapist's own summary when they wrote one", async () => {
    const deps = createTestDeps();
    let session = await sessionWithNotes(deps);
    session = await editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, patientSummary: "Keep the sleep diary." });
    await finalizeSession(deps, therapist, { sessionId: session.id, releaseSummaryToPatient: true });
    expect(await getSession(deps, patient, { sessionId: session.id })).toMatchObject({ patientSummary: "Keep the sleep diary." });
  });

  it("puts the notes in the therapist's export and the patient summary only in the patient's", async () => {
    const deps = createTestDeps();
    const team = await createCareTeam(deps);
    deps.notes.script(withSummary);
    const stored = await storeSession(deps, { therapistId: team.therapist.userId, patientId: team.patient.userId });
    const session = await deps.sessions.update({ ...stored, notes: await writeNotes(deps, stored) }, stored.version);
    await finalizeSession(deps, team.therapist, { sessionId: session.id, releaseSummaryToPatient: true });

    const therapistExport = await exportUserData(deps, team.therapist);
    expect((therapistExport.sessions?.[0] as Session).notes?.significantQuotes).toHaveLength(2);
    const patientExport = await exportUserData(deps, team.patient);
    expect(patientExport.sessions?.[0]).not.toHaveProperty("notes");
    expect(patientExport.sessions?.[0]).toMatchObject({ patientSummary: "You said you feel better." });
  });

  it("erases the notes with the session", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    await deleteSession(deps, therapist, { sessionId: session.id });
    expect(await deps.sessions.get(session.id)).toBeNull();
  });
});
