import type { Segment, SpeakerRole, Transcript } from "./transcript.ts";

/** A passage of the patient's (or an unknown speaker's) speech whose words are too unsure to screen. */
export interface UnscreenedPassage {
  segmentId: string;
  startMs: number;
  endMs: number;
}

/**
 * How sure the screened words are: `known` when some of the patient's (or an unknown speaker's)
 * segments carry the engine's confidences, `unknown` when none does (an engine that gives none):
 * then finding nothing says nothing about what was said.
 */
export type WordCertainty = "known" | "unknown";

/**
 * A word below this confidence is unsure: the engine gives it even odds or worse of being the
 * word said. The console marks words for checking at the same confidence.
 */
export const unsureWordConfidence = 0.5;

/**
 * A segment with at least this share of unsure words cannot be screened: a risk statement is
 * about ten words, and with three of ten misheard its key words ("end", "life", "pills") are
 * as likely as not among them — the screen finding nothing there means nothing. A segment
 * without its words, only their mean confidence, is unsure when that mean is below
 * `unsureWordConfidence`.
 */
export const unsureShareOfWords = 0.3;

/** Whether one segment's words are too unsure to screen; null when it carries no confidence. */
export function isUnsure(segment: Pick<Segment, "words" | "confidence">): boolean | null {
  const words = segment.words?.filter((word) => word.confidence !== undefined) ?? [];
  if (words.length > 0) {
    const unsure = words.filter((word) => (word.confidence ?? 0) < unsureWordConfidence).length;
    return unsure / words.length >= unsureShareOfWords;
  }
  if (segment.confidence === undefined) return null;
  return segment.confidence < unsureWordConfidence;
}

/**
 * The passages of the patient's or an unknown speaker's speech too unsure to screen
 * (`isUnsure`), in transcript order, and whether the words' certainty is known at all. The
 * therapist's words are not screened for the patient's risk, so their certainty does not count.
 */
export function unscreenedPassages(transcript: Pick<Transcript, "speakers" | "segments">): { unscreened: UnscreenedPassage[]; wordCertainty: WordCertainty } {
  const roleOf = new Map<string, SpeakerRole>(transcript.speakers.map((speaker) => [speaker.label, speaker.role]));
  const unscreened: UnscreenedPassage[] = [];
  let known = false;
  for (const segment of transcript.segments) {
    if (roleOf.get(segment.speaker) === "therapist" || segment.text.trim() === "") continue;
    const unsure = isUnsure(segment);
    if (unsure === null) continue;
    known = true;
    if (unsure) unscreened.push({ segmentId: segment.id, startMs: segment.startMs, endMs: segment.endMs });
  }
  return { unscreened, wordCertainty: known ? "known" : "unknown" };
}

/** A time in a recording as a listener finds it: "0:22", "1:05:09". */
export function timeInRecording(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (value: number) => String(value).padStart(2, "0");
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** How many passage times the sentence names before "and N more". */
const timesNamed = 5;

/**
 * The one sentence that says which passages could not be screened, the same in the console, the
 * push and the note: "3 passages could not be screened: the words are unsure (0:22, 1:05, 2:40)."
 * Empty when there are none.
 */
export function unscreenedSentence(passages: readonly Pick<UnscreenedPassage, "startMs">[]): string {
  if (passages.length === 0) return "";
  const times = passages.slice(0, timesNamed).map((passage) => timeInRecording(passage.startMs));
  const more = passages.length > timesNamed ? `, and ${passages.length - timesNamed} more` : "";
  const count = passages.length === 1 ? "1 passage" : `${passages.length} passages`;
  return `${count} could not be screened: the words are unsure (${times.join(", ")}${more}). Listen to ${passages.length === 1 ? "it" : "them"}.`;
}

/** What is said when no word carries a confidence: the screen's silence is no reassurance. */
export const wordCertaintyUnknown = "How sure the transcript's words are is unknown (the speech engine gave no confidences), so words may have been misheard.";
