import type { ClaimReader } from "../ports/claim-reader.ts";
import { claimSentences } from "./claim-sentences.ts";
import { confirmsPlainly } from "./confirmed-summary.ts";
import type { SpeakerRole } from "./transcript.ts";
import { is } from "./word-match.ts";

/**
 * Whether a session mood's claim is carried by the words it cites (every writer's, in
 * `verifyNotes`): each feeling the claim names — a word the reader knows as an emotion's ("despair"
 * → sadness, `kinds`) — must be shown by a cited word of the same side (unpleasant or pleasant),
 * said by the patient (or a speaker of unknown role) and not negated — or said by the therapist
 * back to a patient who agreed (`agreesFeeling`: "That sounds really frustrating." — "It is.").
 * "Patient is in despair" citing "better" is not carried; "Presented as low (“lonely”)" citing
 * "lonely" is. This is the rule's data.
 */
export const unpleasantKinds: ReadonlySet<string> = new Set(["anxiety", "sadness", "loneliness", "anger", "fear", "guilt"]);
export const pleasantKinds: ReadonlySet<string> = new Set(["hope", "joy"]);

const sideOf = (kind: string) => (unpleasantKinds.has(kind) ? "unpleasant" : pleasantKinds.has(kind) ? "pleasant" : null);

/**
 * True when every side of feeling the mood's text names (by the reader's `kinds`) is shown by a
 * cited word of that side; a text naming no feeling the reader knows claims none to check. Never
 * throws.
 */
export function moodCarried(text: string, cited: readonly { text: string; role: SpeakerRole }[], reader: ClaimReader): boolean {
  const sides = (words: ReturnType<ClaimReader["read"]>) => new Set(words.flatMap((word) => word.kinds ?? []).map(sideOf).filter((side) => side !== null));
  const claimed = sides(reader.read(text).filter((word) => !word.negated));
  const patients = cited.filter((segment) => segment.role !== "therapist");
  // The therapist's words count only when a cited turn of the patient opens agreeing with what was said back.
  const agreed = patients.some((segment) => agreesFeeling(claimSentences(segment.text, reader.read(segment.text))[0]?.words ?? []));
  const shown = sides(
    cited
      .filter((segment) => segment.role !== "therapist" || agreed)
      .flatMap((segment) => reader.read(segment.text))
      .filter((word) => !word.negated),
  );
  return [...claimed].every((side) => shown.has(side));
}

/** Short answers that agree with a feeling said back to the patient, word by word (by lemma or as said), beyond a plain yes: "It is.", "It was.", "I am.", "I do.". */
export const agreeingAnswers: readonly (readonly string[])[] = [
  ["it", "is"],
  ["it", "was"],
  ["it", "be"],
  ["i", "am"],
  ["i", "was"],
  ["i", "be"],
  ["i", "do"],
  ["i", "did"],
];

/**
 * True when a patient's first sentence agrees with what the therapist just said back to them: a
 * plain confirmation (core's `confirmsPlainly`: "Yeah.", "Exactly.", "Yes, that's right.") or one
 * of `agreeingAnswers` and nothing else ("It is."). "Yeah, but…", "Okay." and "I guess" agree
 * with nothing. The embedded writer reads a reflected feeling so, and core's mood check too.
 */
export function agreesFeeling(words: readonly { lemma: string; value: string }[]): boolean {
  return confirmsPlainly(words) || agreeingAnswers.some((answer) => answer.length === words.length && answer.every((part, at) => is(words[at], part)));
}
