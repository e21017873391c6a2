/**
 * Long transcripts: split into overlapping windows of whole segments that fit the model's
 * context, and the notes of the windows merged into one.
 */
import { isNotAssessed, normalizeForQuote, notAssessed, noteListFields } from "@confide/core/adapter-kit";
import type { Evidence, MoodDraft, MoodTrajectory, NoteField, NoteItemDraft, NotesDraft, RiskFlagDraft, SessionMood, TrajectoryDraft } from "@confide/core/ports";

/**
 * A conservative token count: about 3 characters a token (English BPE vocabularies average about
 * 4; code, names and other scripts fewer), rounded up. Over-counting only makes windows smaller.
 * @returns the estimated tokens of `text`.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3);
}

/** Segments (by index) of one window: `[start, end)`. */
export interface Window {
  start: number;
  end: number;
}

/**
 * Splits lines into windows whose estimated tokens stay within `budgetTokens`, each window
 * starting `overlapLines` lines before the previous one ended (fewer when the window would not
 * move on). A line longer than the budget alone is a window of its own (a segment is never cut:
 * evidence cites whole segments).
 * @returns the windows in order; one window `[0, n)` when everything fits; none for no lines.
 */
export function splitIntoWindows(lineTokens: readonly number[], budgetTokens: number, overlapLines: number): Window[] {
  const windows: Window[] = [];
  let start = 0;
  while (start < lineTokens.length) {
    let end = start;
    let used = 0;
    while (end < lineTokens.length && (end === start || used + lineTokens[end]! <= budgetTokens)) {
      used += lineTokens[end]!;
      end += 1;
    }
    windows.push({ start, end });
    if (end >= lineTokens.length) break;
    start = Math.max(start + 1, end - overlapLines);
  }
  return windows;
}

function sameEvidence(a: Evidence, b: Evidence): boolean {
  return a.segmentId === b.segmentId && a.start === b.start && a.end === b.end;
}

function mergeEvidence(into: Evidence[], more: readonly Evidence[]): Evidence[] {
  const merged = [...into];
  for (const span of more) if (!merged.some((kept) => sameEvidence(kept, span))) merged.push(span);
  return merged;
}

/** Items that say the same thing: the same words quoted, else the same claim in the same words. */
function itemKey(item: NoteItemDraft): string {
  return item.quote !== undefined ? `q:${normalizeForQuote(item.quote)}` : `t:${normalizeForQuote(item.text)}`;
}

/** One list of items from the windows' lists: duplicates (the overlaps) made one, their evidence joined. */
function mergeItems<Item extends NoteItemDraft>(lists: ReadonlyArray<readonly Item[]>, key: (item: Item) => string): Item[] {
  const byKey = new Map<string, Item>();
  for (const item of lists.flat()) {
    const k = key(item);
    const kept = byKey.get(k);
    if (kept === undefined) byKey.set(k, item);
    else byKey.set(k, { ...kept, evidence: mergeEvidence(kept.evidence, item.evidence) });
  }
  return [...byKey.values()];
}

function mergeListField<Item extends NoteItemDraft>(fields: ReadonlyArray<NoteField<Item[]>>, key: (item: Item) => string): NoteField<Item[]> {
  const assessed = fields.filter((field): field is Item[] => !isNotAssessed(field));
  if (assessed.length === 0) return fields.find(isNotAssessed) ?? notAssessed("The model did not assess this field.");
  return mergeItems(assessed, key);
}

const severityRank = { low: 0, moderate: 1, high: 2 } as const;

/** Risk flags: every one kept; only a flag of the same type quoting the same words is one flag (the highest severity). */
function mergeRiskFlags(fields: ReadonlyArray<NoteField<RiskFlagDraft[]>>): NoteField<RiskFlagDraft[]> {
  const merged = mergeListField(fields, (flag) => `${flag.type}|${flag.quote === undefined ? `t:${normalizeForQuote(flag.text)}|${flag.evidence.map((span) => span.segmentId).join(",")}` : `q:${normalizeForQuote(flag.quote)}`}`);
  if (isNotAssessed(merged)) return merged;
  const all = fields.flatMap((field) => (isNotAssessed(field) ? [] : field));
  return merged.map((flag) => {
    const highest = all
      .filter((other) => other.type === flag.type && itemKey(other) === itemKey(flag))
      .reduce((best, other) => (severityRank[other.severity] > severityRank[best] ? other.severity : best), flag.severity);
    return { ...flag, severity: highest };
  });
}

