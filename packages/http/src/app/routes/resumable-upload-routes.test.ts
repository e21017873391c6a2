import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withdrawConsent } from "@confide/core";
import { createRecordingLogger, createTestDeps, type TestDeps } from "@confide/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, wavBytes, type TestApp } from "../app-fixture.test-support.ts";
import { createUploadStaging, type UploadStaging } from "../uploads/upload-staging.ts";

const tus = { "Tus-Resumable": "1.0.0" };
const octets = { ...tus, "Content-Type": "application/offset+octet-stream" };
const dayMs = 24 * 3600 * 1000;

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

interface Harness {
  testApp: TestApp;
  deps: TestDeps;
  staging: UploadStaging;
  folder: string;
  token: string;
}

async function harness(options: { consent?: boolean; uploadQuota?: { uploadsPerHour?: number; bytesPerDay?: number } } = {}): Promise<Harness> {
  const folder = await mkdtemp(join(tmpdir(), "confide-tus-test-"));
  folders.push(folder);
  const deps = createTestDeps({ logger: createRecordingLogger(), settings: { maxUploadBytes: 256 * 1024 } });
  const staging = createUploadStaging({ directory: folder, clock: deps.clock, newId: () => deps.ids.newId(), expiresAfterMs: dayMs });
  const testApp = await createTestApp({
    deps,
    uploadStaging: staging,
    ...(options.consent === undefined ? {} : { consent: options.consent }),
    ...(options.uploadQuota ? { uploadQuota: options.uploadQuota } : {}),
  });
  return { testApp, deps, staging, folder, token: await testApp.tokenFor(testApp.therapist) };
}

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

