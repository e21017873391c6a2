import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

export interface ConfirmDialogProps {
  /** Prefix of the title's and text's ids (`${id}-title`, `${id}-text`), which name and describe the dialog. */
  id: string;
  open: boolean;
  title: ComponentChildren;
  text: ComponentChildren;
  /** While true both buttons are disabled and Escape does nothing. */
  busy: boolean;
  /** The dangerous answer's label (say the busy state in it, e.g. "Deleting…"). */
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
  /** Shown between the text and the buttons (e.g. a problem). */
  children?: ComponentChildren;
  /** Keeps the confirm button disabled (something must be done first, said in `children`). */
  confirmDisabled?: boolean;
  /** `danger` (default) for what destroys; `primary` for a deliberate, expected step (a sign-off). */
  tone?: "danger" | "primary";
}

/**
 * Asks before something that cannot be undone, in a modal dialog (the browser's <dialog>: focus
 * stays inside, Escape cancels). The safe answer, Cancel, has the focus first; once the dialog
 * closes, the focus returns to what had it before (the button that opened it).
 */
export function ConfirmDialog({ id, open, title, text, busy, confirmLabel, onCancel, onConfirm, children, confirmDisabled = false, tone = "danger" }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  /** What had the focus when the dialog opened: it gets it back when the dialog closes. */
  const returnFocusTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocusTo.current = element.ownerDocument.activeElement as HTMLElement | null;
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) {
      element.close();
      // Not left to the browser: a confirm button disabled while busy had dropped the focus to the
      // body, and what is outside a modal dialog cannot take the focus until it has closed.
      returnFocusTo.current?.focus();
      returnFocusTo.current = null;
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-text`}>{text}</p>
      {children}
      <div class="actions">
        <button type="button" ref={cancel} class="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" class={tone} disabled={busy || confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
