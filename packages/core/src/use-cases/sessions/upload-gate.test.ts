import { describe, expect, it } from "vitest";
import type { CoreSettings } from "../../settings.ts";
import { memoryRateLimitStore } from "../../ports/memory-rate-limit-store.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { byteStream } from "../../testing/byte-stream.ts";
import { seedCareTeam, uploadSample, type CareTeam } from "../pipeline/pipeline-fixture.test-support.ts";
import { admitUpload, type UploadGateDeps } from "./upload-gate.ts";

const MiB = 1024 * 1024;

async function gate(settings: Partial<CoreSettings> = {}, options: { consent?: boolean } = {}) {
  const logger = createRecordingLogger();
  const base: TestDeps = createTestDeps({ logger, settings: { maxUploadBytes: 10 * MiB, uploadsPerHour: 3, uploadBytesPerDay: 20 * MiB, ...settings } });
  const deps: UploadGateDeps & TestDeps = { ...base, rateLimits: memoryRateLimitStore({ clock: base.clock }) };
  const team: CareTeam = await seedCareTeam(deps, options);
  const bytesLeft = async () => (await deps.rateLimits.counter("upload-bytes", { points: deps.settings.uploadBytesPerDay, durationSeconds: 24 * 3600 }).peek(team.therapist.userId)).remainingPoints;
  const uploadsLeft = async () => (await deps.rateLimits.counter("upload-count", { points: deps.settings.uploadsPerHour, durationSeconds: 3600 }).peek(team.therapist.userId)).remainingPoints;
  return { deps, team, bytesLeft, uploadsLeft, logger };
}

