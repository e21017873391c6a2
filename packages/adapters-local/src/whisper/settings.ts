import { z } from "zod";
import { ffmpegSettings } from "../ffmpeg/ffmpeg-settings.ts";

/** http:// or https:// (a URL that cannot be parsed is refused by `z.url()` already). */
const httpOrHttps = (url: string) => !URL.canParse(url) || ["http:", "https:"].includes(new URL(url).protocol);

/**
 * The settings of the Whisper-compatible speech adapter: what `createWhisperSpeechToText` takes
 * and what its environment variables set (each setting's `env`). The server is any one answering
 * `POST /v1/audio/transcriptions` the way OpenAI does (whisper.cpp server, faster-whisper /
 * speaches, vLLM, LocalAI, OpenAI itself).
 */
export const whisperSettings = z
  .object({
    /** Server root, e.g. `http://127.0.0.1:8000` (a trailing `/v1` is accepted and ignored). */
    baseUrl: z
      .url()
      .refine(httpOrHttps, "The Whisper server URL must be http:// or https://.")
      .describe("base URL of a Whisper-compatible server (`/v1/audio/transcriptions`)")
      .meta({ env: "CONFIDE_WHISPER_URL" }),
    /** Model name the server knows, e.g. `whisper-1`, `Systran/faster-whisper-small`. */
    model: z
      .string()
      .min(1)
      .refine((model) => model.trim() !== "", "A Whisper model name is required.")
      .default("whisper-1")
      .describe("model name sent to it")
      .meta({ env: "CONFIDE_WHISPER_MODEL" }),
    /** Sent as `Authorization: Bearer <apiKey>` when set (empty: none). */
    apiKey: z.string().optional().describe("bearer key, if the server needs one").meta({ env: "CONFIDE_WHISPER_API_KEY" }),
    /**
     * `verbose_json` (every Whisper-compatible server) or `diarized_json` (OpenAI's
     * `gpt-4o-transcribe-diarize`: segments with speakers, no word timings; sent with
     * `chunking_strategy=auto`).
     */
    responseFormat: z
      .enum(["verbose_json", "diarized_json"])
      .default("verbose_json")
      .describe("`diarized_json` for a server that separates speakers itself (OpenAI `gpt-4o-transcribe-diarize`); otherwise the embedded diarizer does")
      .meta({ env: "CONFIDE_WHISPER_RESPONSE_FORMAT" }),
    /** ffmpeg, used to split one-speaker-per-channel recordings. */
    ...ffmpegSettings,
    /** ffprobe, used to count a recording's channels. */
    ffprobePath: z.string().default("ffprobe"),
    /**
     * Longest wait for one transcription request, upload and answer included. 30 minutes: CPU
     * servers take a fair fraction of real time on long sessions.
     */
    timeoutMs: z
      .number()
      .int()
      .min(1)
      .default(30 * 60_000),
    /** Longest wait of `check()`. */
    checkTimeoutMs: z.number().int().min(1).default(5_000),
    /** Replaces the global fetch (tests, proxies). It must accept a ReadableStream body with `duplex: "half"`. */
    fetch: z.custom<typeof fetch>((value) => typeof value === "function").optional(),
    /** Where channel files are written while a per-channel recording is transcribed; default os.tmpdir(). */
    temporaryDirectory: z.string().optional(),
  })
  .describe("a Whisper-compatible server");

/** What code creating the adapter passes (defaults may be left out). */
export type WhisperSettings = z.input<typeof whisperSettings>;
