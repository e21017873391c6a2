import { useEffect, useRef, useState } from "preact/hooks";
import { Outcome } from "../components/outcome.tsx";
import { RegenerateNotesButton, useRegenerateNotes } from "./regenerate-notes.tsx";
import { describeError } from "../components/problem-text.ts";
import { useDraft } from "../drafts/draft-scope.ts";
import { NoteEvidence } from "./evidence-links.tsx";
import { noteSections, type EvidenceSpan, type NotesLike } from "./note-sections.ts";
import { noteFormatChoices, ProgressNote } from "./progress-note.tsx";
import type { NoteFormat, Session, SessionNote } from "./session-api.ts";

type Notes = NonNullable<Session["notes"]>;
type Transcript = NonNullable<Session["transcript"]>;

export interface NotesPanelProps {
  notes: Notes;
  transcript: Transcript;
  /** Ready for review: notes can be written again and the therapist's words edited. */
  editable: boolean;
  onOpenEvidence: (evidence: EvidenceSpan) => void;
  onRegenerate: () => Promise<void>;
  onSaveOwnWords: (edit: { therapistNotes: string | null; patientSummary: string | null }) => Promise<void>;
  /** The notes laid out as a progress note (SOAP, DAP, BIRP). */
  loadNote: (format: NoteFormat) => Promise<SessionNote>;
  /** Downloads the finalized note for the record system; absent before finalizing. */
  exportNote?: (format: NoteFormat) => Promise<void>;
  /** The therapist's unsaved words offered back after a sign-in ended: the fields start with them. */
  restored?: OwnWordsDraft | null;
  /** The session's note format: the panel opens in it (the choice below only switches this page's view). */
  noteFormat?: NoteFormat;
}

export interface OwnWordsDraft {
  therapistNotes?: string;
  patientSummary?: string;
}

