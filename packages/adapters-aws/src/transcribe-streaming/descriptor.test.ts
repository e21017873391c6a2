import { startTranscribeStreamingServer, type TranscribeStreamingServer } from "@confide/contracts/fakes";
import { toneBurstsPcm } from "@confide/contracts/support";
import { silentLogger, type LiveSpeechEvent } from "@confide/core";
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
    expect(transcribeStreamingDescriptor.settings.safeParse({ CONFIDE_TRANSCRIBE_STREAMING_ENDPOINT: "not a url" }).success).toBe(false);
  });

  it("creates an engine that streams to the endpoint with the default credential chain's keys", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", fake.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret");
    const live = await transcribeStreamingDescriptor.create(
      transcribeStreamingDescriptor.settings.parse({ CONFIDE_TRANSCRIBE_REGION: "eu-central-1", CONFIDE_TRANSCRIBE_STREAMING_ENDPOINT: fake.url }),
      { logger: silentLogger, dataDir: "/nonexistent" },
    );
    const recognition = await live.open({
      language: "en-US",
      format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 1 },
      channelLayout: "mono",
      maxSpeakers: 2,
    });
    const events: LiveSpeechEvent[] = [];
    const reading = (async () => {
      for await (const event of recognition.events) events.push(event);
    })();
    await recognition.write(toneBurstsPcm([[[200, 1_200]]], 2_000));
    await recognition.end();
    await reading;
    expect(events.filter((event) => event.type === "final").map((event) => event.type === "final" && event.speaker)).toEqual(["spk_0"]);
    await live.close();
  });
});
