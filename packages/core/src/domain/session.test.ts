import { describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/test-deps.ts";
import { storeSession } from "../use-cases/sessions/session-fixture.test-support.ts";
import { allNotAssessed } from "./clinical-notes.ts";
import { verifyNotes } from "./note-evidence.ts";
import { assertEditable, defaultTranscriptionSettings, moveTo, releasedPatientSummary } from "./session.ts";

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

describe("releasedPatientSummary (issue 24)", () => {
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
