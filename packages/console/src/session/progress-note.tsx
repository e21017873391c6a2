import { useEffect, useState } from "preact/hooks";
import { announce } from "../components/announcer.tsx";
import { describeError } from "../components/problem-text.ts";
import { NoteEvidence } from "./evidence-links.tsx";
import type { EvidenceSpan } from "./note-sections.ts";
import type { NoteFormat, Session, SessionNote } from "./session-api.ts";

type Transcript = NonNullable<Session["transcript"]>;

/** The formats offered, by the names clinicians know them by. */
export const noteFormatChoices: Array<{ value: NoteFormat; label: string }> = [
  { value: "confide", label: "Session notes (all fields)" },
  { value: "soap", label: "SOAP progress note" },
  { value: "dap", label: "DAP progress note" },
  { value: "birp", label: "BIRP progress note" },
];

async function copy(text: string, what: string, setDone: (text: string) => void): Promise<void> {
  await navigator.clipboard.writeText(text);
  setDone(`${what} copied.`);
  announce(`${what} copied.`);
}

export interface ProgressNoteProps {
  format: Exclude<NoteFormat, "confide">;
  /** Changes whenever the notes do (written again, edited), so the note is read again. */
  notesKey: string;
  transcript: Transcript;
  load: (format: NoteFormat) => Promise<SessionNote>;
  /** Downloads the finalized note for the record system; absent before finalizing. */
  exportNote?: (format: NoteFormat) => Promise<void>;
  onOpenEvidence: (evidence: EvidenceSpan) => void;
}

/**
 * The notes as a SOAP, DAP or BIRP progress note: each section with its sentences and their
 * evidence, what did not hold marked, what nothing supports said as not assessed; copy a
 * section, copy the whole note as plain text, print, and (once finalized) download it for the
 * clinic's record system.
 */
export function ProgressNote({ format, notesKey, transcript, load, exportNote, onOpenEvidence }: ProgressNoteProps) {
  const [note, setNote] = useState<SessionNote | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState("");
  useEffect(() => {
    let current = true;
    setProblem(null);
    setDone("");
    load(format).then(
      (loaded) => current && setNote(loaded),
      (error: unknown) => current && setProblem(error),
    );
    return () => {
      current = false;
    };
  }, [format, notesKey]);

  if (problem !== null) {
    return (
      <p class="error-message" role="alert">
        {describeError(problem)}
      </p>
    );
  }
  if (note === null || note.format !== format) return <p class="hint">Laying out the note…</p>;
  const act = (action: () => Promise<void>) => () => {
    setProblem(null);
    action().catch((error: unknown) => setProblem(error));
  };
  return (
    <div class="progress-note stack">
      <div class="actions">
        <button type="button" onClick={act(() => copy(note.text, "The whole note", setDone))}>
          Copy whole note
        </button>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        {exportNote ? (
          <button type="button" onClick={act(() => exportNote(format).then(() => setDone("The note was downloaded for your record system.")))}>
            Download for record system (FHIR)
          </button>
        ) : null}
        <span role="status">{done}</span>
      </div>
      {note.sections.map((section) => (
        <section key={section.key} class="note-section" aria-labelledby={`note-${section.key}`}>
          <div class="note-section-heading">
            <h3 id={`note-${section.key}`}>{section.title}</h3>
            <button type="button" class="link-button" onClick={act(() => copy(section.text, section.title, setDone))}>
              Copy<span class="visually-hidden"> {section.title}</span>
            </button>
          </div>
          {section.sentences.length === 0 ? (
            <p class="hint">{section.notAssessed}</p>
          ) : (
            <ul>
              {section.sentences.map((sentence, index) => {
                const unverified = sentence.verification?.status === "unverified";
                return (
                  <li key={index} class={unverified ? "unverified" : "grounded"}>
                    {unverified ? <strong class="unverified-label">Unverified: </strong> : null}
                    {sentence.from === "significantQuotes" ? (
                      <>
                        {sentence.speaker === "therapist" ? "Therapist" : "Patient"}: <q>{sentence.text}</q>
                      </>
                    ) : (
                      sentence.text
                    )}
                    <NoteEvidence evidence={sentence.evidence} transcript={transcript} onOpenEvidence={onOpenEvidence} />
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
      {note.text.includes(" left out: ") ? (
        <p class="hint">Statements marked unverified are left out of what is copied, printed and downloaded.</p>
      ) : null}
    </div>
  );
}
