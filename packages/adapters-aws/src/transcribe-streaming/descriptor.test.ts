import { startTranscribeStreamingServer, type TranscribeStreamingServer } from "@confide/contracts/fakes";
import { monoLiveSettings, readLiveEvents, toneBurstsPcm } from "@confide/contracts/support";
import { expectConfideError } from "@confide/contracts";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { transcribeStreamingDescriptor } from "./descriptor.ts";

describe("transcribe streaming descriptor", () => {
  let fake: TranscribeStreamingServer;
  beforeAll(async () => {
    fake = await startTranscribeStreamingServer();
  });
  afterAll(() => fake?.close());
  afterEach(() => vi.unstubAllEnvs());

  it("is the live engine transcribe, and refuses an endpoint that is not a URL", () => {
    expect([transcribeStreamingDescriptor.port, transcribeStreamingDescriptor.name]).toEqual(["live", "transcribe"]);
    expect(transcribeStreamingDescriptor.settings.safeParse({ endpoint: "not a url" }).success).toBe(false);
    expect(transcribeStreamingDescriptor.settings.safeParse({ region: "  " }).error?.issues.map((issue) => issue.path.join("."))).toEqual(["region"]);
    expect(transcribeStreamingDescriptor.settings.parse({})).toEqual({ keepAliveAfterMs: 10_000 });
  });

  it("refuses bad settings from code as validation.invalid_input naming the setting", async () => {
    for (const [setting, value] of [
      ["endpoint", "not a url"],
      ["keepAliveAfterMs", 0],
      ["keepAliveAfterMs", 14_001],
      ["keepAliveAfterMs", 1.5],
    ] as const) {
      const error = await expectConfideError(transcribeStreamingDescriptor.create({ [setting]: value }), "validation.invalid_input");
      expect(error.details, setting).toEqual({ setting });
    }
  });

  it("creates an engine that streams to the endpoint with the default credential chain's keys", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", fake.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret");
    const live = await transcribeStreamingDescriptor.create(
      transcribeStreamingDescriptor.settings.parse({ region: "eu-central-1", endpoint: fake.url }),
    );
    const recognition = await live.open(monoLiveSettings);
    const reading = readLiveEvents(recognition);
    await recognition.write(toneBurstsPcm([[[200, 1_200]]], 2_000));
    await recognition.end();
    await reading.done;
    expect(reading.events.filter((event) => event.type === "final").map((event) => event.type === "final" && event.speaker)).toEqual(["spk_0"]);
    await live.close();
  });
});
