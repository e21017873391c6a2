import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorMessage } from "../components/error-message.tsx";
import { Outcome, type OutcomeState } from "../components/outcome.tsx";
import { StatusChip } from "../components/status-chip.tsx";
import { drafts } from "../drafts/draft-store.ts";
import { ScreenHeading } from "../screens/screen-heading.tsx";
import type { FlagActions } from "./acknowledgement.ts";
import type { Session, SessionApi } from "./session-api.ts";
import { SignoffDialog } from "./signoff-dialog.tsx";
import type { SessionWrite } from "./use-session.ts";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export interface SessionHeaderProps {
  session: Session;
  api: SessionApi;
  userId: string;
  busy: boolean;
  write: SessionWrite;
  flagActions: FlagActions;
  onDelete: () => void;
  /** A problem of an action started elsewhere on the page (a retry), shown under the actions. */
  actionError: unknown;
  outcome: OutcomeState | null;
}

/**
 * The session's title, status and dates, who signed it, and its two actions: the sign-off review
 * (`SignoffDialog`) and delete. Once signed, the focus moves to the line that says who signed.
 */
export function SessionHeader({ session, api, userId, busy, write, flagActions, onDelete, actionError, outcome }: SessionHeaderProps) {
  const [signingOff, setSigningOff] = useState(false);
  /** Set once signed: the signature line takes the focus after the dialog has closed. */
  const [focusSignature, setFocusSignature] = useState(false);
  const signature = useRef<HTMLParagraphElement | null>(null);
  const ready = session.status === "ready";
  useEffect(() => {
    if (!focusSignature) return;
    signature.current?.focus();
    setFocusSignature(false);
  }, [focusSignature, session]);

  return (
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
        <button type="button" class="danger-outline" onClick={onDelete}>
          Delete session…
        </button>
      </div>
      <ErrorMessage error={actionError} />
      <Outcome outcome={outcome} testId="session-outcome" />
      {ready ? (
        <SignoffDialog
          session={session}
          open={signingOff}
          onCancel={() => setSigningOff(false)}
          flagActions={flagActions}
          onRegenerate={() => write((current) => api.regenerateNotes(session.id, current.version), "The notes were written again.")}
          onConfirm={async (release) => {
            await write(
              (current) => api.finalize(session.id, current.version, release),
              release ? "Session signed and finalized. The summary was released to the patient." : "Session signed and finalized. No summary was released to the patient.",
            );
            // Locked now: nothing typed before can be saved any more.
            drafts.forgetSession(userId, session.id);
            setSigningOff(false);
            setFocusSignature(true);
          }}
        />
      ) : null}
    </div>
  );
}
