import { ConfideError } from "@confide/core";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export interface FfmpegOptions {
  ffmpegPath: string;
  ffprobePath: string;
  signal?: AbortSignal;
}

const stderrTailBytes = 2_000;

interface ProcessOutcome {
  exitCode: number | null;
  stdout: string;
  stderrTail: string;
}

/**
 * Runs a tool with `input` piped to its stdin. A tool that stops reading early (ffprobe once it
 * has the header) ends the input without error. Resolves when the process exits.
 */
async function run(
  executable: string,
  args: string[],
  input: ReadableStream<Uint8Array>,
  signal: AbortSignal | undefined,
): Promise<ProcessOutcome> {
  const child = spawn(executable, args, { stdio: ["pipe", "pipe", "pipe"], signal });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-stderrTailBytes);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve(code));
  });
  const source = Readable.fromWeb(input as import("node:stream/web").ReadableStream<Uint8Array>);
  const feeding = pipeline(source, child.stdin).then(
    () => null,
    (error: unknown) => error,
  );
  let exitCode: number | null;
  try {
    exitCode = await exited;
  } catch (error) {
    source.destroy();
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT") {
      throw new ConfideError(
        "speech.engine_unavailable",
        `${executable} is not installed (needed to split a one-speaker-per-channel recording).`,
        { retryable: false, cause: error, details: { executable } },
      );
    }
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
  const feedError = await feeding;
  if (signal?.aborted) throw signal.reason;
  // A read error of the recording itself (the blob store) matters more than ffmpeg's complaint.
  if (ConfideError.is(feedError)) throw feedError;
  return { exitCode, stdout, stderrTail: stderr.trim() };
}

function unreadable(tool: string, stderrTail: string): ConfideError {
  return new ConfideError(
    "provider.rejected",
    `${tool} could not read the recording${stderrTail === "" ? "." : `: ${stderrTail.split("\n").slice(-3).join(" ")}`}`,
    { retryable: false, details: { provider: "whisper" } },
  );
}

/** Number of channels of the first audio stream, read by ffprobe from the recording's header. */
export async function probeChannels(input: ReadableStream<Uint8Array>, options: FfmpegOptions): Promise<number> {
  const outcome = await run(
    options.ffprobePath,
    ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=channels", "-of", "csv=p=0", "-i", "pipe:0"],
    input,
    options.signal,
  );
  const channels = Number.parseInt(outcome.stdout.trim(), 10);
  if (outcome.exitCode !== 0 || !Number.isInteger(channels) || channels < 1) throw unreadable("ffprobe", outcome.stderrTail);
  return channels;
}

/**
 * Splits a recording into one 16 kHz mono 16-bit WAV file per channel (`ch0.wav`, `ch1.wav`, …)
 * in `directory`, streaming the recording into ffmpeg. The caller owns (and removes) the directory.
 * @returns the file paths, by channel number.
 */
export async function splitChannels(
  input: ReadableStream<Uint8Array>,
  channels: number,
  directory: string,
  options: FfmpegOptions,
): Promise<string[]> {
  const paths = Array.from({ length: channels }, (_, channel) => join(directory, `ch${channel}.wav`));
  const labels = paths.map((_, channel) => `[s${channel}]`).join("");
  const pans = paths.map((_, channel) => `[s${channel}]pan=mono|c0=c${channel}[c${channel}]`).join(";");
  const outputs = paths.flatMap((path, channel) => [
    "-map",
    `[c${channel}]`,
    "-ar",
    "16000",
    "-c:a",
    "pcm_s16le",
    path,
  ]);
  const outcome = await run(
    options.ffmpegPath,
    [
      "-hide_banner",
      "-loglevel",
      "error",
      "-i",
      "pipe:0",
      "-filter_complex",
      `[0:a]asplit=${channels}${labels};${pans}`,
      "-y",
      ...outputs,
    ],
    input,
    options.signal,
  );
  if (outcome.exitCode !== 0) throw unreadable("ffmpeg", outcome.stderrTail);
  return paths;
}
