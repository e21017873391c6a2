import { useEffect, useRef } from "preact/hooks";
import type { Draft } from "./draft-store.ts";

export interface DraftNoticeProps {
  drafts: readonly Draft[];
  /** Why the sign-in ended ("your sign-in expired …"); null when the text was simply left unsaved. */
  reason: string | null;
  /** Names a draft's field in words: "Your notes", "The segment at 0:03, Patient". */
  describe: (draft: Draft) => string;
  onRestore: () => void;
  onDiscard: () => void;
}

/**
 * Text kept from before (a sign-in that ended, a page left unsaved), offered back: Restore puts
 * it in its fields again, Discard forgets it. It takes the keyboard's focus when it appears.
 */
export function DraftNotice({ drafts, reason, describe, onRestore, onDiscard }: DraftNoticeProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // After the screen's heading took the focus: this notice is what needs an answer first.
  useEffect(() => {
    const timer = setTimeout(() => heading.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);
  return (
    <section class="notice draft-notice" aria-labelledby="draft-notice-title" data-testid="draft-notice">
      <h2 id="draft-notice-title" tabIndex={-1} ref={heading}>
        Your unsaved text is kept
      </h2>
      <p>
        {reason ? `You were signed out because ${reason}. ` : "You left this text without saving it. "}
        It is kept in this tab only:
      </p>
      <ul>
        {drafts.map((draft) => (
          <li key={draft.field}>{describe(draft)}</li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="primary" onClick={onRestore}>
          Restore
        </button>
        <button type="button" class="secondary" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </section>
  );
}
