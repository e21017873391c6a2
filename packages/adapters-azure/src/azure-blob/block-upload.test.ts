import { createHash, randomUUID } from "node:crypto";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { startAzurite, type AzuriteBlob } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAzureBlobStore } from "./azure-blob-store.ts";
import { uploadInBlocks } from "./block-upload.ts";

let azurite: AzuriteBlob;
let container: ContainerClient;
beforeAll(async () => {
  azurite = await startAzurite();
  container = BlobServiceClient.fromConnectionString(azurite.connectionString, { retryOptions: { maxTries: 1 } }).getContainerClient(
    `b-${randomUUID()}`,
  );
  await container.create();
});
afterAll(() => azurite?.stop());

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function storedBytes(name: string): Promise<Buffer> {
  return container.getBlobClient(name).downloadToBuffer();
}

/** Chunks of the given sizes, of bytes that differ from chunk to chunk. */
function chunksOf(sizes: number[]): Uint8Array[] {
  return sizes.map((size, index) => Uint8Array.from({ length: size }, (_, at) => (index * 31 + at) % 251));
}

describe("uploadInBlocks", () => {
  it("stores chunks that straddle block boundaries byte for byte, in blocks of the given size", async () => {
    const chunks = chunksOf([1, 999, 1000, 2500, 3, 0, 1497]);
    const whole = Buffer.concat(chunks);

    await uploadInBlocks(container.getBlockBlobClient("straddle.bin"), ReadableStream.from(chunks), {
      blockBytes: 1000,
      blocks: 2,
      commit: { blobHTTPHeaders: { blobContentType: "audio/wav" } },
    });

    expect(sha256(await storedBytes("straddle.bin"))).toBe(sha256(whole));
    const list = await container.getBlockBlobClient("straddle.bin").getBlockList("committed");
    expect(list.committedBlocks?.map((block) => block.size)).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
    expect((await container.getBlobClient("straddle.bin").getProperties()).contentType).toBe("audio/wav");
  });

  it("copies each chunk as it reads it: a body that refills one buffer for every chunk is stored intact", async () => {
    // The SDK's uploadStream kept chunks by reference until a block was full: refilled, they were
    // stored as the last chunk's bytes many times over.
    const reused = new Uint8Array(64 * 1024);
    const sent = createHash("sha256");
    async function* refilled(): AsyncGenerator<Uint8Array> {
      for (let index = 0; index < 200; index += 1) {
        reused.fill(index % 251);
        sent.update(reused);
        yield reused;
      }
    }
    const store = await createAzureBlobStore({ connectionString: azurite.connectionString, containerName: container.containerName });

    await store.put("refilled.wav", ReadableStream.from(refilled()), { contentType: "audio/wav" });

    expect(sha256(await storedBytes("refilled.wav"))).toBe(sent.digest("hex"));
  });

  it("commits an empty blob for an empty body", async () => {
    await uploadInBlocks(container.getBlockBlobClient("empty.bin"), ReadableStream.from([]), { blockBytes: 1000, blocks: 2, commit: {} });

    expect((await storedBytes("empty.bin")).byteLength).toBe(0);
  });

  it("rethrows the body's own error after its staging requests settled, committing nothing", async () => {
    const failure = new Error("the client went away");
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield* chunksOf([2500]);
      throw failure;
    }

    await expect(
      uploadInBlocks(container.getBlockBlobClient("failed.bin"), ReadableStream.from(failing()), { blockBytes: 1000, blocks: 3, commit: {} }),
    ).rejects.toBe(failure);
    expect(await container.getBlobClient("failed.bin").exists()).toBe(false);
  });

  it("stops reading the body when the signal aborts, with the signal's reason, committing nothing", async () => {
    const controller = new AbortController();
    const reason = new Error("shutting down");
    let cancelled: unknown;
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new Uint8Array(1500));
        // Then nothing more arrives: the upload waits for the body until the abort.
        setTimeout(() => controller.abort(reason), 50);
      },
      cancel(why) {
        cancelled = why;
      },
    });

    await expect(uploadInBlocks(container.getBlockBlobClient("aborted.bin"), body, { blockBytes: 1000, blocks: 2, commit: {}, signal: controller.signal })).rejects.toBe(
      reason,
    );
    expect(cancelled).toBe(reason);
    expect(await container.getBlobClient("aborted.bin").exists()).toBe(false);
  });

  it("fails with the service's error when a block cannot be staged, and cancels the body", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(stream) {
        stream.enqueue(new Uint8Array(1000));
      },
      cancel() {
        cancelled = true;
      },
    });
    const missing = container.getBlockBlobClient("x.bin");
    const inMissingContainer = BlobServiceClient.fromConnectionString(azurite.connectionString, { retryOptions: { maxTries: 1 } })
      .getContainerClient(`missing-${randomUUID()}`)
      .getBlockBlobClient(missing.name);

    const error = await uploadInBlocks(inMissingContainer, body, { blockBytes: 1000, blocks: 2, commit: {} }).catch((caught: unknown) => caught);

    expect((error as { statusCode?: number }).statusCode).toBe(404);
    expect(cancelled).toBe(true);
  });
});
