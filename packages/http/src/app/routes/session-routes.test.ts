import { describe, expect, it } from "vitest";
import { createTestApp, multipartBody, storeSession, wavBytes } from "../app-fixture.test-support.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

async function upload(
  testApp: TestApp,
  token: string,
  parts: Parameters<typeof multipartBody>[0],
  headers: Record<string, string> = {},
): Promise<Response> {
  const { body, contentType } = multipartBody(parts);
  return testApp.call("/v1/sessions", { method: "POST", token, headers: { "Content-Type": contentType, ...headers }, body });
}

const wavPart = (bytes: Uint8Array = wavBytes(3_200)) => ({ name: "audio", filename: "session.wav", type: "audio/wav", bytes });

async function storedNothing(testApp: TestApp): Promise<void> {
  expect(testApp.deps.blobs.keys()).toEqual([]);
  expect((await testApp.deps.sessions.list({ limit: 100 })).items).toEqual([]);
}

describe("POST /v1/sessions (upload)", () => {
  it("stores a WAV and answers 201 with the session, Location and ETag", async () => {
    const testApp = await createTestApp();
    const token = await testApp.tokenFor(testApp.therapist);
    const audio = wavBytes(3_200);
    const response = await upload(testApp, token, [
      { name: "patientId", value: testApp.patient.id },
      { name: "title", value: "First session" },
      { name: "recordedAt", value: "2026-01-04T15:30:00+01:00" },
      { name: "settings", value: JSON.stringify({ language: "de-DE", maxSpeakers: 3 }) },
      wavPart(audio),
    ]);
    expect(response.status).toBe(201);
    const session = (await response.json()) as {
      id: string;
      version: number;
      status: string;
      title: string;
      recordedAt: string;
      settings: { language: string; maxSpeakers: number };
      audio: { sizeBytes: number; format: string; durationMs: number; originalName: string; blobKey: string };
    };
    expect(session).toMatchObject({
      status: "queued",
      title: "First session",
      recordedAt: "2026-01-04T14:30:00.000Z",
      settings: { language: "de-DE", maxSpeakers: 3 },
      audio: { sizeBytes: audio.byteLength, format: "wav", durationMs: 100, originalName: "session.wav" },
    });
    expect(response.headers.get("location")).toBe(`/v1/sessions/${session.id}`);
    expect(response.headers.get("etag")).toBe(`"${session.version}"`);
    const stored = await testApp.deps.blobs.get(session.audio.blobKey);
    expect(new Uint8Array(await new Response(stored.body).arrayBuffer())).toEqual(audio);
    expect(testApp.deps.queue.pending().map((job) => job.payload)).toEqual([{ sessionId: session.id }]);
  });

  it("refuses a text file named .wav with 415 upload.not_audio and stores nothing", async () => {
    const testApp = await createTestApp();
    const token = await testApp.tokenFor(testApp.therapist);
    const text = new TextEncoder().encode("These are my private notes, not a recording at all.\n".repeat(50));
    const response = await upload(testApp, token, [
      { name: "patientId", value: testApp.patient.id },
      { name: "audio", filename: "notes.wav", type: "audio/wav", bytes: text },
    ]);
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: "upload.not_audio", status: 415 });
    await storedNothing(testApp);
  });

  it("refuses a recording over the limit with 413 upload.too_large while streaming, storing nothing", async () => {
    const testApp = await createTestApp({ maxUploadBytes: 64 * 1024 });
    const token = await testApp.tokenFor(testApp.therapist);
    const { body, contentType } = multipartBody([{ name: "patientId", value: testApp.patient.id }, wavPart(wavBytes(200 * 1024))]);
    // A stream body has no Content-Length: the limit is enforced as the bytes flow.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < body.byteLength; offset += 16 * 1024) controller.enqueue(body.slice(offset, offset + 16 * 1024));
        controller.close();
      },
    });
    const response = await testApp.app.request("/v1/sessions", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": contentType },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "upload.too_large", maxBytes: 64 * 1024 });
    await storedNothing(testApp);
  });

  it("refuses at once a Content-Length beyond the limit plus multipart overhead", async () => {
    const testApp = await createTestApp({ maxUploadBytes: 64 * 1024 });
    const token = await testApp.tokenFor(testApp.therapist);
    const response = await upload(testApp, token, [{ name: "patientId", value: testApp.patient.id }, wavPart()], {
      "Content-Length": String(64 * 1024 + 2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "upload.too_large" });
    await storedNothing(testApp);
  });

  it("answers 400 for fields after the audio part, a missing audio part, bad settings or a malformed body", async () => {
    const testApp = await createTestApp();
    const token = await testApp.tokenFor(testApp.therapist);

    const fileFirst = await upload(testApp, token, [wavPart(), { name: "patientId", value: testApp.patient.id }]);
    expect(fileFirst.status).toBe(400);
    const fileFirstProblem = (await fileFirst.json()) as { code: string; errors: Array<{ field: string }> };
    expect(fileFirstProblem.code).toBe("validation.invalid_input");
    expect(fileFirstProblem.errors).toContainEqual(expect.objectContaining({ in: "form", field: "patientId" }));

    const noAudio = await upload(testApp, token, [{ name: "patientId", value: testApp.patient.id }]);
    expect(noAudio.status).toBe(400);
    expect(await noAudio.json()).toMatchObject({ code: "validation.invalid_input", detail: 'The "audio" part is missing.' });

    const otherFile = await upload(testApp, token, [
      { name: "patientId", value: testApp.patient.id },
      { name: "video", filename: "a.wav", type: "audio/wav", bytes: wavBytes(100) },
    ]);
    expect(otherFile.status).toBe(400);

    const badJson = await upload(testApp, token, [
      { name: "patientId", value: testApp.patient.id },
      { name: "settings", value: "{language:" },
      wavPart(),
    ]);
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ errors: [expect.objectContaining({ field: "settings" })] });

    const unknownSetting = await upload(testApp, token, [
      { name: "patientId", value: testApp.patient.id },
      { name: "settings", value: JSON.stringify({ speed: "fast" }) },
      wavPart(),
    ]);
    expect(unknownSetting.status).toBe(400);

    const truncated = await testApp.call("/v1/sessions", {
      method: "POST",
      token,
      headers: { "Content-Type": "multipart/form-data; boundary=b" },
      body: `--b\r\nContent-Disposition: form-data; name="patientId"\r\n\r\n${testApp.patient.id}\r\n--b\r\nContent-Disposition: form-data; name="audio"; filename="a.wav"\r\n\r\nRIFF`,
    });
    expect(truncated.status).toBe(400);
    expect(await truncated.json()).toMatchObject({ code: "validation.invalid_input" });
    await storedNothing(testApp);
  });

  it("answers 415 for a body that is not multipart, 404 for a patient not in care, 403 for non-therapists", async () => {
    const testApp = await createTestApp();
    const token = await testApp.tokenFor(testApp.therapist);
    const json = await testApp.call("/v1/sessions", { method: "POST", token, json: { patientId: testApp.patient.id } });
    expect(json.status).toBe(415);
    expect(await json.json()).toMatchObject({ code: "request.unsupported_media_type" });

    const otherToken = await testApp.tokenFor(testApp.otherTherapist);
    const unlinked = await upload(testApp, otherToken, [{ name: "patientId", value: testApp.patient.id }, wavPart()]);
    expect(unlinked.status).toBe(404);

    const patientToken = await testApp.tokenFor(testApp.patient);
    const byPatient = await upload(testApp, patientToken, [{ name: "patientId", value: testApp.patient.id }, wavPart()]);
    expect(byPatient.status).toBe(403);
    await storedNothing(testApp);
  });
});

