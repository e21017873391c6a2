import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, truncate, writeFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { UploadAdmission } from "@confide/core";
import { type Clock, ConfideError } from "@confide/core/ports";
import { UploadRefusal } from "./upload-refusal.ts";

/** A resumable upload as the staging area holds it. */
export interface StagedUpload {
  id: string;
  therapistId: string;
  /** Upload-Length: the recording's size, declared at creation. */
  lengthBytes: number;
  /** How many bytes are staged (the data file's size); `lengthBytes` once complete. */
  offsetBytes: number;
  /** The Upload-Metadata header as sent, for HEAD. */
  metadataHeader: string;
  /** The decoded metadata (patientId, title, filename, settings, …). */
  metadata: Record<string, string>;
  createdAt: string;
  /** Past this, the sweep removes the upload; every accepted PATCH moves it on. */
  expiresAt: string;
  /** The session made of it, once the last byte arrived and the upload was stored. */
  sessionId: string | null;
}

export interface UploadStagingOptions {
  /** A folder of this host's data dir; created when first needed. */
  directory: string;
  clock: Clock;
  newId: () => string;
  /** How long an upload without progress is kept (Upload-Expires). */
  expiresAfterMs: number;
}

/** A checksum of one PATCH body (the tus checksum extension; sha256 only). */
export interface ChunkChecksum {
  algorithm: "sha256";
  digest: Buffer;
}

export interface UploadStaging {
  /** Starts an upload with no bytes; `reservation` is settled when it ends (stored, removed or expired). */
  create(input: { therapistId: string; lengthBytes: number; metadataHeader: string; metadata: Record<string, string> }, reservation: UploadAdmission): Promise<StagedUpload>;
  /**
   * The caller's upload.
   * @throws UploadRefusal `upload.not_found` (unknown, or another therapist's), `upload.expired`.
   */
  read(id: string, therapistId: string): Promise<StagedUpload>;
  /**
   * Takes the upload for one request: a second request on it meanwhile is refused. Release it
   * when the request settles.
   * @throws UploadRefusal `upload.locked`.
   */
  lock(id: string): { release(): void };
  /**
   * Appends a PATCH body at the upload's offset, streaming it to disk (never held whole). A body
   * that breaks (the client went away) keeps what arrived, unless a checksum was given: a body
   * that cannot be checked is dropped, as is one that does not match it. Call with the lock held.
   * @returns the upload with its new offset and expiry.
   * @throws UploadRefusal `upload.checksum_mismatch`; ConfideError `upload.too_large` (past
   * Upload-Length: the body's bytes are dropped), `upload.aborted` (the body broke).
   */
  append(upload: StagedUpload, body: AsyncIterable<Uint8Array>, checksum: ChunkChecksum | null): Promise<StagedUpload>;
  /** The staged bytes, from the start, as a stream (read once, never buffered whole). */
  open(id: string): ReadableStream<Uint8Array>;
  /** Stored as `sessionId`: the staged bytes are removed, the record kept (for HEAD) until it expires. */
  finish(upload: StagedUpload, sessionId: string, sizeBytes: number): Promise<StagedUpload>;
  /** Removes the upload and its bytes (terminated, or refused at the end); the quota is given back. A missing one is no error. */
  remove(id: string): Promise<void>;
  /**
   * Removes every upload past its expiry that no request holds.
   * @returns the ids removed.
   */
  sweepExpired(): Promise<string[]>;
}

/** Ids come from the server; anything else named in a path is not one of ours. */
const safeId = /^[A-Za-z0-9_-]{1,100}$/;

const notFound = () => new UploadRefusal("upload.not_found", "No such upload.");

/**
 * Resumable uploads staged on this host's disk: `<id>.json` (the record) and `<id>.part` (the
 * bytes so far). The offset is the data file's size, so a crash mid-PATCH resumes from what was
 * written. Locks are this process's: run one API process per staging folder.
 */
