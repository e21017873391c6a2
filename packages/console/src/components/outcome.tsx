import { useEffect, useRef, useState } from "preact/hooks";

/** What an action did, and a count that changes each time (the same sentence twice is shown twice). */
export interface OutcomeState {
  text: string;
  serial: number;
}

/** An action's outcome to show with `<Outcome>`: `show("Consent recorded.")`, `clear()` when the person moves on. */
export function useOutcome(): { outcome: OutcomeState | null; show: (text: string) => void; clear: () => void } {
  const [outcome, setOutcome] = useState<OutcomeState | null>(null);
  return {
    outcome,
    show: (text) => setOutcome((previous) => ({ text, serial: (previous?.serial ?? 0) + 1 })),
    clear: () => setOutcome(null),
  };
}

/**
 * The result of an action, shown where it happened: visible (a tick and a sentence), announced
 * (role="status"), and given the keyboard's focus, so the focus never falls to the page when the
 * button pressed goes away or is disabled.
 */
export function Outcome({ outcome, testId }: { outcome: OutcomeState | null; testId?: string }) {
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome === null) return;
    // After a closing dialog has given the focus back to its opener.
    const timer = setTimeout(() => {
      line.current?.scrollIntoView({ block: "nearest" });
      line.current?.focus({ preventScroll: true });
    }, 0);
    return () => clearTimeout(timer);
  }, [outcome?.serial]);
  if (outcome === null) return null;
  return (
    <p class="outcome" role="status" tabIndex={-1} ref={line} data-testid={testId}>
      <span aria-hidden="true">✓ </span>
      {outcome.text}
    </p>
  );
}
