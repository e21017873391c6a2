import { describe, expect, it } from "vitest";
import { createSpeechProbabilityCutter, type SpeechProbabilityCutterOptions } from "./speech-probability-cutter.ts";
import type { CutUtterance, UtteranceCutterListener } from "./utterance-cutter.ts";

/** Test frames of 160 samples (10 ms at 16 kHz), so a probability stands for 10 ms; each frame's samples carry its index. */
const frameSamples = 160;
const framesOf = (count: number, first = 0) => Int16Array.from({ length: count * frameSamples }, (_, index) => first + Math.floor(index / frameSamples));

/** Cuts a hand-made probability sequence, one probability a frame, pushed `framesPerPush` frames at a time, then flushed. */
function cutSequence(probabilities: number[], options: SpeechProbabilityCutterOptions = {}, framesPerPush = 3): CutUtterance[] {
  const cutter = createSpeechProbabilityCutter({ frameSamples, paddingMs: 0, minSpeechMs: 0, ...options });
  const out: CutUtterance[] = [];
  for (let frame = 0; frame < probabilities.length; frame += framesPerPush) {
    const some = probabilities.slice(frame, frame + framesPerPush);
    out.push(...cutter.push(framesOf(some.length, frame), some));
  }
  out.push(...cutter.flush());
  return out;
}

const spans = (utterances: CutUtterance[]) => utterances.map(({ startMs, endMs, speechEndMs }) => [startMs, endMs, speechEndMs]);
const repeat = (probability: number, frames: number) => Array<number>(frames).fill(probability);

describe("createSpeechProbabilityCutter", () => {
  it("ends an utterance once the model has heard endSilenceMs without speech, not before", () => {
    const speech = [...repeat(0.1, 5), ...repeat(0.9, 20)];
    // 19 quiet frames: under the 200 ms, the utterance goes on; the 20th ends it.
    const cutter = createSpeechProbabilityCutter({ frameSamples, paddingMs: 0, endSilenceMs: 200, minSpeechMs: 0 });
    expect(cutter.push(framesOf(25), speech)).toEqual([]);
    expect(cutter.push(framesOf(19, 25), repeat(0.05, 19))).toEqual([]);
    expect(spans(cutter.push(framesOf(1, 44), [0.05]))).toEqual([[50, 250, 250]]);
  });

  it("keeps speaking through a dip that stays above endThreshold, and a pause shorter than endSilenceMs", () => {
    // Dip to 0.4 (under the 0.5 that starts speech, over the 0.35 that keeps it), then 150 ms quiet, then speech again.
    const sequence = [...repeat(0.9, 10), ...repeat(0.4, 10), ...repeat(0.1, 15), ...repeat(0.8, 10), ...repeat(0.1, 30)];
    expect(spans(cutSequence(sequence, { endSilenceMs: 200 }))).toEqual([[0, 450, 450]]);
  });

  it("does not start speech on a probability under threshold, even above endThreshold", () => {
    expect(cutSequence([...repeat(0.45, 40), ...repeat(0.1, 30)])).toEqual([]);
    // The same 0.45 once speech has started keeps it going.
    expect(spans(cutSequence([...repeat(0.6, 5), ...repeat(0.45, 35), ...repeat(0.1, 30)], { endSilenceMs: 200 }))).toEqual([[0, 400, 400]]);
  });

  it("cuts two turns separated by a pause, each padded, and holds the audio of exactly its frames", () => {
    const sequence = [...repeat(0.05, 30), ...repeat(0.95, 40), ...repeat(0.05, 30), ...repeat(0.9, 20), ...repeat(0.02, 40)];
    const utterances = cutSequence(sequence, { endSilenceMs: 200, paddingMs: 100 });
    expect(spans(utterances)).toEqual([
      [200, 800, 700],
      [900, 1_300, 1_200],
    ]);
    // Frame i holds samples of value i: the first utterance is frames 20..79.
    expect(utterances[0]!.samples[0]).toBe(20);
    expect(utterances[0]!.samples.at(-1)).toBe(79);
    expect(utterances[0]!.samples).toHaveLength(60 * frameSamples);
  });

  it("drops a burst with less than minSpeechMs of speech, and tells the listener", () => {
    const told: string[] = [];
    const listener: UtteranceCutterListener = {
      started: (startMs) => told.push(`started ${startMs}`),
      took: () => undefined,
      cut: (cut) => told.push(`cut ${cut.endMs}`),
      dropped: () => told.push("dropped"),
    };
    const cutter = createSpeechProbabilityCutter({ frameSamples, paddingMs: 0, minSpeechMs: 100, endSilenceMs: 200 }, listener);
    const sequence = [...repeat(0.9, 5), ...repeat(0.1, 25), ...repeat(0.9, 15), ...repeat(0.1, 25)];
    expect(spans(cutter.push(framesOf(sequence.length), sequence))).toEqual([[300, 450, 450]]);
    expect(told).toEqual(["started 0", "dropped", "started 300", "cut 450"]);
  });

  it("cuts speech without a pause at the longest utterance", () => {
    expect(spans(cutSequence([...repeat(0.9, 250), ...repeat(0.1, 30)], { maxUtteranceMs: 1_000, endSilenceMs: 200 }))).toEqual([
      [0, 1_000, 1_000],
      [1_000, 2_000, 2_000],
      [2_000, 2_500, 2_500],
    ]);
  });

  it("waits for a partial frame, and refuses probabilities that are not one per whole frame", () => {
    const cutter = createSpeechProbabilityCutter({ frameSamples });
    expect(cutter.push(new Int16Array(100), [])).toEqual([]);
    // 100 waiting + 260 = 2 whole frames and 40 samples over.
    expect(() => cutter.push(new Int16Array(260), [0.9])).toThrow(RangeError);
    expect(createSpeechProbabilityCutter({ frameSamples }).push(new Int16Array(360), [0.9, 0.9])).toEqual([]);
  });

  it("counts a probability exactly at threshold as speech, and exactly at endThreshold as speech going on", () => {
    expect(spans(cutSequence([...repeat(0.5, 20), ...repeat(0.35, 10), ...repeat(0.1, 30)], { endSilenceMs: 200 }))).toEqual([[0, 300, 300]]);
  });

  it("refuses a negative or missing number in its settings", () => {
    expect(() => createSpeechProbabilityCutter({ endSilenceMs: -1 })).toThrow(RangeError);
    expect(() => createSpeechProbabilityCutter({ threshold: Number.NaN })).toThrow(RangeError);
    expect(() => createSpeechProbabilityCutter({ frameSamples: 0 })).toThrow(RangeError);
    expect(() => createSpeechProbabilityCutter({ frameSamples: 1 })).not.toThrow();
  });

  it("counts in Silero's 32 ms frames by default: six quiet frames (192 ms) end the utterance", () => {
    const cutter = createSpeechProbabilityCutter({ paddingMs: 0 });
    expect(cutter.push(new Int16Array(512 * 10), repeat(0.9, 10))).toEqual([]);
    expect(cutter.push(new Int16Array(512 * 5), repeat(0.1, 5))).toEqual([]);
    expect(spans(cutter.push(new Int16Array(512), [0.1]))).toEqual([[0, 320, 320]]);
  });
});
