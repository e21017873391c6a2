import { useState } from "preact/hooks";
import type { FlagActions } from "./acknowledgement.ts";
import type { EvidenceSpan } from "./note-sections.ts";
import { riskBannerHeadingId } from "./raised-flag-notice.tsx";
import { RiskFlagItems } from "./risk-flag-items.tsx";
import { riskFlagViews, type RiskScreenLike } from "./risk-flags.ts";
import type { Session } from "./session-api.ts";

type Transcript = NonNullable<Session["transcript"]>;

export interface RiskBannerProps {
  risk: RiskScreenLike | null | undefined;
  transcript: Transcript | null;
  therapistId: string;
  editable: boolean;
  onOpenEvidence: (evidence: EvidenceSpan) => void;
  flagActions: FlagActions;
}

/**
 * The banner that opens a session with risk flags, above everything else: how many
 * flags still wait for acknowledgement, then each flag (`RiskFlagItems`). Nothing when the
 * screen flagged nothing — the risk panel below says so in the screen's own honest words.
 */
export function RiskBanner({ risk, transcript, therapistId, editable, onOpenEvidence, flagActions }: RiskBannerProps) {
  const [confirmation, setConfirmation] = useState<string | null>(null);
  if (!risk || risk.flags.length === 0) return null;
  const flags = riskFlagViews(risk);
  const open = flags.filter((flag) => flag.blocking).length;
  const urgent = flags.some((flag) => flag.alert);
  return (
    <section class={`risk-alert${urgent ? " risk-alert-urgent" : ""}`} aria-labelledby="risk-alert-heading">
      <h2 id={riskBannerHeadingId} tabIndex={-1}>
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
        onAcknowledge={async (flagId, reason) => {
          setConfirmation(null);
          await flagActions.acknowledge(flagId, reason);
          const flag = flags.find((candidate) => candidate.id === flagId);
          setConfirmation(`Acknowledged: ${flag?.heading ?? "risk flag"}.`);
        }}
        onUndo={async (flagId) => {
          setConfirmation(null);
          await flagActions.undo(flagId);
          const flag = flags.find((candidate) => candidate.id === flagId);
          setConfirmation(`Acknowledgement undone: ${flag?.heading ?? "risk flag"} waits for you again.`);
        }}
      />
      {confirmation === null ? null : <p class="confirmation">{confirmation}</p>}
    </section>
  );
}