const moodScale: Record<Exclude<SessionMood, "mixed">, number> = {
  very_negative: -2,
  negative: -1,
  neutral: 0,
  positive: 1,
  very_positive: 2,
};

function moodOfScore(score: number): SessionMood {
  const rounded = Math.max(-2, Math.min(2, Math.round(score)));
  return (Object.keys(moodScale) as Array<keyof typeof moodScale>).find((mood) => moodScale[mood] === rounded)!;
}

/**
 * The session's mood from the windows' moods: the same mood everywhere is that mood; positive
 * and negative parts together are `mixed`; otherwise the mean on the scale very negative…very
 * positive. Its evidence is every window's.
 */
function mergeMood(fields: ReadonlyArray<NoteField<MoodDraft>>): NoteField<MoodDraft> {
  const moods = fields.filter((field): field is MoodDraft => !isNotAssessed(field));
  if (moods.length === 0) return fields.find(isNotAssessed) ?? notAssessed("The model did not assess the mood.");
  if (moods.length === 1) return moods[0]!;
  const values = moods.map((mood) => mood.value);
  const scores = values.filter((value): value is keyof typeof moodScale => value !== "mixed").map((value) => moodScale[value]);
  const value: SessionMood =
    values.every((mood) => mood === values[0])
      ? values[0]!
      : values.includes("mixed") || (scores.some((score) => score > 0) && scores.some((score) => score < 0))
        ? "mixed"
        : moodOfScore(scores.reduce((sum, score) => sum + score, 0) / scores.length);
  return {
    value,
    text: `Across ${moods.length} parts of the session: ${values.join(", then ")}.`,
    evidence: moods.reduce<Evidence[]>((all, mood) => mergeEvidence(all, mood.evidence), []),
  };
}

/**
 * The trajectory over the whole session from the windows' moods in order: moving one way only
 * is improving or declining, both ways fluctuating, not at all stable. With one window, that
 * window's own trajectory. Its evidence is the moods' evidence.
 */
function mergeTrajectory(moodFields: ReadonlyArray<NoteField<MoodDraft>>, fields: ReadonlyArray<NoteField<TrajectoryDraft>>): NoteField<TrajectoryDraft> {
  if (fields.length === 1) return fields[0]!;
  const moods = moodFields.filter((field): field is MoodDraft => !isNotAssessed(field) && field.value !== "mixed");
  if (moods.length < 2) {
    const assessed = fields.filter((field): field is TrajectoryDraft => !isNotAssessed(field));
    if (assessed.length === 0) return fields.find(isNotAssessed) ?? notAssessed("The model did not assess the trajectory.");
    return assessed.length === 1 || assessed.every((field) => field.value === assessed[0]!.value)
      ? { ...assessed[0]!, evidence: assessed.reduce<Evidence[]>((all, field) => mergeEvidence(all, field.evidence), []) }
      : notAssessed("The parts of the session disagree on the trajectory and give too few moods to compare.");
  }
  const steps = moods.slice(1).map((mood, index) => moodScale[mood.value as keyof typeof moodScale] - moodScale[moods[index]!.value as keyof typeof moodScale]);
  const up = steps.some((step) => step > 0);
  const down = steps.some((step) => step < 0);
  const value: MoodTrajectory = up && down ? "fluctuating" : up ? "improving" : down ? "declining" : "stable";
  return {
    value,
    text: `The patient's mood from part to part: ${moods.map((mood) => mood.value).join(", ")}.`,
    evidence: moods.reduce<Evidence[]>((all, mood) => mergeEvidence(all, mood.evidence), []),
  };
}

/**
 * The notes of the whole session from the notes of its windows (in order): list items merged
 * without duplicates, a field not assessed only where no window assessed it, mood and
 * trajectory over the whole, every risk flag kept.
 * @returns the merged draft; the one window's draft as is when there is one.
 */
export function mergeWindowNotes(drafts: readonly NotesDraft[]): NotesDraft {
  if (drafts.length === 1) return drafts[0]!;
  const lists = Object.fromEntries(
    noteListFields.map((name) => [name, mergeListField(drafts.map((draft) => draft[name]), itemKey)]),
  ) as Pick<NotesDraft, (typeof noteListFields)[number]>;
  const moods = drafts.map((draft) => draft.sessionMood);
  return {
    ...lists,
    sessionMood: mergeMood(moods),
    moodTrajectory: mergeTrajectory(moods, drafts.map((draft) => draft.moodTrajectory)),
    riskFlags: mergeRiskFlags(drafts.map((draft) => draft.riskFlags)),
  };
}
