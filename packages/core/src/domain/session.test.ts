import { describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/test-deps.ts";
import { storeSession } from "../use-cases/sessions/session-fixture.test-support.ts";
import { allNotAssessed } from "./clinical-notes.ts";
import { verifyNotes } from "./note-evidence.ts";
import { assertEditable, defaultTranscriptionSettings, moveTo, releasedPatientSummary, statusChangesBetween, statusHistoryLength, summarize, toPatientSummary, toPatientView, toSessionSummary, type Session } from "./session.ts";

describe("session", () => {
  it("transcribes with speaker separation and word timings unless told otherwise", () => {
    expect(defaultTranscriptionSettings).toEqual({
      language: "en-US",
      diarization: true,
      minSpeakers: 2,
      maxSpeakers: 2,
      profanity: "none",
      punctuation: "automatic",
      wordTimestamps: true,
      channelLayout: "mono",
    });
  });

  it("moves only along the status machine", async () => {
    const deps = createTestDeps();
    const finalized = await storeSession(deps, { status: "finalized" });
    expect(() => moveTo(finalized, "queued", deps.clock.now())).toThrow(expect.objectContaining({ code: "session.invalid_state" }));
    const ready = await storeSession(deps, { status: "ready" });
    expect(moveTo(ready, "finalized", deps.clock.now())).toMatchObject({
      id: ready.id,
      status: "finalized",
      statusHistory: [{ status: "finalized", version: ready.version + 1, at: deps.clock.now() }],
    });
    expect(ready.status).toBe("ready");
  });

  it("says why a session cannot be reviewed", async () => {
    const deps = createTestDeps();
    const finalized = await storeSession(deps, { status: "finalized" });
    const transcribing = await storeSession(deps, { status: "transcribing" });
    expect(() => assertEditable(finalized)).toThrow(
      expect.objectContaining({ code: "session.invalid_state", message: "A finalized session is read-only.", details: { status: "finalized" } }),
    );
    expect(() => assertEditable(transcribing)).toThrow(
      expect.objectContaining({ message: "A session can be reviewed only when ready (it is transcribing).", details: { status: "transcribing" } }),
    );
    const ready = await storeSession(deps, { status: "ready" });
    expect(() => assertEditable(ready)).not.toThrow();
  });
});

describe("releasedPatientSummary", () => {
  it("gives the summary only for a finalized session whose summary the therapist released", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const transcript = stored.transcript!;
    const written = verifyNotes(allNotAssessed("not needed"), transcript, { provider: "scripted", model: "m", promptVersion: "1", writtenAt: deps.clock.now() }, deps.claims);
    const notes = { ...written, review: { therapistNotes: null, patientSummary: " Keep the diary. ", editedAt: deps.clock.now(), editedBy: "therapist-1" } };
    const finalized = { status: "finalized" as const, notes, review: { ...stored.review, summaryReleased: true } };

    expect(releasedPatientSummary(finalized)).toBe("Keep the diary.");
    expect(releasedPatientSummary({ ...finalized, review: { ...stored.review, summaryReleased: false } })).toBeNull();
    expect(releasedPatientSummary({ ...finalized, review: stored.review })).toBeNull();
    expect(releasedPatientSummary({ ...finalized, status: "ready" })).toBeNull();
    expect(releasedPatientSummary({ ...finalized, notes: null })).toBeNull();
  });
});

describe("a session's status history", () => {
  it("keeps the latest changes, oldest first, at most statusHistoryLength of them", async () => {
    const deps = createTestDeps();
    let session = await storeSession(deps, { status: "ready" });
    session = { ...session, statusHistory: [{ status: "queued", version: 1, at: deps.clock.now() }] };
    for (let index = 0; index < statusHistoryLength + 3; index += 1) {
      session = { ...moveTo(session, "ready", deps.clock.now()), version: session.version + 1 };
    }
    const history = session.statusHistory ?? [];
    expect(history).toHaveLength(statusHistoryLength);
    expect(history.at(-1)?.version).toBe(session.version);
    expect(history[0]?.version).toBe(session.version - statusHistoryLength + 1);
    expect(history.every((change) => change.status === "ready")).toBe(true);
  });

  it("tells the changes after one version up to and including another", async () => {
    const deps = createTestDeps();
    const at = deps.clock.now();
    const base = await storeSession(deps, { status: "ready" });
    const session = {
      ...base,
      statusHistory: [
        { status: "queued" as const, version: 2, at },
        { status: "transcribing" as const, version: 3, at },
        { status: "analyzing" as const, version: 4, at },
        { status: "ready" as const, version: 5, at },
      ],
    };
    expect(statusChangesBetween(session, 2, 4).map((change) => change.version)).toEqual([3, 4]);
    expect(statusChangesBetween(session, 0, 9).map((change) => change.version)).toEqual([2, 3, 4, 5]);
    expect(statusChangesBetween(session, 5, 9)).toEqual([]);
    const { statusHistory: _none, ...withoutHistory } = session;
    expect(statusChangesBetween(withoutHistory, 0, 9)).toEqual([]);
  });
});

describe("what leaves core about a session", () => {
  it("the patient sees that the recording was removed, and when, but nothing of its storage", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps, { status: "finalized" });
    const removed = { at: deps.clock.now(), rule: "audio" as const };
    expect(toPatientView({ ...session, audio: { ...session.audio, removed } }).audio).toEqual({
      contentType: session.audio.contentType,
      sizeBytes: session.audio.sizeBytes,
      durationMs: session.audio.durationMs,
      removed,
    });
    expect(toPatientView(session).audio).not.toHaveProperty("removed");
  });

  it("the patient's view is an allow-list: a field added to the session does not reach them; the title only when shared", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps, { status: "finalized", title: "Week 4 - risk", recordedAt: new Date("2026-03-03T10:00:00Z") });
    const grown = { ...session, someNewClinicalField: "for the therapist only" } as Session;
    const view = toPatientView(grown);
    expect(view).not.toHaveProperty("someNewClinicalField");
    expect(view).not.toHaveProperty("titleShared");
    expect(view.title).toBe("Session of 2026-03-03");
    expect(toPatientView({ ...session, titleShared: true }).title).toBe("Week 4 - risk");
    const listed = toPatientSummary({ ...toSessionSummary(session), riskUnacknowledged: 2 });
    expect(listed.title).toBe("Session of 2026-03-03");
    expect(listed).not.toHaveProperty("riskUnacknowledged");
    expect(listed).not.toHaveProperty("titleShared");
  });

  it("a summary's length is the recording's, else the transcript's, else unknown", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps, { status: "ready" });
    const source = { ...session, transcript: { durationMs: 42_000, segmentCount: 3 } };
    expect(summarize({ ...source, audio: { ...source.audio, durationMs: 61_000 } }).durationMs).toBe(61_000);
    expect(summarize({ ...source, audio: { ...source.audio, durationMs: null } }).durationMs).toBe(42_000);
    expect(summarize({ ...source, audio: { ...source.audio, durationMs: null }, transcript: null })).toMatchObject({ durationMs: null, segmentCount: 0 });
  });
});

