import { describe, expect, it } from "vitest";
import type { Session } from "../../domain/session.ts";
import { quoteEverySegment } from "../../testing/scripted-note-writer.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { writeNotes } from "../policies/note-writing.ts";
import { finalizeSession } from "./finalize-session.ts";
import { exportSessionNote, getSessionNote } from "./session-note.ts";
import { admin, otherTherapist, patient, storeSession, therapist } from "./session-fixture.test-support.ts";

async function sessionWithNotes(deps: TestDeps): Promise<Session> {
  deps.notes.script(quoteEverySegment);
  const session = await storeSession(deps);
  return deps.sessions.update({ ...session, notes: await writeNotes(deps, session) }, session.version);
}

describe("a session's note in a format", () => {
  it("gives its therapist the note, each section's text and the whole text, and audits the read", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    const note = await getSessionNote(deps, therapist, { sessionId: session.id, format: "dap" });
    expect(note).toMatchObject({ format: "dap", name: "DAP progress note", stale: false });
    expect(note.sections.map((section) => section.key)).toEqual(["data", "assessment", "plan"]);
    expect(note.text).toBe(["DAP progress note", "", note.sections.map((section) => section.text).join("\n\n")].join("\n"));
    expect(note.sections[0]!.text.startsWith("DATA\n")).toBe(true);
    expect(deps.audit.events().at(-1)).toMatchObject({ action: "session.read", sessionId: session.id, actorId: therapist.userId, detail: { noteFormat: "dap" } });
  });

  it("carries the session's risk screen into the assessment", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    const risk = {
      status: "screened" as const,
      flags: [],
      summary: "The screen's own words for this session.",
      screens: [{ provider: "embedded", version: "1" }],
      transcriptRevision: 1,
      screenedAt: new Date(0),
    };
    const screened = await deps.sessions.update({ ...session, risk }, session.version);
    const note = await getSessionNote(deps, therapist, { sessionId: screened.id, format: "dap" });
    expect(note.sections[1]!.sentences.filter((sentence) => sentence.from === "riskScreen").map((sentence) => sentence.text)).toEqual([risk.summary]);
    const finalized = await finalizeSession(deps, therapist, { sessionId: screened.id, expectedVersion: screened.version });
    const document = await exportSessionNote(deps, therapist, { sessionId: finalized.id, format: "dap" });
    expect(Buffer.from(document.content[0]!.attachment.data, "base64").toString()).toContain(risk.summary);
  });

  it("says the notes are stale when the transcript changed after they were written", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    const stale = await deps.sessions.update({ ...session, notes: { ...session.notes!, stale: true } }, session.version);
    expect((await getSessionNote(deps, therapist, { sessionId: stale.id, format: "soap" })).stale).toBe(true);
  });

  it("refuses a session without notes, another therapist, a patient and an admin", async () => {
    const deps = createTestDeps();
    const bare = await storeSession(deps);
    await expect(getSessionNote(deps, therapist, { sessionId: bare.id, format: "dap" })).rejects.toMatchObject({
      code: "session.invalid_state",
      message: "The session has no notes yet.",
      details: { status: bare.status },
    });
    const session = await sessionWithNotes(deps);
    await expect(getSessionNote(deps, otherTherapist, { sessionId: session.id, format: "dap" })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(getSessionNote(deps, patient, { sessionId: session.id, format: "dap" })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(getSessionNote(deps, admin, { sessionId: session.id, format: "dap" })).rejects.toMatchObject({ code: "auth.forbidden" });
  });
});

describe("a finalised note exported for the record system", () => {
  it("is refused before finalising, then names the patient, the signer and the session, with the note's text", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    await expect(exportSessionNote(deps, therapist, { sessionId: session.id, format: "soap" })).rejects.toMatchObject({
      code: "session.invalid_state",
      message: "Only a finalised session's note can be exported.",
      details: { status: "ready" },
    });
    const auditedBefore = deps.audit.events().length;
    const finalized = await finalizeSession(deps, therapist, { sessionId: session.id, expectedVersion: session.version });
    const document = await exportSessionNote(deps, therapist, { sessionId: session.id, format: "soap" });
    expect(document).toMatchObject({
      resourceType: "DocumentReference",
      status: "current",
      docStatus: "final",
      subject: { reference: `Patient/${session.patientId}` },
      author: [{ reference: `Practitioner/${session.therapistId}` }],
      authenticator: { reference: `Practitioner/${finalized.review.finalizedBy}` },
      date: finalized.review.finalizedAt?.toISOString(),
      context: { period: { start: session.recordedAt.toISOString() }, related: [{ identifier: { system: "urn:confide:session", value: session.id } }] },
    });
    const note = await getSessionNote(deps, therapist, { sessionId: session.id, format: "soap" });
    expect(Buffer.from(document.content[0]!.attachment.data, "base64").toString("utf8")).toBe(note.text);
    expect(document.content[0]!.attachment).toMatchObject({ contentType: "text/plain; charset=utf-8", title: "SOAP progress note" });
    expect(deps.audit.events().slice(auditedBefore).find((event) => event.action === "session.note.export")).toMatchObject({
      sessionId: session.id,
      subjectUserId: session.patientId,
      actorId: therapist.userId,
      detail: { noteFormat: "soap" },
    });
    await expect(exportSessionNote(deps, otherTherapist, { sessionId: session.id, format: "soap" })).rejects.toMatchObject({ code: "session.not_found" });
  });
});
