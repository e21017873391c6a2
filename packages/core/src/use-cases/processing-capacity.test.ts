import { describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/test-deps.ts";
import { seedCareTeam, uploadSample } from "./pipeline-fixture.test-support.ts";
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
