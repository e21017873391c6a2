import { ConfideError } from "../../errors.ts";
import type { Session } from "../../domain/session.ts";
import type { BlobStore } from "../../ports/blob-store.ts";
import type { SessionRepository } from "../../ports/session-repository.ts";
import { byteMeter } from "./byte-meter.ts";

/** What happened to one recording. */
export type RecordingMigrationOutcome =
  /** Copied, then read back from the destination and found equal by sha256. */
  | "copied"
  /** Already in the destination with the session's sha256 (an earlier run): left as it was. */
  | "already-present"
  /** In neither store: nothing to copy (reported, not fatal). */
  | "missing"
  /** The source's bytes do not have the session's sha256, or the copy read back differs: nothing is left at the destination. */
  | "checksum-mismatch";

export interface RecordingMigrationReport {
  sessions: number;
  copied: number;
  alreadyPresent: number;
  missing: number;
  checksumMismatch: number;
  /** Bytes copied in this run. */
  bytesCopied: number;
  /** The sessions whose recording was missing or did not verify, with why. */
  problems: Array<{ sessionId: string; blobKey: string; outcome: "missing" | "checksum-mismatch" }>;
}

export interface MigrateRecordingsInput {
  sessions: Pick<SessionRepository, "list" | "get">;
  from: BlobStore;
  to: BlobStore;
  /** Called after each recording (progress output). */
  onRecording?: (result: { sessionId: string; blobKey: string; outcome: RecordingMigrationOutcome; sizeBytes: number }) => void;
  signal?: AbortSignal;
}

/** The sha256 of the object at `key`, read whole as a stream; null when there is none. */
async function storedSha256(store: BlobStore, key: string, signal: AbortSignal | undefined): Promise<string | null> {
  let read;
  try {
    read = await store.get(key, signal === undefined ? {} : { signal });
  } catch (error) {
    if (ConfideError.is(error, "blob.not_found")) return null;
    throw error;
  }
  const meter = byteMeter(Number.MAX_SAFE_INTEGER);
  const reader = read.body.pipeThrough(meter.stream).getReader();
  while (!(await reader.read()).done);
  return meter.result().sha256;
}

/** Copies one recording, streaming, hashing what the source gives. @returns its outcome and size. */
async function migrateOne(session: Session, input: MigrateRecordingsInput): Promise<{ outcome: RecordingMigrationOutcome; sizeBytes: number }> {
  const { from, to, signal } = input;
  const { blobKey, sha256, contentType } = session.audio;
  const options = signal === undefined ? {} : { signal };
  const present = await to.head(blobKey, options);
  if (present !== null && present.sizeBytes === session.audio.sizeBytes && (await storedSha256(to, blobKey, signal)) === sha256) {
    return { outcome: "already-present", sizeBytes: 0 };
  }
  let source;
  try {
    source = await from.get(blobKey, options);
  } catch (error) {
    if (ConfideError.is(error, "blob.not_found")) return { outcome: "missing", sizeBytes: 0 };
    throw error;
  }
  const meter = byteMeter(Number.MAX_SAFE_INTEGER);
  await to.put(blobKey, source.body.pipeThrough(meter.stream), { contentType, ...options });
  const copied = meter.result();
  // What the source gave must be what was uploaded, and what the destination keeps what it was given.
  if (copied.sha256 !== sha256 || (await storedSha256(to, blobKey, signal)) !== sha256) {
    await to.delete(blobKey, options);
    return { outcome: "checksum-mismatch", sizeBytes: 0 };
  }
  return { outcome: "copied", sizeBytes: copied.sizeBytes };
}

/**
 * Copies every session's recording from one blob store to another under the same key, one at a
 * time and streaming (a recording is never held in memory), each verified by reading it back
 * from the destination and comparing its sha256 with the one measured at upload (the session's
 * `audio.sha256`). Resumable: a recording already at the destination with that sha256 is left as
 * it is, and `put` is atomic, so a run that was killed leaves nothing half-copied that a new run
 * would trust. The sessions are the list of what a store holds (only uploads write to it). The
 * source is not changed. A recording missing from both stores, or whose bytes do not verify, is
 * reported and the run goes on.
 * @returns the counts and the sessions with problems.
 * @throws what the stores or the repository throw (`dependency.unavailable`…): the run stops
 * there and can be started again.
 */
export async function migrateRecordings(input: MigrateRecordingsInput): Promise<RecordingMigrationReport> {
  const report: RecordingMigrationReport = { sessions: 0, copied: 0, alreadyPresent: 0, missing: 0, checksumMismatch: 0, bytesCopied: 0, problems: [] };
  let cursor: string | undefined;
  do {
    const page = await input.sessions.list({ limit: 100, ...(cursor === undefined ? {} : { cursor }) });
    for (const summary of page.items) {
      input.signal?.throwIfAborted();
      const session = await input.sessions.get(summary.id);
      // Deleted since the page was read: its recording went with it.
      if (session === null) continue;
      report.sessions += 1;
      const { outcome, sizeBytes } = await migrateOne(session, input);
      if (outcome === "copied") report.copied += 1;
      else if (outcome === "already-present") report.alreadyPresent += 1;
      else {
        if (outcome === "missing") report.missing += 1;
        else report.checksumMismatch += 1;
        report.problems.push({ sessionId: session.id, blobKey: session.audio.blobKey, outcome });
      }
      report.bytesCopied += sizeBytes;
      input.onRecording?.({ sessionId: session.id, blobKey: session.audio.blobKey, outcome, sizeBytes });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return report;
}
