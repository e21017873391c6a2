/**
 * The bytes as a pull-based web stream of `chunkBytes`-sized chunks (a copy each), produced
 * only as the reader asks: how an upload or a stored object arrives.
 */
export function byteStream(bytes: Uint8Array, chunkBytes = 4_096): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.byteLength) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.slice(offset, offset + chunkBytes));
        offset += chunkBytes;
      },
    },
    { highWaterMark: 0 },
  );
}
