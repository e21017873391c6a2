import {
  isNotAssessed,
  type ClinicalNotes,
  type Evidence,
  type NoteField,
  type NoteItem,
  type NoteItemsField,
  type Verification,
} from "./clinical-notes.ts";
import { invalidInput } from "../errors.ts";
import { riskFlagGroups, type RiskFlagGroup } from "./risk-review-groups.ts";
import type { RiskScreenResult } from "./risk-flag.ts";
import { riskScreenSummary } from "./risk-screen.ts";

/**
 * Progress-note formats: the same checked notes laid out as a clinician documents a
 * session — SOAP, DAP, BIRP, or Confide's own fields. A format is a view: it never adds a claim
 * the notes do not make, every sentence keeps its evidence and whether it held, and a section
 * nothing supports says so (`notAssessed`) instead of being filled with normal findings.
 */
export const noteFormats = ["confide", "soap", "dap", "birp"] as const;
export type NoteFormat = (typeof noteFormats)[number];

export function isNoteFormat(value: unknown): value is NoteFormat {
  return typeof value === "string" && (noteFormats as readonly string[]).includes(value);
}

/** The names clinicians know the formats by. */
export const noteFormatNames: Readonly<Record<NoteFormat, string>> = {
  confide: "Session notes",
  soap: "SOAP progress note",
  dap: "DAP progress note",
  birp: "BIRP progress note",
};

/** One sentence of a formatted note. */
export interface NoteSentence {
  text: string;
  evidence: Evidence[];
  /**
   * Whether the sentence's citation held (its note item's verification); null for what the
   * system states itself (the risk screen's summary) or the therapist wrote, which cite nothing.
   */
  verification: Verification | null;
  /** Where it comes from: a notes field (`significantQuotes`…), `riskScreen` or `therapist`. */
  from: NoteItemsField | "sessionMood" | "moodTrajectory" | "riskScreen" | "therapist";
  /** Whose words a quote repeats, when it is a quote. */
  speaker?: "patient" | "therapist";
}

export interface NoteSection {
  key: string;
  title: string;
  sentences: NoteSentence[];
  /** Why the section is empty (what a recording cannot support, or what the writer did not assess); null when it has sentences. */
  notAssessed: string | null;
}

export interface FormattedNote {
  format: NoteFormat;
  name: string;
  sections: NoteSection[];
}

/** What goes into a section, in order: notes fields, the mood line, how the mood moved, the risk screen's result. */
type Part = NoteItemsField | "mood" | "trajectory" | "risk";

interface SectionPlan {
  key: string;
  title: string;
  parts: Part[];
  /** Said when nothing fills the section (a section with no parts, such as SOAP's Objective, always). */
  empty: string;
}

const notFromAudio =
  "Not assessed: a recording cannot show appearance, behaviour or mental status. Add your own observations.";
const nothingCited = "Not assessed: nothing said in the session supports this section.";
const noIntervention = "Not assessed: the words of the session do not show what you did. Add the interventions you used.";
const noPlan = "No plan was agreed in words the notes could find. If one was made, add it.";