describe("GET /v1/sessions/:id", () => {
  it("answers with an ETag and 304 for a matching If-None-Match", async () => {
    const testApp = await createTestApp();
    const session = await storeSession(testApp.deps, { therapistId: testApp.therapist.id, patientId: testApp.patient.id });
    const token = await testApp.tokenFor(testApp.therapist);
    const response = await testApp.call(`/v1/sessions/${session.id}`, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe('"1"');
    expect(await response.json()).toMatchObject({ id: session.id, status: "ready", transcript: { revision: 1 } });

    for (const tag of ['"1"', 'W/"1"', '"7", "1"', "*"]) {
      const notModified = await testApp.call(`/v1/sessions/${session.id}`, { token, headers: { "If-None-Match": tag } });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get("etag")).toBe('"1"');
    }
    const changed = await testApp.call(`/v1/sessions/${session.id}`, { token, headers: { "If-None-Match": '"0"' } });
    expect(changed.status).toBe(200);
  });

  it("hides a session from another therapist (404) and from its patient before finalisation, and forbids admins", async () => {
    const testApp = await createTestApp();
    const session = await storeSession(testApp.deps, { therapistId: testApp.therapist.id, patientId: testApp.patient.id });
    const other = await testApp.call(`/v1/sessions/${session.id}`, { token: await testApp.tokenFor(testApp.otherTherapist) });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ code: "session.not_found" });
    const patient = await testApp.call(`/v1/sessions/${session.id}`, { token: await testApp.tokenFor(testApp.patient) });
    expect(patient.status).toBe(404);
    const admin = await testApp.call(`/v1/sessions/${session.id}`, { token: await testApp.tokenFor(testApp.admin) });
    expect(admin.status).toBe(403);
    expect(await admin.json()).toMatchObject({ code: "auth.forbidden" });
  });
});

