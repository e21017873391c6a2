import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The channel count and playing time of a recording in any container ffprobe reads (WAV, MP3,
 * OGG, FLAC, MP4/M4A, WebM), in one ffprobe run, for fakes that must refuse what the service
 * refuses by the audio's layout or length (Azure fails stereo with diarization in every
 * container, and diarized recordings past 240 minutes). ffprobe is independent of the adapters'
 * own header parsing, so a fake does not agree with an adapter by sharing its bugs.
 * @returns each figure, undefined when ffprobe cannot tell it (no audio stream, no duration).
 * @throws Error naming `scripts/install-system-deps.sh` when ffprobe is not installed.
 */
export async function audioInfo(bytes: Uint8Array): Promise<{ channels: number | undefined; durationMs: number | undefined }> {
  const output = await ffprobe(bytes, ["-select_streams", "a:0", "-show_entries", "stream=channels:format=duration", "-of", "json"]);
  const parsed = (output === "" ? {} : JSON.parse(output)) as { streams?: Array<{ channels?: number }>; format?: { duration?: string } };
  const channels = parsed.streams?.[0]?.channels;
  const seconds = Number.parseFloat(parsed.format?.duration ?? "");
  return {
    channels: Number.isInteger(channels) && (channels as number) > 0 ? channels : undefined,
    durationMs: Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined,
  };
}

async function ffprobe(bytes: Uint8Array, query: string[]): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confide-fake-probe-"));
  const path = join(directory, "audio");
  try {
    await writeFile(path, bytes);
    const output = await new Promise<string>((resolve, reject) =>
      execFile("ffprobe", ["-v", "error", ...query, path], (error, stdout) => {
        if (error && (error as NodeJS.ErrnoException).code === "ENOENT") reject(new Error("ffprobe is not installed (scripts/install-system-deps.sh installs ffmpeg)."));
        else resolve(error ? "" : stdout.trim());
      }),
    );
    return output;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
