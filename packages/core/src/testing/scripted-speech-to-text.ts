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
  /** submit answers pending, and the first K polls answer pending too. */
  pendingPolls?: number;
  retryAfterMs?: number;
}

export interface ScriptedSpeechToText extends SpeechToText {
  script(next: Partial<SpeechScript>): void;
  calls(): { submit: number; poll: number };
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
 * channel when asked for one speaker per channel. Its segments carry no word timings.
 */
export function createScriptedSpeechToText(initial: Partial<SpeechScript> = {}): ScriptedSpeechToText {
  let current: SpeechScript = { transcript: sampleTranscriptDraft, ...initial };
  let submits = 0;
  let polls = 0;
  let pendingLeft = 0;

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
  let channelLayout: TranscriptionSettings["channelLayout"] = "mono";
  /** The scripted transcript; per channel, speaker i of the script speaks on channel i. */
  function transcript() {
    const draft = structuredClone(current.transcript);
    if (channelLayout !== "per-channel") return draft;
    return { ...draft, speakers: draft.speakers.map((speaker, channel) => ({ ...speaker, channel })) };
  }
  const done = (): SpeechResult => ({ status: "done", transcript: transcript(), warnings: [] });
  const pending = (): SpeechResult => ({ status: "pending", ref: "job-1", retryAfterMs: current.retryAfterMs ?? 30_000 });

  return {
    provider: "scripted",
    async submit(audio, settings, options = {}) {
      submits += 1;
      failIfScripted(options.signal);
      const recording = await audio.open(options.signal);
      await recording.cancel();
      options.signal?.throwIfAborted();
      channelLayout = settings.channelLayout;
      if ((current.pendingPolls ?? 0) > 0) {
        pendingLeft = current.pendingPolls ?? 0;
        return pending();
      }
      return done();
    },
    async poll(ref, options = {}) {
      polls += 1;
      failIfScripted(options.signal);
      if (ref !== "job-1") throw new ConfideError("provider.rejected", "No such job.");
      if (pendingLeft > 0) {
        pendingLeft -= 1;
        return pending();
      }
      return done();
    },
    async check() {},
    async close() {},
    script(next) {
      current = { ...current, ...next };
    },
    calls: () => ({ submit: submits, poll: polls }),
  };
}
