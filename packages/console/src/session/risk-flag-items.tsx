import { useEffect, useState } from "preact/hooks";
import { describeError } from "../components/problem-text.ts";
import { AcknowledgeDialog } from "./acknowledge-dialog.tsx";
import { actionWords, undoMsLeft, undoUntil, type AcknowledgementReason, type FlagAcknowledgement } from "./acknowledgement.ts";
import { EvidenceLinks } from "./evidence-links.tsx";
import type { EvidenceSpan } from "./note-sections.ts";
import { RiskFlagHeading } from "./risk-flag-heading.tsx";
import type { RiskFlagView } from "./risk-flags.ts";
import type { Session } from "./session-api.ts";

type Transcript = NonNullable<Session["transcript"]>;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

/** "Acknowledged by you on 23 Nov 2026, 17:20": who, in words, and when. */
export function acknowledgedWords(acknowledgement: { by: string; at: string }, therapistId: string): string {
  const who = acknowledgement.by === therapistId ? "you" : "another clinician";
  return `Acknowledged by ${who} on ${dateFormat.format(new Date(acknowledgement.at))}`;
}

/** The id of a flag's acknowledgement line: where the focus goes once it is acknowledged. */
export const acknowledgedLineId = (scope: string, flagId: string) => `${scope}-acknowledged-${flagId}`;
/** The id of a flag's Acknowledge button: where the focus goes once an acknowledgement is undone. */
const acknowledgeButtonId = (scope: string, flagId: string) => `${scope}-acknowledge-${flagId}`;

export interface RiskFlagItemsProps {
  flags: RiskFlagView[];
  transcript: Transcript | null;
  therapistId: string;
  /** False once the session is finalized: acknowledgements are shown, not asked for. */
  editable: boolean;
  /** Prefix of the ids, so the banner and the sign-off review can both list flags. */
  scope: string;
  onOpenEvidence?: (evidence: EvidenceSpan) => void;
  onAcknowledge: (flagId: string, reason: AcknowledgementReason) => Promise<void>;
  onUndo: (flagId: string) => Promise<void>;
}

/** Re-renders when the undo window of the newest acknowledgement closes, so its Undo button goes. */
function useUndoExpiry(flags: RiskFlagView[]): number {
  const [now, setNow] = useState(() => Date.now());
  const left = flags.map((flag) => (flag.acknowledgement ? undoMsLeft(flag.acknowledgement, now) : 0)).filter((ms) => ms > 0);
  const next = left.length === 0 ? null : Math.min(...left);
  useEffect(() => {
    if (next === null) return;
    const timer = setTimeout(() => setNow(Date.now()), next + 50);
    return () => clearTimeout(timer);
  }, [next, now]);
  return now;
}

function AcknowledgedLine({ id, acknowledgement, therapistId, undo }: { id: string; acknowledgement: FlagAcknowledgement; therapistId: string; undo: { until: Date; busy: boolean; onUndo: () => void; label: string } | null }) {
  const done = actionWords(acknowledgement);
  return (
    <div class="risk-acknowledged-line">
      <p id={id} class="risk-acknowledged" tabIndex={-1}>
        <span aria-hidden="true">✓ </span>
        {acknowledgedWords(acknowledgement, therapistId)}.{done === null ? null : ` What was done: ${done}.`}
      </p>
      {undo === null ? null : (
        <p>
          <button type="button" class="secondary small" disabled={undo.busy} onClick={undo.onUndo}>
            {undo.busy ? "Undoing…" : "Undo"}
            <span class="visually-hidden">: {undo.label}</span>
          </button>{" "}
          <span class="hint">until {timeFormat.format(undo.until)}</span>
        </p>
      )}
    </div>
  );
}

/**
 * Each flag as one line: what was flagged (plain words and severity), where (the words quoted, a
 * link to them in the transcript when `onOpenEvidence` is given), and whether it was
 * acknowledged — by whom, when and what was done, with Undo for a few minutes — or an
 * "Acknowledge…" button that asks what was done first. Once acknowledged, the focus moves to the
 * line that says so; once undone, back to the button.
 */
export function RiskFlagItems({ flags, transcript, therapistId, editable, scope, onOpenEvidence, onAcknowledge, onUndo }: RiskFlagItemsProps) {
  const [asking, setAsking] = useState<RiskFlagView | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ flagId: string; message: string } | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const now = useUndoExpiry(flags);

  useEffect(() => {
    if (focus === null) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus, flags]);

  const undo = async (flagId: string) => {
    setPending(flagId);
    setProblem(null);
    try {
      await onUndo(flagId);
      setFocus(acknowledgeButtonId(scope, flagId));
    } catch (error) {
      setProblem({ flagId, message: describeError(error) });
    } finally {
      setPending(null);
    }
  };

  return (
    <>
      <ul class="risk-alert-flags">
        {flags.map((flag) => (
          <li key={flag.id} class={flag.blocking ? "risk-alert-flag risk-alert-flag-open" : "risk-alert-flag"}>
            <RiskFlagHeading flag={flag} />
            <p>
              <q>{flag.quote || flag.text}</q>
              {onOpenEvidence ? (
                <>
                  {" "}
                  <EvidenceLinks evidence={flag.evidence} transcript={transcript} lead="Show the words at" onOpenEvidence={onOpenEvidence} />
                </>
              ) : null}
            </p>
            {flag.acknowledgement ? (
              <AcknowledgedLine
                id={acknowledgedLineId(scope, flag.id)}
                acknowledgement={flag.acknowledgement}
                therapistId={therapistId}
                undo={
                  editable && flag.acknowledgement.by === therapistId && undoMsLeft(flag.acknowledgement, now) > 0
                    ? { until: undoUntil(flag.acknowledgement), busy: pending === flag.id, onUndo: () => void undo(flag.id), label: flag.heading }
                    : null
                }
              />
            ) : editable ? (
              <p>
                <button type="button" id={acknowledgeButtonId(scope, flag.id)} class="secondary" disabled={pending !== null} onClick={() => setAsking(flag)}>
                  Acknowledge…
                  <span class="visually-hidden">: {flag.heading}</span>
                </button>
              </p>
            ) : (
              <p class="risk-not-acknowledged">Not acknowledged.</p>
            )}
            {problem?.flagId === flag.id ? (
              <p class="error-message" role="alert">
                {problem.message}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <AcknowledgeDialog
          id={`${scope}-acknowledge-dialog`}
          heading={asking?.heading ?? null}
          onCancel={() => setAsking(null)}
          onConfirm={async (reason) => {
            if (!asking) return;
            await onAcknowledge(asking.id, reason);
            setAsking(null);
            setFocus(acknowledgedLineId(scope, asking.id));
          }}
        />
      ) : null}
    </>
  );
}
