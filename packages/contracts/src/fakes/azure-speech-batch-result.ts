/**
 * The result files of Azure Speech batch transcription (REST 2024-11-15) built from a test's
 * script: one transcription file per audio URL (`contenturl_<n>.json`) and one report
 * (`report.json`), in the documented format
 * (https://learn.microsoft.com/azure/ai-services/speech-service/batch-transcription-get):
 * `recognizedPhrases[]` with `offsetInTicks`/`durationInTicks` (1 tick = 100 ns) and ISO 8601
 * `offset`/`duration`, `channel`, `speaker` (only with diarization), `locale` (only with
 * language identification), `nBest[0]` with `lexical`/`itn`/`maskedITN`/`display` and
 * `words[]` (only with `wordLevelTimestampsEnabled`) or `displayWords[]` (only with
 * `displayFormWordLevelTimestampsEnabled`); `combinedRecognizedPhrases[]` per channel.
 */

export interface FakeSpeechWord {
  /** The word as displayed, punctuation included ("sleeping?"). */
  text: string;
  offsetMs: number;
  durationMs: number;
  confidence?: number;
}

export interface FakeSpeechPhrase {
  /** Display text, e.g. "How have you been sleeping?". */
  text: string;
  offsetMs: number;
  durationMs: number;
  /** Channel of the audio the phrase came from (default 0). */
  channel?: number;
  /** Speaker number the service would assign (reported only when diarization is enabled). */
  speaker?: number;
  /** Reported only with language identification (default: the job's locale). */
  locale?: string;
  confidence?: number;
  /** Default: the text's words spread evenly over the phrase. */
  words?: FakeSpeechWord[];
}

export interface FakeSpeechTranscript {
  phrases: FakeSpeechPhrase[];
  /** Audio duration; default the end of the last phrase. */
  durationMs?: number;
}

/** The parts of a submitted job's properties that shape its result. */
export interface ResultShaping {
  locale: string;
  wordLevelTimestamps: boolean;
  displayFormWordLevelTimestamps: boolean;
  diarization: boolean;
  languageIdentification: boolean;
}

const ticksPerMs = 10_000;

/** ISO 8601 duration as the service writes it: "PT1.52S", "PT1M3.2S", "PT0S". */
export function isoDuration(ms: number): string {
  const totalSeconds = ms / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = Math.round((totalSeconds % 60) * 1000) / 1000;
  return `PT${hours > 0 ? `${hours}H` : ""}${minutes > 0 ? `${minutes}M` : ""}${seconds > 0 || (hours === 0 && minutes === 0) ? `${seconds}S` : ""}`;
}

function lexical(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s-]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

function wordsOf(phrase: FakeSpeechPhrase): FakeSpeechWord[] {
  if (phrase.words !== undefined) return phrase.words;
  const texts = phrase.text.split(/\s+/).filter((word) => word.length > 0);
  const eachMs = texts.length === 0 ? 0 : phrase.durationMs / texts.length;
  return texts.map((text, index) => ({
    text,
    offsetMs: Math.round(phrase.offsetMs + index * eachMs),
    durationMs: Math.round(eachMs),
  }));
}

function timing(offsetMs: number, durationMs: number) {
  return {
    offset: isoDuration(offsetMs),
    duration: isoDuration(durationMs),
    offsetInTicks: offsetMs * ticksPerMs,
    durationInTicks: durationMs * ticksPerMs,
  };
}

export function transcriptionResultFile(source: string, transcript: FakeSpeechTranscript, shaping: ResultShaping, timestamp: Date) {
  const durationMs =
    transcript.durationMs ?? transcript.phrases.reduce((end, phrase) => Math.max(end, phrase.offsetMs + phrase.durationMs), 0);
  const channels = [...new Set(transcript.phrases.map((phrase) => phrase.channel ?? 0))].sort((a, b) => a - b);
  return {
    source,
    timestamp: timestamp.toISOString().replace(/\.\d{3}Z$/, "Z"),
    durationInTicks: durationMs * ticksPerMs,
    durationMilliseconds: durationMs,
    duration: isoDuration(durationMs),
    combinedRecognizedPhrases: channels.map((channel) => {
      const display = transcript.phrases
        .filter((phrase) => (phrase.channel ?? 0) === channel)
        .map((phrase) => phrase.text)
        .join(" ");
      return { channel, lexical: lexical(display), itn: lexical(display), maskedITN: lexical(display), display };
    }),
    recognizedPhrases: transcript.phrases.map((phrase) => {
      const words = wordsOf(phrase);
      return {
        recognitionStatus: "Success",
        channel: phrase.channel ?? 0,
        ...(shaping.diarization ? { speaker: phrase.speaker ?? 1 } : {}),
        ...timing(phrase.offsetMs, phrase.durationMs),
        ...(shaping.languageIdentification ? { locale: phrase.locale ?? shaping.locale } : {}),
        nBest: [
          {
            confidence: phrase.confidence ?? 0.92,
            lexical: lexical(phrase.text),
            itn: lexical(phrase.text),
            maskedITN: lexical(phrase.text),
            display: phrase.text,
            ...(shaping.wordLevelTimestamps
              ? {
                  words: words.map((word) => ({
                    word: lexical(word.text),
                    ...timing(word.offsetMs, word.durationMs),
                    confidence: word.confidence ?? 0.9,
                  })),
                }
              : {}),
            ...(shaping.displayFormWordLevelTimestamps
              ? { displayWords: words.map((word) => ({ displayText: word.text, ...timing(word.offsetMs, word.durationMs) })) }
              : {}),
          },
        ],
      };
    }),
  };
}

export function transcriptionReportFile(sources: { source: string; succeeded: boolean; errorMessage?: string }[]) {
  return {
    successfulTranscriptionsCount: sources.filter((entry) => entry.succeeded).length,
    failedTranscriptionsCount: sources.filter((entry) => !entry.succeeded).length,
    details: sources.map((entry) =>
      entry.succeeded
        ? { source: entry.source, status: "Succeeded" }
        : { source: entry.source, status: "Failed", errorKind: "InvalidData", errorMessage: entry.errorMessage },
    ),
  };
}
