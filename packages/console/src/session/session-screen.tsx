import { ConfideApiError } from "@confide/client";
import { useEffect, useRef, useState } from "preact/hooks";
import { announce } from "../components/announcer.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Outcome, useOutcome } from "../components/outcome.tsx";
import { CollapsibleSection } from "../components/collapsible-section.tsx";
import { StatusChip } from "../components/status-chip.tsx";
import { Link } from "../router/link.tsx";
import { navigate } from "../router/router.ts";
import { ScreenHeading } from "../screens/screen-heading.tsx";
import { AudioPlayer } from "./audio-player.tsx";
import { DeleteDialog } from "./delete-dialog.tsx";
import type { EvidenceSpan } from "./note-sections.ts";
import { LiveSuggestionsTimeline } from "./live-suggestions-timeline.tsx";
import { NotesPanel } from "./notes-panel.tsx";
import { RiskPanel } from "./risk-panel.tsx";
import { RiskBanner } from "./risk-banner.tsx";
import { SignoffDialog } from "./signoff-dialog.tsx";
import { segmentIndexAt, seekSecondsFor } from "./playing-segment.ts";
import { resolveConflict } from "./segment-conflict.ts";
import type { SaveResult } from "./segment-editor.tsx";
import { consoleClient } from "../api/console-client.ts";
import { useAuth } from "../auth/auth-state.ts";
import { lostSignInReason, setLostSignIn, useLostSignIn } from "../auth/lost-sign-in.ts";
import { DraftNotice } from "../drafts/draft-notice.tsx";
import { DraftScopeContext } from "../drafts/draft-scope.ts";
import { drafts, segmentOf, type Draft } from "../drafts/draft-store.ts";
import { clockTime } from "./clock-time.ts";
import type { OwnWordsDraft } from "./notes-panel.tsx";
import { speakerName } from "./speaker-relabel.ts";
import { isTherapistView, sessionApi, type NoteFormat, type Session, type SessionApi } from "./session-api.ts";
import { SentimentChartView } from "./sentiment-chart-view.tsx";
import { SpeakersForm } from "./speakers-form.tsx";
import { segmentElementId, TranscriptView } from "./transcript-view.tsx";
import { describeWarning } from "./transcript-warnings.ts";
import { describeFailure } from "./processing-failure.ts";
import "./session.css";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const processing = new Set(["uploaded", "queued", "transcribing", "analyzing", "writing_notes"]);

/** Tries a segment save again at most this often when other saves keep landing first on other segments. */
const maxResubmits = 3;

const conflictMessage = "Someone else changed this session meanwhile. It has been reloaded: check the change and try again.";

/**
 * The session a therapist reviews: the recording with the transcript under it (click a time to
 * play from there; the segment playing is marked), inline correction with conflict handling,
 * speaker roles, the patient's sentiment, the notes with their evidence, finalize and delete.
 */
