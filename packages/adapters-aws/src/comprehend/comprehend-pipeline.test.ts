/**
 * The Comprehend analyzer under core's processing pipeline (scripted speech, everything else in
 * memory, Comprehend the fake with the real SDK): a session's patient segments get Comprehend's
 * sentiment; a document Comprehend fails, or throttling, leaves the session without sentiment
 * and schedules a retry — never a neutral result in place of the failed one.
 */
import { startTestPipeline, storedTestSession, uploadTestRecording, type TestDeps } from "@confide/core/testing";
import { startFakeComprehendServer, type FakeComprehendServer } from "@confide/contracts/fakes";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createComprehendLanguageAnalyzer } from "./comprehend-language-analyzer.ts";

let fake: FakeComprehendServer;
let deps: TestDeps;

beforeAll(async () => {
  fake = await startFakeComprehendServer();
});

afterAll(async () => {
  await fake?.close();
});

beforeEach(async () => {
  fake.fault = () => undefined;
  fake.documentError = () => undefined;
  deps = await startTestPipeline({ language: await createComprehendLanguageAnalyzer({ ...fake.clientConfig, maxAttempts: 1 }) });
});

afterEach(async () => {
  await deps.queue.close();
  await deps.language.close();
});

const sentimentRequests = (from: number) => fake.received.slice(from).filter((request) => request.operation === "BatchDetectSentiment");

describe("Comprehend under the processing pipeline", () => {
  it("scores the patient's segments: one request, results stored per segment", async () => {
    const from = fake.received.length;
    const uploaded = await uploadTestRecording(deps);

    await deps.queue.runDue();

    const session = await storedTestSession(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(session.sentiment?.segments.map((segment) => segment.label)).toEqual(["positive", "negative"]);
    const requests = sentimentRequests(from);
    expect(requests).toHaveLength(1);
    expect((requests[0]!.body as { TextList: string[]; LanguageCode: string }).LanguageCode).toBe("en");
  });

  it("a document in ErrorList fails the analysis retryable and the retry scores it: never stored as neutral", async () => {
    fake.documentError = (text) => (text.includes("worried") ? { ErrorCode: "INTERNAL_SERVER_ERROR", ErrorMessage: "Internal server error" } : undefined);
    const uploaded = await uploadTestRecording(deps);

    await deps.queue.runDue();

    const failedOnce = await storedTestSession(deps, uploaded);
    expect(failedOnce.status).toBe("analyzing");
    expect(failedOnce.sentiment).toBeNull();
    expect(failedOnce.processing.lastError).toMatchObject({ code: "provider.unavailable", retryable: true });
    expect(deps.queue.pending()).toHaveLength(1);

    fake.documentError = () => undefined;
    deps.clock.set(new Date(deps.queue.pending()[0]!.runAt));
    await deps.queue.runDue();

    const session = await storedTestSession(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(session.sentiment?.segments.map((segment) => segment.label)).toEqual(["positive", "negative"]);
  });

  it("throttling schedules the retry no sooner than the suggested wait", async () => {
    fake.fault = () => ({ kind: "throttled" });
    const uploaded = await uploadTestRecording(deps);
    const before = deps.clock.now().getTime();

    await deps.queue.runDue();

    const session = await storedTestSession(deps, uploaded);
    expect(session.processing.lastError).toMatchObject({ code: "provider.throttled", retryable: true });
    const [retry] = deps.queue.pending();
    expect(retry!.runAt - before).toBeGreaterThanOrEqual(1_000);
  });
});
