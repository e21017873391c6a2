import { evidenceOverlaps, type Evidence, type RiskFlag, type RiskSeverity } from "./clinical-notes.ts";
import { normalizeForQuote, roleOfSegment, segmentOf, verifyItem, type EvidenceSource } from "./note-evidence.ts";
import { riskCategoryInfo, type RiskCategory } from "./risk-category.ts";
import { riskFlagIds } from "./risk-flag-id.ts";
import type { RiskBasis, RiskFinding, RiskFlagSource, RiskScreenResult, RiskTier, ScreenedRiskFlag } from "./risk-flag.ts";
import { addressesListener, counsellorOf } from "./risk-addressee.ts";
import { riskTier, type PageRuleInput } from "./risk-page-rule.ts";
import { namesOnlySmoking, substanceOf } from "./risk-substance.ts";
import { unscreenedSentence, wordCertaintyUnknown } from "./risk-unscreened.ts";
import type { SpeakerRole } from "./transcript.ts";

/**
 * The risk screen: a safety layer run on every transcript, whatever note writer a
 * deployment chose. A `RiskScreen` adapter reports what it found in the words; core decides
 * whose words they were (only the patient's raise patient flags), checks every citation, merges
 * a note writer's own flags (never replacing the screen's), and decides which flags page the
 * therapist. What the screen says is what it saw, quoted — never a diagnosis, and an empty
 * result never reads as "no risk" (`riskScreenSummary`).
 *
 * The categories are `risk-category.ts`; a flag and a screen's result, `risk-flag.ts`.
 */

/** What an empty screen means, said everywhere (API, console, push, notes): never "None". */
export const noRiskLanguageFound = "No risk language found by the automated screen — this is not a risk assessment.";

/**
 * The honest summary of a screen, said the same in the API, the console, the push and the note:
 * how many flags need attention now (`page`) and how many are listed to review; the passages too
 * unsure to screen (`unscreenedSentence`), or, finding nothing, that the words' certainty is
 * unknown when no word carries a confidence. It never reads "No risk language found" where
 * passages could not be screened or the words' certainty is unknown.
 */
export function riskScreenSummary(result: Pick<RiskScreenResult, "status" | "reason" | "flags" | "unscreened" | "wordCertainty">): string {
  if (result.status === "not_screened") return `The automated risk screen did not run: ${result.reason ?? "no reason given"}. This is not a risk assessment.`;
  const unscreened = unscreenedSentence(result.unscreened ?? []);
  if (result.flags.length === 0) {
    const caveat = unscreened !== "" ? unscreened : result.wordCertainty === "unknown" ? wordCertaintyUnknown : "";
    if (caveat === "") return noRiskLanguageFound;
    return `${caveat} The automated screen found no risk language in the words as transcribed — this is not a risk assessment.`;
  }
  const pages = result.flags.filter((flag) => tierOf(flag) === "page").length;
  const review = result.flags.length - pages;
  const parts = [pages > 0 ? `${pages} needing attention now` : null, review > 0 ? `${review} to review` : null].filter((part) => part !== null);
  const found = `The automated screen found risk language: ${parts.join(", ")}. Review each with its words — this is not a risk assessment.`;
  return unscreened === "" ? found : `${found} ${unscreened}`;
}

/** What marks a flag whose speaker has no known role, in plain words. */
export const unknownSpeakerNote = "Speaker not known: the recording has no speaker roles here, so these may be the therapist's words, not the patient's.";
/** What marks such a flag whose words are addressed to "you", as a counsellor's are: listed to review, never a page. */
export const addressedSpeakerNote = "Speaker not known, and these words speak to someone (“you”) as a therapist's do: listed to review, not as needing attention now.";
/** What marks such a flag whose speaker, all session long, speaks to the other as a therapist does: listed to review, never a page. */
export const counsellorSpeakerNote = "Speaker not known, and whoever said this speaks to the other person (“you”) all session as a therapist does: listed to review, not as needing attention now.";

/** Per transcript, the speaker who reads as the counsellor (`counsellorOf`): read once per transcript, not once per flag. */
const counsellors = new WeakMap<EvidenceSource, string | null>();

/** True when every cited segment is one speaker's and that speaker reads as the counsellor over the session. */
function citesCounsellor(evidence: readonly Evidence[], transcript: EvidenceSource): boolean {
  const labels = new Set(evidence.map((span) => segmentOf(transcript, span.segmentId)?.speaker));
  const [label] = labels;
  if (labels.size !== 1 || label === undefined) return false;
  if (!counsellors.has(transcript)) counsellors.set(transcript, counsellorOf(transcript.segments));
  return counsellors.get(transcript) === label;
}

