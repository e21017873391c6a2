/** The notes as the session view lists them: one section per field, in the order a therapist reads. */

export interface EvidenceSpan {
  segmentId: string;
  start: number;
  end: number;
}

interface ItemFields {
  text: string;
  evidence: EvidenceSpan[];
  quote?: string;
  verification: { status: "grounded" | "unverified"; reason?: string };
  /** How well the cited words carry the claim; absent when the citation failed or on older notes. */
  support?: "quoted" | "paraphrased" | "unsupported";
}

type NotAssessed = { status: "not_assessed"; reason: string };
type Field<T> = T | NotAssessed;

/** The part of the API's `ClinicalNotes` this view reads. */
export interface NotesLike {
  keyTopics: Field<ItemFields[]>;
  topicSummary: Field<ItemFields[]>;
  strategies: Field<ItemFields[]>;
  /** What the therapist did; absent when the writer does not write it. */
  interventions?: Field<ItemFields[]>;
  emotionalThemes: Field<ItemFields[]>;
  triggers: Field<ItemFields[]>;
  actionItems: Field<ItemFields[]>;
  significantQuotes: Field<ItemFields[]>;
  sessionMood: Field<ItemFields & { value: string }>;
  moodTrajectory: Field<ItemFields & { value: string }>;
  followUpTopics: Field<ItemFields[]>;
  unresolvedConcerns: Field<ItemFields[]>;
  riskFlags: Field<Array<ItemFields & { type: string; severity: string }>>;
  therapistNotes: Field<ItemFields[]>;
  patientSummary: Field<ItemFields[]>;
}

export interface NoteEntry {
  /** What the item says, with its value or risk type and severity in words first where it has one. */
  text: string;
  quote?: string;
  grounded: boolean;
  /** The citation holds but the cited words do not say this: shown as not supported, never as fact. */
  unsupported: boolean;
  /** The claim says in other words what the cited words say. */
  paraphrased: boolean;
  /** Why the evidence did not hold, for an unverified item whose citation failed. */
  unverifiedReason?: string;
  evidence: EvidenceSpan[];
}

export type NoteSection =
  | { field: keyof NotesLike; title: string; kind: "items"; entries: NoteEntry[] }
  | { field: keyof NotesLike; title: string; kind: "not-assessed"; reason: string };

/** Risk is not among them: the risk screen (risk-panel.tsx) shows it, with the writer's flags merged in. */
const titles: Array<[keyof NotesLike, string]> = [
  ["sessionMood", "Session mood"],
  ["moodTrajectory", "Mood trajectory"],
  ["topicSummary", "Summary"],
  ["keyTopics", "Key topics"],
  ["emotionalThemes", "Emotional themes"],
  ["triggers", "Triggers"],
  ["strategies", "Strategies"],
  ["interventions", "What the therapist did"],
  ["actionItems", "Action items"],
  ["significantQuotes", "Significant quotes"],
  ["followUpTopics", "Follow-up topics"],
  ["unresolvedConcerns", "Unresolved concerns"],
  ["therapistNotes", "Therapist notes"],
  ["patientSummary", "Patient summary"],
];

/** `very_negative` → "very negative". */
export const words = (value: string) => value.replaceAll("_", " ");

function isNotAssessed(value: unknown): value is NotAssessed {
  return typeof value === "object" && value !== null && !Array.isArray(value) && (value as { status?: unknown }).status === "not_assessed";
}

/**
 * One item as a line: a risk flag's type and severity first; a mood or trajectory as the writer's
 * words alone (the claim core checked), never its machine value ("very_positive").
 */
function entryOf(item: ItemFields & { value?: string; type?: string; severity?: string }): NoteEntry {
  const prefix = item.type !== undefined && item.severity !== undefined ? `${words(item.type)} (${item.severity} severity): ` : "";
  return {
    text: `${prefix}${item.text}`,
    ...(item.quote === undefined ? {} : { quote: item.quote }),
    grounded: item.verification.status === "grounded",
    unsupported: item.support === "unsupported",
    paraphrased: item.verification.status === "grounded" && item.support === "paraphrased",
    ...(item.verification.status === "unverified" && item.support !== "unsupported"
      ? { unverifiedReason: item.verification.reason ?? "The evidence did not hold." }
      : {}),
    evidence: item.evidence,
  };
}

/** Every field in reading order; an empty list is kept (it says "nothing found"), not dropped; a field the writer does not write is left out. */
export function noteSections(notes: NotesLike): NoteSection[] {
  return titles.flatMap(([field, title]): NoteSection[] => {
    const value = notes[field] as Field<ItemFields | ItemFields[]> | undefined;
    if (value === undefined) return [];
    if (isNotAssessed(value)) return [{ field, title, kind: "not-assessed", reason: value.reason }];
    const items = Array.isArray(value) ? value : [value];
    return [{ field, title, kind: "items", entries: items.map(entryOf) }];
  });
}

/**
 * A segment's text cut around a cited span, for marking it: `[before, cited, after]`. A span
 * outside the text (the text was edited since) marks nothing.
 */
export function splitAtSpan(text: string, span: { start: number; end: number }): [string, string, string] {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  return [text.slice(0, start), text.slice(start, end), text.slice(end)];
}
