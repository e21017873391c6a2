import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorMessage } from "../components/error-message.tsx";
import type { WithdrawalInput } from "./consent-api.ts";

/**
 * A withdrawal of everything in force: an optional reason, an "also erase the sessions" choice,
 * and a modal confirmation (the browser's <dialog>: focus stays inside, Escape cancels, the safe
 * answer has the focus first). `who` words it for the patient or for their therapist.
 */
export function WithdrawalForm({ who, onWithdraw }: { who: "patient" | "therapist"; onWithdraw: (input: WithdrawalInput) => Promise<void> }) {
  const [reason, setReason] = useState("");
  const [erase, setErase] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const mine = who === "patient";

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (confirming && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (!confirming && element.open) {
      element.close();
    }
  }, [confirming]);

  const close = () => {
    setConfirming(false);
    opener.current?.focus();
  };

  return (
    <section aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{mine ? "Withdraw your consent" : "Record a withdrawal"}</h2>
      <p>
        {mine
          ? "Withdrawing ends everything you consented to. Processing of your sessions that has not finished stops at once."
          : "When the patient withdrew their consent before you, record it here: everything in force ends and processing that has not finished stops at once."}
      </p>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          setConfirming(true);
        }}
      >
        <div class="field">
          <label for="withdraw-reason">Reason (optional)</label>
          <textarea id="withdraw-reason" maxLength={500} rows={3} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
        </div>
        <div class="choice">
          <input
            type="checkbox"
            id="withdraw-erase"
            checked={erase}
            aria-describedby="withdraw-erase-hint"
            onChange={(event) => setErase(event.currentTarget.checked)}
          />
          <label for="withdraw-erase">{mine ? "Also erase my sessions" : "Also erase the patient's sessions"}</label>
          <span class="hint" id="withdraw-erase-hint">
            Recordings, transcripts and notes are deleted for good.
          </span>
        </div>
        <ErrorMessage error={error} />
        <div class="actions">
          <button type="submit" class="danger" ref={opener}>
            {mine ? "Withdraw consent" : "Record the withdrawal"}
          </button>
        </div>
      </form>
      <dialog
        ref={dialog}
        class="confirm-dialog"
        aria-labelledby="withdraw-dialog-title"
        aria-describedby="withdraw-dialog-text"
        onCancel={(event) => {
          event.preventDefault();
          if (!busy) close();
        }}
      >
        <h2 id="withdraw-dialog-title">{mine ? "Withdraw your consent?" : "Record this withdrawal?"}</h2>
        <p id="withdraw-dialog-text">
          {erase
            ? mine
              ? "Your consent ends and every one of your sessions is erased for good. This cannot be undone."
              : "The patient's consent ends and every one of their sessions is erased for good. This cannot be undone."
            : mine
              ? "Your consent ends. Your therapist can no longer record or process your sessions until you consent again."
              : "The patient's consent ends. No session can be uploaded or processed for them until they consent again."}
        </p>
        <div class="actions">
          <button type="button" ref={cancel} class="secondary" disabled={busy} onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onWithdraw({ ...(reason.trim() ? { reason: reason.trim() } : {}), ...(erase ? { eraseSessions: true } : {}) });
                setReason("");
                setErase(false);
              } catch (failure) {
                setError(failure);
              } finally {
                setBusy(false);
                close();
              }
            }}
          >
            {busy ? "Withdrawing…" : erase ? "Withdraw and erase" : "Withdraw"}
          </button>
        </div>
      </dialog>
    </section>
  );
}
