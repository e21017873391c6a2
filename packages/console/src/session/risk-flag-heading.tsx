import type { RiskFlagView } from "./risk-flags.ts";

/** What a risk flag is about, as its first line in the risk panel and the banner: heading, severity, qualifiers. */
export function RiskFlagHeading({ flag }: { flag: Pick<RiskFlagView, "heading" | "severity" | "qualifiers"> }) {
  return (
    <p>
      <strong>{flag.heading}</strong> <span class="risk-severity">({flag.severity})</span>
      {flag.qualifiers.length === 0 ? null : <span class="risk-qualifiers"> · {flag.qualifiers.join(" · ")}</span>}
    </p>
  );
}
