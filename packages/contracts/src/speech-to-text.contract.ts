/**
 * Behaviour every SpeechToText adapter must show (packages/core/src/ports/speech-to-text.ts).
 * The adapter's test file supplies the recordings to transcribe (and, when it can make one, a
 * recording the engine refuses) and declares its capabilities; the suite follows `pending`
 * answers with a bounded poll loop.
 */
import {
  ConfideError,
  defaultTranscriptionSettings,
  type AudioSource,
  type SpeechResult,
  type SpeechToText,
  type TranscriptDraft,
  type TranscriptionSettings,
} from "@confide/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/**
 * Where speech engines legitimately differ. Every flag is asserted either way: declaring a
 * feature unsupported means the suite checks the engine says so, never that it skips a test.
 */
export interface SpeechToTextCapabilities<Speech extends SpeechToText = SpeechToText> {
  /**
   * Separates the speakers of a mono recording when `diarization` is on. true → the dialogue
   * of `audio` gives two or more speakers and no `unsupported` diarization warning; false → one
   * speaker and an `unsupported` warning with feature "diarization".
   */
  monoDiarization: boolean;
  /**
   * Transcribes a one-speaker-per-channel recording (`channelLayout: "per-channel"`) as one
   * speaker per channel. true → every speaker carries its distinct channel, one per channel of
   * `perChannelAudio`; false → an `unsupported` warning with feature "channelLayout".
   */
  perChannel: boolean;
  /**
   * Gives each segment its words with times when `wordTimestamps` is on. true → every segment
   * carries words, in order, within the segment's time span; false → no segment carries words.
   */
  wordTimings: boolean;
  /**
   * How to make the provider throttle the next call, and the `retryAfterMs` it then announces.
   * null → the engine cannot be throttled (a local program): concurrent transcriptions all finish.
   */
  throttling: {
    provoke: (speech: Speech) => void | Promise<void>;
    retryAfterMs: number;
  } | null;
}

