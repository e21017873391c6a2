import type { ScreenedRiskFlag } from "./risk-flag.ts";

/** Where a risk is stated in a transcript: a span of one segment. */
export interface RiskSpan {
  segmentId: string;
  start: number;
  end: number;
}

/** What the spans below read of a screened flag. */
type ScreenedFlag = Pick<ScreenedRiskFlag, "type" | "subject" | "temporality" | "evidence">;

/**
 * Where the risk screen's flags say the patient (or a speaker of no known role) spoke of a current
 * risk to their own life or body — suicidal thoughts, a wish to be dead, a method, intent, a plan,
 * preparation, self-harm (type `self_harm`), about themselves (`subject: speaker`), now
 * (`temporality: current`), stated or not: the spans a note writer is given (`NoteWriterInput`)
 * so that what it reads never contradicts the screen.
 * @returns the flags' evidence, in the flags' order ([] for none).
 */
export function currentRiskSpans(flags: readonly Pick<ScreenedRiskFlag, "type" | "subject" | "temporality" | "evidence">[]): RiskSpan[] {
  return ownCurrentSpans(flags, "self_harm");
}

/**
 * Where the risk screen's flags say the patient (or a speaker of no known role) spoke of harming
 * someone else now (type `harm_to_others`, about themselves as the one who would do it —
 * `subject: speaker` — `temporality: current`): the spans a note writer is given so that it never
 * records a threat as a plan ("Six feet under, I'm going to get it done" said to "Maybe he could
 * get some help for it?" is no agreement to a proposal).
 * @returns the flags' evidence, in the flags' order ([] for none).
 */
export function harmToOthersSpans(flags: readonly Pick<ScreenedRiskFlag, "type" | "subject" | "temporality" | "evidence">[]): RiskSpan[] {
  return ownCurrentSpans(flags, "harm_to_others");
}

/** The evidence of the flags of `type` that are the speaker's own (`subject: speaker`) and current, in the flags' order. */
function ownCurrentSpans(flags: readonly ScreenedFlag[], type: ScreenedFlag["type"]): RiskSpan[] {
  return flags
    .filter((flag) => flag.type === type && flag.subject === "speaker" && flag.temporality === "current")
    .flatMap((flag) => flag.evidence.map(({ segmentId, start, end }) => ({ segmentId, start, end })));
}