/** The sections of each format and what fills them (docs/api/http.md, "Note formats", shows them). */
const plans: Readonly<Record<Exclude<NoteFormat, "confide">, SectionPlan[]>> = {
  // SOAP: what the patient reported, in their words; what was observed; the clinician's reading of
  // mood and risk, with the strategies the therapist offered (the interventions of the session);
  // the plan: only what was agreed, and what is to confirm. A proposal the patient did not take up
  // is no plan.
  soap: [
    { key: "subjective", title: "Subjective", parts: ["topicSummary", "significantQuotes", "emotionalThemes", "triggers"], empty: nothingCited },
    { key: "objective", title: "Objective", parts: [], empty: notFromAudio },
    { key: "assessment", title: "Assessment", parts: ["mood", "trajectory", "risk", "strategies", "unresolvedConcerns"], empty: nothingCited },
    { key: "plan", title: "Plan", parts: ["actionItems", "followUpTopics"], empty: noPlan },
  ],
  // DAP: the session's data — what was said, what the therapist did and offered; the assessment; the plan.
  dap: [
    { key: "data", title: "Data", parts: ["topicSummary", "significantQuotes", "interventions", "strategies", "emotionalThemes", "triggers"], empty: nothingCited },
    { key: "assessment", title: "Assessment", parts: ["mood", "trajectory", "risk", "unresolvedConcerns"], empty: nothingCited },
    { key: "plan", title: "Plan", parts: ["actionItems", "followUpTopics"], empty: noPlan },
  ],
  // BIRP: how the patient presented; what the therapist did (their acts in the session, then what
  // they proposed); how the patient responded (how the mood moved, risk); the plan.
  birp: [
    { key: "behavior", title: "Behavior", parts: ["topicSummary", "mood", "significantQuotes", "emotionalThemes", "triggers"], empty: nothingCited },
    { key: "intervention", title: "Intervention", parts: ["interventions", "strategies"], empty: noIntervention },
    // BIRP has no assessment section: the patient's response carries how the mood moved and the risk screen.
    { key: "response", title: "Response", parts: ["trajectory", "risk", "unresolvedConcerns"], empty: nothingCited },
    { key: "plan", title: "Plan", parts: ["actionItems", "followUpTopics"], empty: noPlan },
  ],
};

/** Confide's own fields (seed 002), each a section; what the therapist did only when the writer wrote it. */
const confideSections: Array<{ key: Part; title: string }> = [
  { key: "risk", title: "Risk screen" },
  { key: "keyTopics", title: "Key topics" },
  { key: "topicSummary", title: "Summary" },
  { key: "mood", title: "Mood" },
  { key: "trajectory", title: "How the mood moved" },
  { key: "emotionalThemes", title: "Emotional themes" },
  { key: "triggers", title: "Triggers" },
  { key: "strategies", title: "Strategies" },
  { key: "interventions", title: "What the therapist did" },
  { key: "significantQuotes", title: "Significant quotes" },
  { key: "actionItems", title: "Action items" },
  { key: "followUpTopics", title: "Follow-up topics" },
  { key: "unresolvedConcerns", title: "Unresolved concerns" },
];

/**
 * What a list item is, said before it where the item alone is a bare label ("anxiety"): a
 * progress note is read out of the console, where the field's title is not beside it.
 */
const itemLeads: Partial<Record<NoteItemsField, string>> = {
  emotionalThemes: "Emotional theme",
  triggers: "Trigger",
  strategies: "Strategy discussed",
  followUpTopics: "To follow up",
  unresolvedConcerns: "Unresolved concern",
  keyTopics: "Topic",
};

/**
 * What a follow-up item opens with when it is a possible plan to confirm with the patient (a
 * hedged commitment, a proposal only weighed): it is shown under that lead, apart from the plan,
 * instead of "To follow up".
 */
export const toConfirmLead = "To confirm: ";

function itemText(field: NoteItemsField, item: NoteItem): string {
  const lead = itemLeads[field];
  if (!lead || (field === "followUpTopics" && item.text.startsWith(toConfirmLead))) return item.text;
  const quote = item.quote && item.quote.toLowerCase() !== item.text.toLowerCase() ? ` ("${item.quote}")` : "";
  return `${lead}: ${item.text}${quote}`;
}

function listSentences(field: NoteItemsField, value: NoteField<NoteItem[]> | undefined): NoteSentence[] {
  if (value === undefined || isNotAssessed(value)) return [];
  return value.map((item) => ({
    text: itemText(field, item),
    evidence: item.evidence,
    verification: item.verification,
    from: field,
    ...(item.speaker ? { speaker: item.speaker } : {}),
  }));
}

/** What a SOAP, DAP or BIRP note says of a mood the writer did not assess: an Assessment never passes over the mood in silence. */
export const moodNotRead = "Mood: not read from the transcript. Add your own observation.";

/**
 * The mood line in the writer's words (the claim core checked against its cited words), not its
 * machine value. A mood not assessed is `moodNotRead` where `sayMissing` (a format's section), and
 * nothing otherwise (Confide's own layout says why in the mood's section).
 */
function moodSentences(notes: ClinicalNotes, sayMissing: boolean): NoteSentence[] {
  if (isNotAssessed(notes.sessionMood)) return sayMissing ? [{ text: moodNotRead, evidence: [], verification: null, from: "sessionMood" }] : [];
  const mood = notes.sessionMood;
  return [{ text: mood.text, evidence: mood.evidence, verification: mood.verification, from: "sessionMood" }];
}

