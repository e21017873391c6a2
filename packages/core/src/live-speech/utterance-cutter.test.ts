import { describe, expect, it } from "vitest";
import { concat, silence, testRateHz as rate, tone } from "./test-signals.ts";
import { createPcmChannelSplitter } from "./pcm-channels.ts";
import { createUtteranceCutter, type CutUtterance, type UtteranceCutterListener } from "./utterance-cutter.ts";

/** Pushes `samples` in pieces of `pieceSamples` (not frame-aligned) and flushes. */
function cutAll(samples: Int16Array, options: Parameters<typeof createUtteranceCutter>[0] = {}, pieceSamples = 1_234): CutUtterance[] {
  const cutter = createUtteranceCutter(options);
  const out: CutUtterance[] = [];
  for (let offset = 0; offset < samples.length; offset += pieceSamples) out.push(...cutter.push(samples.subarray(offset, offset + pieceSamples)));
  out.push(...cutter.flush());
  return out;
}

const spans = (utterances: CutUtterance[]) => utterances.map(({ startMs, endMs, speechEndMs }) => ({ startMs, endMs, speechEndMs }));

describe("createUtteranceCutter", () => {
  it("cuts tone bursts at pauses, with padding around the speech, at times counted from the first sample", () => {
    const audio = concat(silence(1_000), tone(800), silence(1_000), tone(600), silence(1_000));
    const utterances = cutAll(audio, { pauseMs: 600, paddingMs: 200 });
    expect(spans(utterances)).toEqual([
      { startMs: 800, endMs: 2_000, speechEndMs: 1_800 },
      { startMs: 2_600, endMs: 3_600, speechEndMs: 3_400 },
    ]);
    for (const utterance of utterances) expect(utterance.samples.length).toBe(((utterance.endMs - utterance.startMs) * rate) / 1000);
  });

  it("keeps an utterance whole across a gap shorter than the pause (the hangover)", () => {
    const audio = concat(silence(500), tone(500), silence(300), tone(500), silence(1_000));
    expect(spans(cutAll(audio, { pauseMs: 600, paddingMs: 0 }))).toEqual([{ startMs: 500, endMs: 1_800, speechEndMs: 1_800 }]);
  });

  it("ends an utterance only once the pause has passed: nothing is cut while the speaker may go on", () => {
    const cutter = createUtteranceCutter({ pauseMs: 600, paddingMs: 0 });
    expect(cutter.push(concat(tone(500), silence(580)))).toEqual([]);
    expect(spans(cutter.push(silence(40)))).toEqual([{ startMs: 0, endMs: 500, speechEndMs: 500 }]);
  });

  it("drops bursts shorter than the least speech, and audio quieter than the threshold", () => {
    const quiet = tone(1_000).map((sample) => Math.round(sample / 100)); // about -52 dBFS
    const audio = concat(silence(500), tone(60), silence(1_000), quiet, silence(1_000));
    expect(cutAll(audio, { minSpeechMs: 120, thresholdDbfs: -40 })).toEqual([]);
  });

  it("cuts long speech at the longest utterance and goes on without losing audio", () => {
    const utterances = cutAll(concat(tone(5_000), silence(1_000)), { maxUtteranceMs: 2_000, paddingMs: 0 });
    expect(spans(utterances).map(({ startMs, endMs }) => [startMs, endMs])).toEqual([
      [0, 2_000],
      [2_000, 4_000],
      [4_000, 5_000],
    ]);
  });

  it("gives the utterance in progress on flush, and nothing when the audio ended in silence", () => {
    const cutter = createUtteranceCutter({ paddingMs: 0 });
    cutter.push(concat(silence(200), tone(700)));
    expect(spans(cutter.flush())).toEqual([{ startMs: 200, endMs: 900, speechEndMs: 900 }]);
    expect(cutter.flush()).toEqual([]);
  });
});

