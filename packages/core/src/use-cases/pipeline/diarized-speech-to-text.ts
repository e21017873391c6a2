import { attributeSpeakers } from "../../domain/speaker-turns.ts";
import { speakerDetectionOf } from "../../domain/transcript.ts";
import type { TranscriptionSettings } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import type { Diarizer } from "../../ports/diarizer.ts";
import type { Logger } from "../../ports/logger.ts";
import { silentLogger } from "../../ports/logger.ts";
import type { AudioSource, SpeechResult, SpeechToText } from "../../ports/speech-to-text.ts";

/** Whether a finished transcript still needs speakers from the diarizer. */
function needsDiarization(result: SpeechResult, settings: TranscriptionSettings): boolean {
  if (result.status !== "done") return false;
  if (!settings.diarization || settings.channelLayout !== "mono") return false;
  return speakerDetectionOf(result.transcript).method === "none";
}

/** The result with the words taken off its segments (for a session that did not ask for them). */
function withoutWords(result: SpeechResult): SpeechResult {
  if (result.status !== "done") return result;
  const segments = result.transcript.segments.map(({ words: _words, ...segment }) => segment);
  return { ...result, transcript: { ...result.transcript, segments } };
}

const withoutWordsIf = (borrowed: boolean, result: SpeechResult): SpeechResult => (borrowed ? withoutWords(result) : result);

/**
 * A speech engine whose mono transcripts get speakers from `diarizer` when the engine returned
 * one speaker for everyone (PocketSphinx; a Whisper-compatible server that does not diarize).
 * Transcripts with speakers from the engine or from channels, sessions with `diarization: false`
 * and per-channel layouts pass through unchanged. The engine's "diarization unsupported"
 * warning is dropped once the diarizer has honoured the setting. A diarizer that cannot read the
 * recording (a non-retryable error) leaves the transcript with one speaker and says so in a
 * warning rather than failing a finished transcription; a retryable failure or an abort is thrown.
 * Only `submit` diarizes: engines that answer `pending` are cloud services that diarize themselves.
 */
export function diarizedSpeechToText(speech: SpeechToText, diarizer: Diarizer, options: { logger?: Logger } = {}): SpeechToText {
  const logger = options.logger ?? silentLogger;
  return {
    provider: speech.provider,
    async submit(audio: AudioSource, settings: TranscriptionSettings, callOptions?: { signal?: AbortSignal }) {
      // Words are where a segment is cut when its speaker changes: asked for even when the
      // session does not keep them, and dropped again after.
      const borrowWords = settings.diarization && settings.channelLayout === "mono" && !settings.wordTimestamps;
      const asked = await speech.submit(audio, borrowWords ? { ...settings, wordTimestamps: true } : settings, callOptions);
      const result = borrowWords ? withoutWords(asked) : asked;
      if (asked.status !== "done" || !needsDiarization(asked, settings)) return result;
      const signal = callOptions?.signal;
      if (result.status !== "done") return result;
      const engineWarnings = result.warnings.filter((warning) => !(warning.type === "unsupported" && warning.feature === "diarization"));
      try {
        const diarization = await diarizer.diarize(audio, {
          minSpeakers: Math.max(1, Math.min(settings.minSpeakers, settings.maxSpeakers)),
          maxSpeakers: Math.max(1, settings.maxSpeakers),
          ...(signal ? { signal } : {}),
        });
        const attributed = attributeSpeakers(asked.transcript, diarization, {
          diarizer: diarizer.provider,
          minSpeakers: settings.minSpeakers,
        });
        return withoutWordsIf(borrowWords, { status: "done", transcript: attributed.draft, warnings: [...engineWarnings, ...attributed.warnings] });
      } catch (error) {
        if (signal?.aborted || !ConfideError.is(error) || error.retryable) throw error;
        logger.warn("session.diarization.failed", { code: error.code });
        // The engine's own "diarization unsupported" warning already says the speakers are not separated.
        const said = result.warnings.some((warning) => warning.feature === "diarization");
        return {
          status: "done",
          transcript: { ...result.transcript, speakerDetection: { method: "none", confidence: null } },
          warnings: said
            ? result.warnings
            : [...result.warnings, { type: "other", feature: "diarization", message: `Speakers were not separated: ${error.message}` }],
        };
      }
    },
    poll: (ref, settings, callOptions) => speech.poll(ref, settings, callOptions),
    discard: (ref, callOptions) => speech.discard(ref, callOptions),
    async check(callOptions) {
      await speech.check(callOptions);
      await diarizer.check(callOptions);
    },
    async close() {
      await speech.close();
      await diarizer.close();
    },
  };
}
