import { useEffect, useState } from "preact/hooks";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";

export interface DeleteDialogProps {
  title: string;
  open: boolean;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}

/** Asks before erasing a session (a modal `ConfirmDialog`, Cancel focused first); a failure is said inside it. */
export function DeleteDialog({ title, open, onCancel, onConfirm }: DeleteDialogProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (open) setProblem(null);
  }, [open]);

  return (
    <ConfirmDialog
      id="delete-dialog"
      open={open}
      title={`Delete “${title}”?`}
      text="The recording, the transcript, the sentiment, the notes and the review history are erased for good. This cannot be undone."
      busy={busy}
      confirmLabel={busy ? "Deleting…" : "Delete for good"}
      onCancel={onCancel}
      onConfirm={async () => {
        setBusy(true);
        try {
          await onConfirm();
        } catch (error) {
          setProblem(error instanceof Error ? error.message : "The session could not be deleted.");
        } finally {
          setBusy(false);
        }
      }}
    >
      {problem === null ? null : (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
    </ConfirmDialog>
  );
}