describe("createUtteranceCutter with a listener", () => {
  /** A listener that logs what it is told, audio as sample counts. */
  function recorder() {
    const log: string[] = [];
    const listener: UtteranceCutterListener = {
      started: (startMs, samples) => log.push(`start ${startMs} +${samples.length}`),
      took: (samples) => {
        const last = log.at(-1);
        const took = last?.startsWith("took ") ? Number(last.slice(5)) : null;
        if (took === null) log.push(`took ${samples.length}`);
        else log[log.length - 1] = `took ${took + samples.length}`;
      },
      cut: (utterance) => log.push(`cut ${utterance.startMs}-${utterance.endMs}`),
      dropped: () => log.push("dropped"),
    };
    return { log, listener };
  }
  const ms = (count: number) => (rate * count) / 1000;

  it("tells an utterance's start with its padding, every frame it takes up to the padding after the speech, then its cut as push returns it", () => {
    const { log, listener } = recorder();
    const cutter = createUtteranceCutter({ pauseMs: 600, paddingMs: 200 }, listener);
    expect(cutter.push(concat(silence(1_000), tone(800)))).toEqual([]);
    expect(log).toEqual([`start 800 +${ms(220)}`, `took ${ms(780)}`]);
    const cut = cutter.push(silence(1_000));
    expect(spans(cut)).toEqual([{ startMs: 800, endMs: 2_000, speechEndMs: 1_800 }]);
    // Exactly the cut utterance's audio: the padding before, 800 ms of tone, the padding after.
    expect(log).toEqual([`start 800 +${ms(220)}`, `took ${ms(780 + 200)}`, "cut 800-2000"]);
    expect(ms(220 + 980)).toBe(cut[0]!.samples.length);
  });

  it("holds back the quiet past the padding and gives it once the speech goes on within the pause", () => {
    const { log, listener } = recorder();
    const cutter = createUtteranceCutter({ pauseMs: 600, paddingMs: 100 }, listener);
    cutter.push(concat(tone(500), silence(400)));
    expect(log).toEqual([`start 0 +${ms(20)}`, `took ${ms(480 + 100)}`]);
    cutter.push(tone(500));
    expect(log).toEqual([`start 0 +${ms(20)}`, `took ${ms(480 + 400 + 500)}`]);
  });

  it("tells a burst with too little speech as dropped, on push and on flush, and cuts nothing", () => {
    const { log, listener } = recorder();
    const cutter = createUtteranceCutter({ pauseMs: 600, paddingMs: 0, minSpeechMs: 120 }, listener);
    expect(cutter.push(concat(tone(60), silence(1_000)))).toEqual([]);
    expect(cutter.push(tone(60))).toEqual([]);
    expect(cutter.flush()).toEqual([]);
    expect(log).toEqual([`start 0 +${ms(20)}`, `took ${ms(40)}`, "dropped", `start 1060 +${ms(20)}`, `took ${ms(40)}`, "dropped"]);
  });

  it("cuts at the longest utterance and starts the next at once, and cuts the utterance in progress on flush", () => {
    const { log, listener } = recorder();
    const cutter = createUtteranceCutter({ maxUtteranceMs: 2_000, paddingMs: 0 }, listener);
    cutter.push(tone(3_000));
    expect(spans(cutter.flush())).toEqual([{ startMs: 2_000, endMs: 3_000, speechEndMs: 3_000 }]);
    expect(log).toEqual([`start 0 +${ms(20)}`, `took ${ms(1_980)}`, "cut 0-2000", `start 2000 +${ms(20)}`, `took ${ms(980)}`, "cut 2000-3000"]);
  });
});

describe("createPcmChannelSplitter", () => {
  it("splits interleaved stereo into channels across chunks that end inside a sample", () => {
    const frames = [
      [1, -1],
      [300, -300],
      [-32768, 32767],
    ];
    const bytes = new Uint8Array(frames.length * 4);
    const view = new DataView(bytes.buffer);
    frames.forEach(([left, right], index) => {
      view.setInt16(index * 4, left!, true);
      view.setInt16(index * 4 + 2, right!, true);
    });
    const splitter = createPcmChannelSplitter(2);
    const first = splitter.push(bytes.subarray(0, 5));
    expect(splitter.heldBytes).toBe(1);
    const second = splitter.push(bytes.subarray(5));
    expect([...first[0]!, ...second[0]!]).toEqual([1, 300, -32768]);
    expect([...first[1]!, ...second[1]!]).toEqual([-1, -300, 32767]);
    expect(splitter.heldBytes).toBe(0);
  });
});
