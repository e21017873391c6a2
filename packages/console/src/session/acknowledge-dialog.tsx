import { useEffect, useState } from "preact/hooks";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { describeError } from "../components/problem-text.ts";
import { acknowledgementChoices, noteMaxLength, undoWindowMs, type AcknowledgementAction, type AcknowledgementReason } from "./acknowledgement.ts";

export interface AcknowledgeDialogProps {
  /** Prefix of the dialog's ids (the banner and the sign-off review each have one). */
  id: string;
  /** The flag's heading ("Thoughts of suicide"); null while closed. */
  heading: string | null;
  onCancel: () => void;
  onConfirm: (reason: AcknowledgementReason) => Promise<void>;
}

/**
 * Asks what was done about a flag before acknowledging it: one choice (nothing chosen at first),
 * words required with "Other" and welcome beside the others. Says where it is recorded and how
 * long it can be undone.
 */
export function AcknowledgeDialog({ id, heading, onCancel, onConfirm }: AcknowledgeDialogProps) {
  const open = heading !== null;
  const [action, setAction] = useState<AcknowledgementAction | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setAction(null);
    setNote("");
    setProblem(null);
  }, [open]);

  const needsNote = action === "other" && note.trim() === "";
  return (
    <ConfirmDialog
      id={id}
      open={open}
      title={`Acknowledge “${heading ?? ""}”`}
      text={`What was done about it? Your answer is kept with the flag and in the session's audit trail. You can undo it for ${undoWindowMs / 60_000} minutes.`}
      busy={busy}
      tone="primary"
      confirmLabel={busy ? "Acknowledging…" : "Acknowledge"}
      confirmDisabled={action === null || needsNote}
      onCancel={onCancel}
      onConfirm={async () => {
        if (action === null) return;
        setBusy(true);
        setProblem(null);
        try {
          const trimmed = note.trim();
          await onConfirm(trimmed === "" ? { action } : { action, note: trimmed });
        } catch (error) {
          setProblem(describeError(error));
        } finally {
          setBusy(false);
        }
      }}
    >
      <fieldset class="acknowledge-choices">
        <legend>What was done</legend>
        {acknowledgementChoices.map((choice) => (
          <label key={choice.action} class="choice">
            <input type="radio" name={`${id}-action`} value={choice.action} checked={action === choice.action} onChange={() => setAction(choice.action)} />{" "}
            {choice.label}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={`${id}-note`}>{action === "other" ? "What was done (required)" : "A few words (optional)"}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={noteMaxLength} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      </div>
      {problem === null ? null : (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
    </ConfirmDialog>
  );
}