function metadataOf(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key} ${base64(value)}`)
    .join(",");
}

async function create(h: Harness, lengthBytes: number, fields: Record<string, string> = {}): Promise<Response> {
  return h.testApp.call("/v1/uploads", {
    method: "POST",
    token: h.token,
    headers: { ...tus, "Upload-Length": String(lengthBytes), "Upload-Metadata": metadataOf({ patientId: h.testApp.patient.id, title: "Tuesday", filename: "tuesday.wav", ...fields }) },
  });
}

async function createdLocation(h: Harness, lengthBytes: number): Promise<string> {
  const response = await create(h, lengthBytes);
  expect(response.status).toBe(201);
  const location = response.headers.get("location");
  if (!location) throw new Error("no Location");
  return location;
}

function patch(h: Harness, location: string, offset: number, body: Uint8Array | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Promise<Response> {
  // A streamed body needs duplex "half" in a fetch Request.
  const stream = body instanceof ReadableStream ? ({ duplex: "half" } as RequestInit) : {};
  return h.testApp.call(location, { method: "PATCH", token: h.token, headers: { ...octets, "Upload-Offset": String(offset), ...headers }, body, ...stream });
}

async function offsetOf(h: Harness, location: string): Promise<number> {
  const response = await h.testApp.call(location, { method: "HEAD", token: h.token, headers: tus });
  expect(response.status).toBe(200);
  return Number(response.headers.get("upload-offset"));
}

const sha256Base64 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("base64");
const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A body that sends `bytes` and then breaks, as a dropped connection does. */
function droppingBody(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
    },
    pull(controller) {
      controller.error(new Error("connection reset"));
    },
  });
}

async function storedSessions(h: Harness) {
  return (await h.deps.sessions.list({ limit: 100 })).items;
}

describe("resumable uploads (tus 1.0) at /v1/uploads", () => {
  it("answers OPTIONS with the version, extensions, largest size and checksum algorithm", async () => {
    const h = await harness();
    const response = await h.testApp.call("/v1/uploads", { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.get("tus-version")).toBe("1.0.0");
    expect(response.headers.get("tus-extension")).toBe("creation,termination,expiration,checksum");
    expect(response.headers.get("tus-max-size")).toBe(String(256 * 1024));
    expect(response.headers.get("tus-checksum-algorithm")).toBe("sha256");
  });

  it("takes the session's note format from Upload-Metadata's noteFormat, and refuses an unknown one at creation with nothing staged", async () => {
    const h = await harness();
    const recording = wavBytes(3_200);
    const created = await create(h, recording.byteLength, { noteFormat: "birp" });
    expect(created.status).toBe(201);
    const done = await patch(h, created.headers.get("location") ?? "", 0, recording);
    expect(done.status).toBe(204);
    expect((await h.deps.sessions.get(done.headers.get("confide-session-id") ?? ""))?.noteFormat).toBe("birp");

    const staged = await readdir(h.folder);
    const refused = await create(h, recording.byteLength, { noteFormat: "Birp" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "validation.invalid_input" });
    expect(await readdir(h.folder)).toEqual(staged);
    expect(await storedSessions(h)).toHaveLength(1);
  });

  it("stores a recording sent in two PATCHes as one session, its sha256 that of the bytes, and says which session", async () => {
    const h = await harness();
    const recording = wavBytes(32_000);
    const location = await createdLocation(h, recording.byteLength);
    expect(location).toMatch(/^\/v1\/uploads\/[\w-]+$/);
    expect(await offsetOf(h, location)).toBe(0);

    const first = await patch(h, location, 0, recording.slice(0, 10_000), { "Upload-Checksum": `sha256 ${sha256Base64(recording.slice(0, 10_000))}` });
    expect(first.status).toBe(204);
    expect(first.headers.get("upload-offset")).toBe("10000");
    expect(first.headers.get("tus-resumable")).toBe("1.0.0");
    expect(first.headers.get("confide-session-id")).toBeNull();

    const last = await patch(h, location, 10_000, recording.slice(10_000));
    expect(last.status).toBe(204);
    expect(last.headers.get("upload-offset")).toBe(String(recording.byteLength));
    const sessionId = last.headers.get("confide-session-id");
    expect(sessionId).toBeTruthy();

    const session = await h.deps.sessions.get(sessionId ?? "");
    expect(session).toMatchObject({ title: "Tuesday", patientId: h.testApp.patient.id, audio: { sizeBytes: recording.byteLength, format: "wav", originalName: "tuesday.wav" } });
    expect(session?.audio.sha256).toBe(sha256Hex(recording));
    // HEAD afterwards names the session; the staged bytes are gone.
    const head = await h.testApp.call(location, { method: "HEAD", token: h.token, headers: tus });
    expect(head.headers.get("confide-session-id")).toBe(sessionId);
    expect(head.headers.get("upload-offset")).toBe(String(recording.byteLength));
    expect((await readdir(h.folder)).filter((name) => name.endsWith(".part"))).toEqual([]);
    const status = await h.testApp.call(location, { token: h.token });
    expect(await status.json()).toMatchObject({ offsetBytes: recording.byteLength, lengthBytes: recording.byteLength, sessionId });
  });

  it("refuses a PATCH at the wrong offset with 409 and the offset to resume from, keeping what was stored", async () => {
    const h = await harness();
    const recording = wavBytes(8_000);
    const location = await createdLocation(h, recording.byteLength);
    expect((await patch(h, location, 0, recording.slice(0, 3_000))).status).toBe(204);

    for (const offset of [0, 2_999, 3_001]) {
      const refused = await patch(h, location, offset, recording.slice(offset));
      expect(refused.status).toBe(409);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
      expect(await refused.json()).toMatchObject({ code: "upload.offset_mismatch", offsetBytes: 3_000 });
    }
    expect(await offsetOf(h, location)).toBe(3_000);
    const missing = await patch(h, location, 3_000, recording.slice(3_000), { "Content-Type": "application/octet-stream" });
    expect(missing.status).toBe(415);
    expect(await offsetOf(h, location)).toBe(3_000);
    expect((await patch(h, location, 3_000, recording.slice(3_000))).headers.get("confide-session-id")).toBeTruthy();
  });

  it("drops a body whose Upload-Checksum does not match (460) and accepts it sent again", async () => {
    const h = await harness();
    const recording = wavBytes(8_000);
    const location = await createdLocation(h, recording.byteLength);
    const wrong = await patch(h, location, 0, recording.slice(0, 4_000), { "Upload-Checksum": `sha256 ${sha256Base64(recording.slice(1, 4_001))}` });
    expect(wrong.status).toBe(460);
    expect(await wrong.json()).toMatchObject({ code: "upload.checksum_mismatch" });
    expect(await offsetOf(h, location)).toBe(0);
    const unknown = await patch(h, location, 0, recording.slice(0, 4_000), { "Upload-Checksum": `md5 ${base64("x")}` });
    expect(unknown.status).toBe(400);

    const right = await patch(h, location, 0, recording.slice(0, 4_000), { "Upload-Checksum": `sha256 ${sha256Base64(recording.slice(0, 4_000))}` });
    expect(right.status).toBe(204);
    expect(await offsetOf(h, location)).toBe(4_000);
  });

  it("resumes after a dropped connection from the bytes that arrived: stored once, sha256 equal", async () => {
    const h = await harness();
    const recording = wavBytes(40_000);
    const location = await createdLocation(h, recording.byteLength);
    const dropped = await patch(h, location, 0, droppingBody(recording.slice(0, 12_345)), {});
    expect(dropped.status).toBe(400);
    const offset = await offsetOf(h, location);
    expect(offset).toBe(12_345);

    const resumed = await patch(h, location, offset, recording.slice(offset));
    expect(resumed.status).toBe(204);
    const sessions = await storedSessions(h);
    expect(sessions).toHaveLength(1);
    const session = await h.deps.sessions.get(resumed.headers.get("confide-session-id") ?? "");
    expect(session?.audio.sha256).toBe(sha256Hex(recording));
    expect(session?.audio.sizeBytes).toBe(recording.byteLength);
    expect(h.deps.blobs.keys()).toHaveLength(1);
  });

  it("lets one of two clients write an upload at a time: the other gets 409 upload.locked", async () => {
    const h = await harness();
    const recording = wavBytes(8_000);
    const location = await createdLocation(h, recording.byteLength);
    let finishFirst!: () => void;
    const firstBody = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(recording.slice(0, 2_000));
        finishFirst = () => {
          controller.enqueue(recording.slice(2_000, 4_000));
          controller.close();
        };
      },
    });
    const first = patch(h, location, 0, firstBody);
    // Wait until the first request holds the upload (its first bytes are on disk).
    for (let tries = 0; tries < 200 && (await offsetOf(h, location)) === 0; tries++) await new Promise((resolve) => setImmediate(resolve));
    const second = await patch(h, location, 0, recording.slice(0, 4_000));
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ code: "upload.locked" });
    finishFirst();
    expect((await first).status).toBe(204);
    expect(await offsetOf(h, location)).toBe(4_000);
    // Free again once the first is done.
    expect((await patch(h, location, 4_000, recording.slice(4_000))).status).toBe(204);
  });

  it("refuses the creation without consent before any body (403 consent.missing), storing nothing", async () => {
    const h = await harness({ consent: false });
    const response = await create(h, 50_000);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "consent.missing" });
    expect(await readdir(h.folder).catch(() => [])).toEqual([]);
  });

  it("refuses at the last byte when consent was withdrawn meanwhile, and removes the parts", async () => {
    const h = await harness();
    const recording = wavBytes(8_000);
    const location = await createdLocation(h, recording.byteLength);
    expect((await patch(h, location, 0, recording.slice(0, 5_000))).status).toBe(204);
    await withdrawConsent(h.deps, { userId: h.testApp.patient.id, role: "patient" }, { scopes: [{ scope: "recording" }] });

    const refused = await patch(h, location, 5_000, recording.slice(5_000));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "consent.missing" });
    expect(await readdir(h.folder)).toEqual([]);
    expect(h.deps.blobs.keys()).toEqual([]);
    expect(await storedSessions(h)).toEqual([]);
    const gone = await h.testApp.call(location, { method: "HEAD", token: h.token, headers: tus });
    expect(gone.status).toBe(404);
  });

  it("refuses over the size limit (413) and the quotas (429) at creation, and checks the metadata", async () => {
    const h = await harness({ uploadQuota: { bytesPerDay: 20_000 } });
    const tooLarge = await create(h, 256 * 1024 + 1);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: "upload.too_large" });
    expect((await create(h, 15_000)).status).toBe(201);
    const overQuota = await create(h, 6_000);
    expect(overQuota.status).toBe(429);
    expect(await overQuota.json()).toMatchObject({ code: "upload.quota_exceeded", quota: "bytes_per_day" });

    const noPatient = await h.testApp.call("/v1/uploads", { method: "POST", token: h.token, headers: { ...tus, "Upload-Length": "100", "Upload-Metadata": metadataOf({ title: "x" }) } });
    expect(noPatient.status).toBe(400);
    const oldClient = await h.testApp.call("/v1/uploads", { method: "POST", token: h.token, headers: { "Tus-Resumable": "0.2.2", "Upload-Length": "100" } });
    expect(oldClient.status).toBe(412);
    expect(oldClient.headers.get("tus-version")).toBe("1.0.0");
    const anonymous = await h.testApp.call("/v1/uploads", { method: "POST", headers: { ...tus, "Upload-Length": "100" } });
    expect(anonymous.status).toBe(401);
  });

  it("hides another therapist's upload (404) and terminates one with DELETE, giving its bytes back", async () => {
    const h = await harness({ uploadQuota: { bytesPerDay: 20_000 } });
    const location = await createdLocation(h, 15_000);
    const other = await h.testApp.tokenFor(h.testApp.otherTherapist);
    expect((await h.testApp.call(location, { method: "HEAD", token: other, headers: tus })).status).toBe(404);
    expect((await h.testApp.call(location, { method: "PATCH", token: other, headers: { ...octets, "Upload-Offset": "0" }, body: new Uint8Array(10) })).status).toBe(404);

    expect((await h.testApp.call(location, { method: "DELETE", token: h.token, headers: tus })).status).toBe(204);
    expect(await readdir(h.folder)).toEqual([]);
    expect((await h.testApp.call(location, { method: "HEAD", token: h.token, headers: tus })).status).toBe(404);
    // The 15,000 bytes reserved are free again.
    expect((await create(h, 15_000)).status).toBe(201);
  });

  it("expires an abandoned upload: 410 past Upload-Expires, and the sweep removes its bytes", async () => {
    const h = await harness();
    const recording = wavBytes(8_000);
    const created = await create(h, recording.byteLength);
    const location = created.headers.get("location") ?? "";
    expect(Date.parse(created.headers.get("upload-expires") ?? "")).toBe(h.deps.clock.now().getTime() + dayMs - (h.deps.clock.now().getTime() % 1000));
    expect((await patch(h, location, 0, recording.slice(0, 1_000))).status).toBe(204);
    const kept = await createdLocation(h, recording.byteLength);

    h.deps.clock.advance(dayMs - 1_000);
    // Access tokens last minutes: a day later the therapist has signed in again.
    h.token = await h.testApp.tokenFor(h.testApp.therapist);
    expect((await patch(h, kept, 0, recording.slice(0, 1_000))).status).toBe(204);
    h.deps.clock.advance(2_000);
    const expired = await patch(h, location, 1_000, recording.slice(1_000));
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ code: "upload.expired" });

    const removed = await h.staging.sweepExpired();
    expect(removed).toEqual([location.split("/").pop()]);
    expect((await readdir(h.folder)).sort()).toEqual([`${kept.split("/").pop()}.json`, `${kept.split("/").pop()}.part`]);
    expect(await offsetOf(h, kept)).toBe(1_000);
  });

  it("lists the routes in the OpenAPI document", async () => {
    const h = await harness();
    const document = (await (await h.testApp.call("/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths["/v1/uploads"] ?? {}).sort()).toEqual(["options", "post"]);
    expect(Object.keys(document.paths["/v1/uploads/{id}"] ?? {}).sort()).toEqual(["delete", "get", "patch"]);
  });
});
