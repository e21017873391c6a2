import { defaultTranscriptionSettings } from "@confide/core";
import { pcmWav } from "@confide/core/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildAudioSource, expectConfideError } from "@confide/contracts";
import { startFakeWhisperServer, type FakeWhisperServer } from "@confide/contracts/fakes";
import { whisperDescriptor } from "./descriptor.ts";

describe("whisper descriptor", () => {
  let fake: FakeWhisperServer;
  beforeAll(async () => {
    fake = await startFakeWhisperServer();
  });
  beforeEach(() => {
    fake.received.length = 0;
  });
  afterAll(() => fake.close());

  // It needs nothing from the host's context.
  const create = (settings: Record<string, string>) => whisperDescriptor.create(whisperDescriptor.settings.parse(settings));
  const issuesOf = (settings: Record<string, unknown>) => whisperDescriptor.settings.safeParse(settings).error?.issues.map((issue) => issue.path.join("."));

  it("requires the server's URL and defaults the model to whisper-1 and ffmpeg to the one on PATH", () => {
    expect(issuesOf({})).toEqual(["baseUrl"]);
    expect(whisperDescriptor.settings.parse({ baseUrl: "http://127.0.0.1:9" })).toEqual({
      baseUrl: "http://127.0.0.1:9",
      model: "whisper-1",
      responseFormat: "verbose_json",
      ffmpegPath: "ffmpeg",
      ffprobePath: "ffprobe",
      timeoutMs: 30 * 60_000,
      checkTimeoutMs: 5_000,
    });
    expect(issuesOf({ baseUrl: "ftp://127.0.0.1:9" })).toEqual(["baseUrl"]);
    expect(issuesOf({ baseUrl: "http://127.0.0.1:9", model: " " })).toEqual(["model"]);
    expect(issuesOf({ baseUrl: "http://127.0.0.1:9", responseFormat: "json" })).toEqual(["responseFormat"]);
  });

  it("sends to the server, model and key its settings name", async () => {
    const speech = await create({ baseUrl: `${fake.url}/v1`, model: "small.en", apiKey: "key-1" });
    await speech.submit(buildAudioSource(pcmWav({ toneHz: 440 }), { channels: 1 }), { ...defaultTranscriptionSettings });

    const transcription = fake.received.find((request) => request.path === "/v1/audio/transcriptions");
    expect(transcription?.headers.authorization).toBe("Bearer key-1");
    expect(transcription?.fields.model).toEqual(["small.en"]);
    await speech.close();
  });

  it("splits channels with the ffmpeg its ffmpegPath names", async () => {
    const speech = await create({ baseUrl: fake.url, ffmpegPath: "/nonexistent/ffmpeg" });
    const error = await expectConfideError(
      speech.submit(buildAudioSource(pcmWav({ channels: 2, toneHz: 440 }), { channels: 2 }), {
        ...defaultTranscriptionSettings,
        channelLayout: "per-channel",
      }),
      "speech.engine_unavailable",
    );
    expect(error.details?.path).toBe("/nonexistent/ffmpeg");
    expect(fake.received).toHaveLength(0);
    await speech.close();
  });
});
