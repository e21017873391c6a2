import { describe, expect, it } from "vitest";
import { concat, silence, testRateHz as rate, tone } from "./test-signals.ts";
import type { LiveSpeechEvent, LiveSpeechSettings } from "../ports/live-speech-to-text.ts";
import { startUtteranceRecognition, type LiveUtterance, type UtteranceStream, type UtteranceTranscript } from "./utterance-recognition.ts";

/** Interleaved s16le PCM of `channels` (each the same length). */
function pcm(...channels: Int16Array[]): Uint8Array {
  const length = channels[0]!.length;
  const bytes = new Uint8Array(length * channels.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < length; index += 1) {
    channels.forEach((channel, number) => view.setInt16((index * channels.length + number) * 2, channel[index]!, true));
  }
  return bytes;
}

const settings = (channels: 1 | 2): LiveSpeechSettings => ({
  language: "en-US",
  format: { encoding: "pcm_s16le", sampleRateHz: rate, channels },
  channelLayout: channels === 2 ? "per-channel" : "mono",
  maxSpeakers: 2,
});

/** A stream engine that records what each stream is told; `finish` resolves when the test says. */
function recordingEngine() {
  const streams: Array<{
    channel: number;
    startMs: number;
    samples: number;
    ended: "finished" | "cancelled" | null;
    signal: AbortSignal;
    cut?: LiveUtterance;
    answer?: (heard: UtteranceTranscript | null) => void;
  }> = [];
  const start = (begin: { channel: number; startMs: number }, signal: AbortSignal): UtteranceStream => {
    const record: (typeof streams)[number] = { ...begin, samples: 0, ended: null, signal };
    streams.push(record);
    return {
      write(samples) {
        expect(record.ended).toBeNull();
        record.samples += samples.length;
      },
      finish(utterance) {
        expect(record.ended).toBeNull();
        record.ended = "finished";
        record.cut = utterance;
        return new Promise((resolve) => (record.answer = resolve));
      },
      cancel() {
        expect(record.ended).toBeNull();
        record.ended = "cancelled";
      },
    };
  };
  return { streams, start };
}

