/**
 * The Text Analytics analyzer under core's processing pipeline (scripted speech, everything else
 * in memory, Text Analytics the fake with the real SDK): a session's patient segments get
 * Azure's sentiment, and a 429's Retry-After — which the SDK does not wait out itself with the
 * default settings — reaches core, whose retry comes no sooner.
 */
import { createJobHandlers, uploadSession, type Session } from "@confide/core";
import { byteStream, createTestDeps, pcmWav, seedLinkedPair, type TestDeps } from "@confide/core/testing";
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
  deps = createTestDeps({ language });
  await seedLinkedPair(deps);
  await deps.queue.start(createJobHandlers(deps));
});

afterEach(async () => {
  await deps.queue.close();
  await deps.language.close();
});

function upload(): Promise<Session> {
  return uploadSession(deps, { userId: "therapist-1", role: "therapist" }, {
    patientId: "patient-1",
    title: "Weekly session",
    audio: byteStream(pcmWav({ channels: 1, dataBytes: 32_000 })),
    originalName: "session.wav",
    declaredContentType: "audio/wav",
  });
}

async function stored(session: Session): Promise<Session> {
  const current = await deps.sessions.get(session.id);
  if (current === null) throw new Error("the session is gone");
  return current;
}

describe("Text Analytics under the processing pipeline", () => {
  it("scores the patient's segments", async () => {
    const uploaded = await upload();

    await deps.queue.runDue();

    const session = await stored(uploaded);
    expect(session.status).toBe("ready");
    expect(session.sentiment?.segments.map((segment) => segment.label)).toEqual(["positive", "negative"]);
  });

  it("a 429 with Retry-After 20 s: the session keeps no sentiment and core retries no sooner than 20 s, then succeeds", async () => {
    const from = fake.received.length;
    fake.fault = (_request, index) => (index === from ? { kind: "throttled", retryAfterSeconds: 20 } : undefined);
    const uploaded = await upload();
    const before = deps.clock.now().getTime();

    await deps.queue.runDue();

    const throttled = await stored(uploaded);
    expect(throttled.sentiment).toBeNull();
    expect(throttled.processing.lastError).toMatchObject({ code: "provider.throttled", retryable: true });
    const [retry] = deps.queue.pending();
    expect(retry!.runAt - before).toBeGreaterThanOrEqual(20_000);

    deps.clock.set(new Date(retry!.runAt));
    await deps.queue.runDue();
    expect((await stored(uploaded)).status).toBe("ready");
  });
});
