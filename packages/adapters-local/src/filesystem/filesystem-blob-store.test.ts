import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfideError, type BlobStore } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeBlobStoreContract, expectConfideError } from "@confide/contracts";
import { entriesNotOwnerOnly } from "@confide/contracts/support";
import { createFilesystemBlobStore } from "./filesystem-blob-store.ts";

const text = (value: string) => new TextEncoder().encode(value);

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Every file under `folder`, as paths relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

/**
 * A 200 MB recording for the memory tests, and the process's RSS growth since it was made.
 * Chunks come from a ring of buffers refilled in turn, so the test itself makes little garbage
 * and RSS shows what the store holds. A store that kept chunks would be caught by the RSS bound
 * (copies) or by the read-back hash (references to refilled buffers).
 */
function largeRecording() {
  const chunkBytes = 64 * 1024;
  const chunkCount = (200 * 1024 * 1024) / chunkBytes;
  const fillChunk = (buffer: Uint8Array, index: number) => buffer.fill(index % 251);
  const expectedHash = createHash("sha256");
  const scratch = new Uint8Array(chunkBytes);
  for (let index = 0; index < chunkCount; index += 1) expectedHash.update(fillChunk(scratch, index));
  const ring = Array.from({ length: 64 }, () => new Uint8Array(chunkBytes));
  const baselineBytes = process.memoryUsage().rss;
  let peakBytes = baselineBytes;
  const sampleRss = () => {
    peakBytes = Math.max(peakBytes, process.memoryUsage().rss);
  };
  return {
    sha256: expectedHash.digest("hex"),
    /** The chunks, sampling RSS every 32 of them. */
    async *chunks(): AsyncGenerator<Uint8Array> {
      for (let index = 0; index < chunkCount; index += 1) {
        if (index % 32 === 0) sampleRss();
        yield fillChunk(ring[index % ring.length] as Uint8Array, index);
      }
    },
    sampleRss,
    /** The peak RSS seen (sampled once more now) over the RSS when the recording was made, in MB. */
    rssGrowthMb(): number {
      sampleRss();
      return (peakBytes - baselineBytes) / (1024 * 1024);
    },
  };
}

const folders: string[] = [];
async function freshFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "confide-blobs-"));
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describeBlobStoreContract({
  name: "filesystem",
  create: async () => {
    const root = await freshFolder();
    return createFilesystemBlobStore({ root });
  },
});

describeBlobStoreContract({
  name: "filesystem, encrypted at rest",
  create: async () => {
    const root = await freshFolder();
    return createFilesystemBlobStore({ root, dataKey: randomBytes(32) });
  },
});

