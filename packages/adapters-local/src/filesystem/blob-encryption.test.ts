import { randomBytes } from "node:crypto";
import { ConfideError } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import {
  createBlobEncryptor,
  createDataKeyring,
  dataKeyOf,
  headerBytes,
  openEncryptedBlob,
  parseEncryptedBlob,
  type DataKeyring,
} from "./blob-encryption.ts";

const keyBytes = randomBytes(32);
const keyring = createDataKeyring(keyBytes);

/** Encrypts `plaintext` fed in pieces of `pieceBytes`, as an upload would arrive. */
function encrypt(plaintext: Uint8Array, options: { chunkBytes: number; pieceBytes?: number; key?: Uint8Array }): Buffer {
  const encryptor = createBlobEncryptor(dataKeyOf(options.key ?? keyBytes), { chunkBytes: options.chunkBytes });
  const out: Uint8Array[] = [];
  const pieceBytes = options.pieceBytes ?? 7;
  for (let offset = 0; offset < plaintext.byteLength; offset += pieceBytes) {
    out.push(...encryptor.push(plaintext.subarray(offset, offset + pieceBytes)));
  }
  out.push(...encryptor.end());
  return Buffer.concat(out);
}

const readAtOf = (stored: Buffer) => async (position: number, length: number) => stored.subarray(position, position + length);

async function collect(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Buffer; error: unknown }> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    return { bytes: Buffer.concat(chunks), error: undefined };
  } catch (error) {
    return { bytes: Buffer.concat(chunks), error };
  }
}

/** Opens and reads `stored` whole (or a range), returning what was delivered and how it ended. */
async function decrypt(
  stored: Buffer,
  options: { keyring?: DataKeyring; range?: { start: number; end: number }; batchChunks?: number } = {},
): Promise<{ bytes: Buffer; error: unknown }> {
  try {
    const layout = parseEncryptedBlob(stored.subarray(0, headerBytes), stored.byteLength);
    if (layout === null) throw new Error("not an encrypted blob");
    const opened = await openEncryptedBlob(layout, options.keyring ?? keyring, readAtOf(stored));
    const range = options.range ?? { start: 0, end: opened.plaintextBytes - 1 };
    if (opened.plaintextBytes === 0) return { bytes: Buffer.alloc(0), error: undefined };
    return await collect(opened.read(range, { batchChunks: options.batchChunks ?? 2 }));
  } catch (error) {
    return { bytes: Buffer.alloc(0), error };
  }
}

function expectIntegrityFailure(outcome: { bytes: Buffer; error: unknown }, original: Uint8Array): void {
  expect(ConfideError.is(outcome.error, "dependency.unavailable"), `expected an integrity error, got ${String(outcome.error)}`).toBe(true);
  expect((outcome.error as ConfideError).details?.reason).toBe("integrity_check_failed");
  // Whatever was delivered before the failure is the original's beginning, never altered bytes.
  expect(Buffer.from(original).subarray(0, outcome.bytes.byteLength).equals(outcome.bytes)).toBe(true);
}

