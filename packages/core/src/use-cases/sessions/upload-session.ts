import { jobNames, type ConfideDeps } from "../../deps.ts";
import { durationMsOf, type SniffedAudio } from "../../domain/audio-format.ts";
import { checkNoteFormat, type NoteFormat } from "../../domain/note-formats.ts";
import { moveTo, newProcessing, type Session, type TranscriptionSettings } from "../../domain/session.ts";
import { isStorableDate, storableYears } from "../../domain/storable-date.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError, invalidInput, loggableCode } from "../../errors.ts";
import type { ByteStream } from "../../ports/blob-store.ts";
import { audit } from "../policies/audit.ts";
import { noteFormatForNewSession } from "../policies/note-format-choice.ts";
import { assertRole } from "../policies/session-access.ts";
import { byteMeter } from "./byte-meter.ts";
import { checkUploadAllowed } from "./check-upload-allowed.ts";
import { checkTitleShared } from "./share-session-title.ts";
import type { UploadAdmission } from "./upload-gate.ts";
import { sniffHead } from "./recording-head.ts";
import { mergeTranscriptionSettings } from "./transcription-settings.ts";
import { releaseUnread, SourceReader, toReadableStream } from "./upload-source.ts";

export interface UploadSessionInput {
  patientId: string;
  /** Defaults to "Session <recorded date>". At most 200 characters. */
  title?: string;
  /** True shows the title to the patient; false (the default) gives them a neutral one. */
  titleShared?: boolean;
  /** When the session took place; defaults to now. */
  recordedAt?: Date;
  /** The recording. Read once, never held whole in memory. */
  audio: ByteStream;
  /** The client's file name, kept for display only. */
  originalName?: string;
  /** The client's claimed type: logged when it disagrees, never trusted. */
  declaredContentType?: string;
  /** Merged over `deps.settings.transcription`. */
  settings?: Partial<TranscriptionSettings>;
  /** The progress-note format of the session's notes; defaults to the therapist's default (`confide` without one). */
  noteFormat?: NoteFormat;
  /** Aborting stops the upload (`upload.aborted`) and removes what was written. */
  signal?: AbortSignal;
  /** The upload's admission (`admitUpload`), settled here: stored with the recording's size, else abandoned. */
  admission?: UploadAdmission;
}

const maxTitleLength = 200;
const maxOriginalNameLength = 255;
/**
 * Stores a recording for a patient and starts processing it (docs/architecture.md#use-cases).
 *
 * The audio is streamed into the blob store: only the first `sniffBytes` are looked at to
 * recognise the container (the bytes decide, not the name or declared type), and the bytes are
 * counted and hashed here as they flow (`byteMeter`: the store only stores them), so an
 * oversized upload fails as soon as it passes the limit. How long it plays is the header's
 * length (PCM WAV) or, for every other container, measured once from the stored bytes
 * (`deps.audioProbe`), so the providers' length limits hold before anything is staged.
 * The session is created `uploaded`, its process job enqueued, and it moves to `queued`.
 * On any failure nothing half-made remains: the blob and the record are removed.
 *
 * The input stream is always either read to its end or cancelled when this settles; a host
 * that wants to answer on the same connection should pass a stream whose cancel drains.
 *
 * @returns the stored session (queued, or further along when a worker was quicker).
 * @throws ConfideError `auth.forbidden` (not a therapist), `user.not_found` (unknown or
 * unlinked patient), `consent.missing` (the patient's consent does not cover `recording`,
 * `transcription`, or `cloud_processing` for a configured cloud provider: checked before any
 * byte is stored), `validation.invalid_input`, `upload.empty`, `upload.not_audio`,
 * `upload.unreadable_audio` (a container that does not decode, or a WAV header that claims more
 * than a second more audio than arrived),
 * `upload.too_large`, `upload.aborted`, `upload.quota_exceeded` (the therapist has
 * `settings.maxSessionsInProcessing` sessions in processing), `dependency.unavailable`.
 */
