import { describe, expect, it } from "vitest";
import type { SessionStatus } from "../../domain/session-status.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { seedCareTeam, uploadSample } from "../pipeline/pipeline-fixture.test-support.ts";
import { assertProcessingCapacity } from "./processing-capacity.ts";

describe("sessions in processing per therapist", () => {
  it("refuses an upload at the limit with upload.quota_exceeded, storing nothing, and allows one when a session is done", async () => {
    const deps = createTestDeps({ settings: { maxSessionsInProcessing: 2 } });
    const team = await seedCareTeam(deps);
    await uploadSample(deps, team);
    const second = await uploadSample(deps, team);
    const blobsBefore = deps.blobs.keys().length;

    await expect(uploadSample(deps, team)).rejects.toMatchObject({
      code: "upload.quota_exceeded",
      retryable: true,
      retryAfterMs: 60_000,
      details: { quota: "sessions_in_processing", limit: 2 },
    });
    expect(deps.blobs.keys()).toHaveLength(blobsBefore);
    expect((await deps.sessions.list({ limit: 10 })).items).toHaveLength(2);

    const stored = await deps.sessions.get(second.id);
    if (!stored) throw new Error("no session");
    await deps.sessions.update({ ...stored, status: "failed" }, stored.version);
    await expect(uploadSample(deps, team)).resolves.toMatchObject({ status: "queued" });
  });

  it("counts past one page of sessions", async () => {
    const deps = createTestDeps({ settings: { maxSessionsInProcessing: 150 } });
    const team = await seedCareTeam(deps);
    const actor = team.therapist;
    const template = await uploadSample(deps, team);
    const stored = await deps.sessions.get(template.id);
    if (!stored) throw new Error("no session");
    for (let index = 1; index < 150; index += 1) await deps.sessions.create({ ...stored, id: `copy-${index}` });
    await expect(assertProcessingCapacity(deps, actor)).rejects.toMatchObject({ code: "upload.quota_exceeded" });
    await deps.sessions.delete("copy-1");
    await expect(assertProcessingCapacity(deps, actor)).resolves.toBeUndefined();
  });
});

describe("what counts as in processing", () => {
  it("counts sessions uploaded, queued, transcribing and analyzing, not ready, finalized or failed ones", async () => {
    const deps = createTestDeps({ settings: { maxSessionsInProcessing: 1 } });
    const team = await seedCareTeam(deps);
    const template = await uploadSample(deps, team);
    const setStatus = async (status: SessionStatus) => {
      const current = await deps.sessions.get(template.id);
      if (!current) throw new Error("no session");
      await deps.sessions.update({ ...current, status }, current.version);
    };
    for (const status of ["ready", "finalized", "failed"] as const) {
      await setStatus(status);
      await expect(assertProcessingCapacity(deps, team.therapist), status).resolves.toBeUndefined();
    }
    for (const status of ["uploaded", "queued", "transcribing", "analyzing"] as const) {
      await setStatus(status);
      await expect(assertProcessingCapacity(deps, team.therapist), status).rejects.toMatchObject({
        code: "upload.quota_exceeded",
        message: "You have 1 sessions in processing; upload another when one of them is ready.",
      });
    }
  });

  it("allows one below the limit across pages, and refuses at it", async () => {
    const deps = createTestDeps({ settings: { maxSessionsInProcessing: 130 } });
    const team = await seedCareTeam(deps);
    const template = await uploadSample(deps, team);
    const stored = await deps.sessions.get(template.id);
    if (!stored) throw new Error("no session");
    for (let index = 1; index < 129; index += 1) await deps.sessions.create({ ...stored, id: `copy-${index}` });
    await expect(assertProcessingCapacity(deps, team.therapist)).resolves.toBeUndefined();
    await deps.sessions.create({ ...stored, id: "copy-129" });
    await expect(assertProcessingCapacity(deps, team.therapist)).rejects.toMatchObject({ code: "upload.quota_exceeded" });
  });
});
