/**
 * Audio with ffmpeg and ffprobe for the local speech adapters (PocketSphinx, Whisper): any
 * recording ffmpeg decodes becomes 16 kHz 16-bit PCM WAV on disk, mixed to one channel or
 * split into one mono file per channel; ffprobe reads the channel count from a header.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { ConfideError } from "@confide/core/ports";
import { release, runChildProcess, type ChildProcessResult } from "../local-programs/child-process.ts";
import { decodeFailedError, isSpawnFailure, programUnavailableError } from "../local-programs/local-program-errors.ts";
import { sharedProgramCheck } from "../local-programs/program-starts.ts";
import { ownerOnlyFileMode } from "../files/owner-only-modes.ts";

/** The sample rate speech engines expect (PocketSphinx's en-US model, Whisper). */
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
    void release(reader, signal?.reason);
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
    void release(reader, signal?.reason);
  };
  signal?.addEventListener("abort", cancel, { once: true });
  let finished = false;
  try {
    const file = await open(path, "wx", ownerOnlyFileMode);
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
    if (!finished) await release(reader);
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

/** A recording to decode: streamed (spooled to disk first when it is MP4), or a file. */
export type AudioInput = { stream: ReadableStream<Uint8Array> } | { path: string };

interface DecodeOptions {
  ffmpegPath: string;
  input: AudioInput;
  /** Where an MP4 recording is spooled before decoding. */
  workDirectory: string;
  signal?: AbortSignal;
}

/**
 * Creates ffmpeg's output files empty, readable by their owner only, before ffmpeg runs: ffmpeg
 * truncates an existing file and keeps its mode, whereas a file it creates gets the process's
 * umask (0644 under the usual 022) — decoded speech of a session must not be readable by others.
 */
async function createOwnerOnlyFiles(paths: string[]): Promise<void> {
  for (const path of paths) await (await open(path, "w", ownerOnlyFileMode)).close();
}

/**
 * Runs ffmpeg on `input` with `outputArgs` (filters, maps, output files), writing `outputPaths`.
 * @throws as `convertToWav`.
 */
async function decode(options: DecodeOptions, outputArgs: string[], outputPaths: string[]): Promise<void> {
  const { ffmpegPath, signal } = options;
  let result: ChildProcessResult;
  await createOwnerOnlyFiles(outputPaths);
  if ("path" in options.input) {
    result = await runFfmpeg(ffmpegPath, ["-nostdin", "-i", options.input.path, ...outputArgs], { signal });
  } else {
    const { head, stream } = await peek(options.input.stream, 12, signal);
    if (needsSeekableInput(head)) {
      const sourcePath = join(options.workDirectory, "source.mp4");
      await spool(stream, sourcePath, signal);
      result = await runFfmpeg(ffmpegPath, ["-nostdin", "-i", sourcePath, ...outputArgs], { signal });
    } else {
      result = await runFfmpeg(ffmpegPath, ["-i", "pipe:0", ...outputArgs], { stdin: stream, signal });
    }
  }
  if (result.exitCode !== 0) throw decodeFailedError(result);
}

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
  const mix = options.mixToMono ? ["-ac", "1"] : [];
  await decode(
    { ffmpegPath: options.ffmpegPath, input: { stream: options.audio }, workDirectory: options.workDirectory, signal: options.signal },
    ["-map", "0:a:0", ...mix, ...pcmWavOutput(options.outputPath)],
    [options.outputPath],
  );
  return readWavFormat(options.outputPath);
}

export interface ChannelFile {
  channel: number;
  path: string;
  format: WavFormat;
}

/**
 * Splits a recording into one 16 kHz mono 16-bit WAV file per channel, `ch0.wav`, `ch1.wav`…
 * in `workDirectory`, in one pass of ffmpeg. The caller owns (and removes) the directory.
 * @param channels how many channels the recording has (see `probeChannels`).
 * @returns the files, by channel number.
 * @throws as `convertToWav`.
 */
export async function splitChannels(options: DecodeOptions & { channels: number }): Promise<ChannelFile[]> {
  const files = Array.from({ length: options.channels }, (_, channel) => ({
    channel,
    path: join(options.workDirectory, `ch${channel}.wav`),
  }));
  const labels = files.map(({ channel }) => `[s${channel}]`).join("");
  const pans = files.map(({ channel }) => `[s${channel}]pan=mono|c0=c${channel}[c${channel}]`).join(";");
  const outputs = files.flatMap(({ channel, path }) => ["-map", `[c${channel}]`, ...pcmWavOutput(path)]);
  await decode(
    options,
    ["-filter_complex", `[0:a:0]asplit=${options.channels}${labels};${pans}`, ...outputs],
    files.map((file) => file.path),
  );
  return Promise.all(files.map(async (file) => ({ ...file, format: await readWavFormat(file.path) })));
}

/**
 * Number of channels of the first audio stream, read by ffprobe from the recording's header
 * (ffprobe stops reading once it has it; the rest of the stream is cancelled).
 * @throws ConfideError `provider.rejected` when ffprobe cannot read it,
 * `speech.engine_unavailable` when ffprobe is missing.
 */
export async function probeChannels(options: {
  ffprobePath: string;
  audio: ReadableStream<Uint8Array>;
  signal?: AbortSignal;
}): Promise<number> {
  const output: string[] = [];
  let result: ChildProcessResult;
  try {
    result = await runChildProcess(
      options.ffprobePath,
      ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=channels", "-of", "csv=p=0", "-i", "pipe:0"],
      { stdin: options.audio, signal: options.signal, onStdoutLine: (line) => output.push(line) },
    );
  } catch (error) {
    if (isSpawnFailure(error)) throw programUnavailableError("ffprobe", options.ffprobePath, error);
    throw error;
  }
  const channels = Number.parseInt(output.join("").trim(), 10);
  if (result.exitCode !== 0 || !Number.isInteger(channels) || channels < 1) {
    throw decodeFailedError(result, "ffprobe");
  }
  return channels;
}

/**
 * Verifies that ffmpeg runs (`-version`); the adapters of one process share a recent check
 * (`sharedProgramCheck`).
 * @throws ConfideError `speech.engine_unavailable` otherwise.
 */
export function checkFfmpeg(ffmpegPath: string, signal?: AbortSignal): Promise<void> {
  return sharedProgramCheck(
    ["ffmpeg -version", ffmpegPath].join("\0"),
    async () => {
      const result = await runFfmpeg(ffmpegPath, ["-version"], {});
      if (result.exitCode !== 0) {
        throw programUnavailableError("ffmpeg", ffmpegPath, new Error(`ffmpeg -version exited with ${result.exitCode}`));
      }
    },
    signal,
  );
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
  await createOwnerOnlyFiles([options.outputPath]);
  const result = await runFfmpeg(
    options.ffmpegPath,
    ["-nostdin", "-i", options.inputPath, "-af", `atrim=start_sample=${startSample}`, ...pcmWavOutput(options.outputPath)],
    { signal: options.signal },
  );
  if (result.exitCode !== 0) throw decodeFailedError(result);
  return readWavFormat(options.outputPath);
}
