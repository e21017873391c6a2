import { Link } from "../router/link.tsx";
import type { DescribedFailure } from "./processing-failure.ts";

export interface FailurePanelProps {
  failure: DescribedFailure;
  busy: boolean;
  onRetry: () => void;
  onDelete: () => void;
}

/** A failed session: what failed in plain words, what can be done, the server's words behind "Details". */
export function FailurePanel({ failure, busy, onRetry, onDelete }: FailurePanelProps) {
  return (
    <section class="warnings failure" aria-labelledby="session-failure">
      <h2 id="session-failure">{failure.title}</h2>
      <p>{failure.message}</p>
      <div class="actions">
        {failure.retryable ? (
          <button type="button" class="primary" disabled={busy} onClick={onRetry}>
            Try again
          </button>
        ) : (
          <Link href="/upload">Upload the recording again</Link>
        )}
        <button type="button" class="danger-outline" onClick={onDelete}>
          Delete this session…
        </button>
      </div>
      <details>
        <summary>Details</summary>
        <p class="detail">{failure.detail}</p>
      </details>
    </section>
  );
}
