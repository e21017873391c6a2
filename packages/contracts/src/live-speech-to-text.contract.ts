/**
 * Behaviour every LiveSpeechToText adapter must show (packages/core/src/ports/live-speech-to-text.ts).
 * The adapter's test file supplies speech as 16 kHz 16-bit PCM (a mono dialogue with pauses
 * between turns and, for per-channel engines, the same dialogue with one speaker per channel),
 * an engine that fails while recognising, and declares its capabilities. Every flag is asserted
 * either way: a capability declared absent is checked to be absent, never skipped.
 */
import {
  ConfideError,
  type LiveRecognition,
  type LiveSpeechCapabilities,
  type LiveSpeechEvent,
  type LiveSpeechSettings,
  type LiveSpeechToText,
} from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectConfideError } from "./expect-confide-error.ts";

export interface LiveSpeechToTextContractOptions {
  name: string;
  create: () => Promise<LiveSpeechToText>;
  /** What the engine must declare, and show: partials, live diarization, per-channel. */
  capabilities: LiveSpeechCapabilities;
  /** Mono speech with at least two utterances separated by pauses of a second or so. */
  monoSpeech: () => Promise<Uint8Array>;
  /** The same conversation with one speaker per channel (interleaved stereo); both channels speak. */
  stereoSpeech: () => Promise<Uint8Array>;
  /** An engine whose recognition fails once speech reaches it (its service down, its program missing). */
  createFailing: () => Promise<LiveSpeechToText>;
  /** The error code a failing recognition reports. */
  failureCode: ConfideError["code"];
  /** Per test; engines that decode on a loaded CPU need longer. Default 60 s. */
  timeoutMs?: number;
}

type Final = Extract<LiveSpeechEvent, { type: "final" }>;

const bytesPerMs = (channels: number) => (16_000 * 2 * channels) / 1000;

const settingsFor = (channels: 1 | 2, channelLayout: LiveSpeechSettings["channelLayout"]): LiveSpeechSettings => ({
  language: "en-US",
  format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels },
  channelLayout,
  maxSpeakers: 2,
});

/** Collects every event until `events` ends. */
function collect(recognition: LiveRecognition): { all: LiveSpeechEvent[]; done: Promise<void>; endsSoon: () => Promise<boolean> } {
  const all: LiveSpeechEvent[] = [];
  const done = (async () => {
    for await (const event of recognition.events) all.push(event);
  })();
  /** Whether a reader sees the end within 200 ms: nothing is left for the engine to do. */
  const endsSoon = () =>
    Promise.race([done.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, 200, false))]);
  return { all, done, endsSoon };
}

/** Writes `audio` in chunks of `chunkBytes` (odd sizes split samples), awaiting each write. */
async function writeAll(recognition: LiveRecognition, audio: Uint8Array, chunkBytes: number): Promise<void> {
  for (let offset = 0; offset < audio.byteLength; offset += chunkBytes) {
    await recognition.write(audio.subarray(offset, offset + chunkBytes));
  }
}

/** `audio` up to 60 ms after its last loud sample: speech that stops without a closing pause. */
function withoutTrailingQuiet(audio: Uint8Array, channels: number): Uint8Array {
  const view = new DataView(audio.buffer, audio.byteOffset, audio.byteLength);
  let last = 0;
  for (let offset = 0; offset + 1 < audio.byteLength; offset += 2) {
    if (Math.abs(view.getInt16(offset, true)) > 2_000) last = offset;
  }
  const frameBytes = 2 * channels;
  const end = Math.min(audio.byteLength, last - (last % frameBytes) + 60 * bytesPerMs(channels));
  return audio.subarray(0, end);
}

/** Asserts what every event list must satisfy, whatever the engine. */
function expectWellFormed(events: LiveSpeechEvent[], capabilities: LiveSpeechCapabilities, durationMs: number): Final[] {
  const finals = events.filter((event): event is Final => event.type === "final");
  if (!capabilities.partials) expect(events.filter((event) => event.type === "partial")).toEqual([]);
  const lastStartByTrack = new Map<string, number>();
  for (const final of finals) {
    expect(final.text.trim().length, "a final has text").toBeGreaterThan(0);
    expect(final.startMs).toBeGreaterThanOrEqual(0);
    expect(final.endMs).toBeGreaterThanOrEqual(final.startMs);
    expect(final.endMs).toBeLessThanOrEqual(durationMs + 1);
    let previousStart = final.startMs;
    for (const word of final.words) {
      expect(word.startMs, `word "${word.text}" inside its final`).toBeGreaterThanOrEqual(final.startMs);
      expect(word.endMs, `word "${word.text}" inside its final`).toBeLessThanOrEqual(final.endMs);
      expect(word.endMs).toBeGreaterThanOrEqual(word.startMs);
      expect(word.startMs, "words in order").toBeGreaterThanOrEqual(previousStart);
      previousStart = word.startMs;
    }
    const track = String(final.channel ?? "mono");
    expect(final.startMs, "finals of one track in order").toBeGreaterThanOrEqual(lastStartByTrack.get(track) ?? 0);
    lastStartByTrack.set(track, final.startMs);
  }
  return finals;
}

