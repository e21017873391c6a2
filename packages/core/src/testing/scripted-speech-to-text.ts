import type { TranscriptDraft } from "../domain/transcript.ts";
import { ConfideError } from "../errors.ts";
import type { TranscriptionSettings } from "../domain/session.ts";
import type { SpeechResult, SpeechToText } from "../ports/speech-to-text.ts";

export interface SpeechScript {
  /** What a successful transcription returns. */
  transcript: TranscriptDraft;
  /** The next N calls (submit or poll) fail with a retryable `provider.unavailable`. */
  transientFailures?: number;
  /** The next N calls fail with a retryable `provider.throttled` carrying `retryAfterMs`. */
  throttledFailures?: number;
  /** Every call fails with a non-retryable `provider.rejected`. */
  permanentFailure?: boolean;
  /** submit answers pending, and the first K polls answer pending too (Infinity: a job that never ends). */
  pendingPolls?: number;
  retryAfterMs?: number;
  /** Every discard fails with a retryable `provider.unavailable` (and keeps the job). */
  discardFailure?: boolean;
  /**
   * Discard answers `deferred` while the job is pending (a provider that cannot stop a running
   * job, like Azure batch transcription); the job is forgotten all the same.
   */
  discardDeferred?: boolean;
}

export interface ScriptedSpeechToText extends SpeechToText {
  script(next: Partial<SpeechScript>): void;
  calls(): { submit: number; poll: number };
  /** Refs of the jobs discarded so far, in order (a ref it did not know included). */
  discarded(): string[];
  /** Refs of the jobs started by submit and not discarded. */
  jobs(): string[];
}

export const sampleTranscriptDraft: TranscriptDraft = {
  language: "en-US",
  durationMs: 20_000,
  provider: "scripted",
  speakers: [{ label: "S1" }, { label: "S2" }],
  segments: [
    { speaker: "S1", startMs: 0, endMs: 3_000, text: "How have you been sleeping this week?" },
    { speaker: "S2", startMs: 3_500, endMs: 7_000, text: "I feel much better and happy, thank you." },
    { speaker: "S1", startMs: 7_500, endMs: 10_000, text: "What worries you at work?" },
    { speaker: "S2", startMs: 10_500, endMs: 15_000, text: "I am worried and sad about my job." },
  ],
};

/**
 * A SpeechToText that follows a script: for exercising the pipeline's retry and polling paths.
 * It reads the recording like a real engine (so an abort while reading ends the call with the
 * signal's reason), separates the speakers of a mono recording, and gives each speaker a
 * channel when asked for one speaker per channel (read from the settings of the call that
 * answers, submit or poll). Its segments carry no word timings. A pending job is kept, under
 * the ref `job-<n>` of the n-th submit, until it is discarded; polling a discarded ref is
 * `provider.rejected`, like a cloud provider's deleted job.
 */
export function createScriptedSpeechToText(initial: Partial<SpeechScript> = {}): ScriptedSpeechToText {
  let current: SpeechScript = { transcript: sampleTranscriptDraft, ...initial };
  let submits = 0;
  let polls = 0;
  /** Live jobs: polls left before done. */
  const jobs = new Map<string, number>();
  const discarded: string[] = [];

  function failIfScripted(signal: AbortSignal | undefined): void {
    signal?.throwIfAborted();
    if (current.permanentFailure) {
      throw new ConfideError("provider.rejected", "The provider refused the audio.", { retryable: false });
    }
    if ((current.transientFailures ?? 0) > 0) {
      current = { ...current, transientFailures: (current.transientFailures ?? 0) - 1 };
      throw new ConfideError("provider.unavailable", "The provider is unavailable.", { retryable: true });
    }
    if ((current.throttledFailures ?? 0) > 0) {
      current = { ...current, throttledFailures: (current.throttledFailures ?? 0) - 1 };
      throw new ConfideError("provider.throttled", "The provider is throttling requests.", {
        retryable: true,
        retryAfterMs: current.retryAfterMs ?? 30_000,
      });
    }
  }
  /** The scripted transcript; per channel, speaker i of the script speaks on channel i. */
  function transcript(settings: TranscriptionSettings) {
    const draft = structuredClone(current.transcript);
    if (settings.channelLayout !== "per-channel") return draft;
    return { ...draft, speakers: draft.speakers.map((speaker, channel) => ({ ...speaker, channel })) };
  }
  const done = (settings: TranscriptionSettings): SpeechResult => ({ status: "done", transcript: transcript(settings), warnings: [] });
  const pending = (ref: string): SpeechResult => ({ status: "pending", ref, retryAfterMs: current.retryAfterMs ?? 30_000 });

  return {
    provider: "scripted",
    async submit(audio, settings, options = {}) {
      submits += 1;
      failIfScripted(options.signal);
      const recording = await audio.open(options.signal);
      await recording.cancel();
      options.signal?.throwIfAborted();
      if ((current.pendingPolls ?? 0) > 0) {
        const ref = `job-${submits}`;
        jobs.set(ref, current.pendingPolls ?? 0);
        return pending(ref);
      }
      return done(settings);
    },
    async poll(ref, settings, options = {}) {
      polls += 1;
      failIfScripted(options.signal);
      const pendingLeft = jobs.get(ref);
      if (pendingLeft === undefined) throw new ConfideError("provider.rejected", "No such job.");
      if (pendingLeft > 0) {
        jobs.set(ref, pendingLeft - 1);
        return pending(ref);
      }
      // A finished job stays until discarded, as a cloud provider keeps its transcripts.
      return done(settings);
    },
    async discard(ref, options = {}) {
      options.signal?.throwIfAborted();
      if (current.discardFailure) {
        throw new ConfideError("provider.unavailable", "The provider is unavailable.", { retryable: true });
      }
      discarded.push(ref);
      const running = (jobs.get(ref) ?? 0) > 0;
      jobs.delete(ref);
      if (current.discardDeferred && running) return { status: "deferred", reason: "job_running" };
    },
    async check() {},
    async close() {},
    script(next) {
      current = { ...current, ...next };
    },
    calls: () => ({ submit: submits, poll: polls }),
    discarded: () => [...discarded],
    jobs: () => [...jobs.keys()],
  };
}
