import { open, type FileHandle } from "node:fs/promises";
import { ConfideError } from "@confide/core/ports";
import { toFilesystemError } from "./filesystem-errors.ts";
import { ownerOnlyFileMode } from "../files/owner-only-modes.ts";

/** One read of the body. */
type ChunkRead = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>["read"]>>;

export interface DurableFileWriteOptions {
  /** Aborting stops reading and writing; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Chunks are gathered up to this many bytes and written with one call. Default 1 MiB. */
  batchBytes?: number;
  /**
   * Every this many bytes written, what is written so far is flushed to disk in the background
   * while the stream goes on, so that the final flush has little left to do. Default 32 MiB.
   */
  syncEveryBytes?: number;
  /**
   * Turns the body's bytes into the bytes written (e.g. encrypts them). Pieces it returns are
   * kept until written, not copied.
   */
  encode?: ByteEncoder;
}

/** A streaming transformation of what is written: `push` for each chunk, `end` once at the end. */
export interface ByteEncoder {
  push(chunk: Uint8Array): Uint8Array[];
  end(): Uint8Array[];
}

const defaultBatchBytes = 1024 * 1024;
const defaultSyncEveryBytes = 32 * 1024 * 1024;
/** A batch also ends at this many chunks, so a stream of tiny chunks still writes in bounded calls. */
const maxBatchChunks = 256;

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/** Marks an error as the caller's stream's own, to be rethrown as it is. */
class BodyFailure {
  readonly error: unknown;
  constructor(error: unknown) {
    this.error = error;
  }
}

/**
 * Streams `body` into a new file at `path` (which must not exist; it is created 0600) and
 * returns once the file is durable (fsynced).
 *
 * Chunks are not copied: they are gathered into batches of about `batchBytes`, each written
 * with one vectored call while the next one fills. What is written is also flushed to disk in
 * the background as the file grows, so the disk works while the stream is still arriving
 * instead of all at the end. At most two batches are held: a slow disk slows the reading
 * (backpressure). On any failure the body is cancelled (unless it failed itself); the file is
 * left for the caller to remove.
 * @throws the body's own error as it is; the signal's reason when it aborts; a file system
 * failure mapped by `toFilesystemError` (ConfideError `dependency.unavailable` for storage
 * conditions).
 */
export async function writeDurably(path: string, body: ReadableStream<Uint8Array>, options: DurableFileWriteOptions = {}): Promise<void> {
  const { signal, encode } = options;
  const batchBytes = options.batchBytes ?? defaultBatchBytes;
  const syncEveryBytes = options.syncEveryBytes ?? defaultSyncEveryBytes;
  if (signal?.aborted) throw abortReason(signal);

  let handle: FileHandle;
  try {
    handle = await open(path, "wx", ownerOnlyFileMode);
  } catch (error) {
    throw toFilesystemError(error, "write an object");
  }

  const source = body.getReader();
  let batch: Uint8Array[] = [];
  let batchLength = 0;
  let writtenBytes = 0;
  let writing: Promise<void> = Promise.resolve();
  let syncing: Promise<void> | null = null;
  let syncedBytes = 0;
  /** The first failure of a background write or flush, thrown at the next step. */
  let fileFailure: { error: unknown } | null = null;

  /** Queues a batch after the previous one: writes are sequential, at explicit positions. */
  const write = (chunks: Uint8Array[], length: number) => {
    const position = writtenBytes;
    writtenBytes += length;
    writing = writing.then(async () => {
      if (fileFailure) return;
      try {
        const { bytesWritten } = await handle.writev(chunks, position);
        if (bytesWritten !== length) {
          throw new ConfideError("dependency.unavailable", `The blob storage folder took ${bytesWritten} of ${length} bytes.`, {
            retryable: true,
            details: { dependency: "filesystem", reason: "short_write" },
          });
        }
      } catch (error) {
        fileFailure ??= { error };
      }
    });
  };
  /** Starts flushing what is written so far, unless a flush is running or little is new. */
  const syncInBackground = () => {
    if (syncing || writtenBytes - syncedBytes < syncEveryBytes) return;
    const upToBytes = writtenBytes;
    syncing = writing
      .then(async () => {
        if (fileFailure) return;
        await handle.datasync();
        syncedBytes = upToBytes;
      })
      .catch((error: unknown) => {
        fileFailure ??= { error };
      })
      .finally(() => {
        syncing = null;
      });
  };
  const throwIfFileFailed = () => {
    if (fileFailure) throw fileFailure.error;
  };

  // Settles the read in progress when the signal aborts. (Not a Promise.race against one
  // long-lived promise: each race would stay attached to it, keeping every chunk alive.)
  let settleRead: ((aborted: "aborted") => void) | null = null;
  const onAbort = () => settleRead?.("aborted");
  signal?.addEventListener("abort", onAbort, { once: true });
  const nextOrAbort = (): Promise<ChunkRead | "aborted"> => {
    if (!signal) return source.read();
    if (signal.aborted) return Promise.resolve("aborted");
    return new Promise((resolve, reject) => {
      settleRead = resolve;
      source.read().then(resolve, reject);
    });
  };

  let failed = true;
  try {
    for (;;) {
      let next: ChunkRead | "aborted";
      try {
        next = await nextOrAbort();
      } catch (error) {
        throw new BodyFailure(error);
      } finally {
        settleRead = null;
      }
      if (next === "aborted" || signal?.aborted) throw abortReason(signal as AbortSignal);
      throwIfFileFailed();
      if (next.done) break;
      const chunk = next.value;
      if (!(chunk instanceof Uint8Array)) throw new BodyFailure(new TypeError("A blob body must yield Uint8Array chunks."));
      if (chunk.byteLength === 0) continue;
      // One large chunk may encode into many pieces: a batch still ends at its bounds.
      for (const piece of encode === undefined ? [chunk] : encode.push(chunk)) {
        batch.push(piece);
        batchLength += piece.byteLength;
        if (batchLength >= batchBytes || batch.length >= maxBatchChunks) {
          // Hold at most this batch and the one being written.
          await writing;
          write(batch, batchLength);
          batch = [];
          batchLength = 0;
          syncInBackground();
        }
      }
    }
    for (const piece of encode?.end() ?? []) {
      batch.push(piece);
      batchLength += piece.byteLength;
    }
    if (batchLength > 0) write(batch, batchLength);
    await writing;
    await syncing;
    throwIfFileFailed();
    await handle.sync();
    failed = false;
  } catch (error) {
    if (error instanceof BodyFailure) {
      if (signal?.aborted) throw abortReason(signal);
      throw error.error;
    }
    // Nothing more of the body will be stored: let its producer stop. Not awaited (an async
    // generator stuck in a read finishes its cancel only once that read settles), and a failure
    // to cancel is not reported: the failure that stopped the write is.
    source.cancel(error).catch(() => undefined);
    if (signal?.aborted) throw abortReason(signal);
    throw toFilesystemError(error, "write an object");
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await writing;
    await syncing;
    try {
      await handle.close();
    } catch (error) {
      // After a failure the file is removed anyway; after success, a failed close is a failed write.
      if (!failed) throw toFilesystemError(error, "write an object");
    }
  }
}
