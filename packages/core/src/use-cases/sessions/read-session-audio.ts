import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { assertAudioKept } from "../../domain/audio-kept.ts";
import { ConfideError } from "../../errors.ts";
import type { BlobRead, ByteRange } from "../../ports/blob-store.ts";
import { audit } from "../policies/audit.ts";
import { loadVisibleSession } from "../policies/session-access.ts";

export interface ReadSessionAudioInput {
  sessionId: string;
  /**
   * Byte range, inclusive at both ends (HTTP Range `bytes=a-b`), or the last `suffixLength`
   * bytes (`bytes=-n`); omitted reads the whole recording.
   */
  range?: ByteRange | { suffixLength: number };
  signal?: AbortSignal;
}

/** The recording as a stream; `contentType` is the one Confide derived from the bytes at upload. */
export type SessionAudio = BlobRead;

/** A suffix range becomes a range from the start, from the size stored with the session. */
function resolveRange(range: ByteRange | { suffixLength: number }, sizeBytes: number): ByteRange {
  if (!("suffixLength" in range)) return range;
  if (!Number.isSafeInteger(range.suffixLength) || range.suffixLength < 0) {
    throw new ConfideError("validation.invalid_input", "The byte range is not valid.", {
      details: { suffixLength: range.suffixLength },
    });
  }
  if (range.suffixLength === 0) {
    throw new ConfideError("blob.range_not_satisfiable", "An empty suffix range selects nothing.", {
      details: { sizeBytes },
    });
  }
  return { start: Math.max(0, sizeBytes - range.suffixLength) };
}

function assertRange(range: ByteRange): void {
  const validStart = Number.isSafeInteger(range.start) && range.start >= 0;
  const validEnd = range.end === undefined || (Number.isSafeInteger(range.end) && range.end >= range.start);
  if (!validStart || !validEnd) {
    throw new ConfideError("validation.invalid_input", "The byte range is not valid.", {
      details: { start: range.start, ...(range.end === undefined ? {} : { end: range.end }) },
    });
  }
}

/**
 * Opens a session's recording, whole or a byte range, for the owning therapist or the patient
 * of a finalized session. Audited as `session.audio.read`. The caller must consume or cancel
 * `body`.
 * @throws ConfideError `session.not_found`, `auth.forbidden` (admin), `validation.invalid_input`
 * for a malformed range, `blob.range_not_satisfiable` when the range starts past the end,
 * `blob.not_found` when the stored recording is missing, `audio.deleted` when the retention
 * policy deleted it.
 */
export async function readSessionAudio(
  deps: ConfideDeps,
  actor: Actor,
  input: ReadSessionAudioInput,
): Promise<SessionAudio> {
  if (input.range !== undefined && !("suffixLength" in input.range)) assertRange(input.range);
  const session = await loadVisibleSession(deps, actor, input.sessionId);
  assertAudioKept(session);
  const range = input.range === undefined ? undefined : resolveRange(input.range, session.audio.sizeBytes);
  const read = await deps.blobs.get(session.audio.blobKey, {
    ...(range === undefined ? {} : { range }),
    ...(input.signal === undefined ? {} : { signal: input.signal }),
  });
  try {
    await audit(deps, actor, "session.audio.read", {
      sessionId: session.id,
      subjectUserId: session.patientId,
      detail: read.range ? { rangeStart: read.range.start, rangeEnd: read.range.end } : { whole: true },
    });
  } catch (error) {
    // No audit record, no bytes: release the opened stream before failing.
    await read.body.cancel(error).catch((cancelError: unknown) => {
      deps.logger.warn("Could not release an audio stream", { sessionId: session.id, error: String(cancelError) });
    });
    throw error;
  }
  return { ...read, contentType: session.audio.contentType };
}

export interface SessionAudioAccess {
  sessionId: string;
  /** Length of the recording; null while unknown. */
  durationMs: number | null;
}

/**
 * Whether the actor may read a session's recording (the owning therapist, or the patient of a
 * finalized session), without opening it: before the host hands out a signed link to it. Not
 * audited: every read through the link is, by `readSessionAudio`.
 * @throws ConfideError `session.not_found`, `auth.forbidden` (admin).
 */
export async function checkSessionAudioAccess(
  deps: ConfideDeps,
  actor: Actor,
  input: { sessionId: string },
): Promise<SessionAudioAccess> {
  const session = await loadVisibleSession(deps, actor, input.sessionId);
  return { sessionId: session.id, durationMs: session.audio.durationMs };
}
