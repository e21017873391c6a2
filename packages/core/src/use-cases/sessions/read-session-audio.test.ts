import { describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/test-deps.ts";
import { checkSessionAudioAccess, readSessionAudio } from "./read-session-audio.ts";
import { admin, otherTherapist, patient, storeSession, therapist } from "./session-fixture.test-support.ts";

const audioBytes = Uint8Array.from({ length: 1_000 }, (_, index) => (index * 7) % 256);

async function bytesOf(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}

describe("readSessionAudio", () => {
  it("streams the whole recording to the owning therapist with the session's content type", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { audioBytes });

    const audio = await readSessionAudio(deps, therapist, { sessionId: stored.id });

    expect(audio.contentType).toBe("audio/wav");
    expect(audio.sizeBytes).toBe(1_000);
    expect(audio.range).toBeUndefined();
    expect(await bytesOf(audio.body)).toEqual(audioBytes);
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({ action: "session.audio.read", actorId: therapist.userId, sessionId: stored.id }),
    ]);
  });

  it("returns only the requested byte range", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { audioBytes });

    const audio = await readSessionAudio(deps, therapist, { sessionId: stored.id, range: { start: 100, end: 199 } });

    expect(audio.range).toEqual({ start: 100, end: 199 });
    expect(audio.sizeBytes).toBe(1_000);
    expect(await bytesOf(audio.body)).toEqual(audioBytes.subarray(100, 200));

    const tail = await readSessionAudio(deps, therapist, { sessionId: stored.id, range: { start: 990 } });
    expect(tail.range).toEqual({ start: 990, end: 999 });
    expect(await bytesOf(tail.body)).toEqual(audioBytes.subarray(990));
    expect(deps.audit.events().map((e) => e.detail)).toEqual([
      { rangeStart: 100, rangeEnd: 199 },
      { rangeStart: 990, rangeEnd: 999 },
    ]);
  });

  it("serves the last N bytes from the stored size, with one read and one audit event", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { audioBytes });

    const tail = await readSessionAudio(deps, therapist, { sessionId: stored.id, range: { suffixLength: 25 } });
    expect(tail.range).toEqual({ start: 975, end: 999 });
    expect(await bytesOf(tail.body)).toEqual(audioBytes.subarray(975));
    const whole = await readSessionAudio(deps, therapist, { sessionId: stored.id, range: { suffixLength: 5_000 } });
    expect(whole.range).toEqual({ start: 0, end: 999 });
    await whole.body.cancel();
    expect(deps.audit.events().map((e) => e.detail)).toEqual([
      { rangeStart: 975, rangeEnd: 999 },
      { rangeStart: 0, rangeEnd: 999 },
    ]);
    await expect(
      readSessionAudio(deps, therapist, { sessionId: stored.id, range: { suffixLength: 0 } }),
    ).rejects.toMatchObject({ code: "blob.range_not_satisfiable" });
  });

  it("rejects a range past the end or a malformed range", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { audioBytes });

    await expect(
      readSessionAudio(deps, therapist, { sessionId: stored.id, range: { start: 1_000 } }),
    ).rejects.toMatchObject({ code: "blob.range_not_satisfiable" });
    await expect(
      readSessionAudio(deps, therapist, { sessionId: stored.id, range: { start: 50, end: 10 } }),
    ).rejects.toMatchObject({ code: "validation.invalid_input" });
    await expect(
      readSessionAudio(deps, therapist, { sessionId: stored.id, range: { start: -1 } }),
    ).rejects.toMatchObject({ code: "validation.invalid_input" });
    expect(deps.audit.events()).toEqual([]);
  });

  it("lets the patient hear their own finalized session only", async () => {
    const deps = createTestDeps();
    const finalized = await storeSession(deps, { status: "finalized", audioBytes });
    const ready = await storeSession(deps, { status: "ready", audioBytes });

    const audio = await readSessionAudio(deps, patient, { sessionId: finalized.id, range: { start: 0, end: 9 } });
    expect(await bytesOf(audio.body)).toEqual(audioBytes.subarray(0, 10));
    await expect(readSessionAudio(deps, patient, { sessionId: ready.id })).rejects.toMatchObject({
      code: "session.not_found",
    });
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({ action: "session.audio.read", actorId: patient.userId, sessionId: finalized.id }),
    ]);
  });

  it("hides the recording from another therapist and forbids an admin", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { status: "finalized" });

    await expect(readSessionAudio(deps, otherTherapist, { sessionId: stored.id })).rejects.toMatchObject({
      code: "session.not_found",
    });
    await expect(readSessionAudio(deps, admin, { sessionId: stored.id })).rejects.toMatchObject({
      code: "auth.forbidden",
    });
  });
});

