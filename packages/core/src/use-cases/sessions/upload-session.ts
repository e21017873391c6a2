import { jobNames, type ConfideDeps } from "../../deps.ts";
import { durationMsOf, maxAudioChannels, sniffAudio, sniffBytes, type SniffedAudio } from "../../domain/audio-format.ts";
import { moveTo, newProcessing, type Session, type TranscriptionSettings } from "../../domain/session.ts";
import { isStorableDate, storableYears } from "../../domain/storable-date.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { assertProcessingCapacity } from "../policies/processing-capacity.ts";
import type { ByteStream } from "../../ports/blob-store.ts";
import { audit } from "../policies/audit.ts";
import { assertRole } from "../policies/session-access.ts";

export interface UploadSessionInput {
  patientId: string;
  /** Defaults to "Session <recorded date>". At most 200 characters. */
  title?: string;
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
  /** Aborting stops the upload (`upload.aborted`) and removes what was written. */
  signal?: AbortSignal;
}

const maxTitleLength = 200;
const maxOriginalNameLength = 255;
const languageTag = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const settingKeys = new Set<string>([
  "language",
  "candidateLanguages",
  "diarization",
  "minSpeakers",
  "maxSpeakers",
  "profanity",
  "punctuation",
  "wordTimestamps",
  "channelLayout",
  "channelRoles",
]);

/**
 * Stores a recording for a patient and starts processing it (DESIGN §6).
 *
 * The audio is streamed into the blob store: only the first `sniffBytes` are looked at to
 * recognise the container (the bytes decide, not the name or declared type), and the byte
 * count is checked as it flows, so an oversized upload fails as soon as it passes the limit.
 * The session is created `uploaded`, its process job enqueued, and it moves to `queued`.
 * On any failure nothing half-made remains: the blob and the record are removed.
 *
 * The input stream is always either read to its end or cancelled when this settles; a host
 * that wants to answer on the same connection should pass a stream whose cancel drains.
 *
 * @returns the stored session (queued, or further along when a worker was quicker).
 * @throws ConfideError `auth.forbidden` (not a therapist), `user.not_found` (unknown or
 * unlinked patient), `validation.invalid_input`, `upload.empty`, `upload.not_audio`,
 * `upload.too_large`, `upload.aborted`, `upload.quota_exceeded` (the therapist has
 * `settings.maxSessionsInProcessing` sessions in processing), `dependency.unavailable`.
 */
export async function uploadSession(deps: ConfideDeps, actor: Actor, input: UploadSessionInput): Promise<Session> {
  let details: SessionDetails;
  try {
    assertRole(actor, "therapist");
    details = validateDetails(deps, input);
    const patient = await deps.users.get(input.patientId);
    const linked = patient !== null && patient.role === "patient" && (await deps.users.isLinked(actor.userId, patient.id));
    if (!linked) throw new ConfideError("user.not_found", "No such patient.");
    await assertProcessingCapacity(deps, actor);
    input.signal?.throwIfAborted();
  } catch (error) {
    await discard(deps, input.audio);
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
    const limit = byteLimit(deps.settings.maxUploadBytes);
    const body = source.replayThenRest().pipeThrough(limit.stream, input.signal ? { signal: input.signal } : {});
    const stored = await deps.blobs.put(blobKey, body, {
      contentType: sniffed.contentType,
      ...(input.signal ? { signal: input.signal } : {}),
    });

    const now = deps.clock.now();
    const session: Session = {
      id: sessionId,
      therapistId: actor.userId,
      patientId: input.patientId,
      title: details.title,
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
        // The header's claim, bounded by the bytes that actually arrived.
        durationMs: durationMsOf(sniffed, limit.totalBytes()),
        channels: sniffed.channels,
        originalName: details.originalName,
      },
      settings: details.settings,
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
      detail: { sizeBytes: stored.sizeBytes, format: sniffed.format },
    });
    deps.logger.info("upload.stored", { sessionId, sizeBytes: stored.sizeBytes, format: sniffed.format });
    return queued;
  } catch (error) {
    await source.stop(deps, input.signal?.reason);
    const failure = input.signal?.aborted || source.failedWith(error) ? aborted(error) : error;
    deps.logger.warn("upload.failed", { sessionId, code: codeOf(failure) });
    await removeLeftovers(deps, sessionId, blobKey, recordMayExist);
    throw failure;
  }
}

interface SessionDetails {
  title: string;
  recordedAt: Date;
  originalName: string | null;
  settings: TranscriptionSettings;
}

function invalid(message: string, field: string): ConfideError {
  return new ConfideError("validation.invalid_input", message, { details: { field } });
}