describe("GET /v1/sessions/:id/audio", () => {
  const audio = Uint8Array.from({ length: 1_000 }, (_, index) => (index * 7) % 256);

  async function setup() {
    const testApp = await createTestApp();
    const session = await storeSession(testApp.deps, { therapistId: testApp.therapist.id, patientId: testApp.patient.id }, { audioBytes: audio });
    const token = await testApp.tokenFor(testApp.therapist);
    const get = (range?: string, method = "GET") =>
      testApp.call(`/v1/sessions/${session.id}/audio`, { method, token, ...(range ? { headers: { Range: range } } : {}) });
    return { get };
  }

  const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

  it("streams the whole recording with Accept-Ranges", async () => {
    const { get } = await setup();
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(response.headers.get("content-length")).toBe("1000");
    expect(await bytesOf(response)).toEqual(audio);

    const head = await get("bytes=0-99", "HEAD");
    expect(head.status).toBe(206);
    expect(head.headers.get("content-length")).toBe("100");
    expect(await bytesOf(head)).toEqual(new Uint8Array());
  });

  it("answers 206 with the right bytes for a range, an open range and a suffix range", async () => {
    const { get } = await setup();
    const middle = await get("bytes=10-19");
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe("bytes 10-19/1000");
    expect(middle.headers.get("content-length")).toBe("10");
    expect(await bytesOf(middle)).toEqual(audio.slice(10, 20));

    const open = await get("bytes=990-");
    expect(open.headers.get("content-range")).toBe("bytes 990-999/1000");
    expect(await bytesOf(open)).toEqual(audio.slice(990));

    const clamped = await get("bytes=995-5000");
    expect(clamped.headers.get("content-range")).toBe("bytes 995-999/1000");

    const longEnd = await get("bytes=995-99999999999999999999");
    expect(longEnd.headers.get("content-range")).toBe("bytes 995-999/1000");
    const longSuffix = await get("bytes=-99999999999999999999");
    expect(longSuffix.headers.get("content-range")).toBe("bytes 0-999/1000");

    const suffix = await get("bytes=-5");
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get("content-range")).toBe("bytes 995-999/1000");
    expect(await bytesOf(suffix)).toEqual(audio.slice(995));
  });

  it("answers 416 with Content-Range */size for a range past the end, and 200 for several ranges", async () => {
    const { get } = await setup();
    const past = await get("bytes=1000-");
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe("bytes */1000");
    expect(await past.json()).toMatchObject({ code: "blob.range_not_satisfiable" });

    for (const start of ["999999999999999", "9999999999999999", "99999999999999999999999999"]) {
      const far = await get(`bytes=${start}-`);
      expect(far.status, start).toBe(416);
      expect(far.headers.get("content-range")).toBe("bytes */1000");
    }
    const farWithEnd = await get("bytes=9999999999999999-99999999999999999");
    expect(farWithEnd.status).toBe(416);

    const several = await get("bytes=0-1, 5-6");
    expect(several.status).toBe(200);
    expect(await bytesOf(several)).toEqual(audio);
  });
});

