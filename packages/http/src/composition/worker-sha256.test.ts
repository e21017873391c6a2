import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createWorkerSha256 } from "./worker-sha256.ts";

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Feeds `bytes` in chunks of `chunkBytes`, waiting whenever the digest asks to. */
async function digestOf(hashing: ReturnType<typeof createWorkerSha256>, bytes: Uint8Array, chunkBytes: number): Promise<{ digest: string; waits: number }> {
  const digest = hashing();
  let waits = 0;
  for (let offset = 0; offset < bytes.byteLength; offset += chunkBytes) {
    const taken = digest.update(bytes.subarray(offset, offset + chunkBytes));
    if (taken) {
      waits += 1;
      await taken;
    }
  }
  return { digest: await digest.digest(), waits };
}

describe("createWorkerSha256", () => {
  it("gives node:crypto's sha256 of known inputs, the empty one included", async () => {
    const hashing = createWorkerSha256();
    expect((await digestOf(hashing, new Uint8Array(0), 1)).digest).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect((await digestOf(hashing, new TextEncoder().encode("abc"), 1)).digest).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("hashes uneven chunks across batch boundaries as one whole, waiting when every batch is at the worker", async () => {
    const bytes = randomBytes(5 * 1024 * 1024 + 13);
    const hashing = createWorkerSha256({ batchBytes: 64 * 1024, batchesInFlight: 2 });
    const { digest, waits } = await digestOf(hashing, bytes, 100_003);
    expect(digest).toBe(sha256Of(bytes));
    // 80 batches through 2 buffers: the stream had to wait for the worker at least once.
    expect(waits).toBeGreaterThan(0);
  });

  it("keeps digests under way at once apart, and a discarded one does not disturb the others", async () => {
    const hashing = createWorkerSha256({ batchBytes: 16 * 1024 });
    const inputs = [randomBytes(300_000), randomBytes(200_001), randomBytes(1)];
    const discarded = hashing();
    await discarded.update(randomBytes(100_000));
    const results = await Promise.all(inputs.map((bytes, index) => digestOf(hashing, bytes, 4096 + index * 999)));
    discarded.discard();
    expect(results.map((result) => result.digest)).toEqual(inputs.map(sha256Of));
    expect((await digestOf(hashing, inputs[0] as Uint8Array, 65_536)).digest).toBe(sha256Of(inputs[0] as Uint8Array));
  });

  it("leaves the caller's chunks as they were (it copies, never transfers them)", async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const copy = Buffer.from(bytes);
    const digest = createWorkerSha256({ batchBytes: 1024 * 1024 })();
    await digest.update(bytes);
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(bytes).equals(copy)).toBe(true);
    expect(await digest.digest()).toBe(sha256Of(copy));
  });

  it("refuses updates after its end", async () => {
    const digest = createWorkerSha256()();
    await digest.digest();
    expect(() => digest.update(new Uint8Array(1))).toThrow(TypeError);
    await expect(digest.digest()).rejects.toThrow(TypeError);
  });
});