/** Bases of a finding that say less than a statement: words only mentioning a risk, a reply to a question that named none. */
const weakBases: ReadonlySet<RiskFinding["basis"]> = new Set(["mention", "answer_to_other_question"]);

/** Whether a flag warrants a high-priority push: it pages (`riskTier`, the one page rule). */
export function alertsTherapist(flag: PageRuleInput): boolean {
  return riskTier(flag) === "page";
}

/** The severity of a finding: its category's when current; `low` for past risk and for someone else's. */
export function severityOf(finding: Pick<RiskFinding, "category" | "temporality" | "subject">): RiskSeverity {
  if (finding.temporality === "history" || finding.subject === "other_person") return "low";
  return riskCategoryInfo[finding.category].severity;
}

/** The role of whoever said each cited segment (the transcript's index is made once per transcript: a long session has many flags). */
function citedRoles(evidence: readonly Evidence[], transcript: EvidenceSource): Set<SpeakerRole> {
  return new Set(evidence.map((span) => roleOfSegment(transcript, span.segmentId)));
}

/** `patient` when every cited segment is the patient's, else `unknown`. */
function speakerOf(roles: Set<SpeakerRole>): "patient" | "unknown" {
  return roles.size > 0 && [...roles].every((role) => role === "patient") ? "patient" : "unknown";
}

/**
 * The substance a substance finding names: its quote's (`substanceOf`), or, for an answer whose
 * words name none ("Four, maybe five."), the one the other speaker's turn before it asked about
 * ("How many pints would that be?"), or, when that names none either ("Have you thought about what
 * it costs?" — "I guess."), the substance of the flag before it (`earlier`), which the answer says
 * more about: never "Other substances" for a drink or a cigarette talked about. Smoking
 * alone names no tobacco where the speaker's own turn or the question before it names cannabis
 * ("How often are you using the weed?" — "I smoke after school.").
 */
function substanceOfFinding(finding: RiskFinding, transcript: EvidenceSource, earlier: string | undefined): string {
  const said = substanceOf(finding.quote);
  const smokedOnly = said === "tobacco" && namesOnlySmoking(finding.quote);
  if (!smokedOnly && (said !== "other" || !answerBases.has(finding.basis))) return said;
  const segments = transcript.segments;
  const at = segments.findIndex((segment) => segment.id === finding.evidence[0]?.segmentId);
  const asked = askedBefore(segments, at);
  if (smokedOnly) return substanceOf(`${segments[at]?.text ?? ""} ${asked ?? ""}`) === "cannabis" ? "cannabis" : said;
  const askedOf = asked === null ? said : substanceOf(asked);
  return askedOf === "other" && earlier !== undefined ? earlier : askedOf;
}

/** The other speaker's whole turn just before the turn of the segment at `at`, or null when there is none. */
function askedBefore(segments: EvidenceSource["segments"], at: number): string | null {
  const answerer = segments[at]?.speaker;
  // Back past the answer's own turn, then through the asker's whole turn.
  while (at > 0 && segments[at - 1]!.speaker === answerer) at -= 1;
  const asker = segments[at - 1]?.speaker;
  const asked: string[] = [];
  while (at > 0 && segments[at - 1]!.speaker === asker) asked.push(segments[(at -= 1)]!.text);
  return asked.length === 0 ? null : asked.reverse().join(" ");
}

/** The bases of a finding that answers the other speaker's question. */
const answerBases: ReadonlySet<RiskBasis> = new Set(["answer_to_named_question", "answer_to_other_question"]);

/**
 * The flags of a screen's findings, by whose words they were: findings in the therapist's
 * segments are dropped (the therapist's screening questions are not the patient's risk), and so
 * are the mentions and answers to other questions (`weakBases`) of a speaker of no known role who
 * reads as the counsellor all session (`counsellorOf`); other findings in segments of no known
 * role are kept as `speaker: "unknown"` with a note ("Speaker not known"), and page only as an explicit statement in words not addressed to "you"
 * (`riskTier`, `addressesListener`) by a speaker who does not, all session long, speak to the
 * other as a counsellor does (`counsellorOf`); such words get their own note. Each citation is checked
 * (`verifyItem`): one that fails keeps the flag, marked. Each flag carries its finding's category
 * and basis.
 */
