import { defaultTranscriptionSettings, silentLogger } from "@confide/core/ports";
import { pcmWav } from "@confide/core/testing";
import { startFakeSpeechBatchServer, type FakeSpeechBatchServer } from "@confide/contracts/fakes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { azureSpeechDescriptor } from "./descriptor.ts";

describe("azure-speech descriptor", () => {
  let fake: FakeSpeechBatchServer;
  beforeAll(async () => {
    fake = await startFakeSpeechBatchServer();
  });
  afterAll(() => fake?.close());

  const parse = (variables: Record<string, string>) => azureSpeechDescriptor.settings.safeParse(variables);
  const problems = (variables: Record<string, string>) => parse(variables).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

  it("is the speech adapter azure-speech", () => {
    expect([azureSpeechDescriptor.port, azureSpeechDescriptor.name]).toEqual(["speech", "azure-speech"]);
  });

  it("creates an adapter that reaches the endpoint with the key, and hands the service the recording's read URL", async () => {
    const speech = await azureSpeechDescriptor.create(
      azureSpeechDescriptor.settings.parse({ CONFIDE_AZURE_SPEECH_ENDPOINT: fake.url, CONFIDE_AZURE_SPEECH_KEY: fake.key }),
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
    expect(parse({ CONFIDE_AZURE_SPEECH_REGION: "westeurope", CONFIDE_AZURE_SPEECH_KEY: "k" }).success).toBe(true);
    expect(parse({ CONFIDE_AZURE_SPEECH_ENDPOINT: "https://clinic.cognitiveservices.azure.com" }).success).toBe(true);
    expect(problems({ CONFIDE_AZURE_SPEECH_REGION: "westeurope" })).toEqual([
      ["CONFIDE_AZURE_SPEECH_ENDPOINT", "required for Entra ID sign-in (no CONFIDE_AZURE_SPEECH_KEY): regional endpoints take keys only"],
    ]);
    expect(problems({})?.[0]).toEqual(["CONFIDE_AZURE_SPEECH_ENDPOINT", "required by the azure-speech adapter, or CONFIDE_AZURE_SPEECH_REGION with a key"]);
    expect(problems({ CONFIDE_AZURE_SPEECH_REGION: "West Europe", CONFIDE_AZURE_SPEECH_KEY: "k" })?.[0]?.[0]).toBe("CONFIDE_AZURE_SPEECH_REGION");
  });

  it("refuses a staging connection string that is not one without repeating it, and two staging accounts", () => {
    const secret = "AccountKey=c2VjcmV0;nothing else";
    const refused = problems({ CONFIDE_AZURE_SPEECH_REGION: "westeurope", CONFIDE_AZURE_SPEECH_KEY: "k", CONFIDE_AZURE_SPEECH_STAGING_CONNECTION_STRING: secret });
    expect(refused?.[0]?.[0]).toBe("CONFIDE_AZURE_SPEECH_STAGING_CONNECTION_STRING");
    expect(JSON.stringify(refused)).not.toContain("c2VjcmV0");
    expect(
      problems({
        CONFIDE_AZURE_SPEECH_REGION: "westeurope",
        CONFIDE_AZURE_SPEECH_KEY: "k",
        CONFIDE_AZURE_SPEECH_STAGING_CONNECTION_STRING: "UseDevelopmentStorage=true",
        CONFIDE_AZURE_SPEECH_STAGING_ACCOUNT_URL: "https://a.blob.core.windows.net",
      }),
    ).toEqual([["CONFIDE_AZURE_SPEECH_STAGING_CONNECTION_STRING", "give either this or CONFIDE_AZURE_SPEECH_STAGING_ACCOUNT_URL, not both"]]);
  });
});
