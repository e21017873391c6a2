/**
 * Audio conversion with ffmpeg for local speech engines: any recording ffmpeg decodes becomes
 * 16 kHz 16-bit PCM WAV on disk, and single channels are taken out of a multi-channel file.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { ConfideError } from "@confide/core";
import { runChildProcess, type ChildProcessResult } from "./child-process.ts";
import { decodeFailedError, isSpawnFailure, programUnavailableError } from "./pocketsphinx-errors.ts";

/** The sample rate PocketSphinx's en-US acoustic model expects. */
export const recognitionSampleRateHz = 16_000;

export interface WavFormat {
  channels: number;
  sampleRateHz: number;
  bitsPerSample: number;
  /** Where the PCM samples start in the file. */
  dataOffset: number;
  /** Bytes of PCM samples (all channels). */
  dataBytes: number;
  durationMs: number;
}

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/**
 * Reads the format of a PCM WAV file written by ffmpeg (walks the RIFF chunks, so extensible
 * `fmt ` chunks and extra chunks before `data` are fine).
 * @throws ConfideError `provider.bad_response` when the file is not such a WAV.
 */
export async function readWavFormat(path: string): Promise<WavFormat> {
  const file = await open(path, "r");
  let head: Uint8Array;
  let sizeBytes: number;
  try {
    const buffer = new Uint8Array(4096);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
    sizeBytes = (await file.stat()).size;
  } finally {
    await file.close();
  }
  const notWav = (reason: string) =>
    new ConfideError("provider.bad_response", `ffmpeg wrote an unexpected WAV file (${reason}).`, {
      retryable: false,
      details: { path },
    });
  if (head.length < 12 || ascii(head, 0, 4) !== "RIFF" || ascii(head, 8, 4) !== "WAVE") throw notWav("no RIFF header");

  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let format: Omit<WavFormat, "dataOffset" | "dataBytes" | "durationMs"> | null = null;
  for (let offset = 12; offset + 8 <= head.length; ) {
    const id = ascii(head, offset, 4);
    const chunkBytes = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === "fmt " && body + 16 <= head.length) {
      format = {
        channels: view.getUint16(body + 2, true),
        sampleRateHz: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    }
    if (id === "data") {
      if (!format) throw notWav("data before fmt");
      // A streamed header may carry 0 or 0xFFFFFFFF; the file size is the truth then.
      const available = Math.max(sizeBytes - body, 0);
      const dataBytes = chunkBytes > 0 && chunkBytes < 0xffffffff ? Math.min(chunkBytes, available) : available;
      const bytesPerSecond = format.sampleRateHz * format.channels * (format.bitsPerSample / 8);
      const durationMs = bytesPerSecond > 0 ? Math.round((dataBytes / bytesPerSecond) * 1000) : 0;
      return { ...format, dataOffset: body, dataBytes, durationMs };
    }
    offset = body + chunkBytes + (chunkBytes % 2);
  }
  throw notWav("no data chunk in the first 4 KiB");
}

/** Reads the first bytes of `stream` and gives back a stream that still yields every byte. */
async function peek(
  stream: ReadableStream<Uint8Array>,
  minimumBytes: number,
  signal?: AbortSignal,
): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  // A stalled source must not outlive an abort: cancelling ends the pending read.
  const cancel = () => {
    void reader.cancel(signal?.reason);
  };
  signal?.addEventListener("abort", cancel, { once: true });
  if (signal?.aborted) cancel();
  try {
    while (length < minimumBytes) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) {
        ended = true;
        break;
      }
      chunks.push(value);
      length += value.byteLength;
    }
  } finally {
    signal?.removeEventListener("abort", cancel);
  }
  const head = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    head.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const replay = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength > 0) controller.enqueue(head);
      if (ended) controller.close();
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, stream: replay };
}

/**
 * MP4/M4A keeps its index ("moov") wherever the writer put it, often at the end: ffmpeg cannot
 * decode such a file from a pipe, so these recordings go to disk first.
 */
const needsSeekableInput = (head: Uint8Array) => head.length >= 8 && ascii(head, 4, 4) === "ftyp";

/** Streams `stream` into a new file at `path`, chunk by chunk. */
async function spool(stream: ReadableStream<Uint8Array>, path: string, signal?: AbortSignal): Promise<void> {
  const reader = stream.getReader();
  const cancel = () => {
    void reader.cancel(signal?.reason);
  };
  signal?.addEventListener("abort", cancel, { once: true });
  let finished = false;
  try {
    const file = await open(path, "wx");
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (signal?.aborted) throw signal.reason;
        if (done) break;
        await file.write(value);
      }
      finished = true;
    } finally {
      await file.close();
    }
  } finally {
    signal?.removeEventListener("abort", cancel);
    // Release the source (a file handle, a socket) when the copy stopped early.
    if (!finished) await reader.cancel();
  }
}

async function runFfmpeg(
  ffmpegPath: string,
  args: string[],
  options: { stdin?: ReadableStream<Uint8Array>; signal?: AbortSignal },
): Promise<ChildProcessResult> {
  try {
    return await runChildProcess(ffmpegPath, ["-hide_banner", "-nostats", "-loglevel", "error", ...args], options);
  } catch (error) {
    if (isSpawnFailure(error)) throw programUnavailableError("ffmpeg", ffmpegPath, error);
    throw error;
  }
}

const pcmWavOutput = (outputPath: string) => [
  "-ar",
  String(recognitionSampleRateHz),
  "-c:a",
  "pcm_s16le",
  "-map_metadata",
  "-1",
  "-fflags",
  "+bitexact",
  "-f",
  "wav",
  "-y",
  outputPath,
];

