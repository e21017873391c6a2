import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfideError } from "../../errors.ts";
import { byteStream } from "../../testing/byte-stream.ts";
import { byteMeter } from "./byte-meter.ts";

/** Reads the stream to its end: what passed, and the error it ended with (if any). */
async function drain(stream: ReadableStream<Uint8Array>): Promise<{ chunks: Uint8Array[]; error: unknown }> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
    return { chunks, error: undefined };
  } catch (error) {
    return { chunks, error };
  }
}

describe("byteMeter", () => {
  it("measures the sha256 and size of known inputs", async () => {
    const known = [
      { bytes: new Uint8Array(0), sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
      { bytes: new TextEncoder().encode("abc"), sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    ];
    for (const { bytes, sha256 } of known) {
      const meter = byteMeter(1024);
      await drain(byteStream(bytes, 1).pipeThrough(meter.stream));
      expect(meter.result()).toEqual({ sizeBytes: bytes.byteLength, sha256 });
    }
  });

  it("hashes a 3 MB recording sent in uneven chunks as one whole, passing the same chunks on", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const meter = byteMeter(bytes.byteLength);

    const { chunks, error } = await drain(byteStream(bytes, 65_537).pipeThrough(meter.stream));

    expect(error).toBeUndefined();
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(meter.sizeBytes()).toBe(bytes.byteLength);
    expect(meter.result()).toEqual({ sizeBytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") });
  });

  it("fails with upload.too_large at the first chunk past the limit, not before", async () => {
    const atLimit = byteMeter(10);
    await drain(byteStream(new Uint8Array(10), 3).pipeThrough(atLimit.stream));
    expect(atLimit.result().sizeBytes).toBe(10);

    const over = byteMeter(10);
    const { chunks, error } = await drain(byteStream(new Uint8Array(11), 4).pipeThrough(over.stream));

    expect(ConfideError.is(error, "upload.too_large")).toBe(true);
    expect((error as ConfideError).details).toEqual({ maxBytes: 10 });
    expect(chunks.map((chunk) => chunk.byteLength)).toEqual([4, 4]);
    expect(() => over.result()).toThrow(ConfideError);
  });

  it("refuses to report a result before the stream ended (a reader that stopped early)", async () => {
    const meter = byteMeter(1024);
    const reader = byteStream(new Uint8Array(100), 10).pipeThrough(meter.stream).getReader();
    await reader.read();

    expect(meter.sizeBytes()).toBeGreaterThan(0);
    expect(meter.sizeBytes()).toBeLessThan(100);
    let thrown: unknown;
    try {
      meter.result();
    } catch (error) {
      thrown = error;
    }
    expect(ConfideError.is(thrown, "internal")).toBe(true);
    await reader.cancel();
  });
});
