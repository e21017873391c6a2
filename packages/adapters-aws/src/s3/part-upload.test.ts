/**
 * The part uploader at scale, with parts of 1 KiB standing in for S3's 5 MiB–5 GiB: an upload of
 * S3's most parts (10,000: 5 GiB-class objects and beyond with real part sizes) and one byte
 * more. The target is an in-memory S3 that keeps a copy of each part and assembles them on
 * completion; the adapter against the S3 stand-in is in s3-blob-store.test.ts.
 */
import { createHash } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import { ConfideError } from "@confide/core/ports";
import { byteStream } from "@confide/core/testing";
import { describe, expect, it } from "vitest";
import { maximumPartCount, uploadInParts, type PartTarget } from "./part-upload.ts";

const partSizeBytes = 1024;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function generatedBytes(sizeBytes: number): Buffer {
  const bytes = Buffer.allocUnsafe(sizeBytes);
  let state = 7;
  for (let index = 0; index < sizeBytes; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

/** An in-memory S3: what was stored, how, and how many part buffers it was handed. */
function memoryS3() {
  const parts = new Map<number, Buffer>();
  const partBuffers = new Set<ArrayBufferLike>();
  const state = {
    stored: undefined as Buffer | undefined,
    putWholeCalls: 0,
    completedPartNumbers: [] as number[],
    aborted: false,
    inFlight: 0,
    mostInFlight: 0,
    partBuffers,
  };
  const target: PartTarget = {
    async putWhole(bytes) {
      state.putWholeCalls += 1;
      state.stored = Buffer.from(bytes);
    },
    async startMultipart() {
      return {
        async uploadPart(partNumber, bytes) {
          state.inFlight += 1;
          state.mostInFlight = Math.max(state.mostInFlight, state.inFlight);
          partBuffers.add(bytes.buffer);
          // Another turn of the event loop, as a request would take: the sender goes on meanwhile.
          await nextTurn();
          parts.set(partNumber, Buffer.from(bytes));
          state.inFlight -= 1;
          return `"etag-${partNumber}"`;
        },
        async complete(completed) {
          state.completedPartNumbers = completed.map((part) => part.PartNumber);
          state.stored = Buffer.concat(completed.map((part) => parts.get(part.PartNumber) as Buffer));
        },
        async abort() {
          state.aborted = true;
          parts.clear();
        },
      };
    },
  };
  return { state, target };
}

describe("uploadInParts", () => {
  it("sends S3's most parts (10,000) in order, byte for byte, from queueSize + 1 reused buffers", async () => {
    const { state, target } = memoryS3();
    const bytes = generatedBytes((maximumPartCount - 1) * partSizeBytes + 100);

    await uploadInParts({ body: byteStream(bytes, 700), partSizeBytes, queueSize: 3, target });

    expect(state.putWholeCalls).toBe(0);
    expect(state.completedPartNumbers).toEqual(Array.from({ length: maximumPartCount }, (_, index) => index + 1));
    expect(sha256(state.stored as Buffer)).toBe(sha256(bytes));
    expect(state.mostInFlight).toBe(3);
    // Every part came from the pool: no buffer per part.
    expect(state.partBuffers.size).toBeLessThanOrEqual(4);
  });

  it("refuses the bytes past 10,000 full parts with upload.too_large, aborting the upload and cancelling the body", async () => {
    const { state, target } = memoryS3();
    // Endless: only the uploader's refusal stops it.
    const chunk = generatedBytes(4096);
    let cancelled: unknown;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          controller.enqueue(chunk);
        },
        cancel(reason) {
          cancelled = reason;
        },
      },
      { highWaterMark: 0 },
    );

    const caught = await uploadInParts({ body, partSizeBytes, queueSize: 2, target }).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(ConfideError.is(caught, "upload.too_large")).toBe(true);
    expect(cancelled).toBe(caught);
    expect(state.aborted).toBe(true);
    expect(state.completedPartNumbers).toEqual([]);
    expect(state.stored).toBeUndefined();
  });

  it("stores a body of exactly one part, and an empty one, with one PutObject each", async () => {
    const onePart = memoryS3();
    const bytes = generatedBytes(partSizeBytes);
    await uploadInParts({ body: byteStream(bytes, 300), partSizeBytes, queueSize: 2, target: onePart.target });
    expect(onePart.state.putWholeCalls).toBe(1);
    expect(sha256(onePart.state.stored as Buffer)).toBe(sha256(bytes));

    const empty = memoryS3();
    await uploadInParts({ body: byteStream(new Uint8Array(0)), partSizeBytes, queueSize: 2, target: empty.target });
    expect(empty.state.putWholeCalls).toBe(1);
    expect(empty.state.stored?.byteLength).toBe(0);
  });

  it("rethrows the body's own failure and aborts the multipart upload it had started", async () => {
    const { state, target } = memoryS3();
    const broken = new Error("the client's connection broke");
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 5) controller.error(broken);
        else controller.enqueue(generatedBytes(600));
      },
    });

    const caught = await uploadInParts({ body, partSizeBytes, queueSize: 2, target }).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(caught).toBe(broken);
    expect(state.aborted).toBe(true);
    expect(state.stored).toBeUndefined();
  });
});
