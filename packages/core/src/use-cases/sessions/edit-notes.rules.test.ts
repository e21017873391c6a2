import { describe, expect, it } from "vitest";
import type { Session } from "../../domain/session.ts";
import { quoteEverySegment } from "../../testing/scripted-note-writer.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { writeNotes } from "../policies/note-writing.ts";
import { editNotes, maxNotesTextLength } from "./edit-notes.ts";
import { storeSession, therapist } from "./session-fixture.test-support.ts";
import { refusalOf } from "../refusal.test-support.ts";

// The therapist's own words on the notes: what is kept, what is refused, and that it is audited.

async function sessionWithNotes(deps: TestDeps): Promise<Session> {
  deps.notes.script(quoteEverySegment);
  const session = await storeSession(deps);
  return deps.sessions.update({ ...session, notes: await writeNotes(deps, session) }, session.version);
}


describe("the therapist's own words on the notes", () => {
  it("are kept trimmed, with who wrote them and when, and audited on the patient", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    const edited = await editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, therapistNotes: "  Follow up on sleep.  ", patientSummary: " Walk daily. " });
    expect(edited.notes?.review).toEqual({ therapistNotes: "Follow up on sleep.", patientSummary: "Walk daily.", editedAt: deps.clock.now(), editedBy: therapist.userId });
    const events = deps.audit.events().filter((event) => event.action === "session.notes.edit");
    expect(events.map((event) => ({ sessionId: event.sessionId, subjectUserId: event.subjectUserId, actorId: event.actorId }))).toEqual([
      { sessionId: session.id, subjectUserId: session.patientId, actorId: therapist.userId },
    ]);
  });

  it("left out, stay as they were; blank or null, are cleared", async () => {
    const deps = createTestDeps();
    let session = await sessionWithNotes(deps);
    session = await editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, therapistNotes: "Mine.", patientSummary: "Yours." });
    session = await editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, patientSummary: "Yours, again." });
    expect(session.notes?.review).toMatchObject({ therapistNotes: "Mine.", patientSummary: "Yours, again." });
    session = await editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, therapistNotes: "   ", patientSummary: null });
    expect(session.notes?.review).toMatchObject({ therapistNotes: null, patientSummary: null });
  });

  it("are refused when not text, naming the field", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    const error = await refusalOf(editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, therapistNotes: 42 as unknown as string }));
    expect(error.code).toBe("validation.invalid_input");
    expect(error.message).toBe("therapistNotes must be text or null.");
    expect(error.details).toEqual({ field: "therapistNotes" });
  });

  it("may be as long as the limit once trimmed, and no longer", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    const atLimit = `  ${"a".repeat(maxNotesTextLength)}  `;
    const stored = await editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, patientSummary: atLimit });
    expect(stored.notes?.review?.patientSummary).toHaveLength(maxNotesTextLength);
    const error = await refusalOf(editNotes(deps, therapist, { sessionId: session.id, expectedVersion: stored.version, patientSummary: "a".repeat(maxNotesTextLength + 1) }));
    expect(error.code).toBe("validation.invalid_input");
    expect(error.message).toBe(`patientSummary is longer than ${maxNotesTextLength} characters.`);
    expect(error.details).toEqual({ field: "patientSummary", maxLength: maxNotesTextLength });
    expect((await deps.sessions.get(session.id))?.notes?.review?.patientSummary).toHaveLength(maxNotesTextLength);
  });

  it("need notes to be written on", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps);
    const error = await refusalOf(editNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, therapistNotes: "x" }));
    expect(error.code).toBe("session.invalid_state");
    expect(error.message).toBe("The session has no notes yet.");
    expect(error.details).toEqual({ status: "ready" });
    expect(deps.audit.events().filter((event) => event.action === "session.notes.edit")).toEqual([]);
  });
});
