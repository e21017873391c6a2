import { useRef, useState } from "preact/hooks";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import type { WithdrawalInput } from "./consent-api.ts";

/**
 * A withdrawal of everything in force: an optional reason, an "also erase the sessions" choice,
 * and a modal `ConfirmDialog` (Escape cancels, Cancel has the focus first, the focus returns to
 * the button that opened it). `who` words it for the patient or for their therapist.
 */
export function WithdrawalForm({ who, onWithdraw }: { who: "patient" | "therapist"; onWithdraw: (input: WithdrawalInput) => Promise<void> }) {
  const [reason, setReason] = useState("");
  const [erase, setErase] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const mine = who === "patient";

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
      <ConfirmDialog
        id="withdraw-dialog"
        open={confirming}
        title={mine ? "Withdraw your consent?" : "Record this withdrawal?"}
        text={
          erase
            ? mine
              ? "Your consent ends and every one of your sessions is erased for good. This cannot be undone."
              : "The patient's consent ends and every one of their sessions is erased for good. This cannot be undone."
            : mine
              ? "Your consent ends. Your therapist can no longer record or process your sessions until you consent again."
              : "The patient's consent ends. No session can be uploaded or processed for them until they consent again."
        }
        busy={busy}
        confirmLabel={busy ? "Withdrawing…" : erase ? "Withdraw and erase" : "Withdraw"}
        onCancel={close}
        onConfirm={async () => {
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
      />
    </section>
  );
}