describe("filesystem BlobStore", () => {
  let root: string;
  let store: BlobStore;

  beforeEach(async () => {
    root = await freshFolder();
    store = createFilesystemBlobStore({ root: join(root, "blobs") });
  });

  afterEach(async () => {
    await store.close();
  });

  it("keeps the object at its key path, with its type beside it, and no temporary file", async () => {
    await store.put("sessions/s1/audio.wav", streamOf(text("RIFF")), { contentType: "audio/wav" });

    expect(await filesUnder(join(root, "blobs"))).toEqual(["sessions/s1/audio.wav", "sessions/s1/audio.wav@meta.json"]);
    expect(await readFile(join(root, "blobs/sessions/s1/audio.wav"), "utf8")).toBe("RIFF");
  });

  it("keeps objects, sidecars and temporary files private (0600 in 0700 folders) whatever the umask", async () => {
    const previousUmask = process.umask(0);
    try {
      // A temporary file of an upload still in progress is private too.
      let temporaryEntries: string[] = [];
      async function* recording(): AsyncGenerator<Uint8Array> {
        yield text("RIFF");
        temporaryEntries = await entriesNotOwnerOnly(join(root, "blobs/@tmp"));
        yield text("WAVE");
      }
      await store.put("sessions/s1/audio.wav", ReadableStream.from(recording()), { contentType: "audio/wav" });
      await store.put("sessions/s2/audio.wav", streamOf(text("RIFF")), { contentType: "audio/wav" });

      expect(temporaryEntries).toEqual([]);
      expect(await entriesNotOwnerOnly(join(root, "blobs"))).toEqual([]);
    } finally {
      process.umask(previousUmask);
    }
  });

  it("streams a 200 MB recording without holding it in memory", async () => {
    const recording = largeRecording();

    await store.put("big/recording.wav", ReadableStream.from(recording.chunks()), { contentType: "audio/wav" });

    const growthMb = recording.rssGrowthMb();
    expect(growthMb, `RSS grew by ${growthMb.toFixed(1)} MB`).toBeLessThan(30);
    const readBack = createHash("sha256");
    for await (const chunk of (await store.get("big/recording.wav")).body as unknown as AsyncIterable<Uint8Array>) {
      readBack.update(chunk);
    }
    expect(readBack.digest("hex")).toBe(recording.sha256);
  });

  it("leaves neither the object nor a temporary file when the body errors", async () => {
    await store.put("keep/other.wav", streamOf(text("other")), { contentType: "audio/wav" });
    const failure = new Error("client disconnected");
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(1024 * 1024);
      yield new Uint8Array(1024 * 1024);
      throw failure;
    }

    await expect(store.put("broken/upload.wav", ReadableStream.from(failing()), { contentType: "audio/wav" })).rejects.toBe(failure);

    expect(await filesUnder(join(root, "blobs"))).toEqual(["keep/other.wav", "keep/other.wav@meta.json"]);
  });

  it("leaves no temporary file when the signal aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("request aborted");
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (let index = 0; ; index += 1) {
        if (index === 5) controller.abort(reason);
        yield new Uint8Array(64 * 1024);
      }
    }

    await expect(store.put("aborted.wav", ReadableStream.from(endless()), { contentType: "audio/wav", signal: controller.signal })).rejects.toBe(
      reason,
    );

    expect(await filesUnder(join(root, "blobs"))).toEqual([]);
  });

  it.each(["../outside.wav", "a/../../outside.wav", "/etc/passwd", "a\\..\\outside.wav", "..", "a/\0/b"])(
    "rejects the traversal key %j before touching the disk",
    async (key) => {
      await expectConfideError(store.put(key, streamOf(text("x")), { contentType: "audio/wav" }), "blob.invalid_key");
      await expectConfideError(store.head(key), "blob.invalid_key");

      expect(await readdir(root)).toEqual([]);
    },
  );

  it("refuses a key that would turn an object into a folder, and the reverse, with blob.invalid_key", async () => {
    await store.put("a/b.wav", streamOf(text("b")), { contentType: "audio/wav" });

    await expectConfideError(store.put("a/b.wav/c.wav", streamOf(text("c")), { contentType: "audio/wav" }), "blob.invalid_key");
    await expectConfideError(store.put("a", streamOf(text("a")), { contentType: "audio/wav" }), "blob.invalid_key");
    expect(await store.head("a")).toBeNull();
    await expectConfideError(store.get("a"), "blob.not_found");
    await store.delete("a");
    expect(await store.head("a/b.wav")).toEqual({ sizeBytes: 1, contentType: "audio/wav" });
    expect(await filesUnder(join(root, "blobs"))).toEqual(["a/b.wav", "a/b.wav@meta.json"]);
  });

  it("removes the folders a deleted object leaves empty", async () => {
    await store.put("sessions/s1/audio.wav", streamOf(text("1")), { contentType: "audio/wav" });
    await store.put("sessions/s2/audio.wav", streamOf(text("2")), { contentType: "audio/wav" });

    await store.delete("sessions/s1/audio.wav");

    expect(await readdir(join(root, "blobs/sessions"))).toEqual(["s2"]);
    await store.delete("sessions/s2/audio.wav");
    expect((await readdir(join(root, "blobs"))).filter((name) => name !== "@tmp")).toEqual([]);
  });

  it("serves a file placed without its type as application/octet-stream", async () => {
    await store.put("placed/seed.wav", streamOf(text("x")), { contentType: "audio/wav" });
    await rm(join(root, "blobs/placed/seed.wav@meta.json"));
    await writeFile(join(root, "blobs/placed/by-hand.wav"), "by hand");

    expect(await store.head("placed/by-hand.wav")).toEqual({ sizeBytes: 7, contentType: "application/octet-stream" });
    const read = await store.get("placed/by-hand.wav", { range: { start: 3 } });
    expect(await readAll(read.body)).toEqual(Buffer.from("hand"));
  });

  it("keeps serving the version a reader opened while the key is overwritten", async () => {
    await store.put("swap.wav", streamOf(text("old version")), { contentType: "audio/wav" });
    const reading = await store.get("swap.wav");

    await store.put("swap.wav", streamOf(text("new")), { contentType: "audio/mpeg" });

    expect((await readAll(reading.body)).toString()).toBe("old version");
    expect((await readAll((await store.get("swap.wav")).body)).toString()).toBe("new");
  });

  it("removes temporary files a crashed upload left long ago, and only those", async () => {
    const temporary = join(root, "blobs/@tmp");
    await mkdir(temporary, { recursive: true });
    await writeFile(join(temporary, "left-by-a-crash"), "half an upload");
    await writeFile(join(temporary, "in-progress-elsewhere"), "a live upload");
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    await utimes(join(temporary, "left-by-a-crash"), twoDaysAgo, twoDaysAgo);

    await store.put("new.wav", streamOf(text("x")), { contentType: "audio/wav" });

    expect(await readdir(temporary)).toEqual(["in-progress-elsewhere"]);
  });

  it("checks that its folder takes new files, and answers dependency.unavailable when it cannot", async () => {
    await store.check();
    expect(await readdir(join(root, "blobs"))).toEqual(["@tmp"]);

    await writeFile(join(root, "a-file"), "not a folder");
    const unusable = createFilesystemBlobStore({ root: join(root, "a-file") });
    await expectConfideError(unusable.check(), "dependency.unavailable");
  });

  it("refuses a blank folder and a data key that is not 32 bytes, naming the setting", () => {
    for (const [settings, setting] of [
      [{ root: " " }, "root"],
      [{ root, dataKey: randomBytes(16) }, "dataKey"],
      [{ root, dataKey: randomBytes(32), previousDataKeys: [randomBytes(31)] }, "previousDataKeys"],
      [{ root, previousDataKeys: [randomBytes(32)] }, "previousDataKeys"],
    ] as const) {
      expect(() => createFilesystemBlobStore(settings)).toThrow(expect.objectContaining({ code: "validation.invalid_input", details: { setting } }));
    }
  });

  it("rejects a negative or fractional range start with validation.invalid_input", async () => {
    await store.put("r.wav", streamOf(text("0123456789")), { contentType: "audio/wav" });

    await expectConfideError(store.get("r.wav", { range: { start: -1 } }), "validation.invalid_input");
    await expectConfideError(store.get("r.wav", { range: { start: 1.5 } }), "validation.invalid_input");
    await expectConfideError(store.get("r.wav", { range: { start: 5, end: 2 } }), "blob.range_not_satisfiable");
  });
});