describe("review: transcript, speakers, finalize, retry, delete", () => {
  async function setup() {
    const testApp = await createTestApp();
    const session = await storeSession(testApp.deps, { therapistId: testApp.therapist.id, patientId: testApp.patient.id });
    const token = await testApp.tokenFor(testApp.therapist);
    return { ...testApp, session, token };
  }

  it("PATCH transcript needs If-Match: 428 without, 412 when stale, 200 with a new ETag when current", async () => {
    const { call, session, token } = await setup();
    const path = `/v1/sessions/${session.id}/transcript`;
    const edits = { edits: [{ segmentId: "seg-2", text: "Much better, thank you." }] };
    const without = await call(path, { method: "PATCH", token, json: edits });
    expect(without.status).toBe(428);
    expect(await without.json()).toMatchObject({ code: "session.version_required" });

    const stale = await call(path, { method: "PATCH", token, json: edits, headers: { "If-Match": '"7"' } });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ code: "session.version_conflict", currentVersion: 1 });

    const edited = await call(path, { method: "PATCH", token, json: edits, headers: { "If-Match": 'W/"1"' } });
    expect(edited.status).toBe(200);
    expect(edited.headers.get("etag")).toBe('"2"');
    const body = (await edited.json()) as { transcript: { revision: number; segments: Array<{ id: string; text: string }> } };
    expect(body.transcript.revision).toBe(2);
    expect(body.transcript.segments.find((segment) => segment.id === "seg-2")?.text).toBe("Much better, thank you.");

    const replay = await call(path, { method: "PATCH", token, json: edits, headers: { "If-Match": '"1"' } });
    expect(replay.status).toBe(412);
    const unknownSegment = await call(path, {
      method: "PATCH",
      token,
      json: { edits: [{ segmentId: "seg-99", text: "x" }] },
      headers: { "If-Match": '"2"' },
    });
    expect(unknownSegment.status).toBe(404);
    expect(await unknownSegment.json()).toMatchObject({ code: "session.segment_not_found" });
    const empty = await call(path, { method: "PATCH", token, json: { edits: [] }, headers: { "If-Match": '"2"' } });
    expect(empty.status).toBe(400);
  });

  it("PUT speakers relabels with If-Match", async () => {
    const { call, session, token } = await setup();
    const path = `/v1/sessions/${session.id}/speakers`;
    const speakers = { speakers: [{ label: "S1", role: "patient" }, { label: "S2", role: "therapist" }] };
    expect((await call(path, { method: "PUT", token, json: speakers })).status).toBe(428);
    const relabelled = await call(path, { method: "PUT", token, json: speakers, headers: { "If-Match": '"1"' } });
    expect(relabelled.status).toBe(200);
    expect(await relabelled.json()).toMatchObject({
      version: 2,
      transcript: { speakers: [{ label: "S1", role: "patient" }, { label: "S2", role: "therapist" }] },
    });
    const badRole = await call(path, { method: "PUT", token, json: { speakers: [{ label: "S1", role: "doctor" }] }, headers: { "If-Match": '"2"' } });
    expect(badRole.status).toBe(400);
  });

  it("PUT speakers gives single segments to another speaker, and refuses nothing to change", async () => {
    const { call, session, token } = await setup();
    const path = `/v1/sessions/${session.id}/speakers`;
    const moved = await call(path, { method: "PUT", token, json: { segments: [{ id: "seg-1", speaker: "S2" }] }, headers: { "If-Match": '"1"' } });
    expect(moved.status).toBe(200);
    const body = (await moved.json()) as { transcript: { segments: Array<{ id: string; speaker: string }> }; review: { edits: unknown[] } };
    expect(body.transcript.segments.find((segment) => segment.id === "seg-1")?.speaker).toBe("S2");
    expect(body.review.edits).toContainEqual(expect.objectContaining({ kind: "segment-speaker", target: "seg-1", before: "S1", after: "S2" }));
    const unknown = await call(path, { method: "PUT", token, json: { segments: [{ id: "seg-99", speaker: "S2" }] }, headers: { "If-Match": '"2"' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "session.segment_not_found" });
    const nothing = await call(path, { method: "PUT", token, json: {}, headers: { "If-Match": '"2"' } });
    expect(nothing.status).toBe(400);
  });

  it("finalize makes the session read-only and visible to its patient", async () => {
    const { call, session, token, tokenFor, patient } = await setup();
    const stale = await call(`/v1/sessions/${session.id}/finalize`, { method: "POST", token, headers: { "If-Match": '"9"' } });
    expect(stale.status).toBe(412);
    const finalized = await call(`/v1/sessions/${session.id}/finalize`, { method: "POST", token });
    expect(finalized.status).toBe(200);
    expect(finalized.headers.get("etag")).toBe('"2"');
    expect(await finalized.json()).toMatchObject({ status: "finalized" });

    const edit = await call(`/v1/sessions/${session.id}/transcript`, {
      method: "PATCH",
      token,
      json: { edits: [{ segmentId: "seg-2", text: "Changed." }] },
      headers: { "If-Match": '"2"' },
    });
    expect(edit.status).toBe(409);
    expect(await edit.json()).toMatchObject({ code: "session.invalid_state" });

    const asPatient = await call(`/v1/sessions/${session.id}`, { token: await tokenFor(patient) });
    expect(asPatient.status).toBe(200);
    const view = (await asPatient.json()) as Record<string, unknown>;
    expect(view.status).toBe("finalized");
    expect(view.sentiment).toBeUndefined();
  });

  it("retry requeues a session that failed for a passing reason, and is 409 otherwise", async () => {
    const { call, token, deps, therapist, patient, session } = await setup();
    expect((await call(`/v1/sessions/${session.id}/retry`, { method: "POST", token })).status).toBe(409);
    const failed = await storeSession(
      deps,
      { therapistId: therapist.id, patientId: patient.id },
      {
        status: "failed",
        transcript: null,
        processing: { attempts: 5, lastError: { code: "provider.unavailable", message: "down", retryable: true }, providerRef: null, polls: 0, notifiedAt: null, run: 0 },
      },
    );
    const retried = await call(`/v1/sessions/${failed.id}/retry`, { method: "POST", token });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ status: "queued" });
  });

  it("retry resumes a session stuck in processing past its lease, and is 409 within it", async () => {
    const { call, token, deps, therapist, patient } = await setup();
    const stuck = await storeSession(deps, { therapistId: therapist.id, patientId: patient.id }, { status: "transcribing", transcript: null });

    const early = await call(`/v1/sessions/${stuck.id}/retry`, { method: "POST", token });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: "session.invalid_state", detail: expect.stringMatching(/being processed/) });

    // Not written for longer than the lease: its worker is gone.
    const untouchedSince = new Date(deps.clock.now().getTime() - deps.settings.leaseMs - 1);
    const abandoned = await storeSession(
      deps,
      { therapistId: therapist.id, patientId: patient.id },
      { status: "transcribing", transcript: null, updatedAt: untouchedSince },
    );
    const resumed = await call(`/v1/sessions/${abandoned.id}/retry`, { method: "POST", token });
    expect(resumed.status).toBe(200);
    expect(await resumed.json()).toMatchObject({ status: "transcribing", version: abandoned.version + 1 });
  });

  it("delete erases the session (204): then 404 and the recording is gone", async () => {
    const { call, session, token, deps, tokenFor, otherTherapist } = await setup();
    expect((await call(`/v1/sessions/${session.id}`, { method: "DELETE", token: await tokenFor(otherTherapist) })).status).toBe(404);
    expect((await call(`/v1/sessions/${session.id}`, { method: "DELETE", token })).status).toBe(204);
    expect((await call(`/v1/sessions/${session.id}`, { token })).status).toBe(404);
    expect((await call(`/v1/sessions/${session.id}`, { method: "DELETE", token })).status).toBe(404);
    expect(deps.blobs.keys()).toEqual([]);
  });
});

