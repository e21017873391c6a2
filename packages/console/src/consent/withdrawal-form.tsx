import { useState } from "preact/hooks";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import type { ConsentStatus, WithdrawalInput } from "./consent-api.ts";
import { allowsUploads, describeScopes, endsUploads, inForceCount, scopeEntries, withdrawalEntries, type ScopeChoice } from "./consent-form.ts";
import { WithdrawalChoices, type WithdrawalExtent } from "./withdrawal-choices.tsx";

const nothing: ScopeChoice = { scopes: [], cloudProviders: [] };

/**
 * A withdrawal of everything in force or, when more than one thing is, of the part chosen: an
 * optional reason, an "also erase the sessions" choice, and a modal `ConfirmDialog` saying what
 * ends and whether sessions can still be uploaded (Escape cancels, Cancel has the focus first, the
 * focus returns to the button that opened it). `who` words it for the patient or for their therapist.
 */
export function WithdrawalForm({
  who,
  status,
  onWithdraw,
}: {
  who: "patient" | "therapist";
  /** What is in force and what this deployment needs to upload. */
  status: Pick<ConsentStatus, "active" | "needs">;
  onWithdraw: (input: WithdrawalInput) => Promise<void>;
}) {
  const [extent, setExtent] = useState<WithdrawalExtent>("everything");
  const [chosen, setChosen] = useState<ScopeChoice>(nothing);
  const [nothingChosen, setNothingChosen] = useState(false);
  const [reason, setReason] = useState("");
  const [erase, setErase] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mine = who === "patient";
  const { active } = status;
  const divisible = inForceCount(active) > 1;
  const part = divisible && extent === "part";
  const ending = part ? withdrawalEntries(active, chosen) : scopeEntries(active);

  // ConfirmDialog gives the focus back to the button that opened it.
  const close = () => setConfirming(false);

  return (
    <section aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{mine ? "Withdraw your consent" : "Record a withdrawal"}</h2>
      <p>
        {mine
          ? `Withdrawing ends ${divisible ? "everything you consented to, or only the part you choose" : "what you consented to"}. Processing of your sessions that needs it and has not finished stops at once.`
          : "When the patient withdrew their consent, or part of it, before you, record it here: what they withdrew ends and processing that needs it and has not finished stops at once."}
      </p>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const empty = ending.length === 0;
          setNothingChosen(empty);
          if (empty) return;
          setError(null);
          setConfirming(true);
        }}
      >
        {divisible ? (
          <WithdrawalChoices
            active={active}
            extent={extent}
            onExtent={setExtent}
            chosen={chosen}
            onChosen={(next) => {
              setChosen(next);
              setNothingChosen(false);
            }}
            nothingChosen={part && nothingChosen}
          />
        ) : null}
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
          <button type="submit" class="danger">
            {mine ? "Withdraw consent" : "Record the withdrawal"}
          </button>
        </div>
      </form>
      <ConfirmDialog
        id="withdraw-dialog"
        open={confirming}
        title={mine ? "Withdraw your consent?" : "Record this withdrawal?"}
        text={confirmText({ mine, part, ends: describeScopes(ending), uploads: endsUploads(status, ending) ? "end" : allowsUploads(status) ? "go on" : "none", erase })}
        busy={busy}
        confirmLabel={busy ? "Withdrawing…" : erase ? "Withdraw and erase" : "Withdraw"}
        onCancel={close}
        onConfirm={async () => {
          setBusy(true);
          try {
            await onWithdraw({
              ...(part ? { scopes: ending } : {}),
              ...(reason.trim() ? { reason: reason.trim() } : {}),
              ...(erase ? { eraseSessions: true } : {}),
            });
            setReason("");
            setErase(false);
            setExtent("everything");
            setChosen(nothing);
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

/**
 * The confirmation's words: what ends, then whether sessions can still be uploaded after it
 * (`end`: the withdrawal takes away what uploads need; `go on`: they stay allowed; `none`: they
 * were not allowed before either), then the erasure if asked for.
 */
function confirmText({ mine, part, ends, uploads, erase }: { mine: boolean; part: boolean; ends: string; uploads: "end" | "go on" | "none"; erase: boolean }): string {
  const sentences = [`${mine ? "Your" : "The patient's"} consent ends for: ${ends}.${part ? " The rest stays in force." : ""}`];
  if (uploads === "end") {
    sentences.push(
      mine
        ? "Your therapist can no longer record or process your sessions until you consent again."
        : "No session can be uploaded or processed for them until they consent again.",
    );
  } else if (uploads === "go on" && part) {
    sentences.push(mine ? "Your therapist may still record your sessions." : "Sessions can still be uploaded for them.");
  }
  if (erase) sentences.push(`Every one of ${mine ? "your" : "their"} sessions is erased for good. This cannot be undone.`);
  return sentences.join(" ");
}
