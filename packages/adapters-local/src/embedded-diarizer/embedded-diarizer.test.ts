import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { ConfideError, type Diarization } from "@confide/core/ports";
import { describeDiarizerContract } from "@confide/contracts";
import { makeDialogueWav, readLivePcm, type DialogueAudio } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedDiarizer } from "./embedded-diarizer.ts";

const run = promisify(execFile);
const diarizer = createEmbeddedDiarizer();
let directory: string;
let dialogue: DialogueAudio;
let monologue: DialogueAudio;

const fileAudio = (path: string, contentType = "audio/wav") => ({
  contentType,
  async open() {
    return Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
  },
});

/** The found speaker under most of each reference line, and the share of line time it holds. */
function speakersOfLines(found: Diarization, lines: DialogueAudio["lines"]) {
  return lines.map((line) => {
    const time = new Map<string, number>();
    for (const turn of found.turns) {
      const overlap = Math.min(turn.endMs, line.endMs) - Math.max(turn.startMs, line.startMs);
      if (overlap > 0) time.set(turn.speaker, (time.get(turn.speaker) ?? 0) + overlap);
    }
    const [speaker, ms] = [...time].sort((a, b) => b[1] - a[1])[0] ?? ["none", 0];
    return { role: line.role, speaker, share: ms / (line.endMs - line.startMs) };
  });
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "confide-diarizer-test-"));
  [dialogue, monologue] = await Promise.all([
    // A male and a female espeak-ng voice (the contract's Klatt pair is near-identical: README).
    makeDialogueWav({ directory, name: "two", voices: { therapist: "en-us+m3", patient: "en-us+f3" }, pauseMs: 600 }),
    makeDialogueWav({ directory, name: "one", voices: { therapist: "en-us+f2", patient: "en-us+f2" } }),
  ]);
}, 60_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describeDiarizerContract({
  name: "embedded",
  create: async () => createEmbeddedDiarizer(),
  dialogue: async () => fileAudio(dialogue.monoPath),
  lines: () => dialogue.lines,
  dialoguePcm: () => readLivePcm(dialogue.monoPath, 1),
  silence: async () => {
    const silence = join(directory, "contract-silence.wav");
    await run("sox", ["-D", "-n", "-r", "16000", "-c", "1", "-b", "16", silence, "trim", "0", "3"]);
    return fileAudio(silence);
  },
  notAudio: async () => {
    const text = join(directory, "contract-notes.txt");
    await writeFile(text, "Session notes, not a recording.\n".repeat(100));
    return fileAudio(text);
  },
});

describe("embedded diarizer", () => {
  it("finds the two speakers of a mono dialogue, their turns where they spoke", async () => {
    const found = await diarizer.diarize(fileAudio(dialogue.monoPath), { minSpeakers: 1, maxSpeakers: 4 });

    expect(found.speakers).toEqual(["S1", "S2"]);
    const lines = speakersOfLines(found, dialogue.lines);
    const therapist = lines[0]!.speaker;
    for (const line of lines) {
      expect(line.speaker, `${line.role} line`).toBe(line.role === "therapist" ? therapist : therapist === "S1" ? "S2" : "S1");
      // A line's time includes the silence espeak-ng leaves at its end.
      expect(line.share, `${line.role} line covered`).toBeGreaterThan(0.6);
    }
    // Turn boundaries within 400 ms of where each line starts.
    for (const line of dialogue.lines) {
      expect(found.turns.some((turn) => Math.abs(turn.startMs - line.startMs) <= 400), `a turn starts near ${line.startMs} ms`).toBe(true);
    }
    for (const turn of found.turns) {
      expect(turn.confidence).toBeGreaterThanOrEqual(0);
      expect(turn.confidence).toBeLessThanOrEqual(1);
      expect(turn.endMs).toBeGreaterThan(turn.startMs);
    }
  });

  it("finds one speaker when one voice speaks every line, and two when the bounds ask for two", async () => {
    const estimated = await diarizer.diarize(fileAudio(monologue.monoPath), { minSpeakers: 1, maxSpeakers: 4 });
    expect(estimated.speakers).toEqual(["S1"]);
    const bounded = await diarizer.diarize(fileAudio(monologue.monoPath), { minSpeakers: 2, maxSpeakers: 2 });
    expect(bounded.speakers).toHaveLength(2);
  });

  it("reads a stereo recording mixed down, and an MP3 as well as a WAV", async () => {
    const stereo = await diarizer.diarize(fileAudio(dialogue.stereoPath), { minSpeakers: 1, maxSpeakers: 4 });
    expect(stereo.speakers).toHaveLength(2);
    const mp3 = join(directory, "two.mp3");
    await run("ffmpeg", ["-loglevel", "error", "-y", "-i", dialogue.monoPath, mp3]);
    const compressed = await diarizer.diarize(fileAudio(mp3, "audio/mpeg"), { minSpeakers: 1, maxSpeakers: 4 });
    expect(compressed.speakers).toHaveLength(2);
  });

  it("says it separates at most four speakers when asked for more", async () => {
    const found = await diarizer.diarize(fileAudio(dialogue.monoPath), { minSpeakers: 1, maxSpeakers: 6 });
    expect(found.speakers).toHaveLength(2);
    expect(found.warnings).toContainEqual(expect.objectContaining({ feature: "maxSpeakers" }));
  });

  it("checks that ffmpeg runs", async () => {
    await expect(diarizer.check()).resolves.toBeUndefined();
    await expect(createEmbeddedDiarizer({ ffmpegPath: "/nonexistent/ffmpeg" }).check()).rejects.toSatisfy((error) =>
      ConfideError.is(error, "speech.engine_unavailable"),
    );
  });
});

