import { describe, expect, it } from "vitest";
import { ConfideError } from "../../errors.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { storeSession } from "../sessions/session-fixture.test-support.ts";
import { discardProviderJob, providerJobSentence, providerJobSettled } from "./provider-job.ts";

describe("what becomes of a session's provider job", () => {
  it("tells a person what happened in plain words, and nothing when there is nothing to say", () => {
    expect(providerJobSentence("none")).toBe("");
    expect(providerJobSentence("discarded")).toBe("");
    expect(providerJobSentence("deferred")).toMatch(/^ The speech service cannot stop a transcription while it runs: the copy of the recording sent to it was removed/);
    expect(providerJobSentence("failed")).toBe(" The speech service could not be reached to delete its copy; it will be asked again.");
  });

  it("keeps the ref only when the provider could not be reached", () => {
    expect(["none", "discarded", "deferred", "failed"].filter((outcome) => providerJobSettled(outcome as never))).toEqual(["none", "discarded", "deferred"]);
  });

  it("names the outcome of the provider's answer: discarded, deferred, failed; none without a job", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps);
    expect(await discardProviderJob(deps, session, "delete")).toBe("none");
    const withJob = { ...session, processing: { ...session.processing, providerRef: "job-1" } };
    const answers: Array<() => Promise<unknown>> = [
      async () => undefined,
      async () => ({ status: "discarded" }),
      async () => ({ status: "deferred", reason: "job_running" }),
      async () => {
        throw new ConfideError("provider.unavailable", "down", { retryable: true });
      },
    ];
    const outcomes = [];
    for (const answer of answers) {
      const speech = { ...deps.speech, discard: answer } as unknown as typeof deps.speech;
      outcomes.push(await discardProviderJob({ ...deps, speech }, withJob, "delete"));
    }
    expect(outcomes).toEqual(["discarded", "discarded", "deferred", "failed"]);
  });
});