export async function uploadSession(deps: ConfideDeps, actor: Actor, input: UploadSessionInput): Promise<Session> {
  let details: SessionDetails;
  let noteFormat: NoteFormat;
  try {
    assertRole(actor, "therapist");
    details = validateDetails(deps, input);
    await checkUploadAllowed(deps, actor, { patientId: input.patientId });
    noteFormat = await noteFormatForNewSession(deps, actor.userId, details.noteFormat);
    input.signal?.throwIfAborted();
  } catch (error) {
    await releaseUnread(deps, input.audio);
    await settle(deps, input.admission, null);
    throw input.signal?.aborted ? aborted(error) : error;
  }

  const sessionId = deps.ids.newId();
  const source = new SourceReader(toReadableStream(input.audio));
  let blobKey: string | null = null;
  let recordMayExist = false;
  try {
    const head = await source.readHead(input.signal);
    input.signal?.throwIfAborted();
    const sniffed = sniffHead(head);
    if (input.declaredContentType && input.declaredContentType !== sniffed.contentType) {
      deps.logger.info("upload.declared_type_differs", { sessionId, format: sniffed.format });
    }

    blobKey = `sessions/${actor.userId}/${sessionId}/audio.${sniffed.format}`;
    const meter = byteMeter(deps.settings.maxUploadBytes, deps.sha256);
    const body = source.replayThenRest().pipeThrough(meter.stream, input.signal ? { signal: input.signal } : {});
    await deps.blobs.put(blobKey, body, {
      contentType: sniffed.contentType,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    const stored = meter.result();
    refuseCutOffWav(sniffed, stored.sizeBytes);
    // The header's claim, bounded by the bytes that arrived; else measured from the stored bytes (once, here).
    const durationMs = durationMsOf(sniffed, stored.sizeBytes) ?? (await measureDuration(deps, blobKey, input.signal));

    const now = deps.clock.now();
    const session: Session = {
      id: sessionId,
      therapistId: actor.userId,
      patientId: input.patientId,
      title: details.title,
      titleShared: details.titleShared,
      recordedAt: details.recordedAt,
      createdAt: now,
      updatedAt: now,
      version: 1,
      status: "uploaded",
      statusHistory: [{ status: "uploaded", version: 1, at: now }],
      audio: {
        blobKey,
        contentType: sniffed.contentType,
        format: sniffed.format,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        durationMs,
        channels: sniffed.channels,
        originalName: details.originalName,
      },
      settings: details.settings,
      noteFormat,
      transcript: null,
      sentiment: null,
      review: { edits: [], finalizedAt: null, finalizedBy: null },
      processing: newProcessing(),
    };
    try {
      recordMayExist = true;
      await deps.sessions.create(session);
    } catch (error) {
      // A conflict means the id belongs to another session: never remove that one.
      if (ConfideError.is(error, "session.version_conflict")) recordMayExist = false;
      throw error;
    }
    await deps.queue.enqueue(jobNames.processSession, { sessionId }, { jobId: `process-${sessionId}-r0` });
    const queued = await moveToQueued(deps, session);
    await audit(deps, actor, "session.create", {
      sessionId,
      subjectUserId: session.patientId,
      detail: { sizeBytes: stored.sizeBytes, format: sniffed.format, noteFormat },
    });
    deps.logger.info("upload.stored", { sessionId, sizeBytes: stored.sizeBytes, format: sniffed.format });
    await settle(deps, input.admission, stored.sizeBytes);
    return queued;
  } catch (error) {
    await source.stop(deps, input.signal?.reason);
    const failure = input.signal?.aborted || source.failedWith(error) ? aborted(error) : error;
    deps.logger.warn("upload.failed", { sessionId, code: loggableCode(failure) });
    await removeLeftovers(deps, sessionId, blobKey, recordMayExist);
    await settle(deps, input.admission, null);
    throw failure;
  }
}

/** How much shorter than its header says a WAV may arrive: a recorder's last block, not a cut-off file. */
const wavShortfallToleranceMs = 1_000;

const clockText = (ms: number) => {
  const seconds = Math.floor(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const rest = `${String(Math.floor((seconds % 3600) / 60)).padStart(hours > 0 ? 2 : 1, "0")}:${String(seconds % 60).padStart(2, "0")}`;
  return hours > 0 ? `${hours}:${rest}` : rest;
};

/**
 * Refuses a WAV whose header claims more audio than arrived (past the tolerance): a file cut off
 * in transfer or a forged header, which would fail late in processing. A streamed WAV's
 * unknown-length header (0 or all ones) claims nothing and passes.
 * @throws ConfideError `upload.unreadable_audio`, saying how long the header claims and what arrived.
 */
function refuseCutOffWav(sniffed: SniffedAudio, sizeBytes: number): void {
  const claimedMs = sniffed.pcm ? sniffed.durationMs : null;
  const arrivedMs = durationMsOf(sniffed, sizeBytes);
  if (claimedMs === null || arrivedMs === null || claimedMs - arrivedMs <= wavShortfallToleranceMs) return;
  throw new ConfideError(
    "upload.unreadable_audio",
    `The recording's header says it lasts ${clockText(claimedMs)} but only ${clockText(arrivedMs)} arrived: the file was cut off or its header is wrong. Upload the whole file; nothing was stored.`,
    { details: { claimedMs, arrivedMs } },
  );
}

/**
 * How long the stored recording plays, read back through `deps.audioProbe` (MP3, OGG/Opus and
 * WebM/Opus headers carry no length). A recording the probe finds no audio in is refused
 * (`upload.unreadable_audio`); null when the host measures nothing.
 */
async function measureDuration(deps: ConfideDeps, blobKey: string, signal: AbortSignal | undefined): Promise<number | null> {
  const stored = await deps.blobs.get(blobKey, signal ? { signal } : {});
  return deps.audioProbe.durationMs(stored.body, signal ? { signal } : {});
}

/**
 * Settles the upload's admission: stored (`sizeBytes`) or abandoned (null). A quota store that
 * fails then is logged: the upload's outcome stands.
 */
async function settle(deps: ConfideDeps, admission: UploadAdmission | undefined, sizeBytes: number | null): Promise<void> {
  if (admission === undefined) return;
  try {
    await (sizeBytes === null ? admission.abandoned() : admission.stored(sizeBytes));
  } catch (error) {
    deps.logger.warn("upload.quota_settle_failed", { code: loggableCode(error) });
  }
}

interface SessionDetails {
  title: string;
  titleShared: boolean;
  recordedAt: Date;
  originalName: string | null;
  settings: TranscriptionSettings;
  noteFormat: NoteFormat | undefined;
}

/** The worker may have moved the session on before us: that is success, not a conflict. */
async function moveToQueued(deps: ConfideDeps, session: Session): Promise<Session> {
  try {
    const now = deps.clock.now();
    return await deps.sessions.update({ ...moveTo(session, "queued", now), updatedAt: now }, session.version);
  } catch (error) {
    if (!ConfideError.is(error, "session.version_conflict")) throw error;
    const current = await deps.sessions.get(session.id);
    if (!current) throw new ConfideError("session.not_found", "The session was removed while it was being stored.");
    return current;
  }
}

async function removeLeftovers(
  deps: ConfideDeps,
  sessionId: string,
  blobKey: string | null,
  recordMayExist: boolean,
): Promise<void> {
  if (recordMayExist) {
    try {
      await deps.sessions.delete(sessionId);
    } catch (error) {
      deps.logger.error("upload.cleanup_failed", { sessionId, part: "session", code: loggableCode(error) });
    }
  }
  if (blobKey !== null) {
    try {
      await deps.blobs.delete(blobKey);
    } catch (error) {
      deps.logger.error("upload.cleanup_failed", { sessionId, part: "blob", code: loggableCode(error) });
    }
  }
}

function validateDetails(deps: ConfideDeps, input: UploadSessionInput): SessionDetails {
  if (typeof input.patientId !== "string" || input.patientId === "") {
    throw invalidInput("Name the patient of the session.", "patientId");
  }
  const recordedAt = input.recordedAt ?? deps.clock.now();
  if (!(recordedAt instanceof Date) || !isStorableDate(recordedAt)) {
    throw invalidInput(`recordedAt must be a valid date from year ${storableYears.first} to ${storableYears.last}.`, "recordedAt");
  }
  const title = (input.title ?? "").trim() || `Session ${recordedAt.toISOString().slice(0, 10)}`;
  if (title.length > maxTitleLength) {
    throw invalidInput(`The title must be at most ${maxTitleLength} characters.`, "title");
  }
  const originalName = input.originalName?.trim().slice(0, maxOriginalNameLength) || null;
  return {
    title,
    titleShared: checkTitleShared(input.titleShared),
    recordedAt,
    originalName,
    settings: mergeTranscriptionSettings(deps.settings.transcription, input.settings ?? {}),
    noteFormat: input.noteFormat === undefined ? undefined : checkNoteFormat(input.noteFormat, "noteFormat"),
  };
}

function aborted(error: unknown): ConfideError {
  if (ConfideError.is(error)) return error;
  return new ConfideError("upload.aborted", "The upload was interrupted before the end of the recording.", {
    cause: error,
  });
}
