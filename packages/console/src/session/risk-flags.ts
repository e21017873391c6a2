/**
 * The risk screen as the session view shows it: plain words for each flag, what weighs it down
 * (past, someone else's, speaker not known), and the screen's own honest summary — never "None".
 */
import type { EvidenceSpan } from "./note-sections.ts";

/** The part of the API's `RiskScreen` this view reads. */
export interface RiskScreenLike {
  status: "screened" | "not_screened";
  reason?: string;
  summary: string;
  /** Passages whose words were too unsure to screen: the summary names them. */
  unscreened?: Array<{ segmentId: string; startMs: number; endMs: number }>;
  flags: Array<{
    id: string;
    type: string;
    category?: string;
    severity: "low" | "moderate" | "high";
    temporality: "current" | "history";
    subject: "speaker" | "other_person";
    speaker: "patient" | "unknown";
    speakerNote?: string;
    text: string;
    quote: string;
    evidence: EvidenceSpan[];
    sources: string[];
    rules: string[];
    verification: { status: "grounded" | "unverified"; reason?: string };
    support?: "quoted" | "paraphrased" | "unsupported";
    /** `page`: needs attention now; `review`: listed to review, grouped. Absent on results stored before tiers (read `alert`). */
    tier?: "page" | "review";
    /** A substance flag's substance ("alcohol"): to review, one line per substance. */
    substance?: string;
    alert: boolean;
    /** Who acknowledged it, and when; absent until acknowledged. */
    acknowledgement?: { by: string; at: string };
  }>;
}

/** Each category and type in a clinician's words. */
const categoryWords: Record<string, string> = {
  passive_death_wish: "Wish to be dead",
  active_ideation: "Thoughts of suicide",
  suicide_method: "Suicide method",
  suicide_intent_or_plan: "Suicidal intent or plan",
  preparatory_behaviour: "Preparing for suicide",
  self_harm: "Self-harm",
  harm_to_others: "Harm to others",
  abuse: "Abuse or violence experienced",
  substance: "Alcohol, drugs or tobacco",
  other: "Other risk",
};

export interface RiskFlagView {
  id: string;
  /** "Thoughts of suicide", in a clinician's words. */
  heading: string;
  /** "High", "Moderate", "Low". */
  severity: string;
  /** What lowers or qualifies it, in plain words ("In the past", "About someone else", "Speaker not known"). */
  qualifiers: string[];
  /** What the screen saw. */
  text: string;
  quote: string;
  evidence: EvidenceSpan[];
  /** For a "Details" disclosure: who raised it, by which rules, and whether its citation held. */
  details: string[];
  /** `page` (needs attention now) or `review` (listed to review, grouped by `group`). */
  tier: "page" | "review";
  /** What it is grouped under to review: its category, or its substance. */
  group: string;
  alert: boolean;
  acknowledgement?: { by: string; at: string };
  /** Current and not acknowledged: the sign-off waits for it. */
  blocking: boolean;
}

/** Who raised a flag, in words: the screen on this server, or the notes' writer. */
function sourceWords(source: string): string {
  if (source.startsWith("screen:")) return "the automated risk screen";
  if (source.startsWith("notes:")) return "the notes' writer";
  return source;
}

/** The flags in reading order: those that call for attention now first, then the rest. */
export function riskFlagViews(risk: RiskScreenLike): RiskFlagView[] {
  const weight = (flag: RiskScreenLike["flags"][number]) => (flag.alert ? 0 : flag.temporality === "current" && flag.subject === "speaker" ? 1 : 2);
  return [...risk.flags]
    .sort((a, b) => weight(a) - weight(b))
    .map((flag) => ({
      id: flag.id,
      heading: categoryWords[flag.category ?? flag.type] ?? categoryWords.other ?? "Risk",
      severity: flag.severity[0]?.toUpperCase() + flag.severity.slice(1),
      qualifiers: [
        ...(flag.temporality === "history" ? ["In the past"] : []),
        ...(flag.subject === "other_person" ? ["About someone else"] : []),
        ...(flag.speaker === "unknown" ? ["Speaker not known"] : []),
        ...(flag.verification.status === "unverified" ? [flag.support === "unsupported" ? "Not supported by the cited words" : "Words not found where cited"] : []),
      ],
      text: flag.text,
      quote: flag.quote,
      evidence: flag.evidence,
      details: [
        `Raised by ${[...new Set(flag.sources.map(sourceWords))].join(" and ")}.`,
        ...(flag.speakerNote ? [flag.speakerNote] : []),
        ...(flag.verification.status === "unverified" ? [`Citation: ${flag.verification.reason ?? "it did not hold"}.`] : []),
        `Rules: ${flag.rules.join(", ")}.`,
      ],
      tier: flag.tier ?? (flag.alert ? "page" : "review"),
      group: (flag.category ?? flag.type) === "substance" ? `substance:${flag.substance ?? "other"}` : (flag.category ?? flag.type),
      alert: flag.alert,
      ...(flag.acknowledgement ? { acknowledgement: flag.acknowledgement } : {}),
      blocking: flag.temporality === "current" && !flag.acknowledgement,
    }));
}

/** The flags that stop the sign-off: current ones not yet acknowledged (past risk does not). */
export function blockingFlags(risk: RiskScreenLike | null | undefined): RiskFlagView[] {
  return risk ? riskFlagViews(risk).filter((flag) => flag.blocking) : [];
}

/** The line that heads the panel: the screen's own summary, which never reads as "no risk". */
export function riskSummary(risk: RiskScreenLike | null | undefined): string {
  if (!risk) return "The automated risk screen has not run on this session yet.";
  return risk.summary;
}