export function createUploadStaging(options: UploadStagingOptions): UploadStaging {
  const { directory, clock } = options;
  const locked = new Set<string>();
  // Quota reservations live in this process: after a restart, a removed upload's bytes stay counted.
  const reservations = new Map<string, UploadAdmission>();
  const recordPath = (id: string) => join(directory, `${id}.json`);
  const dataPath = (id: string) => join(directory, `${id}.part`);
  const expiry = () => new Date(clock.now().getTime() + options.expiresAfterMs).toISOString();

  const writeRecord = async (upload: StagedUpload) => {
    const { offsetBytes: _offset, ...record } = upload;
    const temporary = `${recordPath(upload.id)}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(record));
    await rename(temporary, recordPath(upload.id));
  };

  const readRecord = async (id: string): Promise<StagedUpload | null> => {
    if (!safeId.test(id)) return null;
    let text: string;
    try {
      text = await readFile(recordPath(id), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    const record = JSON.parse(text) as Omit<StagedUpload, "offsetBytes">;
    const offsetBytes = record.sessionId === null ? await sizeOf(dataPath(id)) : record.lengthBytes;
    return { ...record, offsetBytes };
  };

  const remove = async (id: string) => {
    await rm(dataPath(id), { force: true });
    await rm(recordPath(id), { force: true });
    const reservation = reservations.get(id);
    reservations.delete(id);
    await reservation?.abandoned();
  };

  const expired = (upload: StagedUpload) => Date.parse(upload.expiresAt) <= clock.now().getTime();

  return {
    async create(input, reservation) {
      await mkdir(directory, { recursive: true, mode: 0o700 });
      const upload: StagedUpload = {
        id: options.newId(),
        therapistId: input.therapistId,
        lengthBytes: input.lengthBytes,
        offsetBytes: 0,
        metadataHeader: input.metadataHeader,
        metadata: input.metadata,
        createdAt: clock.now().toISOString(),
        expiresAt: expiry(),
        sessionId: null,
      };
      if (!safeId.test(upload.id)) throw new ConfideError("validation.invalid_input", "The id generator made an id unfit for a file name.");
      await writeFile(dataPath(upload.id), new Uint8Array(0), { mode: 0o600 });
      await writeRecord(upload);
      reservations.set(upload.id, reservation);
      return upload;
    },

    async read(id, therapistId) {
      const upload = await readRecord(id);
      if (upload === null || upload.therapistId !== therapistId) throw notFound();
      if (expired(upload)) throw new UploadRefusal("upload.expired", "This upload was abandoned for too long and removed: start again.");
      return upload;
    },

    lock(id) {
      if (locked.has(id)) throw new UploadRefusal("upload.locked", "Another request is sending this upload: wait for it, then ask where it stands (HEAD).");
      locked.add(id);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          locked.delete(id);
        },
      };
    },

    async append(upload, body, checksum) {
      const start = upload.offsetBytes;
      const room = upload.lengthBytes - start;
      const hash = checksum ? createHash(checksum.algorithm) : null;
      const file = await open(dataPath(upload.id), "r+");
      // Chunks are gathered (not copied) and written about a MiB at a time, in one call each.
      let batch: Uint8Array[] = [];
      let batchLength = 0;
      let written = 0;
      const flush = async () => {
        if (batchLength === 0) return;
        await writeAll(file, batch, batchLength, start + written);
        written += batchLength;
        batch = [];
        batchLength = 0;
      };
      let failure: unknown = null;
      try {
        try {
          for await (const chunk of body) {
            if (written + batchLength + chunk.byteLength > room) {
              failure = new ConfideError("upload.too_large", `The body goes past Upload-Length (${upload.lengthBytes} bytes).`, {
                details: { maxBytes: upload.lengthBytes },
              });
              break;
            }
            hash?.update(chunk);
            batch.push(chunk);
            batchLength += chunk.byteLength;
            if (batchLength >= stagingBatchBytes) await flush();
          }
        } finally {
          // What arrived before a break is written too: a dropped connection keeps it.
          await flush();
        }
      } catch (error) {
        failure ??= ConfideError.is(error) ? error : new ConfideError("upload.aborted", "The client went away before the end of the body.", { cause: error });
      } finally {
        await file.close();
      }
      const keep = failure === null ? (hash === null || checksum === null ? true : hash.digest().equals(checksum.digest)) : ConfideError.is(failure, "upload.aborted") && hash === null;
      if (!keep) {
        await truncate(dataPath(upload.id), start);
        if (failure === null) {
          throw new UploadRefusal("upload.checksum_mismatch", "The body does not match its Upload-Checksum: send it again.", {
            offsetBytes: start,
          });
        }
      }
      const moved: StagedUpload = { ...upload, offsetBytes: keep ? start + written : start, expiresAt: written > 0 && keep ? expiry() : upload.expiresAt };
      if (moved.expiresAt !== upload.expiresAt) await writeRecord(moved);
      if (failure !== null) throw failure;
      return moved;
    },

    open(id) {
      // Read into buffers of our own, a MiB at a time: Readable.toWeb would copy every chunk.
      let file: FileHandle | null = null;
      let position = 0;
      const close = async () => {
        const closing = file;
        file = null;
        await closing?.close();
      };
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            file ??= await open(dataPath(id), "r");
            const buffer = Buffer.allocUnsafeSlow(stagingBatchBytes);
            const { bytesRead } = await file.read(buffer, 0, buffer.byteLength, position);
            if (bytesRead === 0) {
              await close();
              controller.close();
              return;
            }
            position += bytesRead;
            controller.enqueue(buffer.subarray(0, bytesRead));
          } catch (error) {
            await close().catch(() => undefined);
            throw error;
          }
        },
        cancel: close,
      });
    },

    async finish(upload, sessionId, sizeBytes) {
      const finished: StagedUpload = { ...upload, sessionId, offsetBytes: upload.lengthBytes };
      await writeRecord(finished);
      await rm(dataPath(upload.id), { force: true });
      const reservation = reservations.get(upload.id);
      reservations.delete(upload.id);
      await reservation?.stored(sizeBytes);
      return finished;
    },

    remove,

    async sweepExpired() {
      let names: string[];
      try {
        names = await readdir(directory);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
      const removed: string[] = [];
      for (const name of names) {
        if (!name.endsWith(".json")) continue;
        const id = name.slice(0, -".json".length);
        if (locked.has(id)) continue;
        const upload = await readRecord(id);
        if (upload === null || !expired(upload)) continue;
        await remove(id);
        removed.push(id);
      }
      return removed;
    },
  };
}

/** A PATCH body is written to its staged file in batches of about this many bytes. */
const stagingBatchBytes = 1024 * 1024;

/** Writes `chunks` (`length` bytes in all) at `position`, in one vectored call unless it comes up short. */
async function writeAll(file: FileHandle, chunks: Uint8Array[], length: number, position: number): Promise<void> {
  const { bytesWritten } = await file.writev(chunks, position);
  let done = bytesWritten;
  if (done === length) return;
  const rest = Buffer.concat(chunks).subarray(done);
  while (done < length) {
    const { bytesWritten: more } = await file.write(rest, done - bytesWritten, length - done, position + done);
    done += more;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}
