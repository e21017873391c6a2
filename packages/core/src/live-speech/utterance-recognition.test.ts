import { describe, expect, it } from "vitest";
import { concat, silence, testRateHz as rate, tone } from "./test-signals.ts";
import type { LiveSpeechEvent, LiveSpeechSettings } from "../ports/live-speech-to-text.ts";
import type { SpeechProbabilityModel, SpeechProbabilityStream } from "./speech-probability-model.ts";
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

/**
 * A stand-in for a trained detector: per 320-sample frame (20 ms), the probability 0.9 where the
 * frame is loud and 0.1 where it is quiet, given a macrotask later (as a model's runtime answers),
 * or a failure once `failAfterFrames` frames were read.
 */
function probabilityModel(options: { failAfterFrames?: number } = {}): SpeechProbabilityModel & { opened: number } {
  const frameSamples = 320;
  const model = {
    name: "test-model",
    frameSamples,
    opened: 0,
    open(): SpeechProbabilityStream {
      model.opened += 1;
      let waiting: number[] = [];
      let read = 0;
      return {
        async push(samples) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          waiting = [...waiting, ...samples];
          const out: number[] = [];
          while (waiting.length >= frameSamples) {
            read += 1;
            if (options.failAfterFrames !== undefined && read > options.failAfterFrames) throw new Error("the model's runtime failed");
            out.push(waiting.slice(0, frameSamples).some((sample) => Math.abs(sample) > 1_000) ? 0.9 : 0.1);
            waiting = waiting.slice(frameSamples);
          }
          return out;
        },
      };
    },
  };
  return model;
}

/** A decode engine that hears "heard <startMs>-<endMs>" in every utterance. */
const decodeSpan = async (utterance: LiveUtterance) => ({ text: `heard ${utterance.startMs}-${utterance.endMs}`, words: [] });

/** `decodeSpan` holding every answer until `release` (so a cut utterance stays awaited). */
function heldDecoder() {
  const held: Array<() => void> = [];
  return {
    decode: (utterance: LiveUtterance) => new Promise<UtteranceTranscript>((resolve) => held.push(() => resolve(decodeSpan(utterance) as never))),
    release: () => held.splice(0).forEach((answer) => answer()),
  };
}

describe("startUtteranceRecognition with a trained detector", () => {
  it("cuts where the model's probabilities end the speech (after endSilenceMs, not the loudness pause), per channel, and says the model ran", async () => {
    const model = probabilityModel();
    const decoder = heldDecoder();
    const recognition = startUtteranceRecognition(settings(2), {
      decode: decoder.decode,
      cutter: { pauseMs: 600 },
      speechModel: model,
      speechCutter: { endSilenceMs: 200, paddingMs: 0 },
    });
    expect(recognition.turnEnds).toBe("test-model");
    expect(model.opened).toBe(2);
    const reading = collect(recognition.events);
    // Left speaks 0-1000 ms, right 1200-1600 ms; written in 100 ms chunks, as a client sends them.
    const audio = pcm(concat(tone(1_000), silence(1_500)), concat(silence(1_200), tone(400), silence(900)));
    const cutAfter: Array<[number, number]> = [];
    for (let offset = 0; offset < audio.length; offset += 3_200) {
      await recognition.write(audio.subarray(offset, offset + 3_200));
      const awaited = recognition.awaitedFinalEndMs?.();
      if (awaited !== null && awaited !== undefined && !cutAfter.some(([end]) => end === awaited)) cutAfter.push([awaited, (offset + 3_200) / 64]);
      if (cutAfter.length > 0) decoder.release();
    }
    const ending = recognition.end();
    decoder.release();
    await ending;
    expect((await reading).map((event) => (event.type === "final" ? [event.speaker, event.text] : event.type))).toEqual([
      ["ch0", "heard 0-1000"],
      ["ch1", "heard 1200-1600"],
    ]);
    // The left utterance was cut in the chunk that held its 200 ms of quiet, not 600 ms later.
    expect(cutAfter[0]).toEqual([1_000, 1_200]);
  });

  it("keeps the loudness cutter without a model, and says so", async () => {
    const decoder = heldDecoder();
    const recognition = startUtteranceRecognition(settings(1), { decode: decoder.decode, cutter: { pauseMs: 600, paddingMs: 0 } });
    expect(recognition.turnEnds).toBe("loudness");
    const reading = collect(recognition.events);
    await recognition.write(pcm(concat(tone(500), silence(400))));
    // 400 ms of quiet: not yet a pause for loudness.
    expect(recognition.awaitedFinalEndMs?.()).toBeNull();
    await recognition.write(pcm(silence(300)));
    expect(recognition.awaitedFinalEndMs?.()).toBe(500);
    decoder.release();
    await recognition.end();
    expect((await reading).map((event) => (event.type === "final" ? event.text : event.type))).toEqual(["heard 0-500"]);
  });

  it("detects and cuts the chunks in the order written, even when writes are not awaited one by one", async () => {
    const recognition = startUtteranceRecognition(settings(1), {
      decode: decodeSpan,
      speechModel: probabilityModel(),
      speechCutter: { endSilenceMs: 100, paddingMs: 0 },
    });
    const reading = collect(recognition.events);
    const audio = pcm(concat(tone(300), silence(300), tone(300), silence(300)));
    await Promise.all([0, 1, 2, 3, 4, 5].map((index) => recognition.write(audio.subarray(index * 6_400, (index + 1) * 6_400))));
    await recognition.end();
    expect((await reading).map((event) => (event.type === "final" ? event.text : event.type))).toEqual(["heard 0-300", "heard 600-900"]);
  });

  it("cuts the speech in progress at the end once the chunks in flight are detected", async () => {
    const recognition = startUtteranceRecognition(settings(1), { decode: decodeSpan, speechModel: probabilityModel(), speechCutter: { paddingMs: 0 } });
    const reading = collect(recognition.events);
    const writing = recognition.write(pcm(tone(500)));
    await recognition.end();
    await writing;
    expect((await reading).map((event) => (event.type === "final" ? event.text : event.type))).toEqual(["heard 0-500"]);
  });

  it("ends with a provider.unavailable error when the model's runtime fails, and refuses more audio", async () => {
    const recognition = startUtteranceRecognition(settings(1), { decode: decodeSpan, speechModel: probabilityModel({ failAfterFrames: 10 }) });
    const reading = collect(recognition.events);
    await recognition.write(pcm(tone(100)));
    await expect(recognition.write(pcm(tone(300)))).rejects.toMatchObject({ code: "live.closed" });
    await expect(recognition.write(pcm(tone(100)))).rejects.toMatchObject({ code: "live.closed" });
    const events = await reading;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "error", error: { code: "provider.unavailable" } });
    await recognition.end();
  });
});
