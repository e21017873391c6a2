import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expectConfideError } from "@confide/contracts";
import { byteStream, pcmWav } from "@confide/core/testing";
import { describe, expect, it } from "vitest";
import { createFfmpegAudioProbe, lastOutTimeMs } from "./ffmpeg-audio-probe.ts";

const run = promisify(execFile);

/** `seconds` of a tone encoded by ffmpeg into `format` and written to a pipe (as a browser or a phone sends it). */
async function encoded(seconds: number, codec: string[], format: string): Promise<Uint8Array> {
  const { stdout } = await run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", `sine=frequency=300:duration=${seconds}`, ...codec, "-f", format, "pipe:1"], {
    encoding: "buffer",
    maxBuffer: 32 * 1024 * 1024,
  });
  return new Uint8Array(stdout);
}

describe("ffmpeg's audio probe", () => {
  const probe = createFfmpegAudioProbe();

  it("times WebM/Opus without a duration in its header, OGG/Opus, MP3 and WAV from a stream, in 1 kB chunks", async () => {
    const recordings = {
      webm: await encoded(4, ["-c:a", "libopus"], "webm"),
      ogg: await encoded(4, ["-c:a", "libopus"], "ogg"),
      mp3: await encoded(4, ["-c:a", "libmp3lame", "-b:a", "32k"], "mp3"),
      wav: pcmWav({ channels: 1, dataBytes: 4 * 32_000 }),
    };
    for (const [format, bytes] of Object.entries(recordings)) {
      const durationMs = await probe.durationMs(byteStream(bytes, 1_024));
      expect(durationMs, format).toBeGreaterThanOrEqual(3_900);
      expect(durationMs, format).toBeLessThanOrEqual(4_100);
    }
  });

  it("bytes that hold no audio: upload.unreadable_audio; a missing ffmpeg: dependency.unavailable, retryable", async () => {
    const text = new TextEncoder().encode("these are the minutes of a meeting, not a recording of one\n".repeat(50));
    await expectConfideError(probe.durationMs(byteStream(text)), "upload.unreadable_audio");
    const missing = await expectConfideError(createFfmpegAudioProbe({ ffmpegPath: "/nonexistent/ffmpeg" }).durationMs(byteStream(text)), "dependency.unavailable");
    expect(missing.retryable).toBe(true);
    expect(missing.message).toContain("install the Debian package ffmpeg");
  });

  it("an abort stops ffmpeg and the reading: upload.aborted", async () => {
    const controller = new AbortController();
    // A chunk every 5 ms until the reader cancels the stream (after which enqueue would throw).
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull: (stream) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            if (!cancelled) stream.enqueue(new Uint8Array(512));
            resolve();
          }, 5),
        ),
      cancel: () => {
        cancelled = true;
      },
    });
    setTimeout(() => controller.abort(new Error("gone")), 100);
    await expectConfideError(probe.durationMs(endless, { signal: controller.signal }), "upload.aborted");
  });

  it("reads the last out_time_us of ffmpeg's progress", () => {
    expect(lastOutTimeMs("out_time_us=1000\nprogress=continue\nout_time_us=3001000\nprogress=end\n")).toBe(3001);
    expect(lastOutTimeMs("progress=end\n")).toBeNull();
  });
});
