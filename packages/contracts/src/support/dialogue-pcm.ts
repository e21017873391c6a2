import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * The audio of a WAV file (such as `makeDialogueWav`'s) as live engines take it: raw 16 kHz
 * signed 16-bit little-endian PCM, interleaved when `channels` is 2 (sox converts, without
 * dither so the bytes are the same every time).
 */
export async function readLivePcm(wavPath: string, channels: 1 | 2): Promise<Uint8Array> {
  const { stdout } = await run(
    "sox",
    ["-D", wavPath, "-t", "raw", "-r", "16000", "-e", "signed-integer", "-b", "16", "-c", String(channels), "-L", "-"],
    { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
  );
  return new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength);
}

/** Milliseconds of audio in `bytes` of 16 kHz 16-bit PCM with `channels` channels. */
export const livePcmDurationMs = (bytes: number, channels: number): number => (bytes / (2 * channels) / 16_000) * 1000;