/** How the mood moved, in the writer's words. */
function trajectorySentences(notes: ClinicalNotes): NoteSentence[] {
  if (isNotAssessed(notes.moodTrajectory)) return [];
  const trajectory = notes.moodTrajectory;
  return [{ text: trajectory.text, evidence: trajectory.evidence, verification: trajectory.verification, from: "moodTrajectory" }];
}

/**
 * One line per group of flags (`riskFlagGroups`: one per category, one per substance): whether it
 * needs attention now or is to review, its plain label, how many times it was raised, and its
 * strongest words with what qualifies them (in the past, about someone else, speaker not known, in
 * answer to a question) — never rule ids or scores.
 */
function groupSentence(group: RiskFlagGroup): NoteSentence {
  const flag = group.strongest;
  const context = [
    flag.temporality === "history" ? "in the past" : null,
    flag.subject === "other_person" ? "about someone else" : null,
    flag.speaker === "unknown" ? "speaker not known" : null,
    // "yeah" alone says nothing: the line says it answered a question, which the cited words show.
    flag.basis === "answer_to_named_question" || flag.basis === "answer_to_other_question" ? "in answer to a question" : null,
  ].filter((part) => part !== null);
  const count = group.count === 1 ? "" : ` (${group.count} times)`;
  return {
    text: `${group.tier === "page" ? "Needs attention now" : "To review"} — ${group.label}${count}: "${flag.quote || flag.text}"${context.length > 0 ? ` (${context.join(", ")})` : ""}`,
    evidence: flag.evidence,
    verification: flag.verification,
    from: "riskScreen",
  };
}

/**
 * The risk screen's result, always: its honest summary first (never "None", never "no risk"
 * where passages could not be screened), then one line per category (per substance) with its
 * count and strongest words — an Assessment never lists more than one line per category.
 * Without a screen result (notes written before the screen existed) it says so.
 */
function riskSentences(risk: RiskScreenResult | null): NoteSentence[] {
  if (!risk) {
    return [{ text: "The automated risk screen has not run on this transcript. This is not a risk assessment.", evidence: [], verification: null, from: "riskScreen" }];
  }
  const summary = risk.summary || riskScreenSummary(risk);
  return [{ text: summary, evidence: [], verification: null, from: "riskScreen" }, ...riskFlagGroups(risk.flags).map(groupSentence)];
}

function partSentences(part: Part, notes: ClinicalNotes, risk: RiskScreenResult | null, sayMissingMood = false): NoteSentence[] {
  if (part === "mood") return moodSentences(notes, sayMissingMood);
  if (part === "trajectory") return trajectorySentences(notes);
  if (part === "risk") return riskSentences(risk);
  return listSentences(part, notes[part]);
}

/** The therapist's own notes (their review), when they wrote some: their words, citing nothing. */
function therapistSection(notes: ClinicalNotes): NoteSection[] {
  const text = notes.review?.therapistNotes?.trim();
  if (!text) return [];
  return [{ key: "therapist_notes", title: "Therapist's notes", sentences: [{ text, evidence: [], verification: null, from: "therapist" }], notAssessed: null }];
}

/**
 * Confide's own sections; fields the writer left for the same reason are said once, in one
 * section naming them ("Triggers, Follow-up topics and Unresolved concerns: Left to your clinical
 * judgement…"), not once per field.
 */
