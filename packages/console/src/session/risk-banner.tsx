import { useEffect, useState } from "preact/hooks";
import { EvidenceLinks } from "./evidence-links.tsx";
import type { EvidenceSpan } from "./note-sections.ts";
import { RiskFlagHeading } from "./risk-flag-heading.tsx";
import { riskFlagViews, type RiskFlagView, type RiskScreenLike } from "./risk-flags.ts";
import type { Session } from "./session-api.ts";

type Transcript = NonNullable<Session["transcript"]>;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** "Acknowledged by you on 23 Nov 2026, 17:20": who, in words, and when. */
export function acknowledgedWords(acknowledgement: { by: string; at: string }, therapistId: string): string {
  const who = acknowledgement.by === therapistId ? "you" : "another clinician";
  return `Acknowledged by ${who} on ${dateFormat.format(new Date(acknowledgement.at))}`;
}

/** The id of a flag's acknowledgement line: where the focus goes once it is acknowledged. */
export const acknowledgedLineId = (scope: string, flagId: string) => `${scope}-acknowledged-${flagId}`;

export interface RiskFlagItemsProps {
  flags: RiskFlagView[];
  transcript: Transcript | null;
  therapistId: string;
  /** False once the session is finalized: acknowledgements are shown, not asked for. */
  editable: boolean;
  /** Prefix of the ids, so the banner and the sign-off review can both list flags. */
  scope: string;
  onOpenEvidence?: (evidence: EvidenceSpan) => void;
  onAcknowledge: (flagId: string) => Promise<void>;
}

/**
 * Each flag as one line: what was flagged (plain words and severity), where (the words quoted, a
 * link to them in the transcript when `onOpenEvidence` is given), and whether it was
 * acknowledged — by whom and when — or an "Acknowledge" button. Once acknowledged, the focus
 * moves to the line that says so, which also tells screen readers.
 */
export function RiskFlagItems({ flags, transcript, therapistId, editable, scope, onOpenEvidence, onAcknowledge }: RiskFlagItemsProps) {
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ flagId: string; message: string } | null>(null);
  const [focusFlag, setFocusFlag] = useState<string | null>(null);

  useEffect(() => {
    if (focusFlag === null) return;
    document.getElementById(acknowledgedLineId(scope, focusFlag))?.focus();
    setFocusFlag(null);
  }, [focusFlag, flags]);

  const acknowledge = async (flagId: string) => {
    setPending(flagId);
    setProblem(null);
    try {
      await onAcknowledge(flagId);
      setFocusFlag(flagId);
    } catch (error) {
      setProblem({ flagId, message: error instanceof Error ? error.message : "The flag could not be acknowledged." });
    } finally {
      setPending(null);
    }
  };

  return (
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
            <p id={acknowledgedLineId(scope, flag.id)} class="risk-acknowledged" tabIndex={-1}>
              <span aria-hidden="true">✓ </span>
              {acknowledgedWords(flag.acknowledgement, therapistId)}.
            </p>
          ) : editable ? (
            <p>
              <button type="button" class="secondary" disabled={pending !== null} onClick={() => void acknowledge(flag.id)}>
                {pending === flag.id ? "Acknowledging…" : "Acknowledge"}
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
  );
}

export interface RiskBannerProps {
  risk: RiskScreenLike | null | undefined;
  transcript: Transcript | null;
  therapistId: string;
  editable: boolean;
  onOpenEvidence: (evidence: EvidenceSpan) => void;
  onAcknowledge: (flagId: string) => Promise<void>;
}

/**
 * The banner that opens a session with risk flags (issue 24), above everything else: how many
 * flags still wait for acknowledgement, then each flag (`RiskFlagItems`). Nothing when the
 * screen flagged nothing — the risk panel below says so in the screen's own honest words.
 */
export function RiskBanner({ risk, transcript, therapistId, editable, onOpenEvidence, onAcknowledge }: RiskBannerProps) {
  const [confirmation, setConfirmation] = useState<string | null>(null);
  if (!risk || risk.flags.length === 0) return null;
  const flags = riskFlagViews(risk);
  const open = flags.filter((flag) => flag.blocking).length;
  const urgent = flags.some((flag) => flag.alert);
  return (
    <section class={`risk-alert${urgent ? " risk-alert-urgent" : ""}`} aria-labelledby="risk-alert-heading">
      <h2 id="risk-alert-heading">
        {flags.length === 1 ? "Risk language was flagged in this session" : `Risk language was flagged ${flags.length} times in this session`}
      </h2>
      <p class="risk-alert-lead">
        {open === 0
          ? "Every flag that needs it has been acknowledged."
          : `${open === 1 ? "1 flag waits" : `${open} flags wait`} for you to acknowledge ${open === 1 ? "it" : "them"} before the session can be signed off.`}{" "}
        The automated screen reports words, not a risk assessment.
      </p>
      <RiskFlagItems
        flags={flags}
        transcript={transcript}
        therapistId={therapistId}
        editable={editable}
        scope="risk-alert"
        onOpenEvidence={onOpenEvidence}
        onAcknowledge={async (flagId) => {
          setConfirmation(null);
          await onAcknowledge(flagId);
          const flag = flags.find((candidate) => candidate.id === flagId);
          setConfirmation(`Acknowledged: ${flag?.heading ?? "risk flag"}.`);
        }}
      />
      {confirmation === null ? null : <p class="confirmation">{confirmation}</p>}
    </section>
  );
}