async function collect(events: AsyncIterable<LiveSpeechEvent>): Promise<LiveSpeechEvent[]> {
  const out: LiveSpeechEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe("startUtteranceRecognition with a stream engine", () => {
  it("starts a stream per channel when its utterance starts, feeds it as it is spoken, finishes it at the cut, and gives finals in the order utterances ended", async () => {
    const engine = recordingEngine();
    const recognition = startUtteranceRecognition(settings(2), { stream: engine.start, cutter: { pauseMs: 600, paddingMs: 0 } });
    const reading = collect(recognition.events);

    // Left speaks 0-1000 ms, right 500-1200 ms; neither pause has passed yet.
    await recognition.write(pcm(tone(1_000), concat(silence(500), tone(500))));
    expect(engine.streams.map(({ channel, startMs, ended }) => ({ channel, startMs, ended }))).toEqual([
      { channel: 0, startMs: 0, ended: null },
      { channel: 1, startMs: 500, ended: null },
    ]);
    expect(engine.streams.map((stream) => stream.samples)).toEqual([(rate * 1_000) / 1000, (rate * 500) / 1000]);

    await recognition.write(pcm(silence(1_000), concat(tone(200), silence(800))));
    const [left, right] = engine.streams;
    expect(left!.ended).toBe("finished");
    expect(right!.ended).toBe("finished");
    expect(left!.cut).toMatchObject({ channel: 0, startMs: 0, endMs: 1_000 });
    expect(right!.cut).toMatchObject({ channel: 1, startMs: 500, endMs: 1_200 });
    for (const stream of [left!, right!]) expect(stream.samples).toBe(stream.cut!.samples.length);

    // The right channel's decoding finishes first; its final still comes after the left's.
    right!.answer!({ text: "right", words: [{ text: "right", startMs: 0, endMs: 700 }] });
    left!.answer!({ text: "left", words: [{ text: "left", startMs: 0, endMs: 1_000 }] });
    await recognition.end();
    const finals = (await reading).map((event) => (event.type === "final" ? [event.speaker, event.text, event.startMs, event.endMs] : event.type));
    expect(finals).toEqual([
      ["ch0", "left", 0, 1_000],
      ["ch1", "right", 500, 1_200],
    ]);
  });

  it("tells the end of the oldest cut utterance still awaiting its final, until its final (or its finding no words) comes out", async () => {
    const engine = recordingEngine();
    const recognition = startUtteranceRecognition(settings(2), { stream: engine.start, cutter: { pauseMs: 600, paddingMs: 0 } });
    const reading = collect(recognition.events);
    expect(recognition.awaitedFinalEndMs?.()).toBeNull();
    await recognition.write(pcm(tone(1_000), concat(silence(500), tone(500))));
    // Both still being spoken: nothing is awaited yet.
    expect(recognition.awaitedFinalEndMs?.()).toBeNull();
    await recognition.write(pcm(silence(1_000), concat(tone(200), silence(800))));
    expect(recognition.awaitedFinalEndMs?.()).toBe(1_000);
    const [left, right] = engine.streams;
    // The right one's decoding ends first: the left one is still awaited.
    right!.answer!({ text: "right", words: [] });
    await Promise.resolve();
    expect(recognition.awaitedFinalEndMs?.()).toBe(1_000);
    // The left one heard no words: no final, and it is no longer awaited.
    left!.answer!(null);
    await expect.poll(() => recognition.awaitedFinalEndMs?.()).toBeNull();
    await recognition.end();
    expect((await reading).map((event) => (event.type === "final" ? event.text : event.type))).toEqual(["right"]);
    expect(recognition.awaitedFinalEndMs?.()).toBeNull();
  });

  it("awaits nothing once aborted", async () => {
    const engine = recordingEngine();
    const recognition = startUtteranceRecognition(settings(1), { stream: engine.start, cutter: { paddingMs: 0 } });
    await recognition.write(pcm(concat(tone(500), silence(1_000))));
    expect(recognition.awaitedFinalEndMs?.()).toBe(500);
    recognition.abort();
    expect(recognition.awaitedFinalEndMs?.()).toBeNull();
  });

  it("cancels the stream of a burst with too little speech, and gives it no final", async () => {
    const engine = recordingEngine();
    const recognition = startUtteranceRecognition(settings(1), { stream: engine.start, cutter: { minSpeechMs: 120 } });
    const reading = collect(recognition.events);
    await recognition.write(pcm(concat(silence(300), tone(60), silence(1_000))));
    expect(engine.streams.map((stream) => stream.ended)).toEqual(["cancelled"]);
    await recognition.end();
    expect(await reading).toEqual([]);
  });

  it("finishes the utterance in progress at the end, and cuts a long utterance into streams at the longest length", async () => {
    const engine = recordingEngine();
    const recognition = startUtteranceRecognition(settings(1), { stream: engine.start, cutter: { maxUtteranceMs: 2_000, paddingMs: 0 } });
    const reading = collect(recognition.events);
    await recognition.write(pcm(tone(3_000)));
    const ending = recognition.end();
    expect(engine.streams.map(({ startMs, ended, cut }) => [startMs, ended, cut?.endMs])).toEqual([
      [0, "finished", 2_000],
      [2_000, "finished", 3_000],
    ]);
    for (const [index, stream] of engine.streams.entries()) stream.answer!({ text: `part ${index + 1}`, words: [] });
    await ending;
    expect((await reading).map((event) => (event.type === "final" ? event.text : event.type))).toEqual(["part 1", "part 2"]);
  });

  it("cancels the stream in progress and aborts the finishing ones when the recognition is aborted", async () => {
    const engine = recordingEngine();
    const recognition = startUtteranceRecognition(settings(1), { stream: engine.start, cutter: { paddingMs: 0 } });
    const reading = collect(recognition.events);
    await recognition.write(pcm(concat(tone(500), silence(1_000), tone(500))));
    const [finishing, speaking] = engine.streams;
    expect([finishing!.ended, speaking!.ended]).toEqual(["finished", null]);
    recognition.abort();
    expect(speaking!.ended).toBe("cancelled");
    expect(finishing!.signal.aborted).toBe(true);
    expect(await reading).toEqual([]);
  });
});