function validateDetails(deps: ConfideDeps, input: UploadSessionInput): SessionDetails {
  if (typeof input.patientId !== "string" || input.patientId === "") {
    throw invalid("Name the patient of the session.", "patientId");
  }
  const recordedAt = input.recordedAt ?? deps.clock.now();
  if (!(recordedAt instanceof Date) || !isStorableDate(recordedAt)) {
    throw invalid(`recordedAt must be a valid date from year ${storableYears.first} to ${storableYears.last}.`, "recordedAt");
  }
  const title = (input.title ?? "").trim() || `Session ${recordedAt.toISOString().slice(0, 10)}`;
  if (title.length > maxTitleLength) {
    throw invalid(`The title must be at most ${maxTitleLength} characters.`, "title");
  }
  const originalName = input.originalName?.trim().slice(0, maxOriginalNameLength) || null;
  return {
    title,
    recordedAt,
    originalName,
    settings: mergeSettings(deps.settings.transcription, input.settings ?? {}),
  };
}

/**
 * Merges the caller's settings over the defaults and checks the result.
 * @throws ConfideError `validation.invalid_input` naming the first offending field.
 */
function mergeSettings(base: TranscriptionSettings, patch: Partial<TranscriptionSettings>): TranscriptionSettings {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw invalid("Transcription settings must be an object.", "settings");
  }
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  for (const key of Object.keys(given)) {
    if (!settingKeys.has(key)) throw invalid(`Unknown transcription setting "${key.slice(0, 40)}".`, `settings.${key.slice(0, 40)}`);
  }
  const merged = { ...base, ...given } as TranscriptionSettings;
  if (merged.channelLayout === "mono" && given.channelRoles === undefined) delete merged.channelRoles;
  if (base.candidateLanguages !== undefined && given.language !== undefined && given.candidateLanguages === undefined) {
    // A caller who names one language means that language, not the host's candidates.
    delete merged.candidateLanguages;
  }

  if (typeof merged.language !== "string" || !languageTag.test(merged.language)) {
    throw invalid("language must be a BCP-47 tag such as en-US.", "settings.language");
  }
  if (merged.candidateLanguages !== undefined) {
    const candidates: unknown = merged.candidateLanguages;
    if (
      !Array.isArray(candidates) ||
      candidates.length === 0 ||
      candidates.length > 10 ||
      !candidates.every((tag) => typeof tag === "string" && languageTag.test(tag))
    ) {
      throw invalid("candidateLanguages must list 1 to 10 BCP-47 tags.", "settings.candidateLanguages");
    }
  }
  for (const field of ["diarization", "wordTimestamps"] as const) {
    if (typeof merged[field] !== "boolean") throw invalid(`${field} must be true or false.`, `settings.${field}`);
  }
  for (const field of ["minSpeakers", "maxSpeakers"] as const) {
    const value = merged[field];
    if (!Number.isInteger(value) || value < 1 || value > 10) {
      throw invalid(`${field} must be a whole number from 1 to 10.`, `settings.${field}`);
    }
  }
  if (merged.minSpeakers > merged.maxSpeakers) {
    throw invalid("minSpeakers must not exceed maxSpeakers.", "settings.minSpeakers");
  }
  if (!["none", "masked", "removed"].includes(merged.profanity)) {
    throw invalid("profanity must be none, masked or removed.", "settings.profanity");
  }
  if (!["automatic", "none"].includes(merged.punctuation)) {
    throw invalid("punctuation must be automatic or none.", "settings.punctuation");
  }
  if (!["mono", "per-channel"].includes(merged.channelLayout)) {
    throw invalid("channelLayout must be mono or per-channel.", "settings.channelLayout");
  }
  if (merged.channelRoles !== undefined) {
    const roles: unknown = merged.channelRoles;
    if (merged.channelLayout !== "per-channel") {
      throw invalid("channelRoles needs the per-channel layout.", "settings.channelRoles");
    }
    if (
      !Array.isArray(roles) ||
      roles.length === 0 ||
      roles.length > 32 ||
      !roles.every((role) => role === "therapist" || role === "patient")
    ) {
      throw invalid("channelRoles must list therapist or patient for each channel.", "settings.channelRoles");
    }
  }
  return structuredClone(merged);
}

function toReadableStream(audio: ByteStream): ReadableStream<Uint8Array> {
  return audio instanceof ReadableStream ? audio : ReadableStream.from(audio);
}

/** Releases a stream that will not be read (validation failed before reading). */
async function discard(deps: ConfideDeps, audio: ByteStream): Promise<void> {
  try {
    if (audio instanceof ReadableStream) {
      if (!audio.locked) await audio.cancel();
    } else {
      await audio[Symbol.asyncIterator]().return?.();
    }
  } catch (error) {
    deps.logger.warn("upload.cancel_failed", { code: codeOf(error) });
  }
}

