import { describe, expect, it } from "vitest";
import { defaultNoteFormat, noteFormats, sessionNoteFormat, type NoteFormat } from "../../domain/note-formats.ts";
import { toPatientView, type Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { createKeywordAgendaMatcher } from "../../testing/keyword-agenda-matcher.ts";
import { createScriptedLiveSpeechToText } from "../../testing/scripted-live-speech-to-text.ts";
import { quoteEverySegment } from "../../testing/scripted-note-writer.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { updateProfile } from "../accounts/update-profile.ts";
import type { LiveDeps } from "../live/live-deps.ts";
import { startLiveSession, type StartLiveSessionInput } from "../live/start-live-session.ts";
import { byteStream, seedCareTeam, uploadSample, wavBytes, type CareTeam } from "../pipeline/pipeline-fixture.test-support.ts";
import { writeNotes } from "../policies/note-writing.ts";
import { finalizeSession } from "./finalize-session.ts";
import { regenerateNotes } from "./regenerate-notes.ts";
import { storeSession, therapist } from "./session-fixture.test-support.ts";
import { exportSessionNote, getSessionNote } from "./session-note.ts";
import { uploadSession } from "./upload-session.ts";
import { refusalOf } from "../refusal.test-support.ts";

/** The note format is chosen per session (upload, live start, regeneration), with a per-therapist default. */


async function withDefault(deps: TestDeps, actor: Actor, format: NoteFormat): Promise<void> {
  await updateProfile(deps, actor, { defaultNoteFormat: format });
}

async function team(): Promise<{ deps: TestDeps; team: CareTeam }> {
  const deps = createTestDeps();
  return { deps, team: await seedCareTeam(deps) };
}

async function sessionWithNotes(deps: TestDeps, overrides: Partial<Session> = {}): Promise<Session> {
  deps.notes.script(quoteEverySegment);
  const session = await storeSession(deps, overrides);
  return deps.sessions.update({ ...session, notes: await writeNotes(deps, session) }, session.version);
}

describe("the note format of an uploaded session", () => {
  it("is confide when neither the upload nor the therapist names one, and is audited with the creation", async () => {
    const { deps, team: care } = await team();
    const session = await uploadSample(deps, care);
    expect(session.noteFormat).toBe("confide");
    expect((await deps.sessions.get(session.id))?.noteFormat).toBe("confide");
    expect(deps.audit.events().find((event) => event.action === "session.create")?.detail).toMatchObject({ noteFormat: "confide" });
  });

  it.each(noteFormats)("is the one the upload names (%s)", async (format) => {
    const { deps, team: care } = await team();
    const session = await uploadSample(deps, care, { noteFormat: format });
    expect((await deps.sessions.get(session.id))?.noteFormat).toBe(format);
    expect(deps.audit.events().find((event) => event.action === "session.create")?.detail).toMatchObject({ noteFormat: format });
  });

  it("is the therapist's default when the upload names none, and the upload's choice when it does", async () => {
    const { deps, team: care } = await team();
    await withDefault(deps, care.therapist, "soap");
    expect((await uploadSample(deps, care)).noteFormat).toBe("soap");
    expect((await uploadSample(deps, care, { noteFormat: "birp" })).noteFormat).toBe("birp");
    expect((await deps.users.get(care.therapist.userId))?.defaultNoteFormat).toBe("soap");
  });

  it("takes only the uploading therapist's default, not another therapist's", async () => {
    const { deps, team: care } = await team();
    await withDefault(deps, care.otherTherapist, "dap");
    expect((await uploadSample(deps, care)).noteFormat).toBe("confide");
  });

  it.each(["SOAP", "progress", "", "dap "])("refuses an unknown format %j with validation.invalid_input, storing nothing and reading none of the recording", async (format) => {
    const { deps, team: care } = await team();
    let pulled = 0;
    const audio = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(wavBytes());
        controller.close();
      },
    });
    const error = await refusalOf(
      uploadSession(deps, care.therapist, { patientId: care.patient.userId, audio, noteFormat: format as NoteFormat }),
    );
    expect(error.code).toBe("validation.invalid_input");
    expect(error.details).toEqual({ field: "noteFormat" });
    expect(error.message).toBe("The note format is one of confide, soap, dap, birp.");
    expect(deps.blobs.keys()).toEqual([]);
    expect((await deps.sessions.list({ limit: 100 })).items).toEqual([]);
    expect(deps.audit.events().filter((event) => event.action === "session.create")).toEqual([]);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("refuses an unknown format before the patient is even looked up", async () => {
    const { deps, team: care } = await team();
    const error = await refusalOf(
      uploadSession(deps, care.therapist, { patientId: "nobody", audio: byteStream(wavBytes()), noteFormat: "xyz" as NoteFormat }),
    );
    expect(error.code).toBe("validation.invalid_input");
  });
});

