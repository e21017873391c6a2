/**
 * RiskScreen with a sentence encoder (`CONFIDE_RISK_SCREEN=encoder`): the embedded
 * screen's rules read the whole transcript first, as in every profile; then each patient turn
 * (or turn of a speaker of no known role) in which the rules found nothing is read whole by a
 * sentence encoder (`sentence-encoder.ts`), and one logistic head per category
 * (`risk-heads.json`, trained by `scripts/train-risk-encoder.ts`) says how much it reads like that
 * category. At or above the threshold it adds a flag that says it matched by meaning, to review:
 * a `mention`, never a page, and never on a turn the rules flagged (a whole-turn flag there would
 * join the rules' flag, and could ride into its page). Turns whose
 * meaning a word can turn — a negation, a condition, someone else, the past — are left to the
 * rules (`silenced-turns.ts`). The rules' findings are never changed or dropped. Deterministic;
 * English only (another language is the rules' `not_screened`).
 */
import { parseSettings, riskCategories, riskCategoryInfo } from "@confide/core/adapter-kit";
import { ConfideError, type RiskCategory, type RiskFinding, type RiskScreen, type RiskScreenInput, type RiskScreenOutput } from "@confide/core/ports";
import { createEmbeddedRiskScreen } from "../embedded-risk-screen/embedded-risk-screen.ts";
import { riskHeads, type RiskHead } from "./risk-heads.ts";
import { sentenceEncoder } from "./sentence-encoder.ts";
import { encoderRiskScreenSettings, type EncoderRiskScreenSettings } from "./settings.ts";
import { addressesTheListener, isSilenced } from "./silenced-turns.ts";

/** How much a turn's embedding reads like the head's category, from 0 to 1. */
export function headScore(head: RiskHead, embedding: readonly number[]): number {
  let z = head.bias;
  for (let index = 0; index < head.weights.length; index += 1) z += head.weights[index]! * (embedding[index] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** The flag the encoder adds: the whole turn, quoted and cited, saying how it was found. */
function encoderFinding(segment: { id: string; text: string }, category: RiskCategory): RiskFinding {
  return {
    category,
    temporality: "current",
    subject: "speaker",
    // Matched by meaning, never an explicit statement: the encoder only adds flags to review.
    basis: "mention",
    text: `Wording like: ${riskCategoryInfo[category].label.toLowerCase()} (matched by meaning, not by a listed phrase)`,
    quote: segment.text,
    evidence: [{ segmentId: segment.id, start: 0, end: segment.text.length }],
    rule: `encoder.${category}`,
  };
}

/** The embedded screen's rules plus the encoder (see the module comment). */
export function createEncoderRiskScreen(settings: EncoderRiskScreenSettings = {}): RiskScreen {
  const { threshold, batchSize } = parseSettings(encoderRiskScreenSettings, settings);
  const rules = createEmbeddedRiskScreen();
  const interrupted = (signal: AbortSignal | undefined) => new ConfideError("provider.interrupted", "The risk screen was stopped.", { cause: signal?.reason });

  async function screen(input: RiskScreenInput, options: { signal?: AbortSignal } = {}): Promise<RiskScreenOutput> {
    const ruled = await rules.screen(input, options);
    const { heads, version: headsVersion } = riskHeads();
    const version = `${ruled.version}+${headsVersion}`;
    if (ruled.status !== "screened") return { ...ruled, version };
    const roleOf = new Map(input.speakers.map((speaker) => [speaker.label, speaker.role]));
    // A turn the rules flagged is already in front of the clinician, with its words.
    const ruledOn = new Set(ruled.findings.flatMap((finding) => finding.evidence.map((span) => span.segmentId)));
    // The patient's turns, and with no roles every turn but those speaking to "you" (a therapist's questions and reflections).
    const read = input.segments.filter((segment) => {
      const role = roleOf.get(segment.speaker) ?? "unknown";
      if (role === "therapist" || ruledOn.has(segment.id) || isSilenced(segment.text)) return false;
      return role === "patient" || !addressesTheListener(segment.text);
    });
    const added = new Map<string, RiskFinding[]>();
    const embed = read.length === 0 ? null : await sentenceEncoder();
    for (let start = 0; embed !== null && start < read.length; start += batchSize) {
      if (options.signal?.aborted) throw interrupted(options.signal);
      const batch = read.slice(start, start + batchSize);
      const embeddings = await embed(batch.map((segment) => segment.text));
      batch.forEach((segment, index) => {
        const found = riskCategories
          .filter((category) => headScore(heads[category], embeddings[index]!) >= threshold)
          .map((category) => encoderFinding(segment, category));
        if (found.length > 0) added.set(segment.id, found);
      });
      // A long session does not hold an API process that runs the worker too.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (options.signal?.aborted) throw interrupted(options.signal);
    // In transcript order (a stable sort): each segment's rule findings, then the encoder's.
    const position = new Map(input.segments.map((segment, index) => [segment.id, index]));
    const at = (finding: RiskFinding) => position.get(finding.evidence[0]?.segmentId ?? "") ?? Number.MAX_SAFE_INTEGER;
    const findings = [...ruled.findings, ...[...added.values()].flat()].sort((a, b) => at(a) - at(b));
    return { status: "screened", findings, version };
  }

  return {
    provider: "encoder",
    screen,
    async check() {
      await rules.check();
      try {
        riskHeads();
      } catch (error) {
        throw new ConfideError("dependency.unavailable", "The encoder risk screen's heads file did not load.", { cause: error });
      }
      await sentenceEncoder();
    },
    close: () => rules.close(),
  };
}