export interface SpeechToTextContractOptions<Speech extends SpeechToText = SpeechToText> {
  name: string;
  create: () => Promise<Speech>;
  /** A mono recording of a dialogue between two people. Called once per test that needs it. */
  audio: () => Promise<AudioSource>;
  /** A recording with one speaker per channel, two channels, speech on both. */
  perChannelAudio: () => Promise<AudioSource>;
  capabilities: SpeechToTextCapabilities<Speech>;
  settings?: TranscriptionSettings;
  /** Words that must appear in the transcript of `audio` (compared lower-cased). */
  expectedWords?: string[];
  /** A recording the engine must refuse with a non-retryable error. */
  rejectedAudio?: () => Promise<AudioSource>;
  /** Most polls the suite makes before failing; default 60. */
  maxPolls?: number;
  /** Longest wait between polls, whatever `retryAfterMs` says; default 250 ms. */
  maxPollWaitMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter(Boolean);

/** Settles a promise into its outcome, so a test can assert on a rejection's exact value. */
async function outcomeOf<T>(promise: Promise<T>): Promise<{ rejected: false; value: T } | { rejected: true; error: unknown }> {
  return promise.then(
    (value) => ({ rejected: false as const, value }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
}

export function describeSpeechToTextContract<Speech extends SpeechToText>(options: SpeechToTextContractOptions<Speech>): void {
  const settings = options.settings ?? defaultTranscriptionSettings;
  const { capabilities } = options;
  const maxPolls = options.maxPolls ?? 60;
  const maxPollWaitMs = options.maxPollWaitMs ?? 250;

  describe(`SpeechToText contract: ${options.name}`, () => {
    let speech: Speech;

    beforeEach(async () => {
      speech = await options.create();
    });

    afterEach(async () => {
      await speech.close();
    });

    /** submit, then poll while pending (bounded). */
    async function transcribe(
      audio: AudioSource,
      using: TranscriptionSettings = settings,
    ): Promise<Extract<SpeechResult, { status: "done" }>> {
      let result = await speech.submit(audio, using);
      for (let polls = 0; result.status === "pending"; polls += 1) {
        expect(typeof result.ref).toBe("string");
        expect(result.ref.length).toBeGreaterThan(0);
        expect(result.retryAfterMs).toBeGreaterThanOrEqual(0);
        if (polls >= maxPolls) throw new Error(`still pending after ${maxPolls} polls`);
        await sleep(Math.min(result.retryAfterMs, maxPollWaitMs));
        result = await speech.poll(result.ref);
      }
      return result;
    }

    function expectWellFormed(transcript: TranscriptDraft): void {
      expect(transcript.provider).toBe(speech.provider);
      expect(typeof transcript.language).toBe("string");
      expect(transcript.language.length).toBeGreaterThan(0);
      expect(Number.isFinite(transcript.durationMs)).toBe(true);
      expect(transcript.durationMs).toBeGreaterThan(0);

      const labels = transcript.speakers.map((speaker) => speaker.label);
      expect(new Set(labels).size, "speaker labels are unique").toBe(labels.length);
      for (const speaker of transcript.speakers) {
        expect(speaker.label.length).toBeGreaterThan(0);
        if (speaker.channel !== undefined) expect(Number.isInteger(speaker.channel)).toBe(true);
      }

      expect(transcript.segments.length, "a recording with speech gives segments").toBeGreaterThan(0);
      let previousStartMs = -Infinity;
      for (const segment of transcript.segments) {
        expect(labels, `segment speaker ${segment.speaker} is one of the speakers`).toContain(segment.speaker);
        expect(segment.startMs).toBeGreaterThanOrEqual(0);
        expect(segment.startMs).toBeLessThanOrEqual(segment.endMs);
        expect(segment.startMs, "segments are sorted by startMs").toBeGreaterThanOrEqual(previousStartMs);
        previousStartMs = segment.startMs;
        expect(segment.text.trim().length, "segments carry text").toBeGreaterThan(0);
        if (segment.confidence !== undefined) {
          expect(segment.confidence).toBeGreaterThanOrEqual(0);
          expect(segment.confidence).toBeLessThanOrEqual(1);
        }
        for (const word of segment.words ?? []) {
          expect(word.text.length).toBeGreaterThan(0);
          expect(word.startMs).toBeGreaterThanOrEqual(0);
          expect(word.startMs).toBeLessThanOrEqual(word.endMs);
          if (word.confidence !== undefined) {
            expect(word.confidence).toBeGreaterThanOrEqual(0);
            expect(word.confidence).toBeLessThanOrEqual(1);
          }
        }
      }
    }

    it("names its provider", () => {
      expect(typeof speech.provider).toBe("string");
      expect(speech.provider.length).toBeGreaterThan(0);
    });

    it("check resolves when the engine is reachable", async () => {
      await expect(speech.check()).resolves.toBeUndefined();
    });

    it("transcribes a recording into sorted segments of known speakers", async () => {
      const result = await transcribe(await options.audio());

      expect(result.status).toBe("done");
      expect(Array.isArray(result.warnings)).toBe(true);
      for (const warning of result.warnings) {
        expect(["unsupported", "other"]).toContain(warning.type);
        expect(typeof warning.message).toBe("string");
      }
      expectWellFormed(result.transcript);
    });

    if (options.expectedWords && options.expectedWords.length > 0) {
      const expectedWords = options.expectedWords;
      it(`hears the expected words (${expectedWords.join(", ")})`, async () => {
        const { transcript } = await transcribe(await options.audio());

        const heard = new Set(transcript.segments.flatMap((segment) => wordsOf(segment.text)));
        for (const word of expectedWords) {
          expect([...heard], `"${word}" in the transcript`).toContain(word.toLowerCase());
        }
      });
    }

    it("transcribes the same recording twice", async () => {
      const audio = await options.audio();
      const first = await transcribe(audio);
      const second = await transcribe(audio);

      expectWellFormed(first.transcript);
      expectWellFormed(second.transcript);
    });

    it("answers provider.rejected, not retryable, for a job ref it does not know", async () => {
      const error = await speech.poll("unknown-job-ref-0123").then(
        () => undefined,
        (caught: unknown) => caught,
      );

      expect(ConfideError.is(error, "provider.rejected"), `expected provider.rejected, got ${String(error)}`).toBe(true);
      expect((error as ConfideError).retryable).toBe(false);
    });

    if (options.rejectedAudio) {
      const rejectedAudio = options.rejectedAudio;
      it("refuses unusable audio with a non-retryable error", async () => {
        const error = await transcribe(await rejectedAudio()).then(
          () => undefined,
          (caught: unknown) => caught,
        );

        expect(error, "expected the engine to refuse the audio").toBeDefined();
        expect(ConfideError.is(error), `expected a ConfideError, got ${String(error)}`).toBe(true);
        expect((error as ConfideError).retryable).toBe(false);
      });
    }

    describe("capabilities", () => {
      const mono: TranscriptionSettings = { ...settings, channelLayout: "mono", diarization: true };

      it(
        capabilities.monoDiarization
          ? "separates the speakers of a mono dialogue (declared: mono diarization)"
          : "gives a mono dialogue one speaker and an unsupported diarization warning (declared: no mono diarization)",
        async () => {
          const { transcript, warnings } = await transcribe(await options.audio(), mono);

          expectWellFormed(transcript);
          const diarizationWarnings = warnings.filter((warning) => warning.feature === "diarization");
          if (capabilities.monoDiarization) {
            expect(transcript.speakers.length, "speakers of the dialogue").toBeGreaterThanOrEqual(2);
            expect(new Set(transcript.segments.map((segment) => segment.speaker)).size).toBeGreaterThanOrEqual(2);
            expect(diarizationWarnings.filter((warning) => warning.type === "unsupported")).toEqual([]);
          } else {
            expect(transcript.speakers).toHaveLength(1);
            expect(diarizationWarnings).toContainEqual(expect.objectContaining({ type: "unsupported", feature: "diarization" }));
          }
        },
      );

      it(
        capabilities.perChannel
          ? "transcribes one speaker per channel (declared: per-channel)"
          : "warns that one speaker per channel is unsupported (declared: no per-channel)",
        async () => {
          const perChannel: TranscriptionSettings = {
            ...settings,
            channelLayout: "per-channel",
            channelRoles: ["therapist", "patient"],
          };
          const { transcript, warnings } = await transcribe(await options.perChannelAudio(), perChannel);

          expectWellFormed(transcript);
          if (capabilities.perChannel) {
            const channels = transcript.speakers.map((speaker) => speaker.channel);
            for (const channel of channels) {
              expect(Number.isInteger(channel), "every speaker names its channel").toBe(true);
              expect(channel).toBeGreaterThanOrEqual(0);
            }
            expect([...new Set(channels)].sort(), "one speaker per channel").toEqual([0, 1]);
            expect(channels).toHaveLength(2);
            expect(warnings.filter((warning) => warning.feature === "channelLayout")).toEqual([]);
          } else {
            expect(warnings).toContainEqual(expect.objectContaining({ type: "unsupported", feature: "channelLayout" }));
          }
        },
      );

      it(
        capabilities.wordTimings
          ? "gives every segment its words with times (declared: word timings)"
          : "gives no word timings (declared: no word timings)",
        async () => {
          const { transcript } = await transcribe(await options.audio(), { ...settings, wordTimestamps: true });

          expectWellFormed(transcript);
          for (const segment of transcript.segments) {
            if (!capabilities.wordTimings) {
              expect(segment.words ?? [], `segment at ${segment.startMs} ms carries no words`).toEqual([]);
              continue;
            }
            const words = segment.words ?? [];
            expect(words.length, `segment at ${segment.startMs} ms carries its words`).toBeGreaterThan(0);
            let previousStartMs = segment.startMs;
            for (const word of words) {
              expect(word.startMs, "words are in order").toBeGreaterThanOrEqual(previousStartMs);
              expect(word.endMs, "a word ends within its segment").toBeLessThanOrEqual(segment.endMs);
              previousStartMs = word.startMs;
            }
          }
        },
      );

      const { throttling } = capabilities;
      if (throttling !== null) {
        it(`answers a throttled call with a retryable provider.throttled and retryAfterMs ${throttling.retryAfterMs} (declared: throttles)`, async () => {
          await throttling.provoke(speech);

          const outcome = await outcomeOf(speech.submit(await options.audio(), settings));

          expect(outcome.rejected, "a throttled submit fails").toBe(true);
          const error = outcome.rejected ? outcome.error : undefined;
          expect(ConfideError.is(error, "provider.throttled"), `expected provider.throttled, got ${String(error)}`).toBe(true);
          expect((error as ConfideError).retryable).toBe(true);
          expect((error as ConfideError).retryAfterMs).toBe(throttling.retryAfterMs);
        });
      } else {
        it("finishes concurrent transcriptions without throttling (declared: cannot be throttled)", async () => {
          const [first, second] = await Promise.all([transcribe(await options.audio()), transcribe(await options.audio())]);

          expectWellFormed(first.transcript);
          expectWellFormed(second.transcript);
        });
      }
    });

    describe("abort", () => {
      it("ends submit with the caller's abort reason when the signal is already aborted, and stays usable", async () => {
        const controller = new AbortController();
        const reason = new Error("The caller gave up before submitting.");
        controller.abort(reason);

        const outcome = await outcomeOf(speech.submit(await options.audio(), settings, { signal: controller.signal }));

        expect(outcome.rejected, "an aborted submit fails").toBe(true);
        expect(outcome.rejected ? outcome.error : undefined, "the error is the signal's reason").toBe(reason);
        // Nothing was left half-running: the engine still answers and transcribes.
        await expect(speech.check()).resolves.toBeUndefined();
        expectWellFormed((await transcribe(await options.audio())).transcript);
      });

      it("ends submit with the caller's abort reason when aborted while the recording is read, and stays usable", async () => {
        const controller = new AbortController();
        const reason = new Error("The caller gave up while the recording was read.");
        const audio = await options.audio();
        let opened = 0;
        const abortedOnOpen: AudioSource = {
          key: audio.key,
          contentType: audio.contentType,
          sizeBytes: audio.sizeBytes,
          channels: audio.channels,
          async open(signal) {
            opened += 1;
            controller.abort(reason);
            return audio.open(signal);
          },
        };

        const outcome = await outcomeOf(speech.submit(abortedOnOpen, settings, { signal: controller.signal }));

        expect(opened, "the engine read the recording").toBeGreaterThan(0);
        expect(outcome.rejected, "a submit aborted midway fails").toBe(true);
        const error = outcome.rejected ? outcome.error : undefined;
        const isReason = error === reason || (error instanceof Error && error.name === "AbortError" && error.cause === reason);
        expect(isReason, `expected the signal's reason, got ${String(error)}`).toBe(true);
        await expect(speech.check()).resolves.toBeUndefined();
        expectWellFormed((await transcribe(await options.audio())).transcript);
      });
    });
  });
}
