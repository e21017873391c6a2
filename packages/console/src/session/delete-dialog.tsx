import { useEffect, useRef, useState } from "preact/hooks";

export interface DeleteDialogProps {
  title: string;
  open: boolean;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}

/**
 * Asks before erasing a session, in a modal dialog (the browser's <dialog>: focus stays inside,
 * Escape cancels). The safe answer, Cancel, has the focus first.
 */
export function DeleteDialog({ title, open, onCancel, onConfirm }: DeleteDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setProblem(null);
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby="delete-dialog-title"
      aria-describedby="delete-dialog-text"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="delete-dialog-title">Delete “{title}”?</h2>
      <p id="delete-dialog-text">
        The recording, the transcript, the sentiment, the notes and the review history are erased for good. This cannot be undone.
      </p>
      {problem === null ? null : (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="button" ref={cancel} class="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          class="danger"
          disabled={busy}
          onClick={async () => {
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
          {busy ? "Deleting…" : "Delete for good"}
        </button>
      </div>
    </dialog>
  );
}