export function SessionScreen({ id, api = sessionApi }: { id: string; api?: SessionApi }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [timeMs, setTimeMs] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [cited, setCited] = useState<EvidenceSpan | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [signingOff, setSigningOff] = useState(false);
  /** Set once signed: the signature line takes the focus after the dialog has closed. */
  const [focusSignature, setFocusSignature] = useState(false);
  const signature = useRef<HTMLParagraphElement | null>(null);
  const [busy, setBusy] = useState(false);
  const headerOutcome = useOutcome();
  const audio = useRef<HTMLAudioElement | null>(null);
  const latest = useRef<Session | null>(null);
  latest.current = session;
  const userId = useAuth()?.user.id ?? "";
  const lost = useLostSignIn();
  /** Text kept from before, offered back once the session is open for review; null when none. */
  const [offered, setOffered] = useState<Draft[] | null>(null);
  const [restoredWords, setRestoredWords] = useState<OwnWordsDraft | null>(null);
  const [restoredEdit, setRestoredEdit] = useState<{ segmentId: string; text: string } | null>(null);
  const [draftOutcome, setDraftOutcome] = useState<string | null>(null);
  const draftOutcomeLine = useRef<HTMLParagraphElement>(null);
  const ready = session?.status === "ready";
  useEffect(() => {
    if (!ready || offered !== null) return;
    setOffered(drafts.of(userId, id));
  }, [ready, userId, id]);
  useEffect(() => {
    if (draftOutcome !== null) draftOutcomeLine.current?.focus();
  }, [draftOutcome]);

  const restoreDrafts = (kept: readonly Draft[]) => {
    const words: OwnWordsDraft = {};
    let edit: { segmentId: string; text: string } | null = null;
    for (const draft of kept) {
      const segmentId = segmentOf(draft.field);
      if (draft.field === "therapist-notes") words.therapistNotes = draft.text;
      else if (draft.field === "patient-summary") words.patientSummary = draft.text;
      // One segment is corrected at a time: the first kept correction opens (the others stay kept).
      else if (segmentId !== null && edit === null && latest.current?.transcript?.segments.some((segment) => segment.id === segmentId)) {
        edit = { segmentId, text: draft.text };
      }
    }
    setOffered([]);
    setLostSignIn(null);
    if (words.therapistNotes !== undefined || words.patientSummary !== undefined) setRestoredWords(words);
    if (edit) setRestoredEdit(edit);
    announce("Your unsaved text was restored. Save it to keep it.");
  };
  const discardDrafts = () => {
    drafts.forgetSession(userId, id);
    setOffered([]);
    setLostSignIn(null);
    setDraftOutcome("The kept text was discarded.");
  };
  const describeDraft = (draft: Draft): string => {
    if (draft.field === "therapist-notes") return "Your notes";
    if (draft.field === "patient-summary") return "Your summary for the patient";
    const segmentId = segmentOf(draft.field);
    const transcript = latest.current?.transcript;
    const segment = transcript?.segments.find((candidate) => candidate.id === segmentId);
    return segment && transcript
      ? `Your correction of the segment at ${clockTime(segment.startMs)}, ${speakerName(transcript.speakers, segment.speaker)}`
      : "A correction of a segment that is no longer in the transcript";
  };

  const reload = async (): Promise<Session | null> => {
    const view = await api.get(id);
    if (!isTherapistView(view)) {
      setLoadError(new Error("This view is for the session's therapist."));
      return null;
    }
    setSession(view);
    return view;
  };

  useEffect(() => {
    reload().catch(setLoadError);
  }, [id]);

  // While the session is processed, follow its status and reload when it settles.
  const status = session?.status;
  useEffect(() => {
    if (status === undefined || !processing.has(status)) return;
    const controller = new AbortController();
    void (async () => {
      try {
        for await (const event of consoleClient.sessionEvents(id, { signal: controller.signal })) {
          if (event.type === "deleted") {
            setLoadError(new Error("This session was deleted."));
            return;
          }
          if (event.type === "end" || !processing.has(event.status)) {
            await reload();
            return;
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) setLoadError(error);
      }
    })();
    return () => controller.abort();
  }, [status]);

  /** Runs a write; a version conflict reloads the session and says so. */
  const write = async (run: (current: Session) => Promise<Session>, done: string) => {
    const current = latest.current;
    if (!current) return;
    setBusy(true);
    setActionError(null);
    try {
      setSession(await run(current));
      announce(done);
    } catch (error) {
      if (ConfideApiError.is(error, "session.version_conflict")) {
        await reload();
        throw new Error(conflictMessage);
      }
      throw error;
    } finally {
      setBusy(false);
    }
  };

  const saveSegment = async (segmentId: string, mine: string, base: string): Promise<SaveResult> => {
    let version = latest.current?.version ?? 0;
    for (let attempt = 0; attempt <= maxResubmits; attempt += 1) {
      try {
        setSession(await api.editSegment(id, version, segmentId, mine));
        announce("Segment saved.");
        return { kind: "saved" };
      } catch (error) {
        if (!ConfideApiError.is(error, "session.version_conflict")) throw error;
      }
      const current = await reload();
      if (!current) throw new Error(conflictMessage);
      const outcome = resolveConflict({ segmentId, base, mine }, current);
      switch (outcome.kind) {
        case "already-saved":
          announce("Segment saved (someone else had saved the same words).");
          return { kind: "saved" };
        case "conflict":
          announce("Someone else saved this segment while you were editing. Compare the two versions.");
          return { kind: "conflict", theirs: outcome.theirs };
        case "gone":
          throw new Error("This segment is no longer in the transcript.");
        case "resubmit":
          version = outcome.version;
      }
    }
    throw new Error(conflictMessage);
  };

  useEffect(() => {
    if (!focusSignature) return;
    signature.current?.focus();
    setFocusSignature(false);
  }, [focusSignature, session]);

  const acknowledge = (flagId: string) =>
    write((current) => api.acknowledgeRiskFlag(id, current.version, flagId), "Risk flag acknowledged.");

  const playFrom = (segment: { id: string; startMs: number; endMs: number }) => {
    const element = audio.current;
    if (!element) return;
    element.currentTime = seekSecondsFor(segment);
    setTimeMs(segment.startMs);
    void element.play().catch(() => announce("Press play on the recording to listen."));
  };

  const openEvidence = (evidence: EvidenceSpan) => {
    setCited(evidence);
    requestAnimationFrame(() => {
      const element = document.getElementById(segmentElementId(evidence.segmentId));
      if (!element) return;
      element.scrollIntoView({ block: "center" });
      // The keyboard follows the link to the segment, as it would an in-page anchor.
      element.focus({ preventScroll: true });
    });
  };

  if (loadError !== null) {
    return (
      <section class="stack">
        <ScreenHeading title="Session">Session</ScreenHeading>
        <ErrorMessage error={loadError} />
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
  const playingIndex = transcript ? segmentIndexAt(transcript.segments, timeMs) : -1;
  const warnings = (transcript?.warnings ?? []).map(describeWarning);
  const failure = session.status === "failed" && session.processing.lastError ? describeFailure(session.processing.lastError) : null;

  return (
    <DraftScopeContext.Provider value={userId ? { userId, sessionId: id } : null}>
    <div class="session-view">
      {offered && offered.length > 0 ? (
        <DraftNotice
          drafts={offered}
          reason={lost ? lostSignInReason(lost) : null}
          describe={describeDraft}
          onRestore={() => restoreDrafts(offered)}
          onDiscard={discardDrafts}
        />
      ) : null}
      {draftOutcome === null ? null : (
        <p class="outcome" role="status" tabIndex={-1} ref={draftOutcomeLine}>
          {draftOutcome}
        </p>
      )}
      <RiskBanner
        risk={session.risk}
        transcript={transcript}
        therapistId={session.therapistId}
        editable={ready}
        onOpenEvidence={openEvidence}
        onAcknowledge={acknowledge}
      />
      <div class="session-header">
        <ScreenHeading title={session.title}>{session.title}</ScreenHeading>
        <p class="session-facts">
          <StatusChip status={session.status} /> Recorded {dateFormat.format(new Date(session.recordedAt))}
          {session.review.finalizedAt ? ` · finalized ${dateFormat.format(new Date(session.review.finalizedAt))}` : ""}
        </p>
        {session.review.finalizedAt ? (
          <p class="session-signature" ref={signature} tabIndex={-1}>
            <span aria-hidden="true">✓ </span>
            Signed by {session.review.finalizedBy === session.therapistId ? "you" : "another clinician"} on {dateFormat.format(new Date(session.review.finalizedAt))}.{" "}
            {session.review.summaryReleased ? "The summary was released to the patient." : "No summary was released to the patient."}
          </p>
        ) : null}
        <div class="actions">
          {ready ? (
            <button type="button" class="primary" disabled={busy} onClick={() => setSigningOff(true)}>
              Finalize review…
            </button>
          ) : null}
          <button type="button" class="danger-outline" onClick={() => setDeleting(true)}>
            Delete session…
          </button>
        </div>
        <ErrorMessage error={actionError} />
        <Outcome outcome={headerOutcome.outcome} testId="session-outcome" />
      </div>

      {transcript === null && !session.risk ? null : <RiskPanel risk={session.risk} transcript={transcript} onOpenEvidence={openEvidence} />}

      {failure === null ? null : (
        <section class="warnings failure" aria-labelledby="session-failure">
          <h2 id="session-failure">{failure.title}</h2>
          <p>{failure.message}</p>
          <div class="actions">
            {failure.retryable ? (
              <button
                type="button"
                class="primary"
                disabled={busy}
                onClick={() => {
                  write((current) => api.retry(id, current.version), "Processing started again.")
                    .then(() => headerOutcome.show("Processing started again. This page updates when it is ready."))
                    .catch(setActionError);
                }}
              >
                Try again
              </button>
            ) : (
              <Link href="/upload">Upload the recording again</Link>
            )}
            <button type="button" class="danger-outline" onClick={() => setDeleting(true)}>
              Delete this session…
            </button>
          </div>
          <details>
            <summary>Details</summary>
            <p class="detail">{failure.detail}</p>
          </details>
        </section>
      )}

      {warnings.length === 0 ? null : (
        <section class="warnings" aria-labelledby="session-warnings">
          <h2 id="session-warnings">Warnings</h2>
          <ul>
            {warnings.map((warning) => (
              <li key={warning.detail}>
                <strong>{warning.title}:</strong> {warning.message}
                <details>
                  <summary>Details</summary>
                  <p class="detail">{warning.detail}</p>
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}

      {processing.has(session.status) ? (
        <p role="status">This session is still being processed. This page updates when it is ready.</p>
      ) : null}


      <div class="session-columns">
        <section class="transcript-column" aria-labelledby="session-transcript">
          <h2 id="session-transcript">Recording and transcript</h2>
          <AudioPlayer
            sessionId={id}
            api={api}
            onElement={(element) => {
              audio.current = element;
            }}
            onTime={setTimeMs}
            onPlayingChange={setPlaying}
          />
          {transcript === null ? (
            <p>No transcript yet.</p>
          ) : (
            <TranscriptView
              transcript={transcript}
              playingIndex={playingIndex}
              playing={playing}
              cited={cited}
              editable={ready}
              onPlayFrom={playFrom}
              onSaveSegment={saveSegment}
              restoredEdit={restoredEdit}
            />
          )}
        </section>

        <aside class="session-aside" aria-label="Speakers, sentiment and notes">
          {transcript === null ? null : (
            <CollapsibleSection id="session-speakers" title="Speakers" closedOnPhone>
              <SpeakersForm
                speakers={transcript.speakers}
                editable={ready}
                onSave={(speakers) => write((current) => api.relabel(id, current.version, speakers), "Speaker roles saved.")}
              />
            </CollapsibleSection>
          )}
          <CollapsibleSection id="session-sentiment" title="Patient's sentiment" closedOnPhone>
            {session.sentiment ? (
              <SentimentChartView timeline={session.sentiment.timeline} durationMs={transcript?.durationMs ?? session.audio.durationMs ?? 0} />
            ) : (
              <p>Not measured yet.</p>
            )}
          </CollapsibleSection>
          <LiveSuggestionsTimeline session={session} onOpenEvidence={openEvidence} />
          <CollapsibleSection id="session-notes" title="Notes">
            {session.notes && transcript ? (
              <NotesPanel
                notes={session.notes}
                transcript={transcript}
                editable={ready}
                onOpenEvidence={openEvidence}
                onRegenerate={() => write((current) => api.regenerateNotes(id, current.version), "The notes were written again.")}
                onSaveOwnWords={(edit) => write((current) => api.editNotes(id, current.version, edit), "Your notes were saved.")}
                loadNote={(format) => api.note(id, format)}
                restored={restoredWords}
                noteFormat={session.noteFormat ?? "confide"}
                {...(session.status === "finalized" ? { exportNote: (format: NoteFormat) => api.downloadNoteFhir(id, format) } : {})}
              />
            ) : (
              <p>No notes yet.</p>
            )}
          </CollapsibleSection>
        </aside>
      </div>

      {ready ? (
        <SignoffDialog
          session={session}
          open={signingOff}
          onCancel={() => setSigningOff(false)}
          onAcknowledge={acknowledge}
          onConfirm={async (release) => {
            await write(
              (current) => api.finalize(id, current.version, release),
              release ? "Session signed and finalized. The summary was released to the patient." : "Session signed and finalized. No summary was released to the patient.",
            );
            // Locked now: nothing typed before can be saved any more.
            drafts.forgetSession(userId, id);
            setSigningOff(false);
            setFocusSignature(true);
          }}
        />
      ) : null}

      <DeleteDialog
        title={session.title}
        open={deleting}
        onCancel={() => setDeleting(false)}
        onConfirm={async () => {
          await api.remove(id);
          setDeleting(false);
          announce(`Session “${session.title}” deleted.`);
          navigate("/sessions");
        }}
      />
    </div>
    </DraftScopeContext.Provider>
  );
}
