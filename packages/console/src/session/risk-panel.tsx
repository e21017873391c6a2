import { EvidenceLinks } from "./evidence-links.tsx";
import type { EvidenceSpan } from "./note-sections.ts";
import { RiskFlagHeading } from "./risk-flag-heading.tsx";
import { riskFlagViews, riskSummary, type RiskScreenLike } from "./risk-flags.ts";
import type { Session } from "./session-api.ts";

type Transcript = NonNullable<Session["transcript"]>;

export interface RiskPanelProps {
  risk: RiskScreenLike | null | undefined;
  transcript: Transcript | null;
  onOpenEvidence: (evidence: EvidenceSpan) => void;
}

/**
 * The automated risk screen, shown above the transcript: its honest summary, then each flag with
 * the words that raised it and a link to them; what weighs a flag down (past, someone else's,
 * speaker not known) in words, and who raised it behind "Details".
 */
export function RiskPanel({ risk, transcript, onOpenEvidence }: RiskPanelProps) {
  const flags = risk ? riskFlagViews(risk) : [];
  const urgent = flags.some((flag) => flag.alert);
  return (
    <section class={`risk-panel${urgent ? " risk-urgent" : ""}`} aria-labelledby="session-risk">
      <h2 id="session-risk">Risk screen</h2>
      <p class="risk-summary">{riskSummary(risk)}</p>
      {flags.length === 0 ? null : (
        <ul class="risk-flags">
          {flags.map((flag) => (
            <li key={flag.id} class={flag.alert ? "risk-flag risk-flag-alert" : "risk-flag"}>
              <RiskFlagHeading flag={flag} />
              <p>
                {flag.text}: <q>{flag.quote}</q>{" "}
                <EvidenceLinks evidence={flag.evidence} transcript={transcript} lead="Show the words at" onOpenEvidence={onOpenEvidence} />
              </p>
              <details>
                <summary>Details</summary>
                <ul>
                  {flag.details.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
