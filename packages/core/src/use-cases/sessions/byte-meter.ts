import { ConfideError } from "../../errors.ts";
import { inlineSha256 } from "../../ports/inline-sha256.ts";
import type { Sha256Digest, Sha256Hashing } from "../../ports/sha256-hashing.ts";

/** What passed through a byte meter, once its stream has ended. */
export interface MeteredBytes {
  sizeBytes: number;
  /** Hex. */
  sha256: string;
}

export interface ByteMeter {
  /** Passes chunks through unchanged (no copy), counting and hashing them. */
  stream: TransformStream<Uint8Array, Uint8Array>;
  /** How many bytes passed so far (all of them once the stream ended). */
  sizeBytes(): number;
  /**
   * The size and sha256 of everything that passed.
   * @throws ConfideError `internal` while the stream has not ended (its reader stopped early).
   */
  result(): MeteredBytes;
}

/**
 * Counts, limits and hashes the bytes of an upload as they flow to the blob store: the one place
 * a recording's size and sha256 are measured, whatever store keeps it. Fails the stream with
 * `upload.too_large` as soon as more than `maxBytes` passed. The hash is `sha256` (deps.sha256:
 * node:crypto's incremental sha256 on this thread by default, or a host's off-thread one); a
 * digest that asks to wait slows the stream down, and one left unfinished (a failed or
 * cancelled stream) is discarded.
 */
export function byteMeter(maxBytes: number, sha256: Sha256Hashing = inlineSha256): ByteMeter {
  let sizeBytes = 0;
  let hash: Sha256Digest | null = sha256();
  let result: string | undefined;
  const discard = () => {
    hash?.discard();
    hash = null;
  };
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      sizeBytes += chunk.byteLength;
      if (sizeBytes > maxBytes) {
        discard();
        throw new ConfideError("upload.too_large", `The recording is larger than ${maxBytes} bytes.`, {
          details: { maxBytes },
        });
      }
      const taken = hash?.update(chunk);
      controller.enqueue(chunk);
      return taken;
    },
    async flush() {
      const finishing = hash;
      hash = null;
      if (finishing) result = await finishing.digest();
    },
    cancel() {
      discard();
    },
  });
  return {
    stream,
    sizeBytes: () => sizeBytes,
    result() {
      if (result === undefined) {
        throw new ConfideError("internal", "The recording's stream was not read to its end.", {
          details: { sizeBytesSoFar: sizeBytes },
        });
      }
      return { sizeBytes, sha256: result };
    },
  };
}
