/**
 * Behaviour every SpeechToText adapter must show (packages/core/src/ports/speech-to-text.ts).
 * The adapter's test file supplies the recordings to transcribe (and, when it can make one, a
 * recording the engine refuses) and declares its capabilities; the suite follows `pending`
 * answers with a bounded poll loop, passing each poll the settings of the submit.
 */
import { defaultTranscriptionSettings } from "@confide/core";
import { type AudioSource, ConfideError, type SpeechDiscardOutcome, type SpeechResult, type SpeechToText, type TranscriptDraft, type TranscriptionSettings } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/**
 * Where speech engines legitimately differ. Every flag is asserted either way: declaring a
 * feature unsupported means the suite checks the engine says so, never that it skips a test.
 */
export interface SpeechToTextCapabilities<Speech extends SpeechToText = SpeechToText> {
  /**
   * Answers `submit` with a pending job (a cloud batch service). true → submitting `audio`
   * answers `pending` with a ref; the job is polled to done, and `discard` deletes it (polling it
   * afterwards is `provider.rejected`). false → every submit answers `done` at once, and there is
   * never a job to poll.
   */
  pendingJobs: boolean;
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
  /**
   * Who speaks when in `audio` (the dialogue's lines). With `monoDiarization`, the suite also
   * checks that the segments follow the voices: one label per person, each segment the label of
   * the line under its middle.
   */
  audioLines?: Array<{ role: string; startMs: number; endMs: number }>;
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

/** What a discard answered: nothing (or `discarded`) means the provider holds nothing of the job. */
const discardStatus = (outcome: SpeechDiscardOutcome | void): SpeechDiscardOutcome["status"] => outcome?.status ?? "discarded";

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

    type Done = Extract<SpeechResult, { status: "done" }>;

    /** Polls a pending job with the submit's settings until done (bounded). */
    async function pollUntilDone(first: SpeechResult, using: TranscriptionSettings): Promise<{ result: Done; polls: number; ref: string | null }> {
      let result = first;
      let ref: string | null = null;
      let polls = 0;
      for (; result.status === "pending"; polls += 1) {
        expect(typeof result.ref).toBe("string");
        expect(result.ref.length).toBeGreaterThan(0);
        expect(result.retryAfterMs).toBeGreaterThanOrEqual(0);
        if (polls >= maxPolls) throw new Error(`still pending after ${maxPolls} polls`);
        ref = result.ref;
        await sleep(Math.min(result.retryAfterMs, maxPollWaitMs));
        result = await speech.poll(result.ref, using);
      }
      return { result, polls, ref };
    }

    /** submit, then poll while pending (bounded). */
    async function transcribe(audio: AudioSource, using: TranscriptionSettings = settings): Promise<Done> {
      return (await pollUntilDone(await speech.submit(audio, using), using)).result;
    }

    /** submit, expecting a pending job (engines that declare `pendingJobs`). */
    async function submitJob(): Promise<string> {
      const result = await speech.submit(await options.audio(), settings);
      expect(result.status, "a submit answers pending (declared: pending jobs)").toBe("pending");
      return result.status === "pending" ? result.ref : "";
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
      const error = await speech.poll("unknown-job-ref-0123", settings).then(
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
            const lines = options.audioLines ?? [];
            const labelOf = new Map<string, string>();
            for (const segment of transcript.segments) {
              const middle = (segment.startMs + segment.endMs) / 2;
              const line = lines.find((candidate) => candidate.startMs <= middle && middle < candidate.endMs);
              if (!line) continue;
              const label = labelOf.get(line.role) ?? segment.speaker;
              labelOf.set(line.role, label);
              expect(segment.speaker, `segment "${segment.text}" is spoken by the ${line.role}`).toBe(label);
            }
            if (lines.length > 0) expect(new Set(labelOf.values()).size, "one label per person").toBe(new Set(lines.map((line) => line.role)).size);
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
          const submitted = await speech.submit(await options.perChannelAudio(), perChannel);
          const { result, polls } = await pollUntilDone(submitted, perChannel);
          const { transcript, warnings } = result;

          expectWellFormed(transcript);
          // An engine with jobs answers through poll: the channel layout reached it there.
          expect(polls > 0, "the result came from poll").toBe(capabilities.pendingJobs);
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

    describe("jobs and discard", () => {
      it("discards a ref it does not know as success, twice (idempotent)", async () => {
        expect(discardStatus(await speech.discard("unknown-job-ref-0123"))).toBe("discarded");
        expect(discardStatus(await speech.discard("unknown-job-ref-0123"))).toBe("discarded");
        await expect(speech.check()).resolves.toBeUndefined();
      });

      if (capabilities.pendingJobs) {
        it("discards a pending job: polling it afterwards is provider.rejected, discarding it again succeeds (declared: pending jobs)", async () => {
          const ref = await submitJob();

          // Deleted, or (a provider that cannot stop a running job) deleted once it finishes:
          // either way it is no longer answered for.
          expect(["discarded", "deferred"]).toContain(discardStatus(await speech.discard(ref)));

          const outcome = await outcomeOf(speech.poll(ref, settings));
          expect(outcome.rejected, "a discarded job is gone").toBe(true);
          const error = outcome.rejected ? outcome.error : undefined;
          expect(ConfideError.is(error, "provider.rejected"), `expected provider.rejected, got ${String(error)}`).toBe(true);
          expect((error as ConfideError).retryable).toBe(false);
          expect(["discarded", "deferred"]).toContain(discardStatus(await speech.discard(ref)));
        });

        it("discards a finished job, whose transcript it no longer answers with (declared: pending jobs)", async () => {
          const { result, ref } = await pollUntilDone(await speech.submit(await options.audio(), settings), settings);
          expectWellFormed(result.transcript);
          expect(ref, "the job's ref").not.toBeNull();

          expect(discardStatus(await speech.discard(ref ?? "")), "a finished job is deleted at once").toBe("discarded");

          const outcome = await outcomeOf(speech.poll(ref ?? "", settings));
          expect(outcome.rejected && ConfideError.is(outcome.error, "provider.rejected"), "the finished job is gone").toBe(true);
        });
      } else {
        it("answers every submit at once, leaving no job to poll or discard (declared: no pending jobs)", async () => {
          const result = await speech.submit(await options.audio(), settings);

          expect(result.status).toBe("done");
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

      it(
        capabilities.pendingJobs
          ? "ends poll promptly with the caller's abort reason, leaving the job to poll again (declared: pending jobs)"
          : "ends poll promptly with the caller's abort reason before anything runs (declared: no pending jobs, poll only refuses)",
        async () => {
          const controller = new AbortController();
          const reason = new Error("The caller gave up polling.");
          controller.abort(reason);
          const ref = capabilities.pendingJobs ? await submitJob() : "unknown-job-ref-0123";

          const startedAt = performance.now();
          const outcome = await outcomeOf(speech.poll(ref, settings, { signal: controller.signal }));

          expect(performance.now() - startedAt, "an aborted poll answers promptly").toBeLessThan(1_000);
          expect(outcome.rejected, "an aborted poll fails").toBe(true);
          expect(outcome.rejected ? outcome.error : undefined, "the error is the signal's reason").toBe(reason);
          await expect(speech.check()).resolves.toBeUndefined();
          if (capabilities.pendingJobs) {
            // The abort ended the call, not the job.
            const { result } = await pollUntilDone({ status: "pending", ref, retryAfterMs: 0 }, settings);
            expectWellFormed(result.transcript);
            await speech.discard(ref);
          }
        },
      );

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
