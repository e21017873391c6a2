import { createHash } from "node:crypto";
import { ConfideError } from "../../errors.ts";

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
 * `upload.too_large` as soon as more than `maxBytes` passed. node:crypto's incremental sha256
 * (DESIGN §1 lets core use it; Web Crypto's digest takes the whole input at once).
 */
export function byteMeter(maxBytes: number): ByteMeter {
  let sizeBytes = 0;
  const hash = createHash("sha256");
  let sha256: string | undefined;
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      sizeBytes += chunk.byteLength;
      if (sizeBytes > maxBytes) {
        throw new ConfideError("upload.too_large", `The recording is larger than ${maxBytes} bytes.`, {
          details: { maxBytes },
        });
      }
      hash.update(chunk);
      controller.enqueue(chunk);
    },
    flush() {
      sha256 = hash.digest("hex");
    },
  });
  return {
    stream,
    sizeBytes: () => sizeBytes,
    result() {
      if (sha256 === undefined) {
        throw new ConfideError("internal", "The recording's stream was not read to its end.", {
          details: { sizeBytesSoFar: sizeBytes },
        });
      }
      return { sizeBytes, sha256 };
    },
  };
}
