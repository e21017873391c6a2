import { defaultTranscriptionSettings } from "@confide/core";
import { type AudioSource, ConfideError, type SpeechResult, type TranscriptionSettings } from "@confide/core/ports";
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildAudioSource, describeSpeechToTextContract, expectConfideError } from "@confide/contracts";
import {
  defaultFakeTranscript,
  startFakeWhisperServer,
  type FakeWhisperReply,
  type FakeWhisperServer,
  type ReceivedRequest,
} from "@confide/contracts/fakes";
import { createWhisperSpeechToText } from "./whisper-speech-to-text.ts";
import type { WhisperSettings } from "./settings.ts";

const run = promisify(execFile);

let fake: FakeWhisperServer;
let workDirectory: string;
/** 1 s of a 440 Hz tone, 16 kHz mono WAV. */
let monoWav: Uint8Array;
/** 2 s stereo WAV: a tone on the left channel in the first second, on the right in the second. */
let stereoWav: Uint8Array;

const isWav = (request: ReceivedRequest) => request.file?.head.subarray(0, 4).toString("latin1") === "RIFF";

/** Answers real audio with the default transcript and refuses anything else, like a real server. */
const contractReply = (request: ReceivedRequest): FakeWhisperReply =>
  request.path === "/v1/models" || isWav(request)
    ? { kind: "ok", transcript: defaultFakeTranscript }
    : { kind: "rejected", message: "Invalid file format. Supported formats: flac, m4a, mp3, mp4, mpeg, mpga, oga, ogg, wav, webm" };

beforeAll(async () => {
  workDirectory = await mkdtemp(join(tmpdir(), "confide-whisper-test-"));
  const ffmpeg = async (args: string[], output: string) => {
    await run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args, output]).catch((error: unknown) => {
      throw new Error(`ffmpeg is needed to make test audio (apt-get install ffmpeg): ${String(error)}`);
    });
    return new Uint8Array(await readFile(output));
  };
  monoWav = await ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=1", "-c:a", "pcm_s16le"], join(workDirectory, "mono.wav"));
  stereoWav = await ffmpeg(
    [
      "-f",
      "lavfi",
      "-i",
      "aevalsrc=exprs='if(lt(t,1),0.5*sin(2*PI*440*t),0)|if(gte(t,1),0.5*sin(2*PI*660*t),0)':s=44100:d=2",
      "-c:a",
      "pcm_s16le",
    ],
    join(workDirectory, "stereo.wav"),
  );
  fake = await startFakeWhisperServer();
});

beforeEach(() => {
  fake.reply = contractReply;
  fake.received.length = 0;
});

afterAll(async () => {
  await fake?.close();
  await rm(workDirectory, { recursive: true, force: true });
});

describeSpeechToTextContract({
  name: "whisper (fake Whisper-compatible server)",
  create: async () => createWhisperSpeechToText({ baseUrl: fake.url, model: "whisper-1" }),
  audio: async () => buildAudioSource(monoWav, { contentType: "audio/wav", channels: 1 }),
  perChannelAudio: async () => buildAudioSource(stereoWav, { contentType: "audio/wav", channels: 2 }),
  capabilities: {
    // Whisper servers answer within the request.
    pendingJobs: false,
    monoDiarization: false,
    perChannel: true,
    wordTimings: true,
    // The fake answers 429 with Retry-After: 7 (seconds) until the next test resets it.
    throttling: {
      provoke: () => {
        fake.reply = { kind: "throttled", retryAfter: "7" };
      },
      retryAfterMs: 7_000,
    },
  },
  expectedWords: ["sleeping", "better"],
  rejectedAudio: async () => buildAudioSource(new TextEncoder().encode("not audio at all, just text"), { contentType: "audio/wav" }),
});

function adapter(overrides: Partial<WhisperSettings> = {}) {
  return createWhisperSpeechToText({ baseUrl: fake.url, model: "whisper-1", ...overrides });
}

function settings(overrides: Partial<TranscriptionSettings> = {}): TranscriptionSettings {
  return { ...defaultTranscriptionSettings, ...overrides };
}

function done(result: SpeechResult): Extract<SpeechResult, { status: "done" }> {
  if (result.status !== "done") throw new Error(`expected done, got ${result.status}`);
  return result;
}

