import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeDurably } from "./durable-file-write.ts";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "confide-durable-write-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("writeDurably", () => {
  it("stores every byte in order across batches and background flushes", async () => {
    // Chunks of uneven sizes (empty ones included) against small batches and flush intervals,
    // so batches end both on size and on chunk count, and several flushes run mid-stream.
    const chunks = Array.from({ length: 700 }, (_, index) => randomBytes(index % 7 === 0 ? 0 : (index * 37) % 5000));
    const expected = Buffer.concat(chunks);
    async function* body() {
      for (const chunk of chunks) yield chunk;
    }
    const path = join(folder, "object");

    await writeDurably(path, ReadableStream.from(body()), { batchBytes: 64 * 1024, syncEveryBytes: 100 * 1024 });

    expect((await readFile(path)).equals(expected)).toBe(true);
  });

  it("writes what the encoder makes of the body", async () => {
    // One large chunk that encodes into thousands of pieces, written over several batches.
    const body = randomBytes(8 * 1024 * 1024);
    const pieceBytes = 2048;
    const encoded: Buffer[] = [];
    const encode = {
      push(chunk: Uint8Array) {
        const pieces: Buffer[] = [];
        for (let offset = 0; offset < chunk.byteLength; offset += pieceBytes) {
          pieces.push(Buffer.from(chunk.subarray(offset, offset + pieceBytes).map((byte) => byte ^ 0x5a)));
        }
        encoded.push(...pieces);
        return pieces;
      },
      end() {
        const trailer = [Buffer.from("end")];
        encoded.push(...trailer);
        return trailer;
      },
    };
    async function* oneChunk() {
      yield body;
    }
    const path = join(folder, "object");

    await writeDurably(path, ReadableStream.from(oneChunk()), { encode });

    expect((await readFile(path)).equals(Buffer.concat(encoded))).toBe(true);
  });

  it("reads a web stream of many chunks", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 5);
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.byteLength) controller.close();
        else controller.enqueue(bytes.subarray(offset, (offset += 64 * 1024)));
      },
    });
    const path = join(folder, "object");

    await writeDurably(path, body);

    expect((await readFile(path)).equals(bytes)).toBe(true);
  });

  it("stops at once when the signal aborts, even while the body is waiting for data", async () => {
    const controller = new AbortController();
    const reason = new Error("client went away");
    let firstChunkRead!: () => void;
    const firstChunk = new Promise<void>((resolve) => (firstChunkRead = resolve));
    async function* stuck() {
      yield new Uint8Array(1024);
      firstChunkRead();
      await new Promise(() => undefined); // never sends more
    }
    const writing = writeDurably(join(folder, "object"), ReadableStream.from(stuck()), { signal: controller.signal });
    await firstChunk;
    controller.abort(reason);

    await expect(writing).rejects.toBe(reason);
  });

  it("rethrows the body's own error as it is", async () => {
    const failure = new Error("socket hang up");
    async function* broken() {
      yield new Uint8Array(10);
      throw failure;
    }
    await expect(writeDurably(join(folder, "object"), ReadableStream.from(broken()))).rejects.toBe(failure);
  });

  it("refuses to overwrite an existing file and leaves the body unread", async () => {
    const path = join(folder, "object");
    await writeFile(path, "kept");
    let pulled = false;
    async function* body() {
      pulled = true;
      yield new Uint8Array(10);
    }

    await expect(writeDurably(path, ReadableStream.from(body()))).rejects.toMatchObject({ code: "EEXIST" });

    expect(pulled).toBe(false);
    expect(await readFile(path, "utf8")).toBe("kept");
  });
});