describe("blob encryption", () => {
  it.each([0, 1, 15, 16, 17, 48, 100])("round-trips %i bytes in 16-byte chunks, whole", async (sizeBytes) => {
    const plaintext = randomBytes(sizeBytes);
    const stored = encrypt(plaintext, { chunkBytes: 16 });

    const layout = parseEncryptedBlob(stored.subarray(0, headerBytes), stored.byteLength);
    expect(layout?.plaintextBytes).toBe(sizeBytes);
    expect(layout?.chunkCount).toBe(Math.max(1, Math.ceil(sizeBytes / 16)));
    const { bytes, error } = await decrypt(stored);
    expect(error).toBeUndefined();
    expect(bytes.equals(plaintext)).toBe(true);
  });

  it("reads every byte range of a multi-chunk blob, decrypting only the chunks that cover it", async () => {
    const plaintext = randomBytes(70);
    const stored = encrypt(plaintext, { chunkBytes: 16 });
    let readBytes = 0;
    const layout = parseEncryptedBlob(stored.subarray(0, headerBytes), stored.byteLength);
    const opened = await openEncryptedBlob(layout!, keyring, async (position, length) => {
      readBytes += length;
      return stored.subarray(position, position + length);
    });

    for (let start = 0; start < 70; start += 1) {
      for (let end = start; end < 70; end += 1) {
        readBytes = 0;
        const { bytes, error } = await collect(opened.read({ start, end }, { batchChunks: 2 }));
        expect(error).toBeUndefined();
        expect(bytes.equals(plaintext.subarray(start, end + 1)), `range ${start}-${end}`).toBe(true);
        const chunksCovered = Math.floor(end / 16) - Math.floor(start / 16) + 1;
        expect(readBytes).toBeLessThanOrEqual(chunksCovered * (16 + 16));
      }
    }
  });

  it("stores no plaintext and a different ciphertext each time (a fresh salt per blob)", () => {
    const plaintext = Buffer.alloc(4096, "RIFF-and-some-words ");
    const first = encrypt(plaintext, { chunkBytes: 1024 });
    const second = encrypt(plaintext, { chunkBytes: 1024 });

    expect(first.includes(Buffer.from("RIFF-and"))).toBe(false);
    expect(first.subarray(headerBytes).equals(second.subarray(headerBytes))).toBe(false);
    expect(first.byteLength).toBe(headerBytes + 4096 + 4 * 16);
  });

  it("refuses a flipped bit anywhere in the file: header, ciphertext or tag", async () => {
    const plaintext = randomBytes(40);
    const stored = encrypt(plaintext, { chunkBytes: 16 });

    for (let position = 0; position < stored.byteLength; position += 1) {
      const tampered = Buffer.from(stored);
      tampered[position] = (tampered[position] as number) ^ 0x01;
      const outcome = await decrypt(tampered);
      if (position < 8) {
        // The magic itself: no longer an encrypted blob at all, so never decrypted into anything.
        expect(String(outcome.error)).toMatch(/not an encrypted blob/);
      } else if (position >= 13 && position < 21) {
        // The key id: a key this keyring does not have.
        expect((outcome.error as ConfideError).details?.reason, `byte ${position}`).toBe("unknown_data_key");
      } else {
        expectIntegrityFailure(outcome, plaintext);
      }
    }
  });

  it("refuses a file truncated at any length, or with bytes appended", async () => {
    const plaintext = randomBytes(40);
    const stored = encrypt(plaintext, { chunkBytes: 16 });

    for (let length = headerBytes; length < stored.byteLength; length += 1) {
      expectIntegrityFailure(await decrypt(stored.subarray(0, length)), plaintext);
    }
    expectIntegrityFailure(await decrypt(Buffer.concat([stored, Buffer.from([0])])), plaintext);
    expectIntegrityFailure(await decrypt(Buffer.concat([stored, stored.subarray(headerBytes, headerBytes + 32)])), plaintext);
  });

  it("refuses chunks swapped, or spliced in from another blob under the same key", async () => {
    const plaintext = randomBytes(64);
    const stored = encrypt(plaintext, { chunkBytes: 16 });
    const stride = 32;
    const chunk = (bytes: Buffer, index: number) => bytes.subarray(headerBytes + index * stride, headerBytes + (index + 1) * stride);

    const swapped = Buffer.concat([stored.subarray(0, headerBytes), chunk(stored, 1), chunk(stored, 0), chunk(stored, 2), chunk(stored, 3)]);
    expectIntegrityFailure(await decrypt(swapped), plaintext);

    const other = encrypt(plaintext, { chunkBytes: 16 });
    const spliced = Buffer.concat([stored.subarray(0, headerBytes), chunk(stored, 0), chunk(other, 1), chunk(stored, 2), chunk(stored, 3)]);
    expectIntegrityFailure(await decrypt(spliced), plaintext);

    // The last chunk moved forward, the rest dropped: the file is shorter but self-consistent in size.
    const shortened = Buffer.concat([stored.subarray(0, headerBytes), chunk(stored, 0), chunk(stored, 3)]);
    expectIntegrityFailure(await decrypt(shortened), plaintext);
  });

  it("reads blobs of a previous key after rotation, and names the key id it does not know", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const plaintext = randomBytes(100);
    const written = encrypt(plaintext, { chunkBytes: 32, key: oldKey });

    const rotated = createDataKeyring(newKey, [oldKey]);
    expect(rotated.current?.id).toBe(dataKeyOf(newKey).id);
    expect((await decrypt(written, { keyring: rotated })).bytes.equals(plaintext)).toBe(true);

    const forgotten = await decrypt(written, { keyring: createDataKeyring(newKey) });
    expect(ConfideError.is(forgotten.error, "dependency.unavailable")).toBe(true);
    expect((forgotten.error as ConfideError).details).toMatchObject({ reason: "unknown_data_key", keyId: dataKeyOf(oldKey).id });
    expect((forgotten.error as Error).message).toContain(dataKeyOf(oldKey).id);

    const none = await decrypt(written, { keyring: createDataKeyring(undefined) });
    expect((none.error as Error).message).toMatch(/no data key is set: set CONFIDE_DATA_KEY/);
  });

  it("names a key by a stable fingerprint that is not the key", () => {
    const key = randomBytes(32);

    expect(dataKeyOf(key).id).toMatch(/^[0-9a-f]{16}$/);
    expect(dataKeyOf(Buffer.from(key)).id).toBe(dataKeyOf(key).id);
    expect(dataKeyOf(randomBytes(32)).id).not.toBe(dataKeyOf(key).id);
    expect(key.toString("hex")).not.toContain(dataKeyOf(key).id);
  });

  it("refuses a data key that is not 32 bytes", () => {
    expect(() => dataKeyOf(randomBytes(16))).toThrow(/32 bytes/);
  });

  it("leaves a blob stored as sent (no magic) to be read as it is", () => {
    expect(parseEncryptedBlob(Buffer.from("RIFF\0\0\0\0WAVEfmt "), 1000)).toBeNull();
    expect(parseEncryptedBlob(new Uint8Array(0), 0)).toBeNull();
  });

  it("errors a stream at once when its signal aborts", async () => {
    const plaintext = randomBytes(1000);
    const stored = encrypt(plaintext, { chunkBytes: 16 });
    const layout = parseEncryptedBlob(stored.subarray(0, headerBytes), stored.byteLength);
    let done = 0;
    const opened = await openEncryptedBlob(layout!, keyring, readAtOf(stored));
    const controller = new AbortController();
    const reason = new Error("client went away");
    const stream = opened.read({ start: 0, end: 999 }, { signal: controller.signal, onDone: () => (done += 1) });
    const reader = stream.getReader();
    await reader.read();

    controller.abort(reason);

    await expect(reader.read()).rejects.toBe(reason);
    expect(done).toBe(1);
  });
});
