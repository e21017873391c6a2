import { defaultTranscriptionSettings } from "@confide/core/ports";
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
  const create = (variables: Record<string, string>) => whisperDescriptor.create(whisperDescriptor.settings.parse(variables));

  it("requires CONFIDE_WHISPER_URL and defaults the model to whisper-1 and ffmpeg to the one on PATH", () => {
    expect(whisperDescriptor.settings.safeParse({}).success).toBe(false);
    expect(whisperDescriptor.settings.parse({ CONFIDE_WHISPER_URL: "http://127.0.0.1:9" })).toEqual({
      CONFIDE_WHISPER_URL: "http://127.0.0.1:9",
      CONFIDE_WHISPER_MODEL: "whisper-1",
      CONFIDE_WHISPER_RESPONSE_FORMAT: "verbose_json",
      CONFIDE_FFMPEG_BINARY: "ffmpeg",
    });
  });

  it("sends to the server, model and key its variables name", async () => {
    const speech = await create({ CONFIDE_WHISPER_URL: `${fake.url}/v1`, CONFIDE_WHISPER_MODEL: "small.en", CONFIDE_WHISPER_API_KEY: "key-1" });
    await speech.submit(buildAudioSource(pcmWav({ toneHz: 440 }), { channels: 1 }), { ...defaultTranscriptionSettings });

    const transcription = fake.received.find((request) => request.path === "/v1/audio/transcriptions");
    expect(transcription?.headers.authorization).toBe("Bearer key-1");
    expect(transcription?.fields.model).toEqual(["small.en"]);
    await speech.close();
  });

  it("splits channels with the ffmpeg CONFIDE_FFMPEG_BINARY names", async () => {
    const speech = await create({ CONFIDE_WHISPER_URL: fake.url, CONFIDE_FFMPEG_BINARY: "/nonexistent/ffmpeg" });
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
