/**
 * Behaviour every SpeechToText adapter must show (packages/core/src/ports/speech-to-text.ts).
 * The adapter's test file supplies the recording to transcribe (and, when it can make one, a
 * recording the engine refuses); the suite follows `pending` answers with a bounded poll loop.
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

export interface SpeechToTextContractOptions {
  name: string;
  create: () => Promise<SpeechToText>;
  /** A recording with speech in it. Called once per test that needs it. */
  audio: () => Promise<AudioSource>;
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

export function describeSpeechToTextContract(options: SpeechToTextContractOptions): void {
  const settings = options.settings ?? defaultTranscriptionSettings;
  const maxPolls = options.maxPolls ?? 60;
  const maxPollWaitMs = options.maxPollWaitMs ?? 250;

  describe(`SpeechToText contract: ${options.name}`, () => {
    let speech: SpeechToText;

    beforeEach(async () => {
      speech = await options.create();
    });

    afterEach(async () => {
      await speech.close();
    });

    /** submit, then poll while pending (bounded). */
    async function transcribe(audio: AudioSource): Promise<Extract<SpeechResult, { status: "done" }>> {
      let result = await speech.submit(audio, settings);
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
  });
}
