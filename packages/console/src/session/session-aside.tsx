import { CollapsibleSection } from "../components/collapsible-section.tsx";
import { missingPartWords } from "./missing-part.ts";
import type { EvidenceSpan } from "./note-sections.ts";
import { LiveSuggestionsTimeline } from "./live-suggestions-timeline.tsx";
import { NotesPanel, type OwnWordsDraft } from "./notes-panel.tsx";
import { MoodChartView } from "./mood-chart-view.tsx";
import type { NoteFormat, Session, SessionApi } from "./session-api.ts";
import { SpeakersForm } from "./speakers-form.tsx";
import type { SessionWrite } from "./use-session.ts";

export interface SessionAsideProps {
  session: Session;
  api: SessionApi;
  write: SessionWrite;
  onOpenEvidence: (evidence: EvidenceSpan) => void;
  restoredWords: OwnWordsDraft | null;
  /** Plays a few seconds of the recording (a speaker's sample). */
  onPlayClip: (startMs: number, endMs: number) => void;
}

/** Beside the transcript: who is who, the patient's mood (the notes' reading), and the notes. */
export function SessionAside({ session, api, write, onOpenEvidence, restoredWords, onPlayClip }: SessionAsideProps) {
  const { id, transcript } = session;
  const ready = session.status === "ready";
  return (
    <aside class="session-aside" aria-label="Speakers, mood and notes">
      {transcript === null ? null : (
        <CollapsibleSection id="session-speakers" title="Speakers" closedOnPhone>
          <SpeakersForm
            speakers={transcript.speakers}
            segments={transcript.segments}
            onPlayClip={onPlayClip}
            editable={ready}
            onSave={(speakers) => write((current) => api.relabel(id, current.version, speakers), "Speaker roles saved.")}
          />
        </CollapsibleSection>
      )}
      {/* The chart reads the notes' mood reading, as the mood line and the trajectory do: one reading, never another analyser's scores. */}
      <CollapsibleSection id="session-sentiment" title="Patient's mood" closedOnPhone>
        {session.notes ? (
          <MoodChartView notes={session.notes} durationMs={transcript?.durationMs ?? session.audio.durationMs ?? 0} />
        ) : (
          <p>{missingPartWords(session.status, "notes")}</p>
        )}
      </CollapsibleSection>
      <LiveSuggestionsTimeline session={session} onOpenEvidence={onOpenEvidence} />
      <CollapsibleSection id="session-notes" title="Notes" closedOnPhone>
        {session.notes && transcript ? (
          <NotesPanel
            notes={session.notes}
            transcript={transcript}
            editable={ready}
            onOpenEvidence={onOpenEvidence}
            onRegenerate={() => write((current) => api.regenerateNotes(id, current.version), "The notes were written again.")}
            onSaveOwnWords={(edit) => write((current) => api.editNotes(id, current.version, edit), "Your notes were saved.")}
            loadNote={(format) => api.note(id, format)}
            restored={restoredWords}
            noteFormat={session.noteFormat ?? "confide"}
            {...(session.status === "finalized" ? { exportNote: (format: NoteFormat) => api.downloadNoteFhir(id, format) } : {})}
          />
        ) : (
          <p>{missingPartWords(session.status, "notes")}</p>
        )}
      </CollapsibleSection>
    </aside>
  );
}
