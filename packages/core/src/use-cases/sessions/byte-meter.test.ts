import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfideError } from "../../errors.ts";
import { byteStream } from "../../testing/byte-stream.ts";
import type { Sha256Hashing } from "../../ports/sha256-hashing.ts";
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

  /** A digest that hashes later (as an off-thread one does), asks to wait at every update, and records what happened. */
  function slowHashing(): { hashing: Sha256Hashing; log: string[] } {
    const log: string[] = [];
    const hashing: Sha256Hashing = () => {
      const hash = createHash("sha256");
      return {
        update: async (chunk) => {
          const copy = Uint8Array.from(chunk);
          await new Promise((resolve) => setTimeout(resolve, 1));
          hash.update(copy);
          log.push("update");
        },
        digest: async () => hash.digest("hex"),
        discard: () => log.push("discard"),
      };
    };
    return { hashing, log };
  }

  it("waits for a digest that asks to, and reports its sha256", async () => {
    const bytes = randomBytes(10_000);
    const { hashing, log } = slowHashing();
    const meter = byteMeter(bytes.byteLength, hashing);
    const { chunks, error } = await drain(byteStream(bytes, 999).pipeThrough(meter.stream));
    expect(error).toBeUndefined();
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(log.filter((entry) => entry === "update")).toHaveLength(11);
    expect(meter.result()).toEqual({ sizeBytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") });
  });

  it("discards its digest when the stream is over the limit or cancelled", async () => {
    const over = slowHashing();
    const { error } = await drain(byteStream(new Uint8Array(11), 4).pipeThrough(byteMeter(10, over.hashing).stream));
    expect(ConfideError.is(error, "upload.too_large")).toBe(true);
    expect(over.log).toContain("discard");

    const cancelled = slowHashing();
    const reader = byteStream(new Uint8Array(100), 10).pipeThrough(byteMeter(1024, cancelled.hashing).stream).getReader();
    await reader.read();
    await reader.cancel();
    expect(cancelled.log).toContain("discard");
  });
});