describe("filesystem BlobStore encrypted at rest", () => {
  const key = randomBytes(32);
  const chunkBytes = 1024;
  let root: string;
  let store: BlobStore;
  /** 5.5 chunks of recognisable, non-repeating bytes. */
  const recording = Buffer.concat([Buffer.from("RIFF....WAVEfmt "), randomBytes(chunkBytes * 5 + chunkBytes / 2 - 16)]);
  const stored = () => readFile(join(root, "sessions/s1/audio.wav"));
  const overwrite = (bytes: Uint8Array) => writeFile(join(root, "sessions/s1/audio.wav"), bytes);
  const headerBytes = 53;
  const stride = chunkBytes + 16;

  /** Reads the object whole: what was delivered, and the error the read ended with (if any). */
  async function readBack(from: BlobStore = store): Promise<{ bytes: Buffer; error: unknown }> {
    const chunks: Uint8Array[] = [];
    try {
      const read = await from.get("sessions/s1/audio.wav");
      for await (const chunk of read.body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
      return { bytes: Buffer.concat(chunks), error: undefined };
    } catch (error) {
      return { bytes: Buffer.concat(chunks), error };
    }
  }

  function expectRefused(outcome: { bytes: Buffer; error: unknown }): void {
    expect(ConfideError.is(outcome.error, "dependency.unavailable"), `expected a refusal, got ${String(outcome.error)}`).toBe(true);
    expect((outcome.error as ConfideError).details?.reason).toBe("integrity_check_failed");
    // Never altered audio: at most an authentic beginning of the recording before the failure.
    expect(recording.subarray(0, outcome.bytes.byteLength).equals(outcome.bytes)).toBe(true);
    expect(outcome.bytes.byteLength).toBeLessThan(recording.byteLength);
  }

  beforeEach(async () => {
    root = await freshFolder();
    store = createFilesystemBlobStore({ root, dataKey: key, chunkBytes });
    await store.put("sessions/s1/audio.wav", streamOf(recording), { contentType: "audio/wav" });
  });

  afterEach(async () => {
    await store.close();
  });

  it("keeps only ciphertext on disk, with the type and the key id in the sidecar, and the plaintext's size", async () => {
    const onDisk = await stored();

    expect(onDisk.includes(Buffer.from("WAVEfmt"))).toBe(false);
    expect(onDisk.includes(recording.subarray(2000, 2032))).toBe(false);
    expect(onDisk.byteLength).toBe(headerBytes + recording.byteLength + 6 * 16);
    const meta = JSON.parse(await readFile(join(root, "sessions/s1/audio.wav@meta.json"), "utf8")) as Record<string, unknown>;
    expect(meta).toEqual({ contentType: "audio/wav", encryption: { keyId: expect.stringMatching(/^[0-9a-f]{16}$/) } });
    expect(await store.head("sessions/s1/audio.wav")).toEqual({ sizeBytes: recording.byteLength, contentType: "audio/wav" });
    expect((await readBack()).bytes.equals(recording)).toBe(true);
  });

  it("serves a range from the middle, decrypting the chunks that cover it", async () => {
    const read = await store.get("sessions/s1/audio.wav", { range: { start: 1000, end: 3100 } });

    expect(read.range).toEqual({ start: 1000, end: 3100 });
    expect(read.sizeBytes).toBe(recording.byteLength);
    expect((await readAll(read.body)).equals(recording.subarray(1000, 3101))).toBe(true);
  });

  it("still reads objects stored before encryption was turned on", async () => {
    const plainRoot = await freshFolder();
    const before = createFilesystemBlobStore({ root: plainRoot });
    await before.put("old/recording.wav", streamOf(text("RIFF an old recording")), { contentType: "audio/wav" });

    const after = createFilesystemBlobStore({ root: plainRoot, dataKey: key });
    expect((await readAll((await after.get("old/recording.wav")).body)).toString()).toBe("RIFF an old recording");
    expect((await readAll((await after.get("old/recording.wav", { range: { start: 5 } })).body)).toString()).toBe("an old recording");
    expect(await after.head("old/recording.wav")).toEqual({ sizeBytes: 21, contentType: "audio/wav" });
  });

  it("reads objects of the previous key after rotation, and names the key it lacks", async () => {
    const newKey = randomBytes(32);
    const rotated = createFilesystemBlobStore({ root, dataKey: newKey, previousDataKeys: [key] });
    expect((await readBack(rotated)).bytes.equals(recording)).toBe(true);
    await rotated.put("sessions/s2/audio.wav", streamOf(text("RIFF new")), { contentType: "audio/wav" });

    const newOnly = createFilesystemBlobStore({ root, dataKey: newKey });
    const refused = await readBack(newOnly);
    expect(ConfideError.is(refused.error, "dependency.unavailable")).toBe(true);
    expect((refused.error as ConfideError).details?.reason).toBe("unknown_data_key");
    expect((refused.error as Error).message).toMatch(/encrypted with data key [0-9a-f]{16}, which is not configured/);
    expect((await readAll((await newOnly.get("sessions/s2/audio.wav")).body)).toString()).toBe("RIFF new");

    const noKey = createFilesystemBlobStore({ root });
    expect((await readBack(noKey)).error).toMatchObject({ details: { reason: "unknown_data_key" } });
  });

  it("refuses an object with a byte flipped in a middle chunk: the read fails, no altered byte is served", async () => {
    const onDisk = await stored();
    const flipped = headerBytes + 2 * stride + 100;
    onDisk[flipped] = (onDisk[flipped] as number) ^ 0x20;
    await overwrite(onDisk);

    expectRefused(await readBack());
    const ranged = await store.get("sessions/s1/audio.wav", { range: { start: 2 * chunkBytes + 50, end: 2 * chunkBytes + 60 } });
    await expect(readAll(ranged.body)).rejects.toMatchObject({ details: { reason: "integrity_check_failed" } });
  });

  it("refuses a truncated object before serving anything, also when cut at a chunk boundary", async () => {
    const onDisk = await stored();
    for (const length of [onDisk.byteLength - 1, headerBytes + 3 * stride, headerBytes + 10, 20]) {
      await overwrite(onDisk.subarray(0, length));
      const outcome = await readBack();
      expectRefused(outcome);
      expect(outcome.bytes.byteLength).toBe(0);
    }
  });

  it("refuses swapped chunks", async () => {
    const onDisk = await stored();
    const chunk = (index: number) => onDisk.subarray(headerBytes + index * stride, headerBytes + (index + 1) * stride);
    await overwrite(Buffer.concat([onDisk.subarray(0, headerBytes), chunk(0), chunk(2), chunk(1), chunk(3), chunk(4), chunk(5)]));

    expectRefused(await readBack());
  });

  it("refuses an object whose header was wiped, rather than serving its ciphertext as audio", async () => {
    const onDisk = await stored();
    onDisk.fill(0, 0, 8);
    await overwrite(onDisk);

    expectRefused(await readBack());
  });

  it("streams a 200 MB recording through encryption without holding it in memory", async () => {
    const large = createFilesystemBlobStore({ root: join(root, "large"), dataKey: key });
    const recording = largeRecording();

    await large.put("big/recording.wav", ReadableStream.from(recording.chunks()), { contentType: "audio/wav" });
    const readBackHash = createHash("sha256");
    let chunksRead = 0;
    for await (const chunk of (await large.get("big/recording.wav")).body as unknown as AsyncIterable<Uint8Array>) {
      readBackHash.update(chunk);
      if ((chunksRead += 1) % 32 === 0) recording.sampleRss();
    }

    const growthMb = recording.rssGrowthMb();
    // Each sealed chunk is a new 64 KiB buffer, freed by the garbage collector in rounds (V8
    // collects once some tens of MB of buffers are outstanding): the growth is that bound, the
    // same for 200 MB as for 1 GiB (bench/encryption.ts), where holding the recording would
    // add its 200 MB (twice: written, then read back).
    expect(growthMb, `RSS grew by ${growthMb.toFixed(1)} MB`).toBeLessThan(120);
    expect(readBackHash.digest("hex")).toBe(recording.sha256);
  }, 120_000);
});
