import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { makeDialogueWav, readLivePcm, type DialogueAudio } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelManifest } from "../models/model-manifest.ts";
import { installModel } from "../models/model-store.ts";
import { SileroVad, SileroVadStream } from "./silero-vad.ts";
import { loadSileroVad } from "./silero-vad-loader.ts";

/** The shared mirror of the model files (CONFIDE_MODELS_SOURCE on CI; present on the development machines). */
const source = process.env.CONFIDE_MODELS_SOURCE ?? resolve(import.meta.dirname, "../../../../../shared/models");
const present = existsSync(source);

let directory: string;
let models: string;
let dialogue: DialogueAudio;
let speech: Int16Array;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "confide-silero-vad-"));
  models = join(directory, "models");
  if (present) await installModel(models, modelManifest.find((model) => model.name === "silero-vad")!, { source });
  // Generated speech: the espeak-ng dialogue, mono, 16 kHz; 900 ms of silence between its turns.
  dialogue = await makeDialogueWav({ directory, name: "vad" });
  const pcm = await readLivePcm(dialogue.monoPath, 1);
  speech = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 2);
}, 60_000);

afterAll(() => rm(directory, { recursive: true, force: true }));

/** Seeded white noise at `amplitude` of full scale, so the test reads the same samples every run. */
function noise(samples: number, amplitude: number): Int16Array {
  let seed = 12345;
  return Int16Array.from({ length: samples }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.round((seed / 2 ** 31 - 0.5) * 2 * amplitude * 32767);
  });
}

/** The share of frames within [startMs, endMs) whose probability is at least 0.5. */
function speechShare(probabilities: number[], startMs: number, endMs: number): number {
  const first = Math.ceil(startMs / SileroVad.frameMs);
  const last = Math.floor(endMs / SileroVad.frameMs);
  const frames = probabilities.slice(first, last);
  return frames.filter((probability) => probability >= 0.5).length / frames.length;
}

if (!present) {
  describe("Silero VAD", () => {
    it("needs the model file", () => {
      throw new Error(`${source} is absent: point CONFIDE_MODELS_SOURCE at a folder or URL holding the models (see docs/models.md), as .ci/run does with ../shared/models.`);
    });
  });
} else {
  describe("Silero VAD on the real model", () => {
    it("says speech during the dialogue's turns and not in the silences between them, frame by frame in 512-sample steps", async () => {
      const model = await loadSileroVad(models);
      expect(model).toBeInstanceOf(SileroVad);
      // Pushed in uneven pieces (100 ms, as a live stream comes): a partial frame waits for the next.
      const stream = new SileroVadStream(model!);
      const probabilities: number[] = [];
      for (let offset = 0; offset < speech.length; offset += 1600) probabilities.push(...(await stream.push(speech.subarray(offset, offset + 1600))));
      expect(probabilities).toHaveLength(Math.floor(speech.length / 512));
      for (const [index, line] of dialogue.lines.entries()) {
        expect(speechShare(probabilities, line.startMs, line.endMs), `turn ${index}`).toBeGreaterThan(0.6);
        const next = dialogue.lines[index + 1];
        // The silence after the turn, less 200 ms at each side for the model's reaction.
        if (next) expect(speechShare(probabilities, line.endMs + 200, next.startMs - 200), `pause after turn ${index}`).toBe(0);
      }
    });

    it("hears no speech in digital silence nor in steady white noise", async () => {
      const model = (await loadSileroVad(models))!;
      for (const samples of [new Int16Array(16_000 * 3), noise(16_000 * 3, 0.1)]) {
        const probabilities = await new SileroVadStream(model).push(samples);
        expect(probabilities).toHaveLength(93);
        expect(Math.max(...probabilities)).toBeLessThan(0.5);
      }
    });

    it("carries its state from frame to frame: a stream's frame depends on what came before, a fresh stream starts over", async () => {
      const model = (await loadSileroVad(models))!;
      const turn = dialogue.lines[0]!;
      const from = Math.round((turn.startMs / 1000) * 16_000);
      const running = new SileroVadStream(model);
      const warm = await running.push(speech.subarray(from, from + 512 * 20));
      const again = await new SileroVadStream(model).push(speech.subarray(from, from + 512 * 20));
      expect(again).toEqual(warm);
      const afterSpeech = await running.push(new Int16Array(512));
      const cold = await new SileroVadStream(model).push(new Int16Array(512));
      expect(afterSpeech[0]).not.toBeCloseTo(cold[0]!, 3);
    });

    it("takes only 512 samples a frame", async () => {
      const model = (await loadSileroVad(models))!;
      await expect(model.fresh().probability(new Float32Array(256))).rejects.toThrow(RangeError);
    });
  });
}

describe("loading Silero VAD from the models folder", () => {
  it("is undefined while the model is not installed, and found once it is, without a restart", async () => {
    const later = join(directory, "later");
    expect(await loadSileroVad(later)).toBeUndefined();
    if (!present) throw new Error(`${source} is absent: point CONFIDE_MODELS_SOURCE at a folder or URL holding the models (see docs/models.md).`);
    await installModel(later, modelManifest.find((model) => model.name === "silero-vad")!, { source });
    expect(await loadSileroVad(later)).toBeInstanceOf(SileroVad);
  });
});
