import { ConfideError } from "../../errors.ts";

/**
 * Passes bytes through, failing with `upload.too_large` as soon as more than `maxBytes` passed.
 * `totalBytes()` is how many passed so far (all of them once the stream ended).
 */
export function byteLimit(maxBytes: number): { stream: TransformStream<Uint8Array, Uint8Array>; totalBytes(): number } {
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