describe("GET /v1/sessions and /v1/sessions/pending", () => {
  it("lists the therapist's sessions with filters and search, and lists pending reviews", async () => {
    const testApp = await createTestApp();
    const owner = { therapistId: testApp.therapist.id, patientId: testApp.patient.id };
    const ready = await storeSession(testApp.deps, owner, { title: "Sleep and work", recordedAt: new Date("2026-01-02T10:00:00Z") });
    const finalized = await storeSession(testApp.deps, owner, { status: "finalized", title: "Family", recordedAt: new Date("2026-01-03T10:00:00Z") });
    const queued = await storeSession(testApp.deps, owner, { status: "queued", transcript: null, title: "New", recordedAt: new Date("2026-01-04T10:00:00Z") });
    await storeSession(testApp.deps, { therapistId: testApp.otherTherapist.id, patientId: testApp.patient.id }, { title: "Not mine" });
    const token = await testApp.tokenFor(testApp.therapist);
    const ids = async (path: string) => {
      const response = await testApp.call(path, { token });
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id);
    };
    expect(await ids("/v1/sessions")).toEqual([queued.id, finalized.id, ready.id]);
    expect(await ids("/v1/sessions?status=ready,finalized")).toEqual([finalized.id, ready.id]);
    expect(await ids("/v1/sessions?from=2026-01-03T00:00:00Z&to=2026-01-04T00:00:00Z")).toEqual([finalized.id]);
    expect(await ids(`/v1/sessions?patientId=${testApp.patient.id}&limit=1`)).toEqual([queued.id]);
    expect(await ids("/v1/sessions?q=work")).toEqual([ready.id]);
    expect(await ids("/v1/sessions/pending")).toEqual([ready.id]);

    const page = (await (await testApp.call("/v1/sessions?limit=2", { token })).json()) as { nextCursor: string };
    expect(await ids(`/v1/sessions?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`)).toEqual([ready.id]);

    const badStatus = await testApp.call("/v1/sessions?status=ready,sleeping", { token });
    expect(badStatus.status).toBe(400);
    expect(await badStatus.json()).toMatchObject({ errors: [expect.objectContaining({ in: "query", field: expect.stringContaining("status") })] });
    expect((await testApp.call("/v1/sessions?from=yesterday", { token })).status).toBe(400);
  });

  it("answers listings, searches and pending reviews with summaries: no transcript, words or sentiment", async () => {
    const testApp = await createTestApp();
    const owner = { therapistId: testApp.therapist.id, patientId: testApp.patient.id };
    const words = [{ text: "Better", startMs: 3_500, endMs: 4_000, confidence: 0.9 }];
    const ready = await storeSession(testApp.deps, owner, { title: "Sleep and work" });
    await testApp.deps.sessions.update(
      {
        ...ready,
        transcript: {
          ...ready.transcript!,
          segments: ready.transcript!.segments.map((segment) => ({ ...segment, words })),
        },
      },
      ready.version,
    );
    await storeSession(testApp.deps, owner, { status: "finalized", title: "Family" });
    const summaryKeys = [
      "createdAt",
      "durationMs",
      "finalizedAt",
      "id",
      "patientId",
      "recordedAt",
      "segmentCount",
      "status",
      "therapistId",
      "title",
      "updatedAt",
      "version",
    ];
    // The therapist's summaries say how many risk flags wait for acknowledgement; a patient's never do.
    const therapistKeys = [...summaryKeys, "riskUnacknowledged", "titleShared"].sort();
    const pages = [
      ["/v1/sessions", await testApp.tokenFor(testApp.therapist), therapistKeys],
      ["/v1/sessions?q=sleeping", await testApp.tokenFor(testApp.therapist), therapistKeys],
      ["/v1/sessions/pending", await testApp.tokenFor(testApp.therapist), therapistKeys],
      ["/v1/sessions", await testApp.tokenFor(testApp.patient), summaryKeys],
    ] as const;
    for (const [path, token, keys] of pages) {
      const response = await testApp.call(path, { token });
      expect(response.status, path).toBe(200);
      const text = await response.text();
      const page = JSON.parse(text) as { items: Array<Record<string, unknown>> };
      expect(page.items.length, path).toBeGreaterThan(0);
      for (const item of page.items) expect(Object.keys(item).sort(), path).toEqual(keys);
      expect(text, path).not.toContain("How have you been sleeping?");
      expect(text, path).not.toContain("startMs");
      expect(text, path).not.toContain("sentiment");
    }
    const listed = (await (await testApp.call("/v1/sessions/pending", { token: await testApp.tokenFor(testApp.therapist) })).json()) as {
      items: unknown[];
    };
    expect(listed.items).toEqual([
      expect.objectContaining({ id: ready.id, status: "ready", segmentCount: 2, durationMs: 1_000, finalizedAt: null, version: 2 }),
    ]);
  });
});