export function flagsOfFindings(
  findings: readonly RiskFinding[],
  source: RiskFlagSource,
  transcript: EvidenceSource,
): Array<Omit<ScreenedRiskFlag, "id"> & Pick<RiskFinding, "category" | "basis">> {
  const flags: Array<Omit<ScreenedRiskFlag, "id"> & Pick<RiskFinding, "category" | "basis">> = [];
  /** The substance of the last substance flag named, which a later answer naming none says more about. */
  let lastSubstance: string | undefined;
  for (const finding of findings) {
    const roles = citedRoles(finding.evidence, transcript);
    if (roles.has("therapist")) continue;
    const speaker = speakerOf(roles);
    const reasons = (finding.reasons ?? []).filter((reason) => reason !== finding.category);
    // With no roles, a speaker who reads as the counsellor all session is treated as the therapist is for what only mentions a
    // risk or answers a question that named none: dropped. Their statements stay, listed to review (the reading may be wrong).
    const counsellorsWords = speaker === "unknown" && citesCounsellor(finding.evidence, transcript);
    if (counsellorsWords && weakBases.has(finding.basis)) continue;
    const addressed = speaker === "unknown" && addressesListener([...new Set(finding.evidence.map((span) => span.segmentId))].map((id) => segmentOf(transcript, id)?.text ?? ""));
    const counsellor = counsellorsWords && !addressed;
    const tier = riskTier({ ...finding, speaker, addressesListener: addressed || counsellor });
    const flag: Omit<ScreenedRiskFlag, "id" | "verification"> & Pick<RiskFinding, "category" | "basis"> = {
      type: riskCategoryInfo[finding.category].type,
      category: finding.category,
      severity: severityOf(finding),
      temporality: finding.temporality,
      subject: finding.subject,
      speaker,
      ...(speaker === "unknown" ? { speakerNote: addressed ? addressedSpeakerNote : counsellor ? counsellorSpeakerNote : unknownSpeakerNote } : {}),
      tier,
      basis: finding.basis,
      ...(reasons.length > 0 ? { reasons: [...new Set(reasons)] } : {}),
      ...(finding.category === "substance" ? { substance: substanceOfFinding(finding, transcript, lastSubstance) } : {}),
      text: finding.text,
      quote: finding.quote,
      evidence: finding.evidence,
      sources: [source],
      rules: [finding.rule],
      alert: tier === "page",
    };
    if (flag.substance !== undefined && flag.substance !== "other") lastSubstance = flag.substance;
    const verification = verifyItem({ text: flag.text, quote: flag.quote, evidence: flag.evidence }, transcript);
    flags.push({ ...flag, verification });
  }
  return flags;
}

/**
 * A note writer's risk flags as screen flags: current, about the speaker, attributed by the roles
 * of the segments they cite (a therapist's segment drops the flag, as for the screen), their
 * citations checked again against this transcript (the notes may be older than an edit). A flag
 * whose cited words do not carry it (`support: "unsupported"`) stays unverified with the notes'
 * reason, and keeps its `support`: it is shown, never as fact. A writer's flag is `review`.
 */
export function flagsOfWriter(flags: readonly RiskFlag[], writer: string, transcript: EvidenceSource): Array<Omit<ScreenedRiskFlag, "id">> {
  const result: Array<Omit<ScreenedRiskFlag, "id">> = [];
  for (const flag of flags) {
    const roles = citedRoles(Array.isArray(flag.evidence) ? flag.evidence : [], transcript);
    if (roles.has("therapist")) continue;
    const speaker = speakerOf(roles);
    const base = {
      type: flag.type,
      severity: flag.severity,
      temporality: "current" as const,
      subject: "speaker" as const,
      speaker,
      ...(speaker === "unknown" ? { speakerNote: unknownSpeakerNote } : {}),
      ...(flag.type === "substance" ? { substance: substanceOf(flag.quote ?? "") } : {}),
    };
    const verification = verifyItem(flag, transcript);
    result.push({
      ...base,
      text: flag.text,
      quote: flag.quote ?? "",
      evidence: flag.evidence,
      sources: [`notes:${writer}`],
      rules: [`notes:${writer}`],
      verification: verification.status === "grounded" && flag.support === "unsupported" ? flag.verification : verification,
      ...(flag.support === undefined ? {} : { support: flag.support }),
      // A writer states no basis: its flag is listed to review, and pages only by joining a
      // screen flag that pages (`mergeRiskFlags`).
      tier: "review",
      alert: false,
    });
  }
  return result;
}

/** The order in which categories lead a flag that collapses several: the most urgent first. */
const urgency: readonly RiskCategory[] = [
  "suicide_intent_or_plan",
  "preparatory_behaviour",
  "active_ideation",
  "self_harm",
  "harm_to_others",
  "suicide_method",
  "passive_death_wish",
  "abuse",
  "substance",
];
const severityRank: Record<RiskSeverity, number> = { low: 0, moderate: 1, high: 2 };

/**
 * Which of two flags on the same words leads the one flag they become: a page before a review, a
 * screen's flag (with a category) before a writer's, then the higher severity, then the more
 * urgent category. Ties keep the earlier.
 */