/**
 * Reads the caller's stream: first the head (for sniffing), then the rest, replaying the head
 * chunks unchanged. Remembers whether the source itself failed, to tell a client that went
 * away (`upload.aborted`) from a storage failure.
 */
class SourceReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  #head: Uint8Array[] = [];
  #state: "open" | "done" | "failed" = "open";
  #error: unknown = undefined;

  constructor(source: ReadableStream<Uint8Array>) {
    this.#reader = source.getReader();
  }

  async #read(): ReturnType<ReadableStreamDefaultReader<Uint8Array>["read"]> {
    try {
      const result = await this.#reader.read();
      if (result.done) this.#state = "done";
      return result;
    } catch (error) {
      this.#state = "failed";
      this.#error = error;
      throw error;
    }
  }

  /** Reads chunks until at least `sniffBytes` arrived or the source ended; aborting ends it early. */
  async readHead(signal?: AbortSignal): Promise<Uint8Array[]> {
    const onAbort = () => {
      this.#reader.cancel(signal?.reason).catch((error: unknown) => {
        // The source had already failed: remember it as the source's failure.
        this.#state = "failed";
        this.#error = error;
      });
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      let length = 0;
      while (length < sniffBytes) {
        const { done, value } = await this.#read();
        if (done) break;
        if (value.byteLength === 0) continue;
        this.#head.push(value);
        length += value.byteLength;
      }
      return [...this.#head];
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** The head chunks, then the rest of the source. Cancelling it cancels the source. */
  replayThenRest(): ReadableStream<Uint8Array> {
    const pending = this.#head;
    this.#head = [];
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          const next = pending.shift();
          if (next) {
            controller.enqueue(next);
            return;
          }
          if (this.#state === "done") {
            controller.close();
            return;
          }
          const { done, value } = await this.#read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: async (reason) => {
          if (this.#state !== "open") return;
          this.#state = "done";
          await this.#reader.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
  }

  /** True when `error` is the source's own failure. */
  failedWith(error: unknown): boolean {
    return this.#state === "failed" && this.#error === error;
  }

  /** Cancels the source if it is still open (after a failure elsewhere). */
  async stop(deps: ConfideDeps, reason: unknown): Promise<void> {
    if (this.#state !== "open") return;
    this.#state = "done";
    try {
      await this.#reader.cancel(reason);
    } catch (error) {
      deps.logger.warn("upload.cancel_failed", { code: codeOf(error) });
    }
  }
}

function sniffHead(chunks: Uint8Array[]): SniffedAudio {
  const head = new Uint8Array(sniffBytes);
  let length = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, sniffBytes - length);
    head.set(part, length);
    length += part.byteLength;
    if (length === sniffBytes) break;
  }
  if (length === 0) throw new ConfideError("upload.empty", "The recording is empty.");
  const sniffed = sniffAudio(head.subarray(0, length));
  if (!sniffed) {
    throw new ConfideError(
      "upload.not_audio",
      "The file is not a recording in a supported format (WAV, MP3, OGG, FLAC, MP4/M4A, WebM).",
    );
  }
  if (sniffed.channels !== null && (sniffed.channels < 1 || sniffed.channels > maxAudioChannels)) {
    throw invalid(
      `The recording's header says it has ${sniffed.channels} channels: recordings with 1 to ${maxAudioChannels} channels are supported.`,
      "audio",
    );
  }
  return sniffed;
}

/**
 * Passes bytes through, failing with `upload.too_large` as soon as more than `maxBytes` passed.
 * `totalBytes()` is how many passed so far (all of them once the stream ended).
 */
function byteLimit(maxBytes: number): { stream: TransformStream<Uint8Array, Uint8Array>; totalBytes(): number } {
  let total = 0;
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        throw new ConfideError("upload.too_large", `The recording is larger than ${maxBytes} bytes.`, {
          details: { maxBytes },
        });
      }
      controller.enqueue(chunk);
    },
  });
  return { stream, totalBytes: () => total };
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
      deps.logger.error("upload.cleanup_failed", { sessionId, part: "session", code: codeOf(error) });
    }
  }
  if (blobKey !== null) {
    try {
      await deps.blobs.delete(blobKey);
    } catch (error) {
      deps.logger.error("upload.cleanup_failed", { sessionId, part: "blob", code: codeOf(error) });
    }
  }
}

function aborted(error: unknown): ConfideError {
  if (ConfideError.is(error)) return error;
  return new ConfideError("upload.aborted", "The upload was interrupted before the end of the recording.", {
    cause: error,
  });
}

function codeOf(error: unknown): string {
  return ConfideError.is(error) ? error.code : error instanceof Error ? error.name : "unknown";
}
