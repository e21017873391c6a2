/**
 * The one rule for a segment edit that came back 412 (`session.version_conflict`): someone
 * saved the session after this editor read it. Compare what the editor started from (`base`),
 * what they wrote (`mine`) and what the session holds now (`theirs`).
 */
export interface PendingEdit {
  segmentId: string;
  /** The segment's text when the editor opened it. */
  base: string;
  /** The text the editor wants to save. */
  mine: string;
}

/** What the session holds now, as read after the 412. */
export interface CurrentSession {
  version: number;
  transcript: { segments: ReadonlyArray<{ id: string; text: string }> } | null;
}

export type ConflictOutcome =
  /** The other save did not touch this segment: save mine again on the current version. */
  | { kind: "resubmit"; version: number; text: string }
  /** The other save wrote the same words: nothing left to do. */
  | { kind: "already-saved"; version: number }
  /** Both changed the segment differently: the therapist chooses. */
  | { kind: "conflict"; version: number; mine: string; theirs: string; base: string }
  /** The segment is no longer there (the transcript went away). */
  | { kind: "gone"; version: number };

/** Texts compared as a person reads them: outer spaces ignored, as the API trims what it saves. */
const same = (a: string, b: string) => a.trim() === b.trim();

export function resolveConflict(edit: PendingEdit, current: CurrentSession): ConflictOutcome {
  const segment = current.transcript?.segments.find((candidate) => candidate.id === edit.segmentId);
  if (!segment) return { kind: "gone", version: current.version };
  if (same(segment.text, edit.mine)) return { kind: "already-saved", version: current.version };
  if (same(segment.text, edit.base)) return { kind: "resubmit", version: current.version, text: edit.mine };
  return { kind: "conflict", version: current.version, mine: edit.mine, theirs: segment.text, base: edit.base };
}

export interface DiffPiece {
  text: string;
  /** `same` in both; `removed`: only in the first text; `added`: only in the second. */
  change: "same" | "removed" | "added";
}

/**
 * Word-level differences from `from` to `to` (longest common subsequence of words), for showing
 * two versions of a segment side by side. Adjacent pieces of one kind are joined.
 */
export function wordDiff(from: string, to: string): DiffPiece[] {
  const a = from.split(/\s+/).filter((word) => word !== "");
  const b = to.split(/\s+/).filter((word) => word !== "");
  // lengths[i][j]: the LCS length of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const pieces: DiffPiece[] = [];
  const push = (text: string, change: DiffPiece["change"]) => {
    const last = pieces[pieces.length - 1];
    if (last && last.change === change) last.text += ` ${text}`;
    else pieces.push({ text, change });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(a[i]!, "same");
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || lengths[i]![j + 1]! >= lengths[i + 1]![j]!)) {
      push(b[j]!, "added");
      j += 1;
    } else {
      push(a[i]!, "removed");
      i += 1;
    }
  }
  return pieces;
}
