import type { RiskFlagDraft } from "@confide/core";
import { isNegatedAt, phraseStarts } from "./lemma-phrases.ts";
import { riskLexicon } from "./risk-lexicon.ts";
import type { ReadSegment } from "./segment-reader.ts";

/**
 * Risk flags from the lexicon: one per sentence and risk type, in transcript order, for every
 * sentence not said by the therapist (patient or unknown speaker) where a phrase of the type
 * occurs and is not negated. The flag quotes the sentence and cites its span; it attributes the
 * words to the patient when the speaker's role is patient.
 * @returns the flags ([] when nothing matched).
 */
export function findRiskFlags(segments: readonly ReadSegment[]): RiskFlagDraft[] {
  const flags: RiskFlagDraft[] = [];
  for (const segment of segments) {
    if (segment.role === "therapist") continue;
    for (const sentence of segment.sentences) {
      for (const entry of riskLexicon) {
        const said = entry.phrases.some((phrase) =>
          phraseStarts(sentence.tokens, phrase).some((index) => !isNegatedAt(sentence.tokens, index)),
        );
        if (!said) continue;
        const quote = segment.text.slice(sentence.start, sentence.end);
        flags.push({
          type: entry.type,
          severity: entry.severity,
          text: entry.description,
          quote,
          ...(segment.role === "patient" ? { speaker: "patient" as const } : {}),
          evidence: [{ segmentId: segment.id, start: sentence.start, end: sentence.end }],
        });
      }
    }
  }
  return flags;
}
