import type { RiskCategory } from "./risk-category.ts";
import type { RiskBasis, RiskSubject, RiskTemporality } from "./risk-flag.ts";

/**
 * The order of a suicide-risk screening, as the Columbia Suicide Severity Rating Scale screener
 * (C-SSRS, "Screen Version") asks it: a wish to be dead; active thoughts of killing oneself; and
 * only when there were thoughts, whether there is a method, intent and a plan; then anything done
 * or prepared to end one's life, and whether that was recent (the past three months). The
 * questions are said here in Confide's own plain words, not the instrument's.
 */
export type SafetyStep = "wish_dead" | "suicidal_thoughts" | "method" | "intent" | "plan" | "preparation" | "recent";

export interface SafetyQuestion {
  step: SafetyStep;
  /** The suggestion a therapist sees. */
  ask: string;
  /**
   * The risk-screen categories that, stated by the patient, answer the step yes (a patient who
   * says they have thoughts of ending their life has answered the thoughts question).
   */
  answeredBy: readonly RiskCategory[];
  /** How a therapist's own question of this step is recognised in their words (lower case). */
  asked: readonly RegExp[];
}

const self = String.raw`(?:yourself|your (?:own )?life|you(?:'d| would)? (?:die|be dead))`;

/** The screening's questions in its order. One table: the suggestions, and what counts as asked or answered. */
export const safetyQuestions: readonly SafetyQuestion[] = [
  {
    step: "wish_dead",
    ask: "Ask whether they have wished they were dead, or wished they could go to sleep and not wake up.",
    answeredBy: ["passive_death_wish", "active_ideation", "suicide_method", "suicide_intent_or_plan", "preparatory_behaviour"],
    asked: [/\bwish(?:ed|ing)?\b.{0,40}\b(?:dead|die)\b/, /\bnot (?:to )?wake up\b/, /\bbetter off dead\b/, /\bwant(?:ed)? to (?:die|be dead)\b/],
  },
  {
    step: "suicidal_thoughts",
    ask: "Ask whether they have had thoughts of killing themselves.",
    answeredBy: ["active_ideation", "suicide_method", "suicide_intent_or_plan", "preparatory_behaviour"],
    asked: [new RegExp(String.raw`\b(?:thoughts?|thinking|thought)\b.{0,25}\b(?:kill(?:ing)?|end(?:ing)?|tak(?:e|ing))\b.{0,12}${self}`), /\bsuicid(?:e|al)\b/],
  },
  {
    step: "method",
    ask: "Ask whether they have thought about how they might do it.",
    answeredBy: ["suicide_method", "suicide_intent_or_plan", "preparatory_behaviour"],
    asked: [/\bhow (?:you (?:would|might|could)|would you|you'd)\b.{0,30}\b(?:do it|do that|kill|end)\b/, /\bthought about how\b/, /\b(?:a )?(?:method|means)\b.{0,30}\b(?:kill|end|suicide|do it)\b/],
  },
  {
    step: "intent",
    ask: "Ask whether they have had any intention of acting on these thoughts.",
    answeredBy: ["suicide_intent_or_plan", "preparatory_behaviour"],
    asked: [/\bintend(?:ed)?\b/, /\bintent(?:ion)?\b/, /\bact(?:ed)? on (?:these|those|them|the|your) thoughts\b/, /\bgoing to (?:do it|act on)\b/],
  },
  {
    step: "plan",
    ask: "Ask whether they have worked out any of the details of how to do it, and whether they mean to carry out that plan.",
    answeredBy: ["suicide_intent_or_plan", "preparatory_behaviour"],
    asked: [new RegExp(String.raw`\bplan(?:s|ned)?\b.{0,40}(?:\b(?:kill|end|suicide|die)\b|${self})`), /\bworked out (?:\w+ ){0,3}details\b/, /\bwhen (?:and|or) where\b/],
  },
  {
    step: "preparation",
    ask: "Ask whether they have ever done anything, started to do anything, or prepared to do anything to end their life.",
    answeredBy: ["preparatory_behaviour"],
    asked: [
      new RegExp(String.raw`\b(?:done|started|prepared|preparing|tried|attempted)\b.{0,40}(?:\b(?:end|kill|suicide)\b|${self})`),
      /\b(?:collect(?:ed|ing)|sav(?:ed|ing) up|stockpil\w*)\b.{0,20}\b(?:pills|tablets|medication)\b/,
      /\b(?:written|wrote) a (?:note|letter)\b/,
    ],
  },
  {
    step: "recent",
    ask: "Ask when that was: within the past three months?",
    answeredBy: [],
    asked: [/\b(?:past|last) (?:three|3) months\b/, /\bwhen (?:was|did) (?:that|this|it)\b/, /\bhow (?:long ago|recently)\b/],
  },
];

/** The categories that start the screening when the patient states one of them as their own, now. */
export const screeningTriggers: ReadonlySet<RiskCategory> = new Set<RiskCategory>([
  "passive_death_wish",
  "active_ideation",
  "suicide_method",
  "suicide_intent_or_plan",
  "preparatory_behaviour",
  "self_harm",
]);

/**
 * Words that tell a finding's sentence as over or as someone else's news, not as the patient's
 * risk now, whatever the screen read: each pattern takes the sentence back as a trigger unless its
 * `unless` words (a sign of now) are in it too. Read on the sentence the screen quotes, lower case.
 */
export const notNowWords: readonly { pattern: RegExp; unless?: RegExp; says: string }[] = [
  {
    pattern: /\b(?:almost|nearly) (?:committed|killed|took|ended|died)\b/,
    unless: /\b(?:today|tonight|yesterday|last (?:night|week)|this (?:week|morning|weekend)|again|now)\b/,
    says: "a near miss told as a story, with no sign that it was recent",
  },
  { pattern: /\b(?:was|were|been|got|get|being) told\b/, says: "what someone else told them" },
  { pattern: /\b(?:days|weeks|months|years) (?:left )?to live\b/, says: "a prognosis, not a wish" },
];

/** True when the quoted sentence is taken back by `notNowWords`: a pattern of them in it, without its sign of now. */
function takenBack(quote: string): boolean {
  const said = quote.toLowerCase();
  return notNowWords.some((words) => words.pattern.test(said) && !(words.unless?.test(said) ?? false));
}

/** What the screen found in a patient's final, as the trigger reads it. */
export interface TriggerFinding {
  category: RiskCategory;
  /** What the finding implies besides its category (the screener's ladder). */
  reasons?: readonly RiskCategory[];
  temporality: RiskTemporality;
  subject: RiskSubject;
  basis: RiskBasis;
  /** The sentence the finding quotes. */
  quote: string;
}

/**
 * The categories a finding states as the patient's own risk now: current, the speaker's own, said
 * outright (their own words, or a yes to a question that named the risk) — never a mention, a
 * reply to another question, history or someone else's — and not taken back by `notNowWords`.
 */
export function statedNow(finding: TriggerFinding): RiskCategory[] {
  return ownNow(finding, statedBases);
}

/** The bases of a finding said outright: the speaker's own words, or a yes to a question that named the risk. */
const statedBases: ReadonlySet<RiskBasis> = new Set(["statement", "answer_to_named_question"]);
/** The basis of a finding said in passing. */
const mentionBasis: ReadonlySet<RiskBasis> = new Set(["mention"]);

/** The categories of a finding that is current, the speaker's own, of one of `bases`, and not taken back (`takenBack`), with what it implies; [] otherwise. */
function ownNow(finding: TriggerFinding, bases: ReadonlySet<RiskBasis>): RiskCategory[] {
  if (finding.temporality !== "current" || finding.subject !== "speaker" || !bases.has(finding.basis)) return [];
  return takenBack(finding.quote) ? [] : [finding.category, ...(finding.reasons ?? [])];
}

/**
 * The categories a finding names as the patient's own and current in passing — a method or a means
 * spoken of without saying what for ("I sat in the car and thought about driving into the
 * river"): a mention, which starts no screening on its own, but answers a screening question
 * the therapist just put (`afterPatientSpoke`). Taken back by `notNowWords` as a statement is.
 */
export function mentionedNow(finding: TriggerFinding): RiskCategory[] {
  return ownNow(finding, mentionBasis);
}

/** A step's answer: yes, no, or asked and not clearly answered either way. */
export type SafetyAnswer = "yes" | "no" | "unclear";

/** What the session has of the screening so far. */
export interface SafetyScreeningState {
  /** The patient segment that started it; null until a trigger was heard. */
  startedBy: string | null;
  /**
   * Steps the therapist asked, with where: the segment they asked it in (in their own words), or
   * the suggestion's id when they marked the suggested question asked.
   */
  asked: ReadonlyMap<SafetyStep, string>;
  /** Steps answered, by the patient's statements or replies. */
  answers: ReadonlyMap<SafetyStep, SafetyAnswer>;
  /** The steps of the therapist's last question that the patient has not answered yet. */
  awaiting: readonly SafetyStep[];
}

export const emptySafetyScreening: SafetyScreeningState = { startedBy: null, asked: new Map(), answers: new Map(), awaiting: [] };

/** The steps a therapist's words ask, in the screening's order. */
export function stepsAsked(therapistText: string): SafetyStep[] {
  const text = therapistText.toLowerCase();
  return safetyQuestions.filter((question) => question.asked.some((pattern) => pattern.test(text))).map((question) => question.step);
}

/** The steps the patient's stated categories answer yes. */
export function stepsAnsweredYes(categories: Iterable<RiskCategory>): SafetyStep[] {
  const stated = new Set(categories);
  return safetyQuestions.filter((question) => question.answeredBy.some((category) => stated.has(category))).map((question) => question.step);
}

const denial = /^(?:no\b|nope\b|never\b|not really\b|not at all\b|no,|i (?:have not|haven't|havent|don't|dont|do not|never|wouldn't|would not)\b|nothing like that\b)/;

/** Whether a patient's reply denies what was asked ("No.", "Never.", "I haven't, no."). */
export function isDenial(patientText: string): boolean {
  return denial.test(patientText.trim().toLowerCase());
}

/**
 * The steps that still apply, in order. Method, intent and plan are asked only after thoughts of
 * killing oneself were not denied; whether it was recent, only after something was done or
 * prepared.
 */
function applicableSteps(state: SafetyScreeningState): SafetyStep[] {
  const thoughts = state.answers.get("suicidal_thoughts");
  const preparation = state.answers.get("preparation");
  return safetyQuestions
    .map((question) => question.step)
    .filter((step) => {
      if (step === "method" || step === "intent" || step === "plan") return thoughts !== "no";
      if (step === "recent") return preparation === "yes";
      return true;
    });
}

/**
 * The next question to suggest: the first step that applies and was neither asked by the
 * therapist nor answered by the patient; null before the screening started or once every step is
 * done. A step the therapist asked is never suggested again.
 */
export function nextSafetyStep(state: SafetyScreeningState): SafetyStep | null {
  if (state.startedBy === null) return null;
  return applicableSteps(state).find((step) => !state.asked.has(step) && !state.answers.has(step)) ?? null;
}

/**
 * Whether the answers so far point to urgent action, as the screener reads them: intent, a plan,
 * or something done or prepared recently (or with its timing not yet known) answered yes.
 */
export function pointsToUrgentAction(state: SafetyScreeningState): boolean {
  const yes = (step: SafetyStep) => state.answers.get(step) === "yes";
  return yes("intent") || yes("plan") || (yes("preparation") && state.answers.get("recent") !== "no");
}

export const urgentActionText = "What they have said points to urgent action: follow your service's procedure for immediate risk before the session ends.";

/** The screening after a therapist's final: the steps it asks are asked (and await the patient's reply). */
export function afterTherapistSpoke(state: SafetyScreeningState, segmentId: string, text: string): SafetyScreeningState {
  const steps = stepsAsked(text);
  if (steps.length === 0) return state;
  const asked = new Map(state.asked);
  for (const step of steps) if (!asked.has(step)) asked.set(step, segmentId);
  return { ...state, asked, awaiting: steps.filter((step) => !state.answers.has(step)) };
}

/**
 * The screening after a patient's final, with the risk categories the screen found stated in it
 * (current, their own, said outright) and those it found mentioned (`mentionedNow`): a trigger
 * starts the screening; the categories answer their steps yes; a step the therapist just asked and
 * the reply does not answer yes is answered no when the reply denies it, else unclear. A mention
 * counts as a statement only in a reply to a screening question the therapist just put ("…the
 * thoughts of killing yourself. How have things been since?" — "…I thought about driving into the
 * river."): there it answers what was asked.
 */
export function afterPatientSpoke(state: SafetyScreeningState, segmentId: string, text: string, stated: readonly RiskCategory[], mentioned: readonly RiskCategory[] = []): SafetyScreeningState {
  const heard = state.awaiting.length > 0 ? [...stated, ...mentioned] : stated;
  const startedBy = state.startedBy ?? (heard.some((category) => screeningTriggers.has(category)) ? segmentId : null);
  const answers = new Map(state.answers);
  for (const step of stepsAnsweredYes(heard)) answers.set(step, "yes");
  for (const step of state.awaiting) if (!answers.has(step)) answers.set(step, isDenial(text) ? "no" : "unclear");
  return { ...state, startedBy, answers, awaiting: [] };
}