describe("readSessionAudio ranges at their edges", () => {
  it("serves a one-byte range and audits a whole read as whole", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { audioBytes });

    const one = await readSessionAudio(deps, therapist, { sessionId: stored.id, range: { start: 500, end: 500 } });
    expect(await bytesOf(one.body)).toEqual(audioBytes.subarray(500, 501));
    const whole = await readSessionAudio(deps, therapist, { sessionId: stored.id });
    await whole.body.cancel();

    expect(deps.audit.events().map((event) => event.detail)).toEqual([{ rangeStart: 500, rangeEnd: 500 }, { whole: true }]);
  });

  it("says what is wrong with a malformed range and reads nothing", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { audioBytes });
    const attempt = (range: { start: number; end?: number } | { suffixLength: number }) =>
      readSessionAudio(deps, therapist, { sessionId: stored.id, range });

    await expect(attempt({ start: 50, end: 10 })).rejects.toMatchObject({
      code: "validation.invalid_input",
      message: "The byte range is not valid.",
      details: { start: 50, end: 10 },
    });
    await expect(attempt({ start: -1 })).rejects.toMatchObject({ details: { start: -1 } });
    expect(await attempt({ start: -1 }).catch((error: { details: object }) => error.details)).toEqual({ start: -1 });
    await expect(attempt({ start: 0, end: 1.5 })).rejects.toMatchObject({ code: "validation.invalid_input" });
    for (const suffixLength of [-5, 2.5, Number.NaN]) {
      await expect(attempt({ suffixLength }), `suffix ${suffixLength}`).rejects.toMatchObject({
        code: "validation.invalid_input",
        message: "The byte range is not valid.",
        details: { suffixLength },
      });
    }
    await expect(attempt({ suffixLength: 0 })).rejects.toMatchObject({
      code: "blob.range_not_satisfiable",
      message: "An empty suffix range selects nothing.",
      details: { sizeBytes: 1_000 },
    });
    expect(deps.audit.events()).toEqual([]);
  });

  it("reads nothing and audits nothing once the client has gone away", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { audioBytes });
    // Like the real stores, this one refuses a read whose signal has already fired.
    const blobs = {
      ...deps.blobs,
      get: (key: string, options: Parameters<typeof deps.blobs.get>[1] = {}) => {
        options.signal?.throwIfAborted();
        return deps.blobs.get(key, options);
      },
    };
    const gone = new AbortController();
    gone.abort(new Error("client closed the connection"));

    await expect(readSessionAudio({ ...deps, blobs }, therapist, { sessionId: stored.id, signal: gone.signal })).rejects.toThrow(
      "client closed the connection",
    );
    expect(deps.audit.events()).toEqual([]);
  });
});

describe("checkSessionAudioAccess", () => {
  it("answers for whoever may hear the recording, opening and auditing nothing", async () => {
    const deps = createTestDeps();
    const ready = await storeSession(deps, { status: "ready", audioBytes });
    const finalized = await storeSession(deps, { status: "finalized", audioBytes });

    await expect(checkSessionAudioAccess(deps, therapist, { sessionId: ready.id })).resolves.toEqual({
      sessionId: ready.id,
      durationMs: ready.audio.durationMs,
    });
    await expect(checkSessionAudioAccess(deps, patient, { sessionId: finalized.id })).resolves.toMatchObject({ sessionId: finalized.id });
    expect(deps.audit.events()).toEqual([]);
  });

  it("hides a session the actor may not hear: another therapist, the patient before finalize, an admin", async () => {
    const deps = createTestDeps();
    const ready = await storeSession(deps, { status: "ready", audioBytes });

    await expect(checkSessionAudioAccess(deps, otherTherapist, { sessionId: ready.id })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(checkSessionAudioAccess(deps, patient, { sessionId: ready.id })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(checkSessionAudioAccess(deps, admin, { sessionId: ready.id })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(checkSessionAudioAccess(deps, therapist, { sessionId: "missing" })).rejects.toMatchObject({ code: "session.not_found" });
  });
});
