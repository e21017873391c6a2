import { describe, expect, it } from "vitest";
import { createScriptedSpeechToText } from "../../testing/scripted-speech-to-text.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { createJobHandlers } from "./job-handlers.ts";
import { runUntilIdle, seedCareTeam, uploadSample } from "./pipeline-fixture.test-support.ts";

describe("a transcription that stays pending", () => {
  it("fails the session with speech.timeout once the limit has passed, instead of polling forever", async () => {
    const deps = createTestDeps({
      speech: createScriptedSpeechToText({ pendingPolls: Number.POSITIVE_INFINITY, retryAfterMs: 30 * 60_000 }),
    });
    const team = await seedCareTeam(deps);
    await deps.queue.start(createJobHandlers(deps));
    const uploaded = await uploadSample(deps, team);

    await runUntilIdle(deps, 100);

    const session = await deps.sessions.get(uploaded.id);
    expect(session).toMatchObject({ status: "failed", processing: { lastError: { code: "speech.timeout", retryable: true } } });
  });
});