/** A closed port on 127.0.0.1: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** RMS of 16-bit PCM samples of a canonical WAV between two times. */
function rms(wav: Buffer, fromSeconds: number, toSeconds: number): number {
  const channels = wav.readUInt16LE(22);
  const sampleRate = wav.readUInt32LE(24);
  let offset = 12;
  while (offset < wav.length - 8 && wav.toString("latin1", offset, offset + 4) !== "data") offset += 8 + wav.readUInt32LE(offset + 4);
  const data = wav.subarray(offset + 8);
  const first = Math.floor(fromSeconds * sampleRate) * channels;
  const last = Math.min(Math.floor(toSeconds * sampleRate) * channels, data.length / 2);
  let sum = 0;
  for (let index = first; index < last; index += 1) sum += data.readInt16LE(index * 2) ** 2;
  return Math.sqrt(sum / Math.max(1, last - first));
}

describe("Whisper-compatible speech to text", () => {
  it("sends the documented multipart request with the recording's exact bytes", async () => {
    const speech = adapter({ apiKey: "sk-test-123" });

    done(await speech.submit(buildAudioSource(monoWav, { contentType: "audio/wav" }), settings({ language: "de-AT" })));

    expect(fake.received).toHaveLength(1);
    const request = fake.received[0]!;
    expect(request.path).toBe("/v1/audio/transcriptions");
    expect(request.headers.authorization).toBe("Bearer sk-test-123");
    expect(request.fields).toEqual({
      model: ["whisper-1"],
      response_format: ["verbose_json"],
      "timestamp_granularities[]": ["segment", "word"],
      language: ["de"],
    });
    expect(request.file).toMatchObject({
      field: "file",
      filename: "audio.wav",
      contentType: "audio/wav",
      sizeBytes: monoWav.byteLength,
      sha256: createHash("sha256").update(monoWav).digest("hex"),
    });
    expect(Number(request.headers["content-length"])).toBeGreaterThan(monoWav.byteLength);
  });

  it("maps verbose_json to one speaker S1 with millisecond segments and words, and warns that it cannot diarize", async () => {
    const result = done(await adapter().submit(buildAudioSource(monoWav), settings()));

    expect(result.warnings).toEqual([expect.objectContaining({ type: "unsupported", feature: "diarization" })]);
    expect(result.transcript).toMatchObject({
      provider: "whisper",
      language: "en-US",
      durationMs: 3250,
      speakers: [{ label: "S1" }],
    });
    const [first, second] = result.transcript.segments;
    expect(first).toMatchObject({ speaker: "S1", startMs: 0, endMs: 1520, text: "How have you been sleeping?" });
    expect(first?.words?.map((word) => [word.text, word.startMs, word.endMs])).toEqual([
      ["How", 0, 300],
      ["have", 300, 500],
      ["you", 500, 700],
      ["been", 700, 900],
      ["sleeping?", 900, 1520],
    ]);
    expect(first?.words?.[0]?.confidence).toBeCloseTo(0.97);
    expect(second).toMatchObject({ speaker: "S1", startMs: 1900, endMs: 3250, text: "Better this week, thanks." });
    expect(second?.words).toHaveLength(4);
    expect(first?.confidence).toBeCloseTo(Math.exp(-0.21));
  });

  it("asks for segment timestamps only when word timestamps are off, and attaches no words", async () => {
    const result = done(await adapter().submit(buildAudioSource(monoWav), settings({ wordTimestamps: false, diarization: false })));

    expect(fake.received[0]?.fields["timestamp_granularities[]"]).toEqual(["segment"]);
    expect(result.warnings).toEqual([]);
    expect(result.transcript.segments.every((segment) => segment.words === undefined)).toBe(true);
  });

  it("attaches words given inside segments, and words between segments to the nearest one", async () => {
    fake.reply = {
      kind: "ok",
      transcript: {
        language: "en",
        wordsInSegments: true,
        segments: [
          { start: 0, end: 1, text: " one two", words: [{ word: " one", start: 0, end: 0.4 }, { word: " two", start: 0.5, end: 1.1 }] },
          { start: 3, end: 4, text: " three", words: [{ word: " three", start: 2.6, end: 2.9 }] },
        ],
      },
    };

    const result = done(await adapter().submit(buildAudioSource(monoWav), settings({ language: "en-GB" })));

    expect(result.transcript.language).toBe("en-GB");
    expect(result.transcript.segments.map((segment) => segment.words?.map((word) => word.text))).toEqual([
      ["one", "two"],
      ["three"],
    ]);
  });

  it("lets the server identify the language among several candidates", async () => {
    fake.reply = { kind: "ok", transcript: { ...defaultFakeTranscript, language: "french" } };

    const result = done(
      await adapter().submit(buildAudioSource(monoWav), settings({ language: "en-US", candidateLanguages: ["en-US", "fr-CA"] })),
    );

    expect(fake.received[0]?.fields.language).toBeUndefined();
    expect(result.transcript.language).toBe("fr-CA");
  });

  it("reports a language outside the request by its code", async () => {
    fake.reply = { kind: "ok", transcript: { ...defaultFakeTranscript, language: "german" } };

    const result = done(await adapter().submit(buildAudioSource(monoWav), settings({ language: "en-US" })));

    expect(result.transcript.language).toBe("de");
  });

  it("warns about profanity filtering and unpunctuated output it cannot give", async () => {
    const result = done(
      await adapter().submit(buildAudioSource(monoWav), settings({ profanity: "masked", punctuation: "none", diarization: false })),
    );

    expect(result.warnings.map((warning) => warning.feature)).toEqual(["profanity", "punctuation"]);
  });

  it("answers speech.no_speech when the server hears nothing", async () => {
    fake.reply = { kind: "ok", transcript: { segments: [{ start: 0, end: 1, text: "  " }], duration: 1 } };

    const error = await expectConfideError(adapter().submit(buildAudioSource(monoWav), settings()), "speech.no_speech");
    expect(error.retryable).toBe(false);
  });

  describe("failures", () => {
    it("maps 429 to provider.throttled with Retry-After in seconds", async () => {
      fake.reply = { kind: "throttled", retryAfter: "7" };

      const error = await expectConfideError(adapter().submit(buildAudioSource(monoWav), settings()), "provider.throttled");
      expect(error.retryable).toBe(true);
      expect(error.retryAfterMs).toBe(7000);
      expect(error.message).toContain("Rate limit reached");
    });

    it("maps 429 with an HTTP-date Retry-After to the time until that date", async () => {
      const at = new Date(Date.now() + 120_000);
      fake.reply = { kind: "throttled", retryAfter: at.toUTCString() };

      const error = await expectConfideError(adapter().submit(buildAudioSource(monoWav), settings()), "provider.throttled");
      // The header has whole seconds.
      expect(error.retryAfterMs).toBeGreaterThan(115_000);
      expect(error.retryAfterMs).toBeLessThanOrEqual(120_000);
    });

    it("maps 5xx to provider.unavailable, retryable", async () => {
      fake.reply = { kind: "server-error", status: 503, retryAfter: "3" };

      const error = await expectConfideError(adapter().submit(buildAudioSource(monoWav), settings()), "provider.unavailable");
      expect(error.retryable).toBe(true);
      expect(error.retryAfterMs).toBe(3000);
      expect(error.details).toMatchObject({ status: 503 });
    });

    it("maps a refused connection to provider.unavailable, retryable", async () => {
      const speech = adapter({ baseUrl: `http://127.0.0.1:${await closedPort()}` });

      const error = await expectConfideError(speech.submit(buildAudioSource(monoWav), settings()), "provider.unavailable");
      expect(error.retryable).toBe(true);
      expect(error.message).toContain("ECONNREFUSED");
      await expectConfideError(speech.check(), "provider.unavailable");
    });

    it("maps a server that never answers to provider.timeout after timeoutMs", async () => {
      fake.reply = { kind: "hang" };
      const startedAt = Date.now();

      const error = await expectConfideError(
        adapter({ timeoutMs: 300 }).submit(buildAudioSource(monoWav), settings()),
        "provider.timeout",
      );
      expect(error.retryable).toBe(true);
      expect(Date.now() - startedAt).toBeLessThan(3_000);
    });

    it("rethrows the caller's abort as is, not as a provider error", async () => {
      fake.reply = { kind: "hang" };
      const controller = new AbortController();
      const reason = new Error("the worker is shutting down");
      setTimeout(() => controller.abort(reason), 100);

      await expect(adapter().submit(buildAudioSource(monoWav), settings(), { signal: controller.signal })).rejects.toBe(reason);
    });

    it("maps malformed JSON to provider.bad_response, not retryable", async () => {
      fake.reply = { kind: "malformed" };

      const error = await expectConfideError(adapter().submit(buildAudioSource(monoWav), settings()), "provider.bad_response");
      expect(error.retryable).toBe(false);
    });

    it("maps an answer without segments to provider.bad_response", async () => {
      fake.reply = { kind: "missing-fields" };

      const error = await expectConfideError(adapter().submit(buildAudioSource(monoWav), settings()), "provider.bad_response");
      expect(error.message).toContain("segments");
    });

    it.each([400, 413, 415, 422])("maps %i to provider.rejected with the server's message, not retryable", async (status) => {
      fake.reply = { kind: "rejected", status, message: "Audio file is too long or unreadable", code: "invalid_value" };

      const error = await expectConfideError(adapter().submit(buildAudioSource(monoWav), settings()), "provider.rejected");
      expect(error.retryable).toBe(false);
      expect(error.message).toContain("Audio file is too long or unreadable");
      expect(error.details).toMatchObject({ status });
    });

    it.each([401, 403])("maps %i to provider.rejected that names the credentials", async (status) => {
      fake.reply = { kind: "rejected", status, message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key" };

      const error = await expectConfideError(adapter().submit(buildAudioSource(monoWav), settings()), "provider.rejected");
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/credentials/);
      await expectConfideError(adapter().check(), "provider.rejected");
    });

    it("passes a ConfideError raised while reading the recording through unchanged", async () => {
      const audio: AudioSource = {
        ...buildAudioSource(monoWav),
        sizeBytes: 10_000,
        async open() {
          let sent = false;
          return new ReadableStream<Uint8Array>({
            pull(controller) {
              if (sent) {
                controller.error(new ConfideError("blob.not_found", "The recording is gone."));
                return;
              }
              sent = true;
              controller.enqueue(new Uint8Array(100));
            },
          });
        },
      };

      await expectConfideError(adapter().submit(audio, settings()), "blob.not_found");
    });
  });

  it("streams a 20 MB recording into the request instead of buffering it", async () => {
    const sizeBytes = 20 * 1024 * 1024;
    const chunkBytes = 64 * 1024;
    const hash = createHash("sha256");
    let producedBytes = 0;
    let producedAllAt = 0;
    const audio: AudioSource = {
      key: "sessions/big/audio.wav",
      contentType: "audio/wav",
      sizeBytes,
      channels: 1,
      async open() {
        return new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              if (producedBytes >= sizeBytes) {
                controller.close();
                return;
              }
              const chunk = randomBytes(Math.min(chunkBytes, sizeBytes - producedBytes));
              hash.update(chunk);
              producedBytes += chunk.byteLength;
              controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
              if (producedBytes >= sizeBytes) producedAllAt = Date.now();
            },
          },
          { highWaterMark: 0 },
        );
      },
    };

    fake.reply = { kind: "ok", transcript: defaultFakeTranscript };
    done(await adapter().submit(audio, settings()));

    const file = fake.received[0]?.file;
    expect(file?.sizeBytes).toBe(sizeBytes);
    expect(file?.sha256).toBe(hash.digest("hex"));
    // The server had the first bytes before the last ones were even produced.
    expect(file!.firstByteAt).toBeLessThan(producedAllAt);
    expect(Number(fake.received[0]?.headers["content-length"])).toBeGreaterThan(sizeBytes);
  });

  describe("one speaker per channel", () => {
    it("splits a stereo recording with ffmpeg and transcribes each channel as its own speaker, merged by time", async () => {
      const scratch = await mkdtemp(join(workDirectory, "scratch-"));
      fake.reply = (request, index) =>
        request.path === "/v1/models"
          ? { kind: "ok", transcript: defaultFakeTranscript }
          : index === 0
            ? { kind: "ok", transcript: { language: "english", duration: 2, segments: [{ start: 0.1, end: 0.9, text: " How are you?" }, { start: 1.5, end: 1.9, text: " Mm." }] } }
            : { kind: "ok", transcript: { language: "english", duration: 2, segments: [{ start: 1.0, end: 1.8, text: " Tired, mostly." }] } };

      const result = done(
        await adapter({ temporaryDirectory: scratch }).submit(
          buildAudioSource(stereoWav, { contentType: "audio/wav", channels: 2 }),
          settings({ channelLayout: "per-channel", channelRoles: ["therapist", "patient"], wordTimestamps: false }),
        ),
      );

      expect(result.warnings).toEqual([]);
      expect(result.transcript.speakers).toEqual([
        { label: "ch0", channel: 0 },
        { label: "ch1", channel: 1 },
      ]);
      expect(result.transcript.segments.map((segment) => [segment.speaker, segment.startMs, segment.text])).toEqual([
        ["ch0", 100, "How are you?"],
        ["ch1", 1000, "Tired, mostly."],
        ["ch0", 1500, "Mm."],
      ]);
      expect(result.transcript.durationMs).toBe(2000);

      // Each request carried one mono channel: the left tone in the first second, the right in the second.
      const [left, right] = fake.received.map((request) => request.file!.bytes!);
      for (const wav of [left!, right!]) {
        expect(wav.toString("latin1", 0, 4)).toBe("RIFF");
        expect(wav.readUInt16LE(22)).toBe(1);
        expect(wav.readUInt32LE(24)).toBe(16000);
      }
      expect(rms(left!, 0.1, 0.9)).toBeGreaterThan(1000);
      expect(rms(left!, 1.1, 1.9)).toBeLessThan(50);
      expect(rms(right!, 0.1, 0.9)).toBeLessThan(50);
      expect(rms(right!, 1.1, 1.9)).toBeGreaterThan(1000);
      expect(fake.received.map((request) => request.file?.filename)).toEqual(["channel-0.wav", "channel-1.wav"]);
      // Temporary channel files are gone.
      expect(await readdir(scratch)).toEqual([]);
    });

    it("reads the channel count with ffprobe when the header is not known", async () => {
      const result = done(
        await adapter().submit(
          buildAudioSource(stereoWav, { contentType: "audio/wav", channels: null }),
          settings({ channelLayout: "per-channel" }),
        ),
      );

      expect(result.transcript.speakers.map((speaker) => speaker.label)).toEqual(["ch0", "ch1"]);
      expect(fake.received).toHaveLength(2);
    });

    it("transcribes a one-channel recording as one speaker and says so", async () => {
      const result = done(
        await adapter().submit(buildAudioSource(monoWav, { channels: 1 }), settings({ channelLayout: "per-channel" })),
      );

      expect(result.warnings).toEqual([expect.objectContaining({ type: "unsupported", feature: "channelLayout" })]);
      expect(result.transcript.speakers).toEqual([{ label: "S1" }]);
    });

    it("refuses bytes ffmpeg cannot read with provider.rejected, and leaves no files behind", async () => {
      const scratch = await mkdtemp(join(workDirectory, "scratch-"));
      const junk = buildAudioSource(new TextEncoder().encode("definitely not audio ".repeat(100)), { channels: 2 });

      const error = await expectConfideError(
        adapter({ temporaryDirectory: scratch }).submit(junk, settings({ channelLayout: "per-channel" })),
        "provider.rejected",
      );
      expect(error.retryable).toBe(false);
      expect(fake.received).toHaveLength(0);
      expect(await readdir(scratch)).toEqual([]);
    });

    it("answers speech.engine_unavailable when ffmpeg is missing", async () => {
      await expectConfideError(
        adapter({ ffmpegPath: "/nonexistent/ffmpeg" }).submit(
          buildAudioSource(stereoWav, { channels: 2 }),
          settings({ channelLayout: "per-channel" }),
        ),
        "speech.engine_unavailable",
      );
    });
  });

  it("check() accepts a server without a model list (whisper.cpp answers 404)", async () => {
    await expect(adapter({ baseUrl: `${fake.url}/no-models-here` }).check()).resolves.toBeUndefined();
  });

  it("check() maps a failing server to provider.unavailable", async () => {
    fake.reply = { kind: "server-error" };

    await expectConfideError(adapter().check(), "provider.unavailable");
  });

  it("refuses bad settings with validation.invalid_input naming the setting", () => {
    const refused = (setting: string) => expect.objectContaining({ code: "validation.invalid_input", details: { setting } }) as unknown as Error;
    expect(() => createWhisperSpeechToText({ baseUrl: "not a url", model: "whisper-1" })).toThrow(refused("baseUrl"));
    expect(() => createWhisperSpeechToText({ baseUrl: "ftp://127.0.0.1:1", model: "whisper-1" })).toThrow("must be http:// or https://");
    expect(() => createWhisperSpeechToText({ baseUrl: "http://127.0.0.1:1", model: "" })).toThrow(refused("model"));
    expect(() => createWhisperSpeechToText({ baseUrl: "http://127.0.0.1:1", model: "  " })).toThrow("A Whisper model name is required");
    expect(() => createWhisperSpeechToText({ baseUrl: "http://127.0.0.1:1", model: "whisper-1", timeoutMs: 0 })).toThrow(refused("timeoutMs"));
  });
});
