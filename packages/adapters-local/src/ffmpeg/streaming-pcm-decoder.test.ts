import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createUtteranceCutter } from "@confide/core";
import { expectConfideError } from "@confide/contracts";
import { makeDialogueWav, readLivePcm } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStreamingPcmDecoder, type StreamingPcmDecoder } from "./streaming-pcm-decoder.ts";

const run = promisify(execFile);

let work: string;
let webm: Uint8Array;
/** The same speech as 16 kHz mono PCM, straight from the WAV. */
let reference: Uint8Array;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "confide-webm-test-"));
  const { monoPath: wav } = await makeDialogueWav({
    directory: work,
    script: [
      { role: "therapist", text: "How have you been sleeping?" },
      { role: "patient", text: "I have not been sleeping well." },
    ],
  });
  // What Chrome's MediaRecorder makes: Opus at 48 kHz in WebM, about 32 kbit/s.
  await run("ffmpeg", ["-loglevel", "error", "-y", "-i", wav, "-c:a", "libopus", "-b:a", "32k", "-f", "webm", join(work, "speech.webm")]);
  webm = new Uint8Array(await readFile(join(work, "speech.webm")));
  reference = await readLivePcm(wav, 1);
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** 250 ms of 32 kbit/s Opus: the chunk a MediaRecorder with `timeslice` 250 hands over. */
const mediaRecorderChunkBytes = 1_000;

async function readAll(decoder: StreamingPcmDecoder): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of decoder.pcm) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const utteranceCount = (pcm: Uint8Array) => {
  const cutter = createUtteranceCutter({ pauseMs: 300 });
  const samples = new Int16Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength - (pcm.byteLength % 2)));
  return [...cutter.push(samples), ...cutter.flush()].length;
};

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("startStreamingPcmDecoder", () => {
  it("decodes WebM/Opus written in MediaRecorder-sized chunks into 16 kHz mono PCM of the same speech", async () => {
    const decoder = startStreamingPcmDecoder({ channels: 1 });
    const reading = readAll(decoder);
    for (let offset = 0; offset < webm.byteLength; offset += mediaRecorderChunkBytes) {
      await decoder.write(webm.subarray(offset, offset + mediaRecorderChunkBytes));
    }
    decoder.end();
    const pcm = await reading;
    // Same length within 60 ms (Opus pre-skip and the last frame's padding), same pauses.
    expect(Math.abs(pcm.byteLength - reference.byteLength)).toBeLessThan(60 * 32);
    expect(utteranceCount(pcm)).toBe(utteranceCount(reference));
    expect(utteranceCount(pcm)).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("streams: PCM of the first chunks comes out before the recording has ended", async () => {
    const decoder = startStreamingPcmDecoder({ channels: 2 });
    const iterator = decoder.pcm[Symbol.asyncIterator]();
    const half = Math.floor(webm.byteLength / 2);
    for (let offset = 0; offset < half; offset += mediaRecorderChunkBytes) {
      await decoder.write(webm.subarray(offset, Math.min(offset + mediaRecorderChunkBytes, half)));
    }
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect((first.value as Uint8Array).byteLength % 4).toBe(0);
    decoder.abort();
  }, 60_000);

  it("refuses bytes that are not WebM with upload.not_audio, and then writes with the same error", async () => {
    const decoder = startStreamingPcmDecoder({ channels: 1 });
    const garbage = new TextEncoder().encode("this is not a webm file at all ".repeat(400));
    const reading = readAll(decoder);
    try {
      await decoder.write(garbage);
    } catch {
      // ffmpeg may give up before taking it all: the error is the same either way.
    }
    decoder.end();
    await expectConfideError(reading, "upload.not_audio");
    await expectConfideError(decoder.write(garbage), "upload.not_audio");
  }, 60_000);

  it("abort kills ffmpeg and ends the PCM without error; writing afterwards is live.closed", async () => {
    const decoder = startStreamingPcmDecoder({ channels: 1 });
    await decoder.write(webm.subarray(0, 4_000));
    const pid = decoder.pid!;
    expect(isRunning(pid)).toBe(true);
    const reading = readAll(decoder);
    decoder.abort();
    await reading;
    await expect.poll(() => isRunning(pid), { timeout: 5_000 }).toBe(false);
    await expectConfideError(decoder.write(webm), "live.closed");
  }, 60_000);

  it("a missing ffmpeg is speech.engine_unavailable", async () => {
    const decoder = startStreamingPcmDecoder({ channels: 1, ffmpegPath: join(work, "no-ffmpeg") });
    await expectConfideError(readAll(decoder), "speech.engine_unavailable");
    await expectConfideError(decoder.write(webm), "speech.engine_unavailable");
  }, 60_000);
});