describe("the note format of a live session", () => {
  async function live(): Promise<{ deps: TestDeps & LiveDeps; care: CareTeam }> {
    const base = createTestDeps();
    const deps = {
      ...base,
      liveSpeech: createScriptedLiveSpeechToText({ partials: false, liveDiarization: true, perChannel: true }),
      agenda: createKeywordAgendaMatcher(),
      webmDecoder: null,
    };
    return { deps, care: await seedCareTeam(deps) };
  }
  const start: Omit<StartLiveSessionInput, "patientId"> = { format: { encoding: "pcm", channels: 1 }, channelLayout: "mono", agenda: [] };

  it("is the one the start names, else the therapist's default, else confide; audited with the creation", async () => {
    const { deps, care } = await live();
    const first = await startLiveSession(deps, care.therapist, { ...start, patientId: care.patient.userId });
    expect(first.session.noteFormat).toBe("confide");
    expect((await deps.sessions.get(first.session.id))?.noteFormat).toBe("confide");
    await withDefault(deps, care.therapist, "birp");
    const second = await startLiveSession(deps, care.therapist, { ...start, patientId: care.patient.userId });
    expect(second.session.noteFormat).toBe("birp");
    second.slot?.release();
    first.slot?.release();
    await deps.sessions.delete(first.session.id);
    await deps.sessions.delete(second.session.id);
    const third = await startLiveSession(deps, care.therapist, { ...start, patientId: care.patient.userId, noteFormat: "dap" });
    expect((await deps.sessions.get(third.session.id))?.noteFormat).toBe("dap");
    expect(deps.audit.events().filter((event) => event.action === "session.create").map((event) => event.detail?.["noteFormat"])).toEqual([
      "confide",
      "birp",
      "dap",
    ]);
  });

  it("refuses an unknown format with validation.invalid_input, storing nothing", async () => {
    const { deps, care } = await live();
    const error = await refusalOf(startLiveSession(deps, care.therapist, { ...start, patientId: care.patient.userId, noteFormat: "Soap" as NoteFormat }));
    expect(error.code).toBe("validation.invalid_input");
    expect(error.details).toEqual({ field: "noteFormat" });
    expect((await deps.sessions.list({ limit: 100 })).items).toEqual([]);
    expect(deps.audit.events().filter((event) => event.action === "session.create")).toEqual([]);
  });
});

describe("regenerating the notes in a format", () => {
  it("stores the new format, audits it, and keeps the session's own when none is named", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps, { noteFormat: "dap" });
    const asSoap = await regenerateNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, noteFormat: "soap" });
    expect(asSoap.noteFormat).toBe("soap");
    expect((await deps.sessions.get(session.id))?.noteFormat).toBe("soap");
    expect(deps.audit.events().at(-1)).toMatchObject({ action: "session.notes.regenerate", detail: { noteFormat: "soap" } });

    const again = await regenerateNotes(deps, therapist, { sessionId: session.id });
    expect(again.noteFormat).toBe("soap");
    expect(deps.audit.events().at(-1)).toMatchObject({ action: "session.notes.regenerate", detail: { noteFormat: "soap" } });
  });

  it("asks the writer for the format being written: the new one on a regeneration, the session's own otherwise", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps, { noteFormat: "dap" });
    expect(deps.notes.inputs.at(-1)?.format).toBe("dap");
    await regenerateNotes(deps, therapist, { sessionId: session.id, expectedVersion: session.version, noteFormat: "birp" });
    expect(deps.notes.inputs.at(-1)?.format).toBe("birp");
    await regenerateNotes(deps, therapist, { sessionId: session.id });
    expect(deps.notes.inputs.at(-1)?.format).toBe("birp");
    const older = await sessionWithNotes(deps);
    expect(older.noteFormat).toBeUndefined();
    expect(deps.notes.inputs.at(-1)?.format).toBe("confide");
  });

  it("gives a session stored before the choice the confide format when none is named", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    expect(session.noteFormat).toBeUndefined();
    const regenerated = await regenerateNotes(deps, therapist, { sessionId: session.id });
    expect(regenerated.noteFormat).toBe("confide");
  });

  it("refuses an unknown format with validation.invalid_input: no writer call, nothing written, nothing audited", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps, { noteFormat: "dap" });
    const writes = deps.notes.inputs.length;
    const audited = deps.audit.events().length;
    const error = await refusalOf(regenerateNotes(deps, therapist, { sessionId: session.id, noteFormat: "progress" as NoteFormat }));
    expect(error.code).toBe("validation.invalid_input");
    expect(error.details).toEqual({ field: "noteFormat" });
    expect(deps.notes.inputs.length).toBe(writes);
    expect(await deps.sessions.get(session.id)).toEqual(session);
    expect(deps.audit.events().length).toBe(audited);
  });
});

