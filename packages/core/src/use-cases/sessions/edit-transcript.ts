import type { ConfideDeps } from "../../deps.ts";
import type { ReviewEdit, Session } from "../../domain/session.ts";
import type { Segment } from "../../domain/transcript.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { loadReviewTarget, saveReview } from "./transcript-review.ts";

/** Longest accepted text of one segment. */
export const maxSegmentTextLength = 10_000;
/** Most segments one edit may change. */
export const maxSegmentEdits = 1_000;

export interface SegmentTextEdit {
  segmentId: string;
  /** The corrected text of the whole segment. */
  text: string;
}

export interface EditTranscriptInput {
  sessionId: string;
  /** The version the editor read (If-Match). */
  expectedVersion?: number;
  edits: SegmentTextEdit[];
}

const invalid = (message: string, details: Record<string, unknown>) =>
  new ConfideError("validation.invalid_input", message, { details });

function validate(edits: SegmentTextEdit[]): Map<string, string> {
  if (!Array.isArray(edits) || edits.length === 0) throw invalid("Send at least one segment edit.", { field: "edits" });
  if (edits.length > maxSegmentEdits) {
    throw invalid(`At most ${maxSegmentEdits} segments can be edited at once.`, { field: "edits" });
  }
  const texts = new Map<string, string>();
  edits.forEach((edit, index) => {
    if (typeof edit.segmentId !== "string" || edit.segmentId === "") {
      throw invalid("segmentId is required.", { field: `edits.${index}.segmentId` });
    }
    if (texts.has(edit.segmentId)) {
      throw invalid("A segment is edited twice.", { field: `edits.${index}.segmentId`, segmentId: edit.segmentId });
    }
    const text = typeof edit.text === "string" ? edit.text.trim() : "";
    if (text === "") throw invalid("The segment text is empty.", { field: `edits.${index}.text` });
    if (text.length > maxSegmentTextLength) {
      throw invalid(`The segment text is longer than ${maxSegmentTextLength} characters.`, {
        field: `edits.${index}.text`,
        maxLength: maxSegmentTextLength,
      });
    }
    texts.set(edit.segmentId, text);
  });
  return texts;
}

/**
 * Corrects the text of transcript segments of a session pending review, as its therapist.
 * Each change is kept in the review history; the transcript revision goes up by one; the
 * sentiment of edited patient segments is measured again and the summary rebuilt. Edited
 * segments lose their word timings and confidence, which described the old text. An edit that
 * changes nothing writes nothing and returns the session as it is. Audited as
 * `session.transcript.edit`.
 * @throws ConfideError `session.version_required`, `session.version_conflict` (also when
 * another write lands first), `session.invalid_state` unless the session is ready,
 * `session.segment_not_found`, `validation.invalid_input`, `session.not_found`,
 * `auth.forbidden`, `provider.*` from the language analyzer (nothing is written then).
 */
export async function editTranscript(deps: ConfideDeps, actor: Actor, input: EditTranscriptInput): Promise<Session> {
  const texts = validate(input.edits);
  const target = await loadReviewTarget(deps, actor, input);
  const known = new Set(target.transcript.segments.map((segment) => segment.id));
  for (const segmentId of texts.keys()) {
    if (!known.has(segmentId)) {
      throw new ConfideError("session.segment_not_found", "The transcript has no such segment.", {
        details: { segmentId },
      });
    }
  }

  const now = deps.clock.now();
  const edits: ReviewEdit[] = [];
  const segments = target.transcript.segments.map((segment): Segment => {
    const text = texts.get(segment.id);
    if (text === undefined || text === segment.text) return segment;
    edits.push({ at: now, by: actor.userId, kind: "segment", target: segment.id, before: segment.text, after: text });
    const { words: _words, confidence: _confidence, ...rest } = segment;
    return { ...rest, text };
  });
  return saveReview(deps, actor, target, {
    counted: "segments",
    action: "session.transcript.edit",
    transcript: { ...target.transcript, segments },
    edits,
    rescore: new Set(edits.map((edit) => edit.target)),
  });
}
