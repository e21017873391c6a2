import type { ClaimSupport } from "./claim-support.ts";
import type { Evidence, RiskSeverity, RiskType, Verification } from "./clinical-notes.ts";
import type { RiskAcknowledgement } from "./risk-acknowledgement.ts";
import type { RiskCategory } from "./risk-category.ts";
import type { UnscreenedPassage, WordCertainty } from "./risk-unscreened.ts";

/**
 * The two tiers of a risk flag, everywhere (API, console, push, note): `page` sends the therapist
 * a high-priority push and stands apart as "Needs attention now"; `review` is listed, grouped by
 * category, "To review".
 */
export type RiskTier = "page" | "review";

/** `current`: said as happening now or recently; `history`: past and over, a lower-priority flag a clinician still sees. */
export type RiskTemporality = "current" | "history";

/** Whose risk the words describe: the speaker's own, or someone else's (a relative's overdose). */
export type RiskSubject = "speaker" | "other_person";

/**
 * On what a finding stands, which decides whether it may page (`riskTier`):
 * - `statement`: the speaker's own explicit words of the category ("I want to kill myself");
 * - `answer_to_named_question`: a yes or an affirmation to a question that itself names suicide,
 *   killing or hurting oneself, ending one's life, or hurting someone;
 * - `answer_to_other_question`: a reply to any other question (never pages);
 * - `mention`: means, a substance, abuse, history or context inferred, mentioned without a
 *   statement of the category (never pages).
 */
export type RiskBasis = "statement" | "answer_to_named_question" | "answer_to_other_question" | "mention";

/** What a RiskScreen adapter reports for one place in the transcript. */
export interface RiskFinding {
  category: RiskCategory;
  temporality: RiskTemporality;
  subject: RiskSubject;
  /** On what it stands: only a `statement` or an `answer_to_named_question` may page (`riskTier`). */
  basis: RiskBasis;
  /**
   * Categories inferred from the same words (a method implies thoughts of suicide): reasons
   * inside this one finding, never findings of their own — one statement, at most one flag.
   */
  reasons?: RiskCategory[];
  /** What the screen saw, in plain words ("Spoke of wanting to die"); never a diagnosis. */
  text: string;
  /** The words said, as they appear in the cited segment. */
  quote: string;
  /** Where they were said: at least one span of one segment. */
  evidence: Evidence[];
  /** Which of the screen's rules raised it, for the "Details" of a flag. */
  rule: string;
}

/** Who raised a flag: the screen (`screen:embedded`), or a note writer (`notes:openai`). */
export type RiskFlagSource = `screen:${string}` | `notes:${string}`;

/**
 * A flag as core stores and shows it: the screen's finding (or a note writer's flag) with whose
 * words they were, how much it weighs and whether its citation held.
 */
export interface ScreenedRiskFlag {
  /**
   * Derived from the flag's category, first cited segment and quote (`riskFlagId`), so the same
   * flag keeps its id — and its acknowledgement — when the transcript is screened again.
   */
  id: string;
  type: RiskType;
  /** Absent on a note writer's flag, which states only its type. */
  category?: RiskCategory;
  severity: RiskSeverity;
  temporality: RiskTemporality;
  subject: RiskSubject;
  /**
   * `patient` when every cited segment is the patient's; `unknown` when the recording has no
   * roles for them (`speakerNote` says so): such a flag never pages the therapist by itself.
   */
  speaker: "patient" | "unknown";
  speakerNote?: string;
  /** `page` or `review`, by the one page rule (`riskTier`), kept through merges (`mergeRiskFlags`). */
  tier: RiskTier;
  /** The screen finding's basis; absent on a note writer's flag. */
  basis?: RiskBasis;
  /** Other categories the same words carry (inferred, or raised by another rule on them). */
  reasons?: RiskCategory[];
  /** A substance flag's substance ("alcohol", `substanceOf` its quote): review lists one line per substance. */
  substance?: string;
  text: string;
  quote: string;
  evidence: Evidence[];
  /** Every screen that raised it (a writer's flag on the same words joins the screen's). */
  sources: RiskFlagSource[];
  /** The rules or writers behind it, for the "Details" disclosure. */
  rules: string[];
  verification: Verification;
  /**
   * A note writer's flag: how well its cited words carry it, as core judged when the notes were
   * verified (`claimSupport`); absent on the screen's own flags, which quote the words they match.
   */
  support?: ClaimSupport;
  /**
   * Always `tier === "page"`: kept for clients that read it before tiers existed. A flag alerts
   * (warrants a high-priority push) exactly when it pages.
   */
  alert: boolean;
  /**
   * Who acknowledged the flag, and when; absent until acknowledged. Kept across
   * re-screens for a flag with the same id (`carryAcknowledgements`).
   */
  acknowledgement?: RiskAcknowledgement;
}

/** What core stores of the screen of one transcript revision. */
export interface RiskScreenResult {
  /** `screened`, or `not_screened` with the reason (a language the screen does not read). */
  status: "screened" | "not_screened";
  reason?: string;
  flags: ScreenedRiskFlag[];
  /**
   * The passages of the patient's (or an unknown speaker's) speech whose words are too unsure to
   * screen (`unscreenedPassages`): finding nothing there means nothing. Absent on results stored
   * before it existed.
   */
  unscreened?: UnscreenedPassage[];
  /** `unknown` when no screened segment carries a confidence: the words may be misheard anywhere. */
  wordCertainty?: WordCertainty;
  /** The honest one-line summary (`riskScreenSummary`). */
  summary: string;
  /** The screens that ran, by provider and rules version. */
  screens: Array<{ provider: string; version: string }>;
  transcriptRevision: number;
  screenedAt: Date;
}
