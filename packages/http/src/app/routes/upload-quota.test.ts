import { createRecordingLogger, createTestDeps } from "@confide/core/testing";
import { describe, expect, it } from "vitest";
import { createTestApp, multipartBody, wavBytes, type TestApp } from "../app-fixture.test-support.ts";

const wav = (dataBytes = 3_200) => ({ name: "audio", filename: "session.wav", type: "audio/wav", bytes: wavBytes(dataBytes) });

/** Uploads one recording; with `declareLength`, sends Content-Length as a browser would. */
async function upload(testApp: TestApp, token: string, options: { dataBytes?: number; declareLength?: boolean } = {}) {
  const { body, contentType } = multipartBody([{ name: "patientId", value: testApp.patient.id }, wav(options.dataBytes)]);
  const headers: Record<string, string> = { "Content-Type": contentType };
  if (options.declareLength) headers["Content-Length"] = String(body.byteLength);
  return testApp.call("/v1/sessions", { method: "POST", token, headers, body });
}

async function expectQuotaRefusal(response: Response, quota: string): Promise<void> {
  expect(response.status).toBe(429);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await response.json()).toMatchObject({ code: "upload.quota_exceeded", quota });
}

async function storedCount(testApp: TestApp): Promise<{ blobs: number; sessions: number }> {
  return { blobs: testApp.deps.blobs.keys().length, sessions: (await testApp.deps.sessions.list({ limit: 100 })).items.length };
}

describe("upload quotas per therapist", () => {
  it("refuses the upload past the hourly count with 429 and Retry-After, storing nothing; another therapist is not affected", async () => {
    const testApp = await createTestApp({ uploadQuota: { uploadsPerHour: 2 } });
    const token = await testApp.tokenFor(testApp.therapist);
    expect((await upload(testApp, token)).status).toBe(201);
    expect((await upload(testApp, token)).status).toBe(201);
    const before = await storedCount(testApp);

    const refused = await upload(testApp, token);
    await expectQuotaRefusal(refused, "uploads_per_hour");
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(3600);
    expect(await storedCount(testApp)).toEqual(before);

    // The other therapist has their own count (the upload fails later, on the unlinked patient).
    const other = await upload(testApp, await testApp.tokenFor(testApp.otherTherapist));
    expect(other.status).toBe(404);
  });

  it("refuses early from Content-Length past the daily bytes, and counts the bytes actually stored", async () => {
    const testApp = await createTestApp({ uploadQuota: { bytesPerDay: 10_000 } });
    const token = await testApp.tokenFor(testApp.therapist);
    // 6,444 bytes of recording (WAV header included); the multipart framing is not counted once stored.
    expect((await upload(testApp, token, { dataBytes: 6_400, declareLength: true })).status).toBe(201);
    const before = await storedCount(testApp);

    // 3,564 + framing declared: over the 3,556 left.
    await expectQuotaRefusal(await upload(testApp, token, { dataBytes: 3_520, declareLength: true }), "bytes_per_day");
    expect(await storedCount(testApp)).toEqual(before);
    // Without a Content-Length the bytes are counted as they are stored: 2,044 fit.
    expect((await upload(testApp, token, { dataBytes: 2_000 })).status).toBe(201);
    // 1,512 left: a declared upload of 1,544 + framing is refused; a small one still fits.
    await expectQuotaRefusal(await upload(testApp, token, { dataBytes: 1_500, declareLength: true }), "bytes_per_day");
    expect((await upload(testApp, token, { dataBytes: 800 })).status).toBe(201);
    // Now only 668 left, and the next upload of unknown length past it is refused once nothing is left.
    expect((await upload(testApp, token, { dataBytes: 1_000 })).status).toBe(201);
    await expectQuotaRefusal(await upload(testApp, token, { dataBytes: 100 }), "bytes_per_day");
  });

  it("gives the reserved bytes back when the upload fails", async () => {
    const testApp = await createTestApp({ uploadQuota: { bytesPerDay: 8_000 } });
    const token = await testApp.tokenFor(testApp.therapist);
    const { body, contentType } = multipartBody([
      { name: "patientId", value: testApp.patient.id },
      { name: "audio", filename: "notes.txt", type: "text/plain", bytes: new TextEncoder().encode("not audio ".repeat(500)) },
    ]);
    const refused = await testApp.call("/v1/sessions", {
      method: "POST",
      token,
      headers: { "Content-Type": contentType, "Content-Length": String(body.byteLength) },
      body,
    });
    expect(refused.status).toBe(415);
    expect((await upload(testApp, token, { dataBytes: 6_400, declareLength: true })).status).toBe(201);
  });

  it("refuses another upload while the therapist has the maximum of sessions in processing", async () => {
    const logger = createRecordingLogger();
    const deps = createTestDeps({ logger, settings: { maxUploadBytes: 256 * 1024, maxSessionsInProcessing: 2 } });
    const testApp = await createTestApp({ deps });
    const token = await testApp.tokenFor(testApp.therapist);
    expect((await upload(testApp, token)).status).toBe(201);
    expect((await upload(testApp, token)).status).toBe(201);
    const before = await storedCount(testApp);

    await expectQuotaRefusal(await upload(testApp, token, { declareLength: true }), "sessions_in_processing");
    expect(await storedCount(testApp)).toEqual(before);

    // One of them is done: room for one more.
    const [listed] = (await deps.sessions.list({ therapistId: testApp.therapist.id, limit: 1 })).items;
    const first = listed && (await deps.sessions.get(listed.id));
    if (!first) throw new Error("no session stored");
    await deps.sessions.update({ ...first, status: "failed" }, first.version);
    expect((await upload(testApp, token)).status).toBe(201);
  });
});