function OwnWordsForm({ notes, onSave, restored }: { notes: Notes; onSave: NotesPanelProps["onSaveOwnWords"]; restored: OwnWordsDraft | null }) {
  const savedNotes = notes.review?.therapistNotes ?? "";
  const savedSummary = notes.review?.patientSummary ?? "";
  const [therapistNotes, setTherapistNotes] = useState(savedNotes);
  const [patientSummary, setPatientSummary] = useState(savedSummary);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const notesDraft = useDraft("therapist-notes");
  const summaryDraft = useDraft("patient-summary");
  const savedStatus = useRef<HTMLSpanElement>(null);
  // Saved words changed on the server (a save, another tab): the fields show them. Not on the first render.
  const editedAt = useRef(notes.review?.editedAt);
  useEffect(() => {
    if (editedAt.current === notes.review?.editedAt) return;
    editedAt.current = notes.review?.editedAt;
    setTherapistNotes(savedNotes);
    setPatientSummary(savedSummary);
  }, [notes.review?.editedAt]);
  useEffect(() => {
    if (!restored) return;
    if (restored.therapistNotes !== undefined) setTherapistNotes(restored.therapistNotes);
    if (restored.patientSummary !== undefined) setPatientSummary(restored.patientSummary);
    const first = restored.therapistNotes !== undefined ? "own-therapist-notes" : "own-patient-summary";
    requestAnimationFrame(() => {
      const field = document.getElementById(first);
      field?.scrollIntoView({ block: "center" });
      field?.focus();
    });
  }, [restored]);
  useEffect(() => {
    if (saved) savedStatus.current?.focus();
  }, [saved]);
  const orNull = (text: string) => (text.trim() === "" ? null : text);
  return (
    <form
      class="stack own-words"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setProblem(null);
        setSaved(false);
        try {
          await onSave({ therapistNotes: orNull(therapistNotes), patientSummary: orNull(patientSummary) });
          notesDraft.forget();
          summaryDraft.forget();
          setSaved(true);
        } catch (error) {
          setProblem(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <div class="field">
        <label for="own-therapist-notes">Your notes</label>
        <textarea id="own-therapist-notes" rows={4} value={therapistNotes} onInput={(event) => {
            setTherapistNotes(event.currentTarget.value);
            notesDraft.keep(event.currentTarget.value, savedNotes);
            setSaved(false);
          }}
        />
      </div>
      <div class="field">
        <label for="own-patient-summary">Summary for the patient</label>
        <textarea
          id="own-patient-summary"
          rows={3}
          value={patientSummary}
          aria-describedby="own-patient-summary-hint"
          onInput={(event) => {
            setPatientSummary(event.currentTarget.value);
            summaryDraft.keep(event.currentTarget.value, savedSummary);
            setSaved(false);
          }}
        />
        <p class="hint" id="own-patient-summary-hint">
          The patient reads this after you finalize, instead of the written summary. Leave it empty to use the written one.
        </p>
      </div>
      {problem === null ? null : (
        <p class="error-message" role="alert">
          {describeError(problem)}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? "Saving…" : "Save your notes"}
        </button>
        {saved ? (
          <span role="status" class="outcome" tabIndex={-1} ref={savedStatus}>
            <span aria-hidden="true">✓ </span>Your notes were saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}

/**
 * The fields the notes' writer did not assess, in one short part grouped by why, rather than a
 * heading and a line each (a short session has many).
 */
function NotAssessedLine({ sections }: { sections: ReturnType<typeof noteSections> }) {
  const byReason = new Map<string, string[]>();
  for (const section of sections) {
    if (section.kind !== "not-assessed") continue;
    byReason.set(section.reason, [...(byReason.get(section.reason) ?? []), section.title]);
  }
  if (byReason.size === 0) return null;
  return (
    <section class="note-section" aria-labelledby="notes-not-assessed">
      <h3 id="notes-not-assessed">Not assessed</h3>
      <ul class="not-assessed">
        {[...byReason].map(([reason, titles]) => (
          <li key={reason}>
            {titles.join(", ")} <span class="hint">({reason})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The clinical notes, field by field. Every item lists its evidence as links to the transcript
 * (opening one scrolls to the segment, highlights it and marks the cited words); an item whose
 * evidence did not hold says so and why.
 */
export function NotesPanel({ notes, transcript, editable, onOpenEvidence, onRegenerate, onSaveOwnWords, loadNote, exportNote, restored = null, noteFormat = "confide" }: NotesPanelProps) {
  const { busy, problem, outcome, regenerate } = useRegenerateNotes(onRegenerate, "The notes were written again from the corrected transcript.");
  const [format, setFormat] = useState<NoteFormat>(noteFormat);
  // Written again in another format (or another session shown): open in the session's format.
  useEffect(() => setFormat(noteFormat), [noteFormat]);
  const sections = noteSections(notes as unknown as NotesLike);
  return (
    <div class="notes stack">
      <div class="field note-format">
        <label for="note-format">Note format</label>
        <select
          id="note-format"
          value={format}
          onChange={(event) => setFormat(event.currentTarget.value as NoteFormat)}
        >
          {noteFormatChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <p class="hint">
        Each statement links to the words it cites.{" "}
        {notes.quality.unverified > 0 ? "Statements the cited words do not support are marked: never copy them as fact." : ""}
      </p>
      {notes.stale ? (
        <div class="notice" role="note">
          <p>
            <strong>These notes are out of date:</strong> the transcript changed after they were written.
          </p>
          {editable ? <RegenerateNotesButton busy={busy} onClick={() => void regenerate()} /> : null}
        </div>
      ) : null}
      <Outcome outcome={outcome} testId="notes-outcome" />
      {problem === null ? null : (
        <p class="error-message" role="alert">
          {describeError(problem)}
        </p>
      )}
      {format !== "confide" ? (
        <ProgressNote
          format={format}
          notesKey={`${notes.provenance.writtenAt}|${notes.review?.editedAt ?? ""}|${exportNote ? "final" : "draft"}`}
          transcript={transcript}
          load={loadNote}
          {...(exportNote ? { exportNote } : {})}
          onOpenEvidence={onOpenEvidence}
        />
      ) : null}
      {format !== "confide" ? null : <NotAssessedLine sections={sections} />}
      {format !== "confide" ? null : sections.map((section) => section.kind === "not-assessed" ? null : (
        <section key={section.field} class="note-section" aria-labelledby={`notes-${section.field}`}>
          <h3 id={`notes-${section.field}`}>{section.title}</h3>
          {section.entries.length === 0 ? (
            <p class="hint">Nothing found in this transcript by the notes' writer.</p>
          ) : (
            <ul>
              {section.entries.map((entry, index) => (
                <li key={index} class={entry.grounded ? "grounded" : "unverified"}>
                  {entry.grounded ? null : (
                    <strong class="unverified-label">{entry.unsupported ? "Not supported by the cited words: " : "Unverified: "}</strong>
                  )}
                  {entry.text}
                  {entry.quote !== undefined && entry.quote !== entry.text ? (
                    <>
                      {" "}
                      <q>{entry.quote}</q>
                    </>
                  ) : null}
                  {entry.unverifiedReason === undefined ? null : <span class="hint"> ({entry.unverifiedReason})</span>}
                  {entry.paraphrased ? <span class="hint"> (paraphrased from the cited words)</span> : null}
                  <NoteEvidence evidence={entry.evidence} transcript={transcript} onOpenEvidence={onOpenEvidence} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {editable || notes.review ? (
        <section aria-labelledby="notes-own-words">
          <h3 id="notes-own-words">Your own words</h3>
          {editable ? (
            <OwnWordsForm notes={notes} onSave={onSaveOwnWords} restored={restored} />
          ) : (
            <>
              {notes.review?.therapistNotes ? <p>{notes.review.therapistNotes}</p> : null}
              {notes.review?.patientSummary ? <p>For the patient: {notes.review.patientSummary}</p> : null}
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
