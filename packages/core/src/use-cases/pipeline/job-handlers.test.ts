import { describe, expect, it } from "vitest";
import { jobNames } from "../../deps.ts";
import { ConfideError } from "../../errors.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { createJobHandlers } from "./job-handlers.ts";
import { seedCareTeam, uploadSample } from "./pipeline-fixture.test-support.ts";

describe("createJobHandlers", () => {
  it("handles the process job by processing the session", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const uploaded = await uploadSample(deps, team);
    const handlers = createJobHandlers(deps);
    expect(Object.keys(handlers).sort()).toEqual([jobNames.processSession, jobNames.retentionSweep].sort());

    await handlers[jobNames.processSession]?.(
      { sessionId: uploaded.id },
      { jobId: `process-${uploaded.id}-r0`, attempt: 1, signal: new AbortController().signal },
    );
    expect((await deps.sessions.get(uploaded.id))?.status).toBe("ready");
  });

  it("drops a job whose payload names no session instead of failing it again and again", async () => {
    const deps = createTestDeps();
    const handler = createJobHandlers(deps)[jobNames.processSession];
    await expect(
      handler?.({ sessionId: 42 }, { jobId: "broken", attempt: 1, signal: new AbortController().signal }),
    ).resolves.toBeUndefined();
  });
});

describe("createJobHandlers payload check", () => {
  it.each([
    ["a number", { sessionId: 42 }],
    ["an empty id", { sessionId: "" }],
    ["no id", {}],
  ])("drops a job naming %s as its session without touching the store, so it is not retried", async (_name, payload) => {
    const deps = createTestDeps();
    const down = {
      ...deps.sessions,
      async get(): Promise<null> {
        throw new ConfideError("dependency.unavailable", "The database is down.", { retryable: true });
      },
    };
    const handler = createJobHandlers({ ...deps, sessions: down })[jobNames.processSession];
    await expect(handler?.(payload, { jobId: "broken", attempt: 1, signal: new AbortController().signal })).resolves.toBeUndefined();
  });
});
