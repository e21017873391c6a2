import { ConfideError, invalidSetting } from "@confide/core/ports";
import { defaultFfmpegPath } from "../ffmpeg/ffmpeg-settings.ts";
import { integerSetting } from "../settings/integer-setting.ts";

/**
 * Settings of the Whisper-compatible speech adapter: any server answering
 * `POST /v1/audio/transcriptions` the way OpenAI does (whisper.cpp server, faster-whisper /
 * speaches, vLLM, LocalAI, OpenAI itself).
 */
export interface WhisperSettings {
  /** Server root, e.g. `http://127.0.0.1:8000` (a trailing `/v1` is accepted and ignored). */
  baseUrl: string;
  /** Model name the server knows, e.g. `whisper-1`, `Systran/faster-whisper-small`. */
  model: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string;
  /**
   * Longest wait for one transcription request, upload and answer included. Default 30 minutes:
   * CPU servers take a fair fraction of real time on long sessions.
   */
  timeoutMs?: number;
  /** Longest wait of `check()`. Default 5000. */
  checkTimeoutMs?: number;
  /** Replaces the global fetch (tests, proxies). It must accept a ReadableStream body with `duplex: "half"`. */
  fetch?: typeof fetch;
  /** ffmpeg and ffprobe executables, used to split one-speaker-per-channel recordings. */
  ffmpegPath?: string;
  ffprobePath?: string;
  /** Where channel files are written while a per-channel recording is transcribed. Default `os.tmpdir()`. */
  temporaryDirectory?: string;
  /**
   * `verbose_json` (default, every Whisper-compatible server) or `diarized_json` (OpenAI's
   * `gpt-4o-transcribe-diarize`: segments with speakers, no word timings; sent with
   * `chunking_strategy=auto`).
   */
  responseFormat?: "verbose_json" | "diarized_json";
}

export interface ResolvedWhisperSettings {
  /** Full URL of the transcription endpoint. */
  transcriptionsUrl: string;
  /** Full URL of the model list, used by `check()`. */
  modelsUrl: string;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
  checkTimeoutMs: number;
  fetch: typeof fetch;
  ffmpegPath: string;
  ffprobePath: string;
  temporaryDirectory: string | undefined;
  responseFormat: "verbose_json" | "diarized_json";
}

/** Fills defaults and checks the settings. @throws ConfideError `validation.invalid_input`. */
export function resolveWhisperSettings(settings: WhisperSettings): ResolvedWhisperSettings {
  let base: URL;
  try {
    base = new URL(settings.baseUrl);
  } catch (error) {
    throw new ConfideError("validation.invalid_input", "The Whisper server URL (baseUrl) is not a valid URL.", {
      cause: error,
      details: { setting: "baseUrl" },
    });
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") {
    throw invalidSetting("baseUrl", "The Whisper server URL must be http:// or https://.");
  }
  if (typeof settings.model !== "string" || settings.model.trim() === "") {
    throw invalidSetting("model", "A Whisper model name is required.");
  }
  const root = base.href.replace(/\/+$/, "").replace(/\/v1$/, "");
  return {
    transcriptionsUrl: `${root}/v1/audio/transcriptions`,
    modelsUrl: `${root}/v1/models`,
    model: settings.model,
    apiKey: settings.apiKey === "" ? undefined : settings.apiKey,
    timeoutMs: integerSetting("timeoutMs", settings.timeoutMs, 30 * 60_000, 1),
    checkTimeoutMs: integerSetting("checkTimeoutMs", settings.checkTimeoutMs, 5_000, 1),
    fetch: settings.fetch ?? globalThis.fetch,
    ffmpegPath: settings.ffmpegPath ?? defaultFfmpegPath,
    ffprobePath: settings.ffprobePath ?? "ffprobe",
    temporaryDirectory: settings.temporaryDirectory,
    responseFormat: settings.responseFormat ?? "verbose_json",
  };
}
