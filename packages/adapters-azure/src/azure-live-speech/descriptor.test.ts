import { startAzureSpeechLiveServer, type AzureSpeechLiveServer } from "@confide/contracts/fakes";
import { monoLiveSettings, readLiveEvents, toneBurstsPcm } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { azureLiveSpeechDescriptor } from "./descriptor.ts";

describe("azure live speech descriptor", () => {
  let fake: AzureSpeechLiveServer;
  beforeAll(async () => {
    fake = await startAzureSpeechLiveServer();
  });
  afterAll(() => fake?.close());

  const problems = (variables: Record<string, string>) =>
    azureLiveSpeechDescriptor.settings.safeParse(variables).error?.issues.map((issue) => issue.path.join(".")) ?? [];

  it("is the live engine azure", () => {
    expect([azureLiveSpeechDescriptor.port, azureLiveSpeechDescriptor.name]).toEqual(["live", "azure"]);
  });

  it("takes the batch adapter's key and region, or a ws(s) host; needs a key", () => {
    expect(problems({ CONFIDE_AZURE_SPEECH_REGION: "westeurope", CONFIDE_AZURE_SPEECH_KEY: "k" })).toEqual([]);
    expect(problems({ CONFIDE_AZURE_LIVE_SPEECH_HOST: "wss://speech.internal:5000", CONFIDE_AZURE_SPEECH_KEY: "k" })).toEqual([]);
    expect(problems({ CONFIDE_AZURE_SPEECH_REGION: "westeurope" })).toEqual(["CONFIDE_AZURE_SPEECH_KEY"]);
    expect(problems({ CONFIDE_AZURE_SPEECH_KEY: "k" })).toEqual(["CONFIDE_AZURE_SPEECH_REGION"]);
    expect(problems({ CONFIDE_AZURE_LIVE_SPEECH_HOST: "https://speech.internal", CONFIDE_AZURE_SPEECH_KEY: "k" })).toEqual(["CONFIDE_AZURE_LIVE_SPEECH_HOST"]);
  });

  it("creates an engine that streams to the host with the key and hears speakers", async () => {
    const live = await azureLiveSpeechDescriptor.create(
      azureLiveSpeechDescriptor.settings.parse({ CONFIDE_AZURE_LIVE_SPEECH_HOST: fake.url, CONFIDE_AZURE_SPEECH_KEY: fake.key }),
    );
    await live.check();
    const recognition = await live.open(monoLiveSettings);
    const reading = readLiveEvents(recognition);
    await recognition.write(toneBurstsPcm([[[200, 1_200]]], 2_000));
    await recognition.end();
    await reading.done;
    expect(reading.events.filter((event) => event.type === "final").map((event) => event.type === "final" && event.speaker)).toEqual(["Guest-1"]);
    await live.close();
  });
});