describe("the upload gate", () => {
  it("admits only therapists, before counting anything", async () => {
    const { deps, team, uploadsLeft } = await gate();
    await expect(admitUpload(deps, team.patient, { declaredBytes: MiB })).rejects.toMatchObject({ code: "auth.forbidden" });
    expect(await uploadsLeft()).toBe(3);
  });

  it("refuses a declared length of 0 as upload.empty and one over the limit (plus the envelope) as upload.too_large, counting nothing", async () => {
    const { deps, team, uploadsLeft, bytesLeft } = await gate();
    await expect(admitUpload(deps, team.therapist, { declaredBytes: 0 })).rejects.toMatchObject({ code: "upload.empty" });
    await expect(admitUpload(deps, team.therapist, { declaredBytes: 10 * MiB + 1 })).rejects.toMatchObject({
      code: "upload.too_large",
      details: { maxBytes: 10 * MiB },
    });
    await expect(admitUpload(deps, team.therapist, { declaredBytes: 11 * MiB + 1, envelopeBytes: MiB })).rejects.toMatchObject({ code: "upload.too_large" });
    expect(await uploadsLeft()).toBe(3);
    expect(await bytesLeft()).toBe(20 * MiB);
    // At the limit, and with the envelope, it passes.
    await expect(admitUpload(deps, team.therapist, { declaredBytes: 10 * MiB })).resolves.toBeDefined();
    await expect(admitUpload(deps, team.therapist, { declaredBytes: 11 * MiB, envelopeBytes: MiB })).rejects.toMatchObject({
      code: "upload.quota_exceeded",
      details: { quota: "bytes_per_day" },
    });
  });

  it("with the patient named: refuses an unlinked patient, missing consent and a full processing capacity, counting nothing", async () => {
    const { deps, team, uploadsLeft } = await gate({ maxSessionsInProcessing: 1 });
    await expect(admitUpload(deps, team.otherTherapist, { declaredBytes: MiB, patientId: team.patient.userId })).rejects.toMatchObject({ code: "user.not_found" });
    await uploadSample(deps, team);
    await expect(admitUpload(deps, team.therapist, { declaredBytes: MiB, patientId: team.patient.userId })).rejects.toMatchObject({
      code: "upload.quota_exceeded",
      details: { quota: "sessions_in_processing" },
    });
    // Without the patient, the host checks it later (uploadSession): the gate counts.
    await expect(admitUpload(deps, team.therapist, { declaredBytes: MiB })).resolves.toBeDefined();
    expect(await uploadsLeft()).toBe(2);

    const unconsenting = await gate({}, { consent: false });
    await expect(admitUpload(unconsenting.deps, unconsenting.team.therapist, { declaredBytes: MiB, patientId: unconsenting.team.patient.userId })).rejects.toMatchObject({
      code: "consent.missing",
    });
    expect(await unconsenting.uploadsLeft()).toBe(3);
  });

  it("takes one upload an hour per admission and refuses past the limit with when to retry, giving back nothing it did not take", async () => {
    const { deps, team, uploadsLeft, bytesLeft } = await gate();
    for (let index = 0; index < 3; index += 1) await admitUpload(deps, team.therapist, { declaredBytes: MiB });
    const refused = admitUpload(deps, team.therapist, { declaredBytes: MiB });
    await expect(refused).rejects.toMatchObject({ code: "upload.quota_exceeded", retryable: true, details: { quota: "uploads_per_hour", limit: 3 } });
    const error = (await refused.then(
      () => undefined,
      (caught: unknown) => caught,
    )) as { retryAfterMs: number };
    expect(error.retryAfterMs).toBe(3600_000);
    expect(await uploadsLeft()).toBe(0);
    expect(await bytesLeft()).toBe(17 * MiB);
    deps.clock.advance(3600_000);
    await expect(admitUpload(deps, team.therapist, { declaredBytes: MiB })).resolves.toBeDefined();
  });

  it("reserves the declared bytes from the day's, refuses past them and gives the upload back with them", async () => {
    const { deps, team, uploadsLeft, bytesLeft } = await gate({ uploadsPerHour: 10 });
    await admitUpload(deps, team.therapist, { declaredBytes: 8 * MiB });
    await admitUpload(deps, team.therapist, { declaredBytes: 8 * MiB });
    await expect(admitUpload(deps, team.therapist, { declaredBytes: 5 * MiB })).rejects.toMatchObject({
      code: "upload.quota_exceeded",
      details: { quota: "bytes_per_day", limit: 20 * MiB },
    });
    expect(await bytesLeft()).toBe(4 * MiB);
    expect(await uploadsLeft()).toBe(8);
    await expect(admitUpload(deps, team.therapist, { declaredBytes: 4 * MiB })).resolves.toBeDefined();
  });

  it("settled once: stored counts the recording's size (the envelope given back), abandoned gives back all it reserved", async () => {
    const { deps, team, bytesLeft } = await gate();
    const stored = await admitUpload(deps, team.therapist, { declaredBytes: 3 * MiB, envelopeBytes: MiB });
    await stored.stored(2 * MiB);
    await stored.abandoned();
    await stored.stored(0);
    expect(await bytesLeft()).toBe(18 * MiB);
    const abandoned = await admitUpload(deps, team.therapist, { declaredBytes: 5 * MiB });
    expect(await bytesLeft()).toBe(13 * MiB);
    await abandoned.abandoned();
    await abandoned.stored(5 * MiB);
    expect(await bytesLeft()).toBe(18 * MiB);
  });

  it("without a declared length: admits while any bytes are left and counts the recording's size when stored", async () => {
    const { deps, team, bytesLeft, uploadsLeft } = await gate({ uploadBytesPerDay: 4 * MiB });
    const first = await admitUpload(deps, team.therapist, {});
    expect(await bytesLeft()).toBe(4 * MiB);
    await first.stored(4 * MiB);
    expect(await bytesLeft()).toBe(0);
    await expect(admitUpload(deps, team.therapist, {})).rejects.toMatchObject({ code: "upload.quota_exceeded", details: { quota: "bytes_per_day" } });
    // The refused upload is given back.
    expect(await uploadsLeft()).toBe(2);
    const unknown = await gate({ uploadBytesPerDay: 4 * MiB });
    const admission = await admitUpload(unknown.deps, unknown.team.therapist, { declaredBytes: Number.NaN });
    await admission.abandoned();
    expect(await unknown.bytesLeft()).toBe(4 * MiB);
  });

  it("is settled by uploadSession: stored with the recording's size, or abandoned when the upload fails", async () => {
    const { deps, team, bytesLeft } = await gate();
    const admission = await admitUpload(deps, team.therapist, { declaredBytes: 2 * MiB });
    const session = await uploadSample(deps, team, { admission });
    expect(await bytesLeft()).toBe(20 * MiB - session.audio!.sizeBytes);

    const refused = await admitUpload(deps, team.therapist, { declaredBytes: 2 * MiB });
    await expect(uploadSample(deps, team, { admission: refused, audio: byteStream(new TextEncoder().encode("not audio at all, just text")) })).rejects.toMatchObject({
      code: "upload.not_audio",
    });
    const early = await admitUpload(deps, team.therapist, { declaredBytes: 2 * MiB });
    await expect(uploadSample(deps, team, { admission: early, patientId: "nobody" })).rejects.toMatchObject({ code: "user.not_found" });
    expect(await bytesLeft()).toBe(20 * MiB - session.audio!.sizeBytes);
  });

  it("says in words which quota is spent, and when the day's bytes free without a declared length", async () => {
    const { deps, team } = await gate({ uploadsPerHour: 1, uploadBytesPerDay: MiB });
    await expect(admitUpload(deps, team.therapist, { declaredBytes: 0 })).rejects.toThrow("The recording is empty.");
    await expect(admitUpload(deps, team.therapist, { declaredBytes: 11 * MiB })).rejects.toThrow(`The recording is larger than ${10 * MiB} bytes.`);
    await expect(admitUpload(deps, team.therapist, { declaredBytes: 2 * MiB })).rejects.toThrow(`You have uploaded ${MiB} bytes today; try again later.`);
    const first = await admitUpload(deps, team.therapist, {});
    await expect(admitUpload(deps, team.therapist, {})).rejects.toThrow("You have started 1 uploads in the last hour; try again later.");
    await first.stored(MiB);
    deps.clock.advance(3600_000);
    // An hour on: uploads free again, the day's bytes do not (a 24-hour window from the first counted).
    const refused = await admitUpload(deps, team.therapist, {}).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: "upload.quota_exceeded", details: { quota: "bytes_per_day" }, retryAfterMs: 23 * 3600_000 });
    deps.clock.advance(23 * 3600_000);
    await expect(admitUpload(deps, team.therapist, { declaredBytes: MiB })).resolves.toBeDefined();
  });

  it("reads a length that is negative or not whole as not declared", async () => {
    for (const declaredBytes of [-1, 2.5, Number.POSITIVE_INFINITY]) {
      const { deps, team, bytesLeft } = await gate();
      const admission = await admitUpload(deps, team.therapist, { declaredBytes });
      // Nothing reserved up front; the recording's size is counted when stored.
      expect(await bytesLeft()).toBe(20 * MiB);
      await admission.stored(MiB);
      expect(await bytesLeft()).toBe(19 * MiB);
    }
  });

  it("gives back an abandoned upload's bytes once, however often it is abandoned", async () => {
    const { deps, team, bytesLeft } = await gate();
    const kept = await admitUpload(deps, team.therapist, { declaredBytes: 3 * MiB });
    await kept.stored(3 * MiB);
    const dropped = await admitUpload(deps, team.therapist, { declaredBytes: 5 * MiB });
    await dropped.abandoned();
    await dropped.abandoned();
    expect(await bytesLeft()).toBe(17 * MiB);
  });

  it("a store failing as uploadSession settles is logged; the stored session stands", async () => {
    const { deps, team, logger } = await gate();
    const failing = { stored: () => Promise.reject(new Error("store gone")), abandoned: () => Promise.reject(new Error("store gone")) };
    const session = await uploadSample(deps, team, { admission: failing });
    expect(session.status).toBe("queued");
    await expect(uploadSample(deps, team, { admission: failing, patientId: "nobody" })).rejects.toMatchObject({ code: "user.not_found" });
    expect(logger.entries.filter((entry) => entry.message === "upload.quota_settle_failed")).toHaveLength(2);
  });
});