describe("reading and exporting the note", () => {
  it("lays the note out in the session's format unless the read names another, and audits the one used", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps, { noteFormat: "birp" });
    const stored = await getSessionNote(deps, therapist, { sessionId: session.id });
    expect(stored.format).toBe("birp");
    expect(deps.audit.events().at(-1)).toMatchObject({ action: "session.read", detail: { noteFormat: "birp" } });
    const overridden = await getSessionNote(deps, therapist, { sessionId: session.id, format: "soap" });
    expect(overridden.format).toBe("soap");
    expect(deps.audit.events().at(-1)).toMatchObject({ action: "session.read", detail: { noteFormat: "soap" } });
    expect((await deps.sessions.get(session.id))?.noteFormat).toBe("birp");
  });

  it("lays out a session stored before the choice as confide", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps);
    expect((await getSessionNote(deps, therapist, { sessionId: session.id })).format).toBe("confide");
  });

  it("exports a finalised note in the session's format unless the export names another", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps, { noteFormat: "dap" });
    const finalized = await finalizeSession(deps, therapist, { sessionId: session.id, expectedVersion: session.version });
    const text = (document: Awaited<ReturnType<typeof exportSessionNote>>) => Buffer.from(document.content[0]!.attachment.data, "base64").toString();
    const stored = await exportSessionNote(deps, therapist, { sessionId: finalized.id });
    expect(text(stored).startsWith("DAP progress note\n")).toBe(true);
    expect(deps.audit.events().at(-1)).toMatchObject({ action: "session.note.export", detail: { noteFormat: "dap" } });
    const soap = await exportSessionNote(deps, therapist, { sessionId: finalized.id, format: "soap" });
    expect(text(soap).startsWith("SOAP progress note\n")).toBe(true);
  });

  it("refuses an unknown format with validation.invalid_input before reading or auditing anything", async () => {
    const deps = createTestDeps();
    const session = await sessionWithNotes(deps, { noteFormat: "dap" });
    const audited = deps.audit.events().length;
    for (const read of [getSessionNote, exportSessionNote]) {
      const error = await refusalOf(read(deps, therapist, { sessionId: session.id, format: "DAP" as NoteFormat }));
      expect(error.code).toBe("validation.invalid_input");
      expect(error.details).toEqual({ field: "format" });
      // Checked before the session is read: even a missing session answers the format's error.
      expect((await refusalOf(read(deps, therapist, { sessionId: "missing", format: "x" as NoteFormat }))).code).toBe("validation.invalid_input");
    }
    expect(deps.audit.events().length).toBe(audited);
  });
});

describe("a therapist's default note format", () => {
  it("is set on the profile, audited with the format, and kept by later changes that do not name it", async () => {
    const { deps, team: care } = await team();
    const profile = await updateProfile(deps, care.therapist, { defaultNoteFormat: "dap" });
    expect(profile.defaultNoteFormat).toBe("dap");
    expect(deps.audit.events().at(-1)).toMatchObject({
      action: "user.update",
      subjectUserId: care.therapist.userId,
      detail: { fields: "defaultNoteFormat", defaultNoteFormat: "dap" },
    });
    const renamed = await updateProfile(deps, care.therapist, { displayName: "Dr New" });
    expect(renamed.defaultNoteFormat).toBe("dap");
    expect(deps.audit.events().at(-1)?.detail).toStrictEqual({ fields: "displayName" });
  });

  it("refuses an unknown format (nothing written) and a patient's default (auth.forbidden)", async () => {
    const { deps, team: care } = await team();
    const before = await deps.users.get(care.therapist.userId);
    const audited = deps.audit.events().length;
    const error = await refusalOf(updateProfile(deps, care.therapist, { displayName: "Dr Changed", defaultNoteFormat: "narrative" as NoteFormat }));
    expect(error.code).toBe("validation.invalid_input");
    expect(error.details).toEqual({ field: "defaultNoteFormat" });
    expect(await deps.users.get(care.therapist.userId)).toEqual(before);
    const patientBefore = await deps.users.get(care.patient.userId);
    expect((await refusalOf(updateProfile(deps, care.patient, { defaultNoteFormat: "soap" }))).code).toBe("auth.forbidden");
    expect(await deps.users.get(care.patient.userId)).toEqual(patientBefore);
    expect(deps.audit.events().length).toBe(audited);
  });
});

describe("sessionNoteFormat", () => {
  it("is the session's format, or confide for a session stored without one", () => {
    expect(defaultNoteFormat).toBe("confide");
    expect(sessionNoteFormat({})).toBe("confide");
    for (const format of noteFormats) expect(sessionNoteFormat({ noteFormat: format })).toBe(format);
  });

  it("is not part of what the patient sees", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps, { noteFormat: "soap", status: "finalized" });
    expect("noteFormat" in toPatientView(session)).toBe(false);
  });
});
