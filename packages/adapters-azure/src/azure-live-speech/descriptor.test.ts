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

  const problems = (settings: Record<string, unknown>) =>
    azureLiveSpeechDescriptor.settings.safeParse(settings).error?.issues.map((issue) => issue.path.join(".")) ?? [];

  it("is the live engine azure", () => {
    expect([azureLiveSpeechDescriptor.port, azureLiveSpeechDescriptor.name]).toEqual(["live", "azure"]);
  });

  it("takes the batch adapter's key and region, or a ws(s) host; needs a key", () => {
    expect(problems({ region: "westeurope", key: "k" })).toEqual([]);
    expect(problems({ host: "wss://speech.internal:5000", key: "k" })).toEqual([]);
    expect(problems({ region: "westeurope" })).toEqual(["key"]);
    expect(problems({ key: "k" })).toEqual(["region"]);
    expect(problems({ host: "https://speech.internal", key: "k" })).toEqual(["host"]);
    expect(problems({ region: "westeurope", key: "k", maxConnectionAudioMs: 241 * 60_000 })).toEqual(["maxConnectionAudioMs"]);
    expect(azureLiveSpeechDescriptor.settings.parse({ region: "westeurope", key: "k" })).toEqual({
      region: "westeurope",
      key: "k",
      wordTimestamps: true,
      maxConnectionAudioMs: 235 * 60_000,
    });
  });

  it("creates an engine that streams to the host with the key and hears speakers", async () => {
    const live = await azureLiveSpeechDescriptor.create(
      azureLiveSpeechDescriptor.settings.parse({ host: fake.url, key: fake.key }),
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
