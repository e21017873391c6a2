import { Outcome } from "../components/outcome.tsx";
import { describeError } from "../components/problem-text.ts";
import { RegenerateNotesButton, useRegenerateNotes } from "./regenerate-notes.tsx";

/**
 * In the sign-off review, first: the notes were written before the transcript was corrected, so
 * signing now would sign words that may no longer match it. Offers to write them again first.
 */
export function StaleNotesWarning({ stale, onRegenerate }: { stale: boolean; onRegenerate: () => Promise<void> }) {
  const { busy, problem, outcome, regenerate } = useRegenerateNotes(
    onRegenerate,
    "The notes were written again from the corrected transcript. Check them and the summary below.",
  );
  if (!stale) {
    // Written again from here: the outcome stays where the button was, and keeps the focus.
    return (
      <section class="signoff-part" aria-labelledby="signoff-stale">
        <h3 id="signoff-stale">Notes</h3>
        <Outcome outcome={outcome} testId="signoff-stale-outcome" />
      </section>
    );
  }
  return (
    <section class="notice signoff-stale" aria-labelledby="signoff-stale">
      <h3 id="signoff-stale">The notes are out of date</h3>
      <p>
        The transcript was corrected after the notes were written. Signing now signs notes, and a summary for the patient, that may not match the
        corrected words. Write the notes again first, then check them.
      </p>
      <RegenerateNotesButton busy={busy} onClick={() => void regenerate()} />
      <Outcome outcome={outcome} testId="signoff-stale-outcome" />
      {problem === null ? null : (
        <p class="error-message" role="alert">
          {describeError(problem)}
        </p>
      )}
    </section>
  );
}
