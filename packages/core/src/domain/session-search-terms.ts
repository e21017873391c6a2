import { isNotAssessed, noteListFields, type ClinicalNotes, type NoteField, type NoteItem } from "./clinical-notes.ts";
import { releasedPatientSummary, type Session } from "./session.ts";

/**
 * The words of a text as search sees them: NFKC-normalised (full-width letters, ligatures and
 * decomposed accents become their plain form), lower-cased the same way in every locale, and
 * split at every character that is not a letter, a combining mark or a digit — so punctuation
 * and query syntax (`&`, `|`, `:*`, quotes) are never more than separators.
 */
export function searchWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== "");
}

/**
 * Whose search a query is: a clinician's search covers the whole session (title, transcript,
 * clinical notes); a patient's only what the patient may read of it (title, transcript, and the
 * patient summary once the session is finalized) — never risk flags or therapist notes.
 */
export type SearchAudience = "clinician" | "patient";

/** The searchable parts of a session: what the clinician's and the patient's terms are made of. */
export type SearchableSession = Pick<Session, "title" | "titleShared" | "transcript" | "notes" | "status" | "review">;

const itemTexts = (field: NoteField<NoteItem[]> | NoteField<NoteItem>): string[] =>
  isNotAssessed(field) ? [] : (Array.isArray(field) ? field : [field]).map((item) => item.text);

/**
 * Every text of the notes a clinician reads: each item of every field, grounded or unverified
 * (mood, trajectory and risk flags included), and the therapist's own review text.
 */
function noteTextsOf(notes: ClinicalNotes): string[] {
  return [
    ...noteListFields.flatMap((field) => itemTexts(notes[field])),
    ...(notes.interventions ? itemTexts(notes.interventions) : []),
    ...itemTexts(notes.sessionMood),
    ...itemTexts(notes.moodTrajectory),
    ...itemTexts(notes.riskFlags),
    ...(notes.review?.therapistNotes ? [notes.review.therapistNotes] : []),
    ...(notes.review?.patientSummary ? [notes.review.patientSummary] : []),
  ];
}

/**
 * What of a session a clinician's search covers: its title, the text of every transcript
 * segment, and (when written) every text of its clinical notes.
 */
export function searchableTextsOf(session: Pick<Session, "title" | "transcript" | "notes">): string[] {
  return [
    session.title,
    ...(session.transcript?.segments.map((segment) => segment.text) ?? []),
    ...(session.notes ? noteTextsOf(session.notes) : []),
  ];
}

/**
 * What of a session a patient's search covers: its title when the therapist shared it, the text of every transcript segment,
 * and — once the session is finalized with its summary released — the patient summary exactly as
 * the patient reads it (`releasedPatientSummary`). Nothing else of the notes.
 */
export function patientSearchableTextsOf(session: SearchableSession): string[] {
  const summary = releasedPatientSummary(session);
  // The therapist's title only when shared: a patient's search must not find what they cannot read.
  const title = session.titleShared === true ? [session.title] : [];
  return [...title, ...(session.transcript?.segments.map((segment) => segment.text) ?? []), ...(summary === null ? [] : [summary])];
}

const distinctWords = (texts: string[]) => [...new Set(texts.flatMap(searchWords))];

/**
 * The distinct search words of a session for a clinician's search, in the order they first
 * appear: what a store indexes (a lowercase term array on a document store; the text of a
 * full-text vector in SQL). A session matches a query when it has every one of the query's
 * `searchWords` — exactly, or by the store's stemming where it has it. Computed from the session
 * as written, so every write (notes written, regenerated, edited; transcript edited or
 * relabelled) indexes the session as it now is.
 */
export function sessionSearchTerms(session: Pick<Session, "title" | "transcript" | "notes">): string[] {
  return distinctWords(searchableTextsOf(session));
}

/** The distinct search words of a session for a patient's search (`patientSearchableTextsOf`). */
export function patientSearchTerms(session: SearchableSession): string[] {
  return distinctWords(patientSearchableTextsOf(session));
}

/** The terms a store keeps for a session, per audience: the one rule every repository writes. */
export interface SessionSearchIndex {
  clinician: string[];
  patient: string[];
}

/** @returns both term lists of the session (`sessionSearchTerms`, `patientSearchTerms`). */
export function sessionSearchIndex(session: SearchableSession): SessionSearchIndex {
  return { clinician: sessionSearchTerms(session), patient: patientSearchTerms(session) };
}
