import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { byteStream } from "@confide/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeAudio } from "./azure-speech-audio-probe.ts";

const run = promisify(execFile);

/** ffmpeg output options per container (as phones and recorders write them). */
const containers = {
  "wav (ffmpeg's, with a LIST chunk)": ["-c:a", "pcm_s16le", "-f", "wav"],
  mp3: ["-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3"],
  "mp3 without an ID3 tag": ["-c:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "0", "-write_xing", "0", "-f", "mp3"],
  "ogg vorbis": ["-c:a", "libvorbis", "-f", "ogg"],
  "ogg opus": ["-c:a", "libopus", "-f", "ogg"],
  flac: ["-c:a", "flac", "-f", "flac"],
  "m4a (moov after mdat)": ["-c:a", "aac", "-f", "ipod"],
  "m4a (faststart)": ["-c:a", "aac", "-movflags", "+faststart", "-f", "ipod"],
  webm: ["-c:a", "libopus", "-f", "webm"],
} as const;

let directory: string;
const files = new Map<string, Uint8Array>();

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "confide-probe-"));
  // One ffmpeg run writes every file (a run costs ≈ 0.4 s of start-up).
  const outputs = Object.entries(containers).flatMap(([name, options]) =>
    [1, 2].map((channels) => ({ key: `${name}/${channels}`, path: join(directory, `${name.replace(/\W+/g, "-")}-${channels}`), channels, options })),
  );
  await run("ffmpeg", [
    "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=1",
    ...outputs.flatMap(({ path, channels, options }) => ["-ac", String(channels), ...options, "-y", path]),
  ]);
  for (const { key, path } of outputs) files.set(key, new Uint8Array(await readFile(path)));
}, 30_000);

afterAll(async () => {
  if (directory !== undefined) await rm(directory, { recursive: true, force: true });
});

describe("the channel probe reads every accepted container's header", () => {
  for (const name of Object.keys(containers)) {
    it(`${name}: mono is 1, stereo is 2`, async () => {
      expect((await probeAudio(byteStream(files.get(`${name}/1`)!))).channels).toBe(1);
      expect((await probeAudio(byteStream(files.get(`${name}/2`)!))).channels).toBe(2);
    });
  }

  it("reads the duration where the header has it (WAV, FLAC, MP4), within 100 ms of 1 s", async () => {
    for (const name of ["wav (ffmpeg's, with a LIST chunk)", "flac", "m4a (moov after mdat)", "m4a (faststart)"]) {
      const { durationMs } = await probeAudio(byteStream(files.get(`${name}/2`)!));
      expect(Math.abs((durationMs ?? 0) - 1_000), name).toBeLessThan(100);
    }
  });

  it("answers unknown, without throwing, for bytes that are no recording or are cut short", async () => {
    expect(await probeAudio(byteStream(new TextEncoder().encode("hello, this is not audio at all")))).toEqual({ channels: null, durationMs: null });
    const m4a = files.get("m4a (moov after mdat)/2")!;
    expect((await probeAudio(byteStream(m4a.subarray(0, m4a.length - 200)))).channels).toBeNull();
  });
});
