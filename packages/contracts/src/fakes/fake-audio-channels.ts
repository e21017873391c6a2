import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The channel count of a recording in any container ffprobe reads (WAV, MP3, OGG, FLAC,
 * MP4/M4A, WebM), for fakes that must refuse what the service refuses by the audio's layout
 * (Azure fails stereo with diarization in every container). ffprobe is independent of the
 * adapters' own header parsing, so a fake does not agree with an adapter by sharing its bugs.
 * @returns undefined when ffprobe finds no audio stream.
 * @throws Error naming `scripts/install-system-deps.sh` when ffprobe is not installed.
 */
export async function audioChannels(bytes: Uint8Array): Promise<number | undefined> {
  const channels = Number.parseInt(await ffprobe(bytes, ["-select_streams", "a:0", "-show_entries", "stream=channels"]), 10);
  return Number.isInteger(channels) && channels > 0 ? channels : undefined;
}

/** The playing time in ms as ffprobe reads it from the container; undefined when it cannot. */
export async function audioDuration(bytes: Uint8Array): Promise<number | undefined> {
  const seconds = Number.parseFloat(await ffprobe(bytes, ["-show_entries", "format=duration"]));
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined;
}

async function ffprobe(bytes: Uint8Array, query: string[]): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confide-fake-probe-"));
  const path = join(directory, "audio");
  try {
    await writeFile(path, bytes);
    const output = await new Promise<string>((resolve, reject) =>
      execFile("ffprobe", ["-v", "error", ...query, "-of", "csv=p=0", path], (error, stdout) => {
        if (error && (error as NodeJS.ErrnoException).code === "ENOENT") reject(new Error("ffprobe is not installed (scripts/install-system-deps.sh installs ffmpeg)."));
        else resolve(error ? "" : stdout.trim());
      }),
    );
    return output;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
