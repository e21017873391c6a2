import { useEffect, useState } from "preact/hooks";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { describeError } from "../components/problem-text.ts";
import { unsureWordCount } from "./low-confidence.ts";
import { patientSummaryPreview } from "./patient-summary-preview.ts";
import { RiskFlagItems } from "./risk-banner.tsx";
import { blockingFlags, riskFlagViews, riskSummary } from "./risk-flags.ts";
import type { Session } from "./session-api.ts";

export interface SignoffDialogProps {
  session: Session;
  open: boolean;
  onCancel: () => void;
  onAcknowledge: (flagId: string) => Promise<void>;
  /** Signs and finalizes; `release` is the "Release summary to the patient" choice. */
  onConfirm: (release: boolean) => Promise<void>;
}

/**
 * The sign-off review (issue 24): what finalizing will lock, before it does. Risk flags not yet
 * acknowledged (they block "Sign and finalize", and can be acknowledged here), how many unsure
 * words are left, the patient summary exactly as the patient would read it, and "Release
 * summary to the patient" as a choice of its own, unchecked each time the dialog opens.
 */
export function SignoffDialog({ session, open, onCancel, onAcknowledge, onConfirm }: SignoffDialogProps) {
  const [busy, setBusy] = useState(false);
  const [release, setRelease] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** The flags that blocked when the review opened: kept in view once acknowledged, saying so. */
  const [reviewed, setReviewed] = useState<string[]>([]);

  useEffect(() => {
    if (open) {
      setProblem(null);
      setRelease(false);
      setReviewed(blockingFlags(session.risk).map((flag) => flag.id));
    }
  }, [open]);

  const blocking = blockingFlags(session.risk);
  const listed = session.risk ? riskFlagViews(session.risk).filter((flag) => flag.blocking || reviewed.includes(flag.id)) : [];
  const unsure = unsureWordCount(session.transcript);
  const summary = patientSummaryPreview(session.notes);

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
          <RiskFlagItems flags={listed} transcript={session.transcript} therapistId={session.therapistId} editable scope="signoff" onAcknowledge={onAcknowledge} />
        )}
      </section>
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
