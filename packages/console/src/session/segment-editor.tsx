import { Fragment } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { describeError } from "../components/problem-text.ts";
import { useDraft } from "../drafts/draft-scope.ts";
import { wordDiff } from "./segment-conflict.ts";

/** How a save ended: saved, or someone else's version stands in the way. */
export type SaveResult = { kind: "saved" } | { kind: "conflict"; theirs: string };

export interface SegmentEditorProps {
  segmentId: string;
  /** Names the field: "Text of the segment at 0:03, Patient (S2)". */
  label: string;
  /** The segment's saved text when the editor opened. */
  initialText: string;
  /** Unsaved text kept from before (a sign-in that ended): the field starts with it instead. */
  draftText?: string;
  /** Saves `mine` over `base` (the text it was written from). */
  onSave: (mine: string, base: string) => Promise<SaveResult>;
  onClose: (saved: boolean) => void;
}

function Diff({ from, to, show }: { from: string; to: string; show: "removed" | "added" }) {
  return (
    <>
      {wordDiff(from, to)
        .filter((piece) => piece.change === "same" || piece.change === show)
        .map((piece, index) => (
          <Fragment key={index}>
            {index === 0 ? null : " "}
            {piece.change === "same" ? piece.text : <mark>{piece.text}</mark>}
          </Fragment>
        ))}
    </>
  );
}

/**
 * Corrects one segment's text in place. Ctrl+Enter (⌘+Enter) saves, Escape cancels. When someone
 * else saved the segment meanwhile, both versions are shown, words that differ marked, and the
 * therapist keeps theirs or takes the saved one.
 */
export function SegmentEditor({ segmentId, label, initialText, draftText, onSave, onClose }: SegmentEditorProps) {
  const [text, setText] = useState(draftText ?? initialText);
  const draft = useDraft(`segment:${segmentId}`);
  const [base, setBase] = useState(initialText);
  const [conflict, setConflict] = useState<{ theirs: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const conflictHeading = useRef<HTMLHeadingElement>(null);
  const fieldId = `segment-editor-${segmentId}`;

  useEffect(() => field.current?.focus(), []);
  useEffect(() => {
    if (conflict) conflictHeading.current?.focus();
  }, [conflict]);

  const save = async () => {
    if (busy) return;
    if (text.trim() === "") {
      setProblem(new Error("A segment cannot be empty. Cancel to keep the text as it was."));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const result = await onSave(text, base);
      if (result.kind === "saved") {
        draft.forget();
        onClose(true);
        return;
      }
      setBase(result.theirs);
      setConflict({ theirs: result.theirs });
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      class="segment-editor"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          draft.forget();
          onClose(false);
        } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save();
        }
      }}
    >
      {conflict === null ? null : (
        <section class="conflict" aria-labelledby={`${fieldId}-conflict`}>
          <h3 id={`${fieldId}-conflict`} tabIndex={-1} ref={conflictHeading}>
            Someone else saved this segment while you were editing
          </h3>
          <p>Compare the two versions. Keep yours to save it over theirs, or take theirs and drop your change.</p>
          <div class="versions">
            <figure>
              <figcaption>Your version</figcaption>
              <blockquote data-version="mine">
                <Diff from={conflict.theirs} to={text} show="added" />
              </blockquote>
            </figure>
            <figure>
              <figcaption>Their saved version</figcaption>
              <blockquote data-version="theirs">
                <Diff from={conflict.theirs} to={text} show="removed" />
              </blockquote>
            </figure>
          </div>
          <p class="hint">Words that differ between the two versions are marked (highlighted and underlined).</p>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
              Keep mine
            </button>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() => {
                draft.forget();
                onClose(false);
              }}
            >
              Take theirs
            </button>
          </div>
        </section>
      )}
      <label for={fieldId}>{label}</label>
      <textarea
        id={fieldId}
        ref={field}
        rows={3}
        value={text}
        aria-describedby={`${fieldId}-hint`}
        onInput={(event) => {
          setText(event.currentTarget.value);
          draft.keep(event.currentTarget.value, initialText);
        }}
      />
      <p id={`${fieldId}-hint`} class="hint">
        Ctrl+Enter saves, Escape cancels.
      </p>
      {problem === null ? null : (
        <p class="error-message" role="alert">
          {describeError(problem)}
        </p>
      )}
      {conflict !== null ? null : (
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
            {busy ? "Saving…" : "Save"}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => {
              draft.forget();
              onClose(false);
            }}
          >
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