export function describeLiveSpeechToTextContract(options: LiveSpeechToTextContractOptions): void {
  const timeout = options.timeoutMs ?? 60_000;
  const { capabilities } = options;

  describe(`LiveSpeechToText contract: ${options.name}`, () => {
    let engine: LiveSpeechToText;
    const opened: LiveRecognition[] = [];
    const open = async (settings: LiveSpeechSettings, on: LiveSpeechToText = engine) => {
      const recognition = await on.open(settings);
      opened.push(recognition);
      return recognition;
    };

    beforeEach(async () => {
      engine = await options.create();
    });

    afterEach(async () => {
      for (const recognition of opened.splice(0)) recognition.abort();
      await engine.close();
    });

    it("declares the capabilities it is tested for", () => {
      expect(engine.capabilities).toEqual(capabilities);
      expect(engine.provider.length).toBeGreaterThan(0);
    });

    it(
      "recognises mono speech written in small chunks: finals in order, words inside their span, speakers as diarization allows",
      async () => {
        const audio = await options.monoSpeech();
        const recognition = await open(settingsFor(1, "mono"));
        const events = collect(recognition);
        // 100 ms and one byte: chunks that split samples, as network frames do.
        await writeAll(recognition, audio, 3_201);
        await recognition.end();
        expect(await events.endsSoon(), "events has ended when end() resolves").toBe(true);
        const finals = expectWellFormed(events.all, capabilities, audio.byteLength / bytesPerMs(1));
        expect(finals.length, "one final per utterance").toBeGreaterThanOrEqual(2);
        expect(events.all.some((event) => event.type === "error")).toBe(false);
        if (!capabilities.liveDiarization) expect(new Set(finals.map((final) => final.speaker))).toEqual(new Set([null]));
        if (capabilities.partials) {
          const firstFinal = events.all.findIndex((event) => event.type === "final");
          expect(events.all.slice(0, firstFinal).some((event) => event.type === "partial"), "a partial before the first final").toBe(true);
        }
      },
      timeout,
    );

    it(
      "end() flushes the utterance still being spoken, then ends the events",
      async () => {
        const audio = withoutTrailingQuiet(await options.monoSpeech(), 1);
        const durationMs = audio.byteLength / bytesPerMs(1);
        const recognition = await open(settingsFor(1, "mono"));
        const events = collect(recognition);
        // All at once: a large write resolves too (back-pressure never deadlocks a lone writer).
        await recognition.write(audio);
        await recognition.end();
        expect(await events.endsSoon()).toBe(true);
        const finals = expectWellFormed(events.all, capabilities, durationMs);
        expect(finals.at(-1)?.endMs ?? 0, "the last utterance, cut by end(), has its final").toBeGreaterThan(durationMs - 1_500);
      },
      timeout,
    );

    it(
      "writing after end() or abort() is live.closed; abort() ends the events at once and is idempotent",
      async () => {
        const audio = await options.monoSpeech();
        const ended = await open(settingsFor(1, "mono"));
        const endedEvents = collect(ended);
        await ended.end();
        await endedEvents.done;
        await expectConfideError(ended.write(audio.subarray(0, 3_200)), "live.closed");

        const aborted = await open(settingsFor(1, "mono"));
        const abortedEvents = collect(aborted);
        await aborted.write(audio.subarray(0, Math.floor(audio.byteLength / 2)));
        const startedAt = Date.now();
        aborted.abort();
        aborted.abort();
        await abortedEvents.done;
        expect(Date.now() - startedAt, "events end without waiting for recognition").toBeLessThan(1_000);
        expect(abortedEvents.all.some((event) => event.type === "error"), "an abort is not an error").toBe(false);
        await expectConfideError(aborted.write(audio.subarray(0, 3_200)), "live.closed");
      },
      timeout,
    );

    it(
      "an engine failure is one error event, the last one: the recognition is closed",
      async () => {
        const failing = await options.createFailing();
        try {
          const audio = await options.monoSpeech();
          const recognition = await open(settingsFor(1, "mono"), failing);
          const events = collect(recognition);
          let writeRefused: unknown = null;
          try {
            await writeAll(recognition, audio, 32_000);
          } catch (error) {
            writeRefused = error;
          }
          if (writeRefused !== null) expect(ConfideError.is(writeRefused, "live.closed")).toBe(true);
          await recognition.end();
          await events.done;
          const errors = events.all.filter((event) => event.type === "error");
          expect(errors).toHaveLength(1);
          expect(events.all.at(-1)?.type).toBe("error");
          const [error] = errors as Array<Extract<LiveSpeechEvent, { type: "error" }>>;
          expect(ConfideError.is(error!.error, options.failureCode), `error code ${error!.error.code}`).toBe(true);
          await expectConfideError(recognition.write(audio.subarray(0, 3_200)), "live.closed");
        } finally {
          await failing.close();
        }
      },
      timeout,
    );

    if (capabilities.perChannel) {
      it(
        "per-channel stereo: finals are labelled by the channel they came from, both channels heard",
        async () => {
          const audio = await options.stereoSpeech();
          const recognition = await open(settingsFor(2, "per-channel"));
          const events = collect(recognition);
          await writeAll(recognition, audio, 6_402);
          await recognition.end();
          const finals = expectWellFormed(events.all, capabilities, audio.byteLength / bytesPerMs(2));
          for (const final of finals) {
            expect([0, 1]).toContain(final.channel);
            expect(final.speaker).toBe(`ch${final.channel}`);
          }
          expect(new Set(finals.map((final) => final.channel))).toEqual(new Set([0, 1]));
        },
        timeout,
      );
    } else {
      it("per-channel stereo is refused with provider.unsupported", async () => {
        await expectConfideError(engine.open(settingsFor(2, "per-channel")), "provider.unsupported");
      });
    }
  });
}
