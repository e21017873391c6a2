import { EvidenceLinks } from "./evidence-links.tsx";
import type { EvidenceSpan } from "./note-sections.ts";
import { RiskFlagHeading } from "./risk-flag-heading.tsx";
import { riskFlagTiers } from "./risk-flag-groups.ts";
import { riskSummary, type RiskFlagView, type RiskScreenLike } from "./risk-flags.ts";
import type { Session } from "./session-api.ts";

type Transcript = NonNullable<Session["transcript"]>;

export interface RiskPanelProps {
  risk: RiskScreenLike | null | undefined;
  transcript: Transcript | null;
  onOpenEvidence: (evidence: EvidenceSpan) => void;
}

/** One flag: what it is, its words with a link to them, and who raised it behind "Details". */
function FlagLine({ flag, transcript, onOpenEvidence }: { flag: RiskFlagView; transcript: Transcript | null; onOpenEvidence: (evidence: EvidenceSpan) => void }) {
  return (
    <>
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
    </>
  );
}

/**
 * The automated risk screen, shown above the transcript: its honest summary, then its two tiers.
 * "Needs attention now": each flag that pages, with the words that raised it and a link to them.
 * "To review": the rest, one line per category (per substance) with how many times it was raised
 * and its strongest words; every flag of the group behind a disclosure. What weighs a flag down
 * (past, someone else's, speaker not known) is said in words, who raised it behind "Details".
 */
export function RiskPanel({ risk, transcript, onOpenEvidence }: RiskPanelProps) {
  const { now, review } = riskFlagTiers(risk);
  return (
    <section class={`risk-panel${now.length > 0 ? " risk-urgent" : ""}`} aria-labelledby="session-risk">
      <h2 id="session-risk">Risk screen</h2>
      <p class="risk-summary">{riskSummary(risk)}</p>
      {now.length === 0 ? null : (
        <>
          <h3 id="risk-now">Needs attention now</h3>
          <ul class="risk-flags" aria-labelledby="risk-now">
            {now.map((flag) => (
              <li key={flag.id} class="risk-flag risk-flag-alert">
                <FlagLine flag={flag} transcript={transcript} onOpenEvidence={onOpenEvidence} />
              </li>
            ))}
          </ul>
        </>
      )}
      {review.length === 0 ? null : (
        <>
          <h3 id="risk-review">To review</h3>
          <ul class="risk-flags risk-review" aria-labelledby="risk-review">
            {review.map((group) => (
              <li key={group.key} class="risk-flag">
                <p>
                  <strong>{group.heading}</strong>
                  {group.count === 1 ? null : <span class="risk-count"> · {group.count} times</span>}
                  {group.strongest.qualifiers.length === 0 ? null : <span class="risk-qualifiers"> · {group.strongest.qualifiers.join(" · ")}</span>}
                </p>
                <p>
                  <q>{group.strongest.quote}</q>{" "}
                  <EvidenceLinks evidence={group.strongest.evidence} transcript={transcript} lead="Show the words at" onOpenEvidence={onOpenEvidence} />
                </p>
                <details>
                  <summary>{group.count === 1 ? "Details" : `All ${group.count}, with details`}</summary>
                  <ul>
                    {group.flags.map((flag) => (
                      <li key={flag.id}>
                        <FlagLine flag={flag} transcript={transcript} onOpenEvidence={onOpenEvidence} />
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
