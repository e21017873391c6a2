/**
 * Decodes a browser's live recording (WebM/Opus from MediaRecorder) into the PCM live engines
 * take — 16 kHz signed 16-bit little-endian, mono or interleaved stereo — while it arrives:
 * one ffmpeg process per stream, the WebM chunks written to its stdin as they come, the PCM
 * read from its stdout as ffmpeg produces it (flushed packet by packet, not in 32 KiB blocks).
 */
import { spawn } from "node:child_process";
import { ConfideError } from "@confide/core/ports";
import type { Writable } from "node:stream";
import { decodeFailedError, isSpawnFailure, programUnavailableError } from "../local-programs/local-program-errors.ts";
import { recognitionSampleRateHz } from "./ffmpeg-audio.ts";
import { defaultFfmpegPath } from "./ffmpeg-settings.ts";

export interface StreamingPcmDecoderOptions {
  /** Default "ffmpeg" on PATH. */
  ffmpegPath?: string;
  /** Channels of the PCM out: 1 mixes the recording down, 2 keeps (or duplicates) two channels. */
  channels: 1 | 2;
  /** The container of the input; default "webm" (MediaRecorder's `audio/webm;codecs=opus`). */
  inputFormat?: "webm" | "ogg";
}

export interface StreamingPcmDecoder {
  /** The ffmpeg process id (for supervision and tests). */
  readonly pid: number | undefined;
  /**
   * Hands ffmpeg the next bytes of the recording (any length). Resolves when ffmpeg can take
   * more — await it for back-pressure; ffmpeg stops reading while `pcm` is not read.
   * @throws ConfideError `live.closed` after `end()`/`abort()`, or the decoding error once
   * ffmpeg has failed (`upload.not_audio`, `speech.engine_unavailable`, `provider.unavailable`).
   */
  write(chunk: Uint8Array): Promise<void>;
  /** No more input: ffmpeg decodes what it has, and `pcm` ends once it has exited. */
  end(): void;
  /** Kills ffmpeg at once (SIGKILL); `pcm` ends without error. Idempotent. */
  abort(): void;
  /**
   * The decoded PCM, chunk by chunk, read once. Ends when ffmpeg has decoded everything after
   * `end()`, or at `abort()`.
   * @throws ConfideError `upload.not_audio` when the input is not audio ffmpeg can decode,
   * `speech.engine_unavailable` when ffmpeg cannot be started, `provider.unavailable` when
   * ffmpeg was killed from outside.
   */
  readonly pcm: AsyncIterable<Uint8Array>;
}

const closedError = () =>
  new ConfideError("live.closed", "The audio decoder has ended: no more audio can be written to it.", { retryable: false });

/** ffmpeg's failure, as the client of a live stream should see it. */
function decodingError(exitCode: number | null, exitSignal: NodeJS.Signals | null, stderrTail: string): ConfideError {
  const error = decodeFailedError({ exitCode, exitSignal, stderrTail });
  if (error.code !== "provider.rejected") return error;
  // Bytes that are not WebM/Opus are the client's fault: a 4xx code, not a provider's.
  return new ConfideError("upload.not_audio", error.message, { retryable: false, cause: error, details: error.details });
}

/** Starts ffmpeg for one live stream. @throws nothing: a missing ffmpeg surfaces on write and pcm. */
export function startStreamingPcmDecoder(options: StreamingPcmDecoderOptions): StreamingPcmDecoder {
  const ffmpegPath = options.ffmpegPath ?? defaultFfmpegPath;
  const args = [
    "-hide_banner",
    "-nostats",
    "-loglevel",
    "error",
    // Start decoding from the first bytes: no probing ahead, no input buffering.
    "-fflags",
    "+nobuffer",
    "-probesize",
    "4096",
    "-analyzeduration",
    "0",
    "-f",
    options.inputFormat ?? "webm",
    "-i",
    "pipe:0",
    "-map",
    "0:a:0",
    "-ac",
    String(options.channels),
    "-ar",
    String(recognitionSampleRateHz),
    "-f",
    "s16le",
    "-flush_packets",
    "1",
    "pipe:1",
  ];
  // Its own process group, as every program the adapters run: a terminal's Ctrl-C reaches the host only.
  const child = spawn(ffmpegPath, args, { detached: true, stdio: ["pipe", "pipe", "pipe"] });
  const stdin = child.stdin as Writable;
  let state: "open" | "ended" | "aborted" = "open";
  let failure: ConfideError | null = null;
  let stderrTail = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-8 * 1024);
  });
  // A broken pipe when ffmpeg gives up on bad input: its exit status tells why.
  stdin.on("error", () => {});

  const exited = new Promise<void>((resolve) => {
    child.once("error", (error) => {
      failure = isSpawnFailure(error)
        ? programUnavailableError("ffmpeg", ffmpegPath, error)
        : new ConfideError("provider.unavailable", "ffmpeg could not be run.", { retryable: true, cause: error });
      resolve();
    });
    child.once("close", (exitCode, exitSignal) => {
      if (state !== "aborted" && exitCode !== 0 && failure === null) failure = decodingError(exitCode, exitSignal, stderrTail);
      resolve();
    });
  });

  async function* readPcm(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        if (state === "aborted") return;
        yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
    } catch (error) {
      if (state === "aborted") return;
      throw error;
    }
    await exited;
    if (state !== "aborted" && failure) throw failure;
  }

  return {
    get pid() {
      return child.pid;
    },

    async write(chunk) {
      if (failure) throw failure;
      if (state !== "open") throw closedError();
      if (stdin.destroyed) {
        await exited;
        throw failure ?? closedError();
      }
      if (stdin.write(chunk)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          stdin.off("drain", done);
          stdin.off("close", done);
          resolve();
        };
        stdin.on("drain", done);
        stdin.on("close", done);
      });
      if (failure) throw failure;
    },

    end() {
      if (state !== "open") return;
      state = "ended";
      stdin.end();
    },

    abort() {
      if (state === "aborted") return;
      state = "aborted";
      child.stdout.destroy();
      stdin.destroy();
      child.kill("SIGKILL");
    },

    pcm: { [Symbol.asyncIterator]: readPcm },
  };
}
