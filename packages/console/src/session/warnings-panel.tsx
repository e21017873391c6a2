import type { Session } from "./session-api.ts";
import { describeWarning } from "./transcript-warnings.ts";

/** The transcript's warnings in plain words (the server's wording behind "Details"); nothing when there are none. */
export function WarningsPanel({ transcript }: { transcript: Session["transcript"] }) {
  const warnings = (transcript?.warnings ?? []).map(describeWarning);
  if (warnings.length === 0) return null;
  return (
    <section class="warnings" aria-labelledby="session-warnings">
      <h2 id="session-warnings">Warnings</h2>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.detail}>
            <strong>{warning.title}:</strong> {warning.message}
            <details>
              <summary>Details</summary>
              <p class="detail">{warning.detail}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
