import { defaultTranscriptionSettings } from "@confide/core";
import { silentLogger } from "@confide/core/adapter-kit";
import { pcmWav } from "@confide/core/testing";
import { expectConfideError } from "@confide/contracts";
import { startFakeSpeechBatchServer, type FakeSpeechBatchServer } from "@confide/contracts/fakes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAzureSpeechToText } from "./azure-speech-to-text.ts";
import { azureSpeechDescriptor } from "./descriptor.ts";

describe("azure-speech descriptor", () => {
  let fake: FakeSpeechBatchServer;
  beforeAll(async () => {
    fake = await startFakeSpeechBatchServer();
  });
  afterAll(() => fake?.close());

  const parse = (settings: Record<string, unknown>) => azureSpeechDescriptor.settings.safeParse(settings);
  const problems = (settings: Record<string, unknown>) => parse(settings).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

  it("is the speech adapter azure-speech", () => {
    expect([azureSpeechDescriptor.port, azureSpeechDescriptor.name]).toEqual(["speech", "azure-speech"]);
  });

  it("creates an adapter that reaches the endpoint with the key, and hands the service the recording's read URL", async () => {
    const speech = await azureSpeechDescriptor.create(
      azureSpeechDescriptor.settings.parse({ endpoint: fake.url, key: fake.key }),
      { logger: silentLogger, dataDir: "/nonexistent" },
    );
    await speech.check();
    const bytes = pcmWav();
    const submitted = await speech.submit(
      {
        key: "sessions/s1/audio.wav",
        contentType: "audio/wav",
        sizeBytes: bytes.length,
        channels: 1,
        open: async () => new Response(bytes).body!,
        readUrl: async () => `${fake.url}/nowhere.wav`,
      },
      defaultTranscriptionSettings,
    );
    expect(submitted.status).toBe("pending");
    expect(fake.received.find((request) => request.operation === "submit")?.body).toMatchObject({ contentUrls: [`${fake.url}/nowhere.wav`] });
  });

  it("takes the region instead of an endpoint with a key; needs an endpoint for Entra ID sign-in", () => {
    expect(parse({ region: "westeurope", key: "k" }).success).toBe(true);
    expect(parse({ endpoint: "https://clinic.cognitiveservices.azure.com" }).success).toBe(true);
    expect(problems({ region: "westeurope" })).toEqual([
      ["endpoint", "required for Entra ID sign-in (no CONFIDE_AZURE_SPEECH_KEY): regional endpoints take keys only"],
    ]);
    expect(problems({})?.[0]).toEqual(["endpoint", "required by the azure-speech adapter, or CONFIDE_AZURE_SPEECH_REGION with a key"]);
    expect(problems({ region: "West Europe", key: "k" })?.[0]?.[0]).toBe("region");
  });

  it("refuses a staging connection string that is not one without repeating it, and two staging accounts", () => {
    const secret = "AccountKey=c2VjcmV0;nothing else";
    const refused = problems({ region: "westeurope", key: "k", stagingConnectionString: secret });
    expect(refused?.[0]?.[0]).toBe("stagingConnectionString");
    expect(JSON.stringify(refused)).not.toContain("c2VjcmV0");
    expect(
      problems({
        region: "westeurope",
        key: "k",
        stagingConnectionString: "UseDevelopmentStorage=true",
        stagingAccountUrl: "https://a.blob.core.windows.net",
      }),
    ).toEqual([["stagingConnectionString", "give either this or CONFIDE_AZURE_SPEECH_STAGING_ACCOUNT_URL, not both"]]);
  });

  it("fills the defaults; takes the poll interval as its variable gives it (text); refuses numbers out of range", () => {
    expect(parse({ region: "westeurope", key: "k" }).data).toMatchObject({
      stagingContainerName: "confide-speech-staging",
      audioUrlExpiresInSeconds: 24 * 3600,
      timeToLiveHours: 24,
      requestTimeoutMs: 30_000,
      minPollIntervalMs: 5_000,
      maxPollIntervalMs: 60_000,
      deferredDeletionSweepIntervalMs: 10 * 60_000,
      displayNamePrefix: "confide",
    });
    expect(parse({ region: "westeurope", key: "k", maxPollIntervalMs: "90000" }).data?.maxPollIntervalMs).toBe(90_000);
    expect(problems({ region: "westeurope", key: "k", maxPollIntervalMs: "4999" })?.[0]?.[0]).toBe("maxPollIntervalMs");
    expect(problems({ region: "westeurope", key: "k", timeToLiveHours: 5 })?.[0]?.[0]).toBe("timeToLiveHours");
    expect(problems({ region: "westeurope", key: "k", minPollIntervalMs: 70_000 })).toEqual([
      ["maxPollIntervalMs", "must be a whole number from minPollIntervalMs (70000) to 3600000"],
    ]);
  });

  it("the factory refuses bad settings as validation.invalid_input naming the setting", async () => {
    const missing = await expectConfideError(createAzureSpeechToText({}), "validation.invalid_input");
    expect(missing.details).toEqual({ setting: "endpoint" });
    const audioUrl = await expectConfideError(createAzureSpeechToText({ endpoint: fake.url, key: fake.key, audioUrlExpiresInSeconds: 8 * 24 * 3600 }), "validation.invalid_input");
    expect(audioUrl.details).toEqual({ setting: "audioUrlExpiresInSeconds" });
  });
});