export interface ConvertToWavOptions {
  ffmpegPath: string;
  /** The recording, streamed into ffmpeg (or, for MP4, onto disk first). */
  audio: ReadableStream<Uint8Array>;
  outputPath: string;
  /** Mix every channel into one; otherwise keep the channels as they are. */
  mixToMono: boolean;
  /** Where an MP4 recording is spooled before decoding. */
  workDirectory: string;
  signal?: AbortSignal;
}

/**
 * Decodes the first audio stream of a recording into a 16 kHz 16-bit PCM WAV file.
 * @throws ConfideError `provider.rejected` when ffmpeg cannot decode it,
 * `speech.engine_unavailable` when ffmpeg is missing, `provider.unavailable` for a full disk.
 */
export async function convertToWav(options: ConvertToWavOptions): Promise<WavFormat> {
  const { head, stream } = await peek(options.audio, 12, options.signal);
  const mix = options.mixToMono ? ["-ac", "1"] : [];
  let result: ChildProcessResult;
  if (needsSeekableInput(head)) {
    const sourcePath = join(options.workDirectory, "source.mp4");
    await spool(stream, sourcePath, options.signal);
    result = await runFfmpeg(
      options.ffmpegPath,
      ["-nostdin", "-i", sourcePath, "-map", "0:a:0", ...mix, ...pcmWavOutput(options.outputPath)],
      { signal: options.signal },
    );
  } else {
    result = await runFfmpeg(
      options.ffmpegPath,
      ["-i", "pipe:0", "-map", "0:a:0", ...mix, ...pcmWavOutput(options.outputPath)],
      { stdin: stream, signal: options.signal },
    );
  }
  if (result.exitCode !== 0) throw decodeFailedError(result);
  return readWavFormat(options.outputPath);
}

/**
 * Writes channel `channel` (0-based) of a WAV file as a mono WAV file.
 * @throws as `convertToWav`.
 */
export async function extractChannel(options: {
  ffmpegPath: string;
  inputPath: string;
  channel: number;
  outputPath: string;
  signal?: AbortSignal;
}): Promise<WavFormat> {
  const result = await runFfmpeg(
    options.ffmpegPath,
    ["-nostdin", "-i", options.inputPath, "-af", `pan=mono|c0=c${options.channel}`, ...pcmWavOutput(options.outputPath)],
    { signal: options.signal },
  );
  if (result.exitCode !== 0) throw decodeFailedError(result);
  return readWavFormat(options.outputPath);
}

/**
 * Verifies that ffmpeg runs.
 * @throws ConfideError `speech.engine_unavailable` otherwise.
 */
export async function checkFfmpeg(ffmpegPath: string, signal?: AbortSignal): Promise<void> {
  const result = await runFfmpeg(ffmpegPath, ["-version"], { signal });
  if (result.exitCode !== 0) {
    throw programUnavailableError("ffmpeg", ffmpegPath, new Error(`ffmpeg -version exited with ${result.exitCode}`));
  }
}

/**
 * How long a 16-bit mono WAV file stays quiet before its first window (30 ms) louder than
 * `thresholdDbfs` (RMS, dB below full scale). Reads only that leading part of the file.
 * @returns null when no window is that loud.
 */
export async function measureLeadingQuietMs(
  path: string,
  format: WavFormat,
  options: { thresholdDbfs: number; signal?: AbortSignal },
): Promise<number | null> {
  if (format.channels !== 1 || format.bitsPerSample !== 16 || format.dataBytes < 2) return null;
  const windowSamples = Math.max(Math.round(format.sampleRateHz * 0.03), 1);
  const threshold = 32768 * 10 ** (options.thresholdDbfs / 20);
  const thresholdSquareSum = threshold * threshold * windowSamples;
  const stream = createReadStream(path, {
    start: format.dataOffset,
    end: format.dataOffset + format.dataBytes - 1,
    highWaterMark: 64 * 1024,
    signal: options.signal,
  });
  let sample = 0;
  let squareSum = 0;
  let carry: Buffer | null = null;
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) {
      const chunk: Buffer = carry ? Buffer.concat([carry, piece]) : piece;
      const usable = chunk.length - (chunk.length % 2);
      for (let offset = 0; offset < usable; offset += 2) {
        const value = chunk.readInt16LE(offset);
        squareSum += value * value;
        sample += 1;
        if (sample % windowSamples === 0) {
          if (squareSum >= thresholdSquareSum) {
            return Math.round(((sample - windowSamples) / format.sampleRateHz) * 1000);
          }
          squareSum = 0;
        }
      }
      carry = usable < chunk.length ? chunk.subarray(usable) : null;
    }
    return null;
  } finally {
    stream.destroy();
  }
}

/**
 * Writes `inputPath` without its first `startMs` (sample-exact) to `outputPath`.
 * @throws as `convertToWav`.
 */
export async function trimStart(options: {
  ffmpegPath: string;
  inputPath: string;
  startMs: number;
  outputPath: string;
  signal?: AbortSignal;
}): Promise<WavFormat> {
  const startSample = Math.round((options.startMs / 1000) * recognitionSampleRateHz);
  const result = await runFfmpeg(
    options.ffmpegPath,
    ["-nostdin", "-i", options.inputPath, "-af", `atrim=start_sample=${startSample}`, ...pcmWavOutput(options.outputPath)],
    { signal: options.signal },
  );
  if (result.exitCode !== 0) throw decodeFailedError(result);
  return readWavFormat(options.outputPath);
}