function leads(candidate: Omit<ScreenedRiskFlag, "id">, kept: Omit<ScreenedRiskFlag, "id">): boolean {
  const key = (flag: Omit<ScreenedRiskFlag, "id">) => [
    flag.tier === "page" ? 1 : 0,
    flag.category === undefined ? 0 : 1,
    severityRank[flag.severity],
    flag.category === undefined ? 0 : urgency.length - urgency.indexOf(flag.category),
  ];
  const [a, b] = [key(candidate), key(kept)];
  for (let index = 0; index < a.length; index += 1) {
    if (a[index] !== b[index]) return (a[index] ?? 0) > (b[index] ?? 0);
  }
  return false;
}

/** Two flags on the same words as one: the leading flag's words and category, the other's category a reason. */
function joined(kept: Omit<ScreenedRiskFlag, "id">, flag: Omit<ScreenedRiskFlag, "id">): Omit<ScreenedRiskFlag, "id"> {
  const [lead, other] = leads(flag, kept) ? [flag, kept] : [kept, flag];
  const reasons = [...(lead.reasons ?? []), ...(other.category === undefined ? [] : [other.category]), ...(other.reasons ?? [])].filter(
    (reason) => reason !== lead.category,
  );
  const { reasons: _reasons, ...rest } = lead;
  // The lead's tier is the higher of the two: joining never makes a page of two reviews.
  const tier: RiskTier = lead.tier === "page" || other.tier === "page" ? "page" : "review";
  return {
    ...rest,
    ...(reasons.length > 0 ? { reasons: [...new Set(reasons)] } : {}),
    severity: severityRank[other.severity] > severityRank[lead.severity] ? other.severity : lead.severity,
    tier,
    alert: tier === "page",
    sources: [...new Set([...kept.sources, ...flag.sources])],
    rules: [...new Set([...kept.rules, ...flag.rules])],
  };
}

/**
 * The union of flags (a writer's flags are merged with the screen's, never replace them), one
 * statement at most one flag: a flag citing words that overlap an earlier flag's joins it, whatever
 * its category — the leading one (`leads`: a page, a screen's, the most severe, the most urgent)
 * keeps its words and category, the other's category becomes one of its `reasons`, sources and
 * rules are added. A join never makes a page of flags that do not page: a writer's flag (always
 * `review`) pages only by joining a screen flag that pages. Any other flag is kept. In transcript
 * order of first citation, each with its derived id (`riskFlagIds`).
 */
export function mergeRiskFlags(
  groups: ReadonlyArray<ReadonlyArray<Omit<ScreenedRiskFlag, "id">>>,
  order: (segmentId: string) => number,
): ScreenedRiskFlag[] {
  const merged: Array<Omit<ScreenedRiskFlag, "id">> = [];
  for (const group of groups) {
    for (const flag of group) {
      const same = merged.findIndex((kept) => kept.evidence.some((span) => flag.evidence.some((other) => evidenceOverlaps(span, other))));
      const kept = merged[same];
      if (kept === undefined) merged.push(flag);
      else merged[same] = joined(kept, flag);
    }
  }
  const position = (flag: Omit<ScreenedRiskFlag, "id">) => Math.min(...flag.evidence.map((span) => order(span.segmentId)), Number.MAX_SAFE_INTEGER);
  const ordered = merged
    .map((flag, index) => ({ flag, index }))
    .sort((a, b) => position(a.flag) - position(b.flag) || a.index - b.index)
    .map(({ flag }) => flag);
  const ids = riskFlagIds(ordered);
  return ordered.map((flag, index) => ({ id: ids[index] ?? "", ...flag }));
}

/** A stored flag's tier: results stored before tiers existed carry only `alert`. */
export function tierOf(flag: Pick<ScreenedRiskFlag, "alert"> & { tier?: RiskTier | undefined }): RiskTier {
  return flag.tier ?? (flag.alert ? "page" : "review");
}

/** What makes two flags the same for alerting: category (or type), temporality and the words. */
function alertKey(flag: ScreenedRiskFlag): string {
  return [flag.category ?? flag.type, flag.severity, normalizeForQuote(flag.quote || flag.text)].join("|");
}

/**
 * The flags of `next` to page the therapist about: those that page (`tier`, `riskTier`) and that
 * `previous` (the screen the therapist already had) did not carry with the same category,
 * severity and words. With no previous screen that is every alerting flag; a re-screen after a
 * typo fix does not page again for a flag already seen.
 */
export function riskFlagsToAlert(
  previous: Pick<RiskScreenResult, "flags"> | null | undefined,
  next: Pick<RiskScreenResult, "flags"> | null | undefined,
): ScreenedRiskFlag[] {
  if (!next) return [];
  const known = new Set((previous?.flags ?? []).filter((flag) => tierOf(flag) === "page").map(alertKey));
  return next.flags.filter((flag) => tierOf(flag) === "page" && !known.has(alertKey(flag)));
}
