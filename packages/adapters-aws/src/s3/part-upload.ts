/**
 * Streams a body into S3 in parts copied into a fixed pool of part buffers, reused from one part
 * to the next. lib-storage's `Upload` concatenates each part into a new buffer and keeps the
 * chunks it came from until then: per 8 MiB part, 16 MiB that only a major garbage collection
 * gives back, so a long upload's RSS grew to 3–4 × its nominal bound. Here the memory an upload
 * holds is the pool, allocated as needed up to `queueSize + 1` buffers of `partSizeBytes` (the
 * parts in flight and the one being filled), plus the one chunk being copied; nothing else
 * outlives a chunk.
 */
import { ConfideError } from "@confide/core/ports";

/** S3's most parts in one multipart upload. */
export const maximumPartCount = 10_000;

/** Where the parts go: one request per call, each already mapped to the adapter's errors. */
export interface PartTarget {
  /** Stores a body shorter than one part (or empty) with one PutObject. */
  putWhole(bytes: Buffer): Promise<void>;
  /** CreateMultipartUpload. @returns the upload's handle. */
  startMultipart(): Promise<MultipartHandle>;
}

export interface MultipartHandle {
  /** UploadPart. @returns the part's ETag. */
  uploadPart(partNumber: number, bytes: Buffer): Promise<string>;
  /** CompleteMultipartUpload with the parts in order. */
  complete(parts: { PartNumber: number; ETag: string }[]): Promise<void>;
  /** AbortMultipartUpload (S3 drops the parts already sent); never throws. */
  abort(): Promise<void>;
}

export interface PartUploadOptions {
  body: ReadableStream<Uint8Array>;
  partSizeBytes: number;
  /** Parts sent at once. */
  queueSize: number;
  /** Stops reading, aborts the multipart upload and rejects with the signal's reason. */
  signal?: AbortSignal;
  target: PartTarget;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/**
 * Reads `body` to its end and stores it through `target`: one PutObject when it is shorter than
 * or as long as one part, else a multipart upload of `partSizeBytes` parts (the last shorter),
 * at most `queueSize` in flight, at most 10,000 (S3's limit: more bytes fail with
 * `upload.too_large` before part 10,001 is sent). On any failure — the body's, S3's, the signal — reading stops
 * (the body is cancelled with the error), a started multipart upload is aborted, and the error
 * is rethrown as it came (the body's error, the target's mapped error, the signal's reason).
 * @returns once S3 holds the whole object.
 */
export async function uploadInParts(options: PartUploadOptions): Promise<void> {
  const { body, partSizeBytes, queueSize, signal, target } = options;
  const reader = body.getReader();
  const free: Buffer[] = [];
  let allocated = 0;
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    failure ??= { error };
  };
  const onAbort = () => {
    if (signal === undefined) return;
    fail(abortReason(signal));
    // Ends a pending read at once (it resolves as done).
    reader.cancel(abortReason(signal)).catch(() => undefined);
  };
  signal?.addEventListener("abort", onAbort, { once: true });

  let multipart: MultipartHandle | undefined;
  const inFlight = new Set<Promise<void>>();
  const etags: { PartNumber: number; ETag: string }[] = [];
  let partNumber = 0;

  /** A free part buffer: a returned one, a new one while the pool is not full, else the first to come back. */
  async function takeBuffer(): Promise<Buffer | undefined> {
    while (free.length === 0 && allocated === queueSize + 1 && inFlight.size > 0) {
      await Promise.race(inFlight);
      if (failure !== undefined) return undefined;
    }
    const reused = free.pop();
    if (reused !== undefined) return reused;
    allocated += 1;
    // Outside Node's small-buffer pool: each part buffer is its own allocation, freed with the upload.
    return Buffer.allocUnsafeSlow(partSizeBytes);
  }

  /** Sends a full (or the last) part, waiting while `queueSize` are in flight. */
  async function sendPart(buffer: Buffer, length: number): Promise<void> {
    multipart ??= await target.startMultipart();
    const handle = multipart;
    while (inFlight.size >= queueSize) {
      await Promise.race(inFlight);
      if (failure !== undefined) return;
    }
    if (partNumber === maximumPartCount) {
      fail(
        new ConfideError("upload.too_large", `S3 takes at most ${maximumPartCount} parts: this store's part size limits an object to ${maximumPartCount} × ${partSizeBytes} bytes.`, {
          details: { partSizeBytes, maximumPartCount },
        }),
      );
      return;
    }
    partNumber += 1;
    const number = partNumber;
    const sending = handle
      .uploadPart(number, buffer.subarray(0, length))
      .then((ETag) => {
        etags.push({ PartNumber: number, ETag });
      })
      .catch(fail)
      .finally(() => {
        inFlight.delete(sending);
        free.push(buffer);
      });
    inFlight.add(sending);
  }

  try {
    let buffer = await takeBuffer();
    let filled = 0;
    while (failure === undefined && buffer !== undefined) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        fail(error);
        break;
      }
      if (failure !== undefined) break;
      if (chunk.done) break;
      let offset = 0;
      const bytes = chunk.value;
      while (offset < bytes.byteLength && failure === undefined) {
        if (filled === partSizeBytes) {
          // More bytes follow a full buffer: it is a part, not the whole object.
          await sendPart(buffer, filled);
          if (failure !== undefined) break;
          buffer = await takeBuffer();
          filled = 0;
          if (buffer === undefined) break;
        }
        const take = Math.min(bytes.byteLength - offset, partSizeBytes - filled);
        buffer.set(bytes.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
      }
    }
    if (failure === undefined && buffer !== undefined) {
      if (multipart === undefined) await target.putWhole(buffer.subarray(0, filled));
      else {
        if (filled > 0) await sendPart(buffer, filled);
        await Promise.all(inFlight);
        if (failure === undefined) {
          etags.sort((a, b) => a.PartNumber - b.PartNumber);
          await (multipart as MultipartHandle).complete(etags);
        }
      }
    }
  } catch (error) {
    fail(error);
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  if (failure === undefined) return;
  const { error } = failure;
  // Stop the sender (a request body waits on nobody), let the parts in flight settle, drop the upload.
  await reader.cancel(error).catch(() => undefined);
  await Promise.allSettled(inFlight);
  await multipart?.abort();
  throw error;
}
