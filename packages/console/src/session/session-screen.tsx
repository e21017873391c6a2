import { useRef, useState } from "preact/hooks";
import { announce } from "../components/announcer.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { useOutcome } from "../components/outcome.tsx";
import { Link } from "../router/link.tsx";
import { flashOnNextScreen } from "../components/flash-message.tsx";
import { navigate } from "../router/router.ts";
import { ScreenHeading } from "../screens/screen-heading.tsx";
import { useAuth } from "../auth/auth-state.ts";
import { DraftScopeContext } from "../drafts/draft-scope.ts";
import type { FlagActions } from "./acknowledgement.ts";
import { DeleteDialog } from "./delete-dialog.tsx";
import { FailurePanel } from "./failure-panel.tsx";
import type { EvidenceSpan } from "./note-sections.ts";
import { describeFailure } from "./processing-failure.ts";
import { playClip } from "./play-clip.ts";
import { RiskBanner } from "./risk-banner.tsx";
import { RiskPanel } from "./risk-panel.tsx";
import { saveSegment } from "./save-segment.ts";
import { SessionAside } from "./session-aside.tsx";
import { raisedFlagHeadings, raisedFlagWords } from "./raised-flags.ts";
import { sessionApi, type Session, type SessionApi } from "./session-api.ts";
import { SessionDrafts, type RestoredDrafts } from "./session-drafts.tsx";
import { SessionHeader } from "./session-header.tsx";
import { TranscriptPanel } from "./transcript-panel.tsx";
import { segmentElementId } from "./transcript-view.tsx";
import { processingStatuses, useSession } from "./use-session.ts";
import { WarningsPanel } from "./warnings-panel.tsx";
import "./session.css";

/** A failed session whose reason was not kept: said as such, never left without words. */
const unrecordedFailure = { code: "unknown", message: "No reason was recorded.", retryable: false };

/** Scrolls to a cited segment and gives it the focus, as an in-page anchor would. */
function goToSegment(segmentId: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(segmentElementId(segmentId));
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
  });
}

/** Says a correction was saved, and any risk flag it raised; @returns what to show by the segment, null for nothing. */
function announceSaved(before: Session | null, after: Session, segmentId: string): { segmentId: string; headings: string[] } | null {
  const headings = raisedFlagHeadings(before?.risk, after.risk);
  if (headings.length === 0) {
    announce("Segment saved.");
    return null;
  }
  announce(`Segment saved. This correction raised ${raisedFlagWords(headings)}. Acknowledge ${headings.length === 1 ? "it" : "them"} in the risk flags at the top of the page.`);
  return { segmentId, headings };
}

/**
 * The session a therapist reviews, one panel per part: the risk banner, the header (sign-off,
 * delete), a failure or warnings, the risk screen, the recording with its transcript, and beside
 * it the speakers, sentiment and notes. This component holds the session and what the panels
 * share (the evidence opened last, text restored from before); each panel holds its own state.
 */
export function SessionScreen({ id, api = sessionApi }: { id: string; api?: SessionApi }) {
  const state = useSession(id, api);
  const { session, busy, write } = state;
  const [cited, setCited] = useState<EvidenceSpan | null>(null);
  const [restored, setRestored] = useState<RestoredDrafts>({ words: null, edit: null });
  const [deleting, setDeleting] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  /** The last correction raised risk flags: said by its segment until the next correction. */
  const [raised, setRaised] = useState<{ segmentId: string; headings: string[] } | null>(null);
  const headerOutcome = useOutcome();
  /** The recording's player: the transcript plays from it, the speakers' samples too. */
  const audio = useRef<HTMLAudioElement | null>(null);
  const userId = useAuth()?.user.id ?? "";

  if (state.loadError !== null) {
    return (
      <section class="stack">
        <ScreenHeading title="Session">Session</ScreenHeading>
        <ErrorMessage error={state.loadError} />
        <p>
          <Link href="/sessions">Back to the sessions</Link>
        </p>
      </section>
    );
  }
  if (session === null) {
    return (
      <section aria-busy="true">
        <ScreenHeading title="Session">Session</ScreenHeading>
        <p>Loading the session…</p>
      </section>
    );
  }

  const transcript = session.transcript;
  const ready = session.status === "ready";
  const failure = session.status === "failed" ? describeFailure(session.processing.lastError ?? unrecordedFailure) : null;
  const openEvidence = (evidence: EvidenceSpan) => {
    setCited(evidence);
    goToSegment(evidence.segmentId);
  };
  const flagActions: FlagActions = {
    acknowledge: (flagId, reason) => write((current) => api.acknowledgeRiskFlag(id, current.version, flagId, reason), "Risk flag acknowledged."),
    undo: (flagId) => write((current) => api.undoRiskAcknowledgement(id, current.version, flagId), "Acknowledgement undone."),
  };
  const retry = () => {
    setActionError(null);
    write((current) => api.retry(id, current.version), "Processing started again.")
      .then(() => headerOutcome.show("Processing started again. This page updates when it is ready."))
      .catch(setActionError);
  };

  return (
    <DraftScopeContext.Provider value={userId ? { userId, sessionId: id } : null}>
      <div class="session-view">
        <SessionDrafts userId={userId} sessionId={id} latest={state.latest} ready={ready} onRestore={setRestored} />
        <RiskBanner risk={session.risk} transcript={transcript} therapistId={session.therapistId} editable={ready} onOpenEvidence={openEvidence} flagActions={flagActions} />
        <SessionHeader
          session={session}
          api={api}
          userId={userId}
          busy={busy}
          write={write}
          flagActions={flagActions}
          onDelete={() => setDeleting(true)}
          actionError={actionError}
          outcome={headerOutcome.outcome}
        />
        {transcript === null && !session.risk ? null : <RiskPanel risk={session.risk} transcript={transcript} onOpenEvidence={openEvidence} />}
        {failure === null ? null : <FailurePanel failure={failure} busy={busy} onRetry={retry} onDelete={() => setDeleting(true)} />}
        <WarningsPanel transcript={transcript} />
        {processingStatuses.has(session.status) ? <p role="status">This session is still being processed. This page updates when it is ready.</p> : null}
        <div class="session-columns">
          <TranscriptPanel
            session={session}
            api={api}
            cited={cited}
            restoredEdit={restored.edit}
            raised={raised}
            audio={audio}
            onSaveSegmentSpeaker={(segmentId, speaker) =>
              write((current) => api.moveSegments(id, current.version, [{ id: segmentId, speaker }]), "The segment's speaker was changed.")
            }
            onSaveSegment={(segmentId, mine, base) =>
              saveSegment({ ...state, api, sessionId: id, onSaved: (before, after, saved) => setRaised(announceSaved(before, after, saved)) }, segmentId, mine, base)
            }
          />
          <SessionAside session={session} api={api} write={write} onOpenEvidence={openEvidence} restoredWords={restored.words} onPlayClip={(startMs, endMs) => playClip(audio.current, startMs, endMs)} />
        </div>
        <DeleteDialog
          title={session.title}
          open={deleting}
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            await api.remove(id);
            setDeleting(false);
            announce(`Session “${session.title}” deleted.`);
            flashOnNextScreen(`The session “${session.title}” was deleted, with its recording, transcript and notes.`);
            navigate("/sessions");
          }}
        />
      </div>
    </DraftScopeContext.Provider>
  );
}
