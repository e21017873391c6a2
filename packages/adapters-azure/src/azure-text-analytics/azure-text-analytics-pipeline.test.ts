/**
 * The Text Analytics analyzer under core's processing pipeline (scripted speech, everything else
 * in memory, Text Analytics the fake with the real SDK): a session's patient segments get
 * Azure's sentiment, and a 429's Retry-After — which the SDK does not wait out itself with the
 * default settings — reaches core, whose retry comes no sooner.
 */
import { startTestPipeline, storedTestSession, uploadTestRecording, type TestDeps } from "@confide/core/testing";
import { startFakeTextAnalyticsServer, type FakeTextAnalyticsServer } from "@confide/contracts/fakes";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAzureTextAnalyticsLanguageAnalyzer } from "./azure-text-analytics-language-analyzer.ts";

let fake: FakeTextAnalyticsServer;
let deps: TestDeps;

beforeAll(async () => {
  fake = await startFakeTextAnalyticsServer();
});

afterAll(async () => {
  await fake?.close();
});

beforeEach(async () => {
  fake.fault = () => undefined;
  const language = await createAzureTextAnalyticsLanguageAnalyzer({ endpoint: fake.url, key: fake.key, clientOptions: { allowInsecureConnection: true } });
  deps = await startTestPipeline({ language });
});

afterEach(async () => {
  await deps.queue.close();
  await deps.language.close();
});

describe("Text Analytics under the processing pipeline", () => {
  it("scores the patient's segments", async () => {
    const uploaded = await uploadTestRecording(deps);

    await deps.queue.runDue();

    const session = await storedTestSession(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(session.sentiment?.segments.map((segment) => segment.label)).toEqual(["positive", "negative"]);
  });

  it("a 429 with Retry-After 20 s: the session keeps no sentiment and core retries no sooner than 20 s, then succeeds", async () => {
    const from = fake.received.length;
    fake.fault = (_request, index) => (index === from ? { kind: "throttled", retryAfterSeconds: 20 } : undefined);
    const uploaded = await uploadTestRecording(deps);
    const before = deps.clock.now().getTime();

    await deps.queue.runDue();

    const throttled = await storedTestSession(deps, uploaded);
    expect(throttled.sentiment).toBeNull();
    expect(throttled.processing.lastError).toMatchObject({ code: "provider.throttled", retryable: true });
    const [retry] = deps.queue.pending();
    expect(retry!.runAt - before).toBeGreaterThanOrEqual(20_000);

    deps.clock.set(new Date(retry!.runAt));
    await deps.queue.runDue();
    expect((await storedTestSession(deps, uploaded)).status).toBe("ready");
  });
});