function confideNote(notes: ClinicalNotes, risk: RiskScreenResult | null): NoteSection[] {
  const written = confideSections.filter(({ key }) => key !== "interventions" || notes.interventions !== undefined);
  const sections = written.map(({ key, title }) => {
    const sentences = partSentences(key, notes, risk);
    const field = key !== "mood" && key !== "trajectory" && key !== "risk" ? notes[key] : key === "mood" ? notes.sessionMood : key === "trajectory" ? notes.moodTrajectory : null;
    const reason = field && isNotAssessed(field) ? field.reason : null;
    return { key, title, sentences, notAssessed: sentences.length > 0 ? null : reason ?? nothingCited, reason: sentences.length > 0 ? null : reason };
  });
  const byReason = new Map<string, string[]>();
  for (const section of sections) if (section.reason) byReason.set(section.reason, [...(byReason.get(section.reason) ?? []), section.title]);
  const said = new Set<string>();
  return sections.flatMap(({ reason, ...section }): NoteSection[] => {
    const titles = reason ? (byReason.get(reason) ?? []) : [];
    if (!reason || titles.length < 2) return [{ ...section, notAssessed: section.notAssessed && reason ? `Not assessed: ${reason}` : section.notAssessed }];
    if (said.has(reason)) return [];
    said.add(reason);
    const named = titles.length === 1 ? titles[0]! : `${titles.slice(0, -1).join(", ")} and ${titles[titles.length - 1]}`;
    return [{ key: "not_written", title: named, sentences: [], notAssessed: reason }];
  });
}

/**
 * The notes laid out in `format`. Nothing is added and nothing left out: each sentence is a note
 * item (or the risk screen's result) with its evidence and verification, so the console can mark
 * what did not hold and link each sentence to the words it cites. A proposal the patient took up
 * is a strategy where the format lists what the therapist offered and a plan line in the Plan.
 */
export function formatNote(format: NoteFormat, notes: ClinicalNotes, risk: RiskScreenResult | null): FormattedNote {
  const sections: NoteSection[] =
    format === "confide"
      ? confideNote(notes, risk)
      : plans[format].map((plan) => {
          const sentences = plan.parts.flatMap((part) => partSentences(part, notes, risk, true));
          return { key: plan.key, title: plan.title, sentences, notAssessed: sentences.length > 0 ? null : plan.empty };
        });
  return { format, name: noteFormatNames[format], sections: [...sections, ...therapistSection(notes)] };
}

/** Whether a sentence may be stated as fact: its citation held, or it cites nothing because the system or the therapist says it. */
const held = (sentence: NoteSentence) => sentence.verification === null || sentence.verification.status === "grounded";

function sentenceLine(sentence: NoteSentence): string {
  if (sentence.from !== "significantQuotes") return `- ${sentence.text}`;
  return `- ${sentence.speaker === "therapist" ? "Therapist" : "Patient"}: "${sentence.text}"`;
}

/**
 * One section as plain text (what "copy section" copies): its title, then the sentences that
 * held, or why there are none.
 */
export function sectionAsPlainText(section: NoteSection): string {
  const lines = section.sentences.filter(held).map(sentenceLine);
  // A section without sentences always says why; one whose every sentence failed says so.
  const body = lines.length > 0 ? lines : [section.notAssessed ?? "Left out: no statement here held against the transcript."];
  return [section.title.toUpperCase(), ...body].join("\n");
}

/**
 * The note as plain text a clinician pastes into their record: each section's title, then its
 * sentences. Sentences whose citation did not hold are left out (never stated as fact), and the
 * end says how many were.
 */
export function noteAsPlainText(note: FormattedNote): string {
  const leftOut = note.sections.reduce((count, section) => count + section.sentences.filter((sentence) => !held(sentence)).length, 0);
  const footer =
    leftOut > 0 ? ["", `${leftOut} statement${leftOut === 1 ? " was" : "s were"} left out: what they cite does not support them. Review them in the console.`] : [];
  return [note.name, "", note.sections.map(sectionAsPlainText).join("\n\n"), ...footer].join("\n");
}

/** The format of a session that has none chosen (sessions stored before the choice) and of a therapist without a default. */
export const defaultNoteFormat: NoteFormat = "confide";

/** The session's chosen note format: `confide` for a session stored before it was chosen. */
export function sessionNoteFormat(session: { noteFormat?: NoteFormat | undefined }): NoteFormat {
  return session.noteFormat ?? defaultNoteFormat;
}

/**
 * A requested note format, checked: one of `noteFormats`, exactly as spelled there.
 * @throws ConfideError `validation.invalid_input` naming `field` otherwise.
 */
export function checkNoteFormat(value: unknown, field: string): NoteFormat {
  if (!isNoteFormat(value)) throw invalidInput(`The note format is one of ${noteFormats.join(", ")}.`, field);
  return value;
}
