/**
 * Behaviour every BlobStore adapter must show (packages/core/src/ports/blob-store.ts).
 * Call `describeBlobStoreContract` from the adapter's test file with a factory that returns a
 * fresh, empty store; the suite closes each store after its test.
 */
import { createHash } from "node:crypto";
import { ConfideError, type BlobStore } from "@confide/core/ports";
import { byteStream } from "@confide/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectConfideError } from "./expect-confide-error.ts";

export interface BlobStoreContractOptions {
  name: string;
  create: () => Promise<BlobStore>;
}

const chunkBytes = 64 * 1024;

/** Deterministic pseudo-random bytes (xorshift32), so a corrupted copy cannot look right. */
function generatedBytes(sizeBytes: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(sizeBytes);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < sizeBytes; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

const text = (value: string) => new TextEncoder().encode(value);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export function describeBlobStoreContract(options: BlobStoreContractOptions): void {
  describe(`BlobStore contract: ${options.name}`, () => {
    let store: BlobStore;

    beforeEach(async () => {
      store = await options.create();
    });

    afterEach(async () => {
      await store.close();
    });

    describe("put and get", () => {
      it("stores bytes and reads them back with size and content type", async () => {
        const bytes = text("RIFF....WAVEfmt a short recording");
        // Size and sha256 are core's to measure (byte-meter.ts): a store answers nothing.
        expect(await store.put("sessions/s1/audio.wav", byteStream(bytes, 7), { contentType: "audio/wav" })).toBeUndefined();

        const read = await store.get("sessions/s1/audio.wav");
        expect(read.sizeBytes).toBe(bytes.byteLength);
        expect(read.contentType).toBe("audio/wav");
        expect(read.range).toBeUndefined();
        expect(await readAll(read.body)).toEqual(Buffer.from(bytes));
      });

      it("streams a 5 MB recording sent in 64 KiB chunks and returns it byte for byte", async () => {
        const bytes = generatedBytes(5 * 1024 * 1024 + 123, 42);
        await store.put("sessions/large/audio.mp3", byteStream(bytes, chunkBytes), { contentType: "audio/mpeg" });

        const read = await store.get("sessions/large/audio.mp3");
        expect(read.sizeBytes).toBe(bytes.byteLength);
        const back = await readAll(read.body);
        expect(back.byteLength).toBe(bytes.byteLength);
        expect(sha256(back)).toBe(sha256(bytes));
      });

      it("stores an empty object", async () => {
        await store.put("empty.wav", byteStream(new Uint8Array(0), chunkBytes), { contentType: "audio/wav" });

        expect(await store.head("empty.wav")).toEqual({ sizeBytes: 0, contentType: "audio/wav" });
        expect((await readAll((await store.get("empty.wav")).body)).byteLength).toBe(0);
      });

      it("overwrites an existing object with the new bytes and content type", async () => {
        await store.put("a/b.wav", byteStream(text("the old recording, longer"), chunkBytes), { contentType: "audio/wav" });
        const newer = text("new one");
        await store.put("a/b.wav", byteStream(newer, chunkBytes), { contentType: "audio/mpeg" });

        const read = await store.get("a/b.wav");
        expect(read.contentType).toBe("audio/mpeg");
        expect(read.sizeBytes).toBe(newer.byteLength);
        expect(await readAll(read.body)).toEqual(Buffer.from(newer));
        expect(await store.head("a/b.wav")).toEqual({ sizeBytes: newer.byteLength, contentType: "audio/mpeg" });
      });

      it("keeps content types as given", async () => {
        const types = ["audio/wav", "audio/mpeg", "audio/ogg", "audio/flac", "audio/mp4", "audio/webm"];
        for (const [index, contentType] of types.entries()) {
          await store.put(`types/${index}.bin`, byteStream(text(contentType), chunkBytes), { contentType });
        }
        for (const [index, contentType] of types.entries()) {
          expect((await store.head(`types/${index}.bin`))?.contentType).toBe(contentType);
          const read = await store.get(`types/${index}.bin`);
          expect(read.contentType).toBe(contentType);
          await read.body.cancel();
        }
      });

      it("keeps objects under different keys apart", async () => {
        await store.put("users/u1/a.wav", byteStream(text("one"), chunkBytes), { contentType: "audio/wav" });
        await store.put("users/u1/b.wav", byteStream(text("two"), chunkBytes), { contentType: "audio/wav" });
        await store.put("users/u2/a.wav", byteStream(text("three"), chunkBytes), { contentType: "audio/wav" });

        expect((await readAll((await store.get("users/u1/a.wav")).body)).toString()).toBe("one");
        expect((await readAll((await store.get("users/u1/b.wav")).body)).toString()).toBe("two");
        expect((await readAll((await store.get("users/u2/a.wav")).body)).toString()).toBe("three");
      });

      it("accepts keys made of letters, digits, dot, dash and underscore segments", async () => {
        const keys = ["plain", "with.dots-and_underscores.wav", "deep/ly/nested/key.2026-03-02.wav", "A1/b2/C3"];
        for (const key of keys) {
          await store.put(key, byteStream(text(key), chunkBytes), { contentType: "audio/wav" });
          expect((await readAll((await store.get(key)).body)).toString()).toBe(key);
        }
      });
    });

    describe("check", () => {
      it("resolves while the store is usable, before and after a write", async () => {
        await expect(store.check()).resolves.toBeUndefined();
        await store.put("after/check.wav", byteStream(text("stored"), chunkBytes), { contentType: "audio/wav" });
        await expect(store.check({ signal: new AbortController().signal })).resolves.toBeUndefined();

        expect((await readAll((await store.get("after/check.wav")).body)).toString()).toBe("stored");
      });
    });

    describe("missing objects", () => {
      it("head answers null for a missing key", async () => {
        expect(await store.head("missing/key.wav")).toBeNull();
      });

      it("get of a missing key throws blob.not_found", async () => {
        await expectConfideError(store.get("missing/key.wav"), "blob.not_found");
      });

      it("get of a range of a missing key throws blob.not_found", async () => {
        await expectConfideError(store.get("missing/key.wav", { range: { start: 0, end: 10 } }), "blob.not_found");
      });

      it("delete of a missing key does not throw", async () => {
        await expect(store.delete("missing/key.wav")).resolves.toBeUndefined();
      });

      it("delete removes the object", async () => {
        await store.put("doomed.wav", byteStream(text("bye"), chunkBytes), { contentType: "audio/wav" });
        await store.delete("doomed.wav");

        expect(await store.head("doomed.wav")).toBeNull();
        await expectConfideError(store.get("doomed.wav"), "blob.not_found");
      });

      it("delete leaves other objects alone", async () => {
        await store.put("keep/a.wav", byteStream(text("a"), chunkBytes), { contentType: "audio/wav" });
        await store.put("keep/ab.wav", byteStream(text("ab"), chunkBytes), { contentType: "audio/wav" });
        await store.delete("keep/a.wav");

        expect(await store.head("keep/ab.wav")).toEqual({ sizeBytes: 2, contentType: "audio/wav" });
      });
    });

    describe("byte ranges", () => {
      const bytes = generatedBytes(1000, 7);

      beforeEach(async () => {
        await store.put("ranged.wav", byteStream(bytes, 100), { contentType: "audio/wav" });
      });

      it("reads from a start to the end", async () => {
        const read = await store.get("ranged.wav", { range: { start: 600 } });

        expect(read.range).toEqual({ start: 600, end: 999 });
        expect(read.sizeBytes).toBe(1000);
        expect(read.contentType).toBe("audio/wav");
        expect(await readAll(read.body)).toEqual(Buffer.from(bytes.subarray(600)));
      });

      it("reads from a start to an inclusive end", async () => {
        const read = await store.get("ranged.wav", { range: { start: 100, end: 199 } });

        expect(read.range).toEqual({ start: 100, end: 199 });
        expect(await readAll(read.body)).toEqual(Buffer.from(bytes.subarray(100, 200)));
      });

      it("reads a single byte", async () => {
        const first = await store.get("ranged.wav", { range: { start: 0, end: 0 } });
        expect(first.range).toEqual({ start: 0, end: 0 });
        expect(await readAll(first.body)).toEqual(Buffer.from(bytes.subarray(0, 1)));

        const last = await store.get("ranged.wav", { range: { start: 999, end: 999 } });
        expect(last.range).toEqual({ start: 999, end: 999 });
        expect(await readAll(last.body)).toEqual(Buffer.from(bytes.subarray(999)));
      });

      it("clamps an end past the last byte", async () => {
        const read = await store.get("ranged.wav", { range: { start: 900, end: 5000 } });

        expect(read.range).toEqual({ start: 900, end: 999 });
        expect(await readAll(read.body)).toEqual(Buffer.from(bytes.subarray(900)));
      });

      it("throws blob.range_not_satisfiable for a start at or past the end", async () => {
        await expectConfideError(store.get("ranged.wav", { range: { start: 1000 } }), "blob.range_not_satisfiable");
        await expectConfideError(store.get("ranged.wav", { range: { start: 1000, end: 2000 } }), "blob.range_not_satisfiable");
        await expectConfideError(store.get("ranged.wav", { range: { start: 5000 } }), "blob.range_not_satisfiable");
      });

      it("reads a range across chunk boundaries of a large object", async () => {
        const large = generatedBytes(3 * 1024 * 1024, 99);
        await store.put("ranged-large.wav", byteStream(large, chunkBytes), { contentType: "audio/wav" });
        const start = chunkBytes - 10;
        const end = 2 * 1024 * 1024 + 17;

        const read = await store.get("ranged-large.wav", { range: { start, end } });
        expect(read.range).toEqual({ start, end });
        const back = await readAll(read.body);
        expect(back.byteLength).toBe(end - start + 1);
        expect(sha256(back)).toBe(sha256(large.subarray(start, end + 1)));
      });
    });

    describe("keys", () => {
      const invalidKeys = ["../x", "a/../b", "a/./b", "/abs", "a//b", "a/", "", "a\0b", "a\\b", "a b", "a:b"];

      it.each(invalidKeys)("put rejects %j with blob.invalid_key and stores nothing", async (key) => {
        await expectConfideError(store.put(key, byteStream(text("x"), chunkBytes), { contentType: "audio/wav" }), "blob.invalid_key");
      });

      it.each(invalidKeys)("get rejects %j with blob.invalid_key", async (key) => {
        await expectConfideError(store.get(key), "blob.invalid_key");
      });

      it.each(invalidKeys)("delete rejects %j with blob.invalid_key", async (key) => {
        await expectConfideError(store.delete(key), "blob.invalid_key");
      });

      it("does not let a traversal key reach a stored object", async () => {
        await store.put("x", byteStream(text("top secret"), chunkBytes), { contentType: "audio/wav" });

        await expectConfideError(store.get("a/../x"), "blob.invalid_key");
        await expectConfideError(store.delete("a/../x"), "blob.invalid_key");
        expect(await store.head("x")).toEqual({ sizeBytes: 10, contentType: "audio/wav" });
      });
    });

    describe("failed writes leave nothing", () => {
      /** Gives `goodChunks` chunks, then errors with `failure`. */
      function failingStream(goodChunks: number, failure: unknown): ReadableStream<Uint8Array> {
        let sent = 0;
        return new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              if (sent === goodChunks) {
                controller.error(failure);
                return;
              }
              sent += 1;
              controller.enqueue(generatedBytes(chunkBytes, sent));
            },
          },
          { highWaterMark: 0 },
        );
      }

      it("rethrows the error of the body stream and stores nothing", async () => {
        const failure = new ConfideError("upload.too_large", "The recording is larger than allowed.");

        const error = await store
          .put("half/written.wav", failingStream(5, failure), { contentType: "audio/wav" })
          .then(() => undefined, (caught: unknown) => caught);

        expect(ConfideError.is(error, "upload.too_large"), `expected the stream's error, got ${String(error)}`).toBe(true);
        expect(await store.head("half/written.wav")).toBeNull();
        await expectConfideError(store.get("half/written.wav"), "blob.not_found");
      });

      it("keeps the previous object when an overwrite fails midway", async () => {
        const old = text("the complete earlier recording");
        await store.put("kept.wav", byteStream(old, chunkBytes), { contentType: "audio/wav" });
        const failure = new ConfideError("upload.aborted", "The client went away.");

        await expect(store.put("kept.wav", failingStream(3, failure), { contentType: "audio/mpeg" })).rejects.toThrow();

        const read = await store.get("kept.wav");
        expect(read.contentType).toBe("audio/wav");
        expect(await readAll(read.body)).toEqual(Buffer.from(old));
      });

      it("stops and stores nothing when the signal aborts midway", async () => {
        const controller = new AbortController();
        let pulls = 0;
        // Ends by itself after 200 chunks, so a store that ignores the signal finishes the put.
        const body = new ReadableStream<Uint8Array>(
          {
            pull(streamController) {
              pulls += 1;
              if (pulls === 10) controller.abort(new ConfideError("upload.aborted", "The client went away."));
              if (pulls > 200) {
                streamController.close();
                return;
              }
              streamController.enqueue(generatedBytes(chunkBytes, pulls));
            },
          },
          { highWaterMark: 0 },
        );

        const outcome = await store
          .put("aborted.wav", body, { contentType: "audio/wav", signal: controller.signal })
          .then(() => "stored", () => "rejected");

        expect(outcome).toBe("rejected");
        expect(await store.head("aborted.wav")).toBeNull();
      });

      it("stores nothing when the signal is already aborted", async () => {
        const controller = new AbortController();
        controller.abort();

        await expect(
          store.put("never.wav", byteStream(text("never"), chunkBytes), { contentType: "audio/wav", signal: controller.signal }),
        ).rejects.toBeDefined();
        expect(await store.head("never.wav")).toBeNull();
      });
    });
  });
}
