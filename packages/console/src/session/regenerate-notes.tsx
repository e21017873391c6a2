import { useState } from "preact/hooks";
import { useOutcome } from "../components/outcome.tsx";

/**
 * Writing the notes again from the corrected transcript, as the notes panel and the sign-off
 * review both offer it: whether it is under way, what went wrong, and the outcome to show.
 */
export function useRegenerateNotes(onRegenerate: () => Promise<unknown>, doneMessage: string) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const { outcome, show } = useOutcome();
  const regenerate = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await onRegenerate();
      show(doneMessage);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, outcome, regenerate };
}

/** The button that writes the notes again (`useRegenerateNotes`). */
export function RegenerateNotesButton({ busy, onClick }: { busy: boolean; onClick: () => void }) {
  return (
    <button type="button" class="primary" disabled={busy} onClick={onClick}>
      {busy ? "Writing the notes…" : "Write the notes again"}
    </button>
  );
}
