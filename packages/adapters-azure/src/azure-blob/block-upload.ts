import { randomUUID } from "node:crypto";
import { ConfideError } from "@confide/core/ports";
import type { BlockBlobClient, BlockBlobCommitBlockListOptions } from "@azure/storage-blob";

/** Azure's limit on the blocks of one block blob. */
export const maxBlocksPerBlob = 50_000;

export interface BlockUploadOptions {
  /** Bytes per staged block (the last one may be shorter). */
  blockBytes: number;
  /** Blocks held at a time: one being filled, the others staging. At least 1. */
  blocks: number;
  /** Options of the final commit (content type, conditions…). */
  commit: BlockBlobCommitBlockListOptions;
  signal?: AbortSignal;
}

/** Block ids of one blob: the same length for every block, as Azure requires. */
function blockIdFor(prefix: string, index: number): string {
  return Buffer.from(`${prefix}-${String(index).padStart(6, "0")}`).toString("base64");
}

/**
 * Uploads `body` as the block blob of `blob`: each chunk is copied, as it is read, into one of
 * `blocks` block buffers allocated up front; a full buffer is staged (`Put Block`) while the next
 * fills, and the block list is committed at the end (`Put Block List`), so readers see the old
 * blob until then and a failure commits nothing (the service drops staged blocks after 7 days).
 *
 * Memory: exactly `blocks × blockBytes` of buffers, reused, whatever the size of the body. The
 * body's chunks are not kept: each is garbage as soon as it was copied, while it is still young,
 * so V8's scavenger frees it; `uploadStream` of @azure/storage-blob keeps chunks by reference
 * until a block is full, long enough for them to be promoted and wait for a full GC (the server's
 * RSS then grew by up to 84 MB for a 1 GiB upload instead of ~60, bench/azure-blob-upload.ts).
 * When every buffer is staging, reading the body waits (backpressure).
 *
 * @returns when the block list is committed.
 * @throws the body's own error, or the signal's reason, as they are (after the staging requests
 * have settled); the SDK's errors for a failed stage or commit (the caller maps them);
 * ConfideError `upload.too_large` past 50,000 blocks.
 */
export async function uploadInBlocks(blob: BlockBlobClient, body: ReadableStream<Uint8Array>, options: BlockUploadOptions): Promise<void> {
  const { blockBytes, blocks, signal } = options;
  const prefix = randomUUID();
  const free: Buffer[] = Array.from({ length: blocks }, () => Buffer.allocUnsafe(blockBytes));
  const staging = new Set<Promise<void>>();
  const blockIds: string[] = [];
  let failure: { error: unknown } | undefined;
  let freed: (() => void) | undefined;
  /** Rethrows the first failure (a stage's, or the abort), set by callbacks at any time. */
  const throwIfFailed = () => {
    if (failure !== undefined) throw failure.error;
  };

  const stage = (buffer: Buffer, length: number) => {
    if (blockIds.length >= maxBlocksPerBlob) {
      throw new ConfideError("upload.too_large", `The recording is larger than ${maxBlocksPerBlob} blocks of ${blockBytes} bytes.`, {
        details: { maxBytes: maxBlocksPerBlob * blockBytes },
      });
    }
    const blockId = blockIdFor(prefix, blockIds.length);
    blockIds.push(blockId);
    const staged = blob
      .stageBlock(blockId, length === buffer.byteLength ? buffer : buffer.subarray(0, length), length, signal === undefined ? {} : { abortSignal: signal })
      .then(
        () => {
          free.push(buffer);
        },
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => {
        staging.delete(staged);
        freed?.();
      });
    staging.add(staged);
  };

  /** A free block buffer, waiting for a staging request to end when none is. */
  const nextBuffer = async (): Promise<Buffer> => {
    while (free.length === 0 && failure === undefined) {
      await new Promise<void>((resolve) => (freed = resolve));
      freed = undefined;
    }
    throwIfFailed();
    return free.pop() as Buffer;
  };

  const reader = body.getReader();
  // An abort stops a read waiting for the body as well as the staging requests.
  const onAbort = () => {
    failure ??= { error: signal?.reason ?? new DOMException("The operation was aborted.", "AbortError") };
    freed?.();
    reader.cancel(failure.error).catch(() => undefined);
  };
  if (signal?.aborted) onAbort();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    let buffer = await nextBuffer();
    let filled = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let offset = 0;
      while (offset < value.byteLength) {
        const copied = Math.min(blockBytes - filled, value.byteLength - offset);
        buffer.set(copied === value.byteLength ? value : value.subarray(offset, offset + copied), filled);
        filled += copied;
        offset += copied;
        if (filled === blockBytes) {
          stage(buffer, filled);
          buffer = await nextBuffer();
          filled = 0;
        }
      }
      throwIfFailed();
    }
    throwIfFailed();
    if (filled > 0) stage(buffer, filled);
    await Promise.all(staging);
    throwIfFailed();
    await blob.commitBlockList(blockIds, { ...options.commit, ...(signal === undefined ? {} : { abortSignal: signal }) });
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    // No request outlives the upload; their own failures are not the first one.
    await Promise.all(staging);
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    reader.releaseLock();
  }
}
