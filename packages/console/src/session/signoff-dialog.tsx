import { useEffect, useRef, useState } from "preact/hooks";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { describeError } from "../components/problem-text.ts";
import type { FlagActions } from "./acknowledgement.ts";
import { unsureWordCount } from "./low-confidence.ts";
import { RiskFlagItems } from "./risk-flag-items.tsx";
import { blockingFlags, riskFlagViews, riskSummary } from "./risk-flags.ts";
import type { Session } from "./session-api.ts";
import { StaleNotesWarning } from "./stale-notes-warning.tsx";

export interface SignoffDialogProps {
  session: Session;
  open: boolean;
  onCancel: () => void;
  flagActions: FlagActions;
  /** Writes the notes again from the transcript as it is now. */
  onRegenerate: () => Promise<void>;
  /** Signs and finalizes; `release` is the "Release summary to the patient" choice. */
  onConfirm: (release: boolean) => Promise<void>;
}

function RiskPart({ session, reviewed, flagActions }: { session: Session; reviewed: string[]; flagActions: FlagActions }) {
  const blocking = blockingFlags(session.risk);
  const listed = session.risk ? riskFlagViews(session.risk).filter((flag) => flag.blocking || reviewed.includes(flag.id)) : [];
  return (
    <section class="signoff-part" aria-labelledby="signoff-risk">
      <h3 id="signoff-risk">Risk flags</h3>
      {blocking.length > 0 ? (
        <p class="signoff-blocking">
          {blocking.length === 1 ? "Acknowledge this flag" : `Acknowledge these ${blocking.length} flags`} before signing off:
        </p>
      ) : (
        <p>{session.risk && session.risk.flags.length > 0 ? "Every flag that needs it has been acknowledged." : riskSummary(session.risk)}</p>
      )}
      {listed.length === 0 ? null : (
        <RiskFlagItems
          flags={listed}
          transcript={session.transcript}
          therapistId={session.therapistId}
          editable
          scope="signoff"
          onAcknowledge={flagActions.acknowledge}
          onUndo={flagActions.undo}
        />
      )}
    </section>
  );
}

/**
 * The sign-off review: what finalizing will lock, before it does. Out-of-date notes first (with
 * "Write the notes again"), risk flags not yet acknowledged (they block "Sign and finalize", and
 * can be acknowledged here), how many unsure words are left, the patient summary exactly as the
 * patient would read it (the server's `patientSummaryPreview`), and "Release summary to the
 * patient" as a choice of its own, unchecked each time the dialog opens. It opens scrolled to its
 * top, so a phone shows the warnings before the buttons.
 */
export function SignoffDialog({ session, open, onCancel, flagActions, onRegenerate, onConfirm }: SignoffDialogProps) {
  const [busy, setBusy] = useState(false);
  const [release, setRelease] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** The flags that blocked when the review opened: kept in view once acknowledged, saying so. */
  const [reviewed, setReviewed] = useState<string[]>([]);
  /** The notes were out of date when the review opened: the part stays, to say they were written again. */
  const [staleAtOpen, setStaleAtOpen] = useState(false);
  const top = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setRelease(false);
    setReviewed(blockingFlags(session.risk).map((flag) => flag.id));
    setStaleAtOpen(session.notes?.stale === true);
    // The dialog gave Cancel (at its foot) the focus, which scrolled there: show its top (the
    // title, then the warnings) instead.
    requestAnimationFrame(() => {
      const dialog = top.current?.closest("dialog");
      if (dialog) dialog.scrollTop = 0;
    });
  }, [open]);

  const blocking = blockingFlags(session.risk);
  const unsure = unsureWordCount(session.transcript);
  const summary = session.patientSummaryPreview ?? null;
  const stale = session.notes?.stale === true;

  return (
    <ConfirmDialog
      id="signoff-dialog"
      open={open}
      title={`Sign off “${session.title}”?`}
      text="Finalizing signs the transcript and notes as reviewed by you and locks them: they cannot be changed afterwards. The patient can then see this session."
      busy={busy}
      tone="primary"
      confirmLabel={busy ? "Signing…" : "Sign and finalize"}
      confirmDisabled={blocking.length > 0}
      onCancel={onCancel}
      onConfirm={async () => {
        setBusy(true);
        setProblem(null);
        try {
          await onConfirm(release);
        } catch (error) {
          setProblem(describeError(error));
        } finally {
          setBusy(false);
        }
      }}
    >
      <div ref={top} class="signoff-top" />
      {stale || staleAtOpen ? <StaleNotesWarning stale={stale} onRegenerate={onRegenerate} /> : null}
      <RiskPart session={session} reviewed={reviewed} flagActions={flagActions} />
      <section class="signoff-part" aria-labelledby="signoff-words">
        <h3 id="signoff-words">Transcript</h3>
        <p>
          {unsure === 0
            ? "No words are marked as unsure."
            : `${unsure} ${unsure === 1 ? "word is" : "words are"} still marked as unsure (the transcription was not confident of ${unsure === 1 ? "it" : "them"}).`}
        </p>
      </section>
      <section class="signoff-part" aria-labelledby="signoff-summary">
        <h3 id="signoff-summary">What the patient would read</h3>
        {summary === null ? (
          <p>There is no summary for the patient: they would see the session without one.</p>
        ) : (
          <blockquote class="signoff-summary-text">{summary}</blockquote>
        )}
        {stale && summary !== null ? <p class="hint">This summary was written before the transcript was corrected.</p> : null}
        <label class="signoff-release">
          <input type="checkbox" checked={release} disabled={busy || summary === null} onChange={(event) => setRelease(event.currentTarget.checked)} />{" "}
          Release summary to the patient
        </label>
        <p class="hint">{release ? "The patient will be able to read this summary." : "Unchecked: the patient will not see any summary of this session."}</p>
      </section>
      {problem === null ? null : (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
    </ConfirmDialog>
  );
}
