/**
 * Encryption at rest of a blob, streamed both ways: AES-256-GCM over fixed-size plaintext chunks.
 *
 * File layout (all integers big-endian):
 *
 *   header   53 bytes  magic "\x89CFDE\r\n\x1a" (8) · version 1 (1) · plaintext chunk size (4)
 *                      · key id (8) · salt (32, random per blob)
 *   chunk i  ciphertext (the chunk size, or less for the last chunk) · GCM tag (16)
 *
 * Each blob has its own key and nonce base, derived with HKDF-SHA256 from the data key and the
 * blob's salt, so no two blobs share a (key, nonce) pair; chunk i's nonce is the nonce base
 * XOR i. Every chunk's additional authenticated data is the whole header, the chunk index
 * (8 bytes) and a final-chunk flag (1 byte): a flipped byte anywhere, chunks swapped or moved
 * between blobs, a truncated file or bytes appended all fail authentication. An empty blob
 * is one empty final chunk, so even emptiness is authenticated.
 *
 * The plaintext size follows from the file size and the chunk size, so a byte range is read by
 * decrypting only the chunks that cover it. Plaintext is released one authenticated chunk at a
 * time: a reader never gets a byte that failed its check.
 *
 * The key id is the first 8 bytes of HMAC-SHA256(data key, "confide data key id v1"): it names
 * the key (for rotation) without revealing anything about it.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { ConfideError } from "@confide/core/ports";

/** One data key: 32 bytes, and the id written into the blobs it encrypts. */
export interface DataKey {
  /** 16 lowercase hex characters. */
  id: string;
  key: Buffer;
}

/** The keys a store knows: `current` encrypts new blobs (none: they are stored as sent); all of them decrypt. */
export interface DataKeyring {
  current: DataKey | undefined;
  byId: ReadonlyMap<string, DataKey>;
}

/** Plaintext bytes per chunk unless a store says otherwise. */
export const defaultChunkBytes = 64 * 1024;
const maxChunkBytes = 16 * 1024 * 1024;

const magic = Buffer.from([0x89, 0x43, 0x46, 0x44, 0x45, 0x0d, 0x0a, 0x1a]);
const formatVersion = 1;
const keyIdBytes = 8;
const saltBytes = 32;
/** Bytes before the first chunk. */
export const headerBytes = magic.length + 1 + 4 + keyIdBytes + saltBytes;
const tagBytes = 16;
const nonceBytes = 12;
const dataKeyBytes = 32;
const keyIdLabel = "confide data key id v1";
const subkeyLabel = "confide blob aes-256-gcm v1";

/** A stored blob failed authentication: it was altered, truncated, reordered or spliced. */
function integrityError(reason: string, cause?: unknown): ConfideError {
  return new ConfideError(
    "dependency.unavailable",
    `The stored object failed its integrity check (${reason}): it was altered or damaged since it was written, and none of it is served.`,
    { retryable: false, cause, details: { dependency: "filesystem", reason: "integrity_check_failed" } },
  );
}

/** None of the keyring's keys is the one a blob was encrypted with. */
function unknownKeyError(keyId: string, keyring: DataKeyring): ConfideError {
  return new ConfideError(
    "dependency.unavailable",
    `The stored object is encrypted with data key ${keyId}, which is not configured ` +
      (keyring.byId.size === 0
        ? "(no data key is set: set CONFIDE_DATA_KEY, and CONFIDE_DATA_KEYS_PREVIOUS for older keys)."
        : `(known: ${[...keyring.byId.keys()].join(", ")}; add the key to CONFIDE_DATA_KEYS_PREVIOUS).`),
    { retryable: false, details: { dependency: "filesystem", reason: "unknown_data_key", keyId } },
  );
}

/**
 * The DataKey of 32 key bytes.
 * @throws ConfideError `validation.invalid_input` when `key` is not 32 bytes.
 */
export function dataKeyOf(key: Uint8Array): DataKey {
  if (key.byteLength !== dataKeyBytes) {
    throw new ConfideError("validation.invalid_input", `A data key is ${dataKeyBytes} bytes; this one has ${key.byteLength}.`, {
      details: { setting: "encryption" },
    });
  }
  const bytes = Buffer.from(key);
  return { id: createHmac("sha256", bytes).update(keyIdLabel).digest().subarray(0, keyIdBytes).toString("hex"), key: bytes };
}

/** A keyring from the current key (may be absent) and older keys still needed to read. */
export function createDataKeyring(current: Uint8Array | undefined, previous: readonly Uint8Array[] = []): DataKeyring {
  const currentKey = current === undefined ? undefined : dataKeyOf(current);
  const byId = new Map<string, DataKey>();
  for (const key of [...(currentKey ? [currentKey] : []), ...previous.map(dataKeyOf)]) byId.set(key.id, key);
  return { current: currentKey, byId };
}

interface BlobHeader {
  bytes: Buffer;
  chunkBytes: number;
  keyId: string;
  salt: Buffer;
}

/** Per-blob AES key and nonce base, and the AAD/nonce of each chunk. */
class ChunkCipher {
  readonly #key: Buffer;
  readonly #nonceBase: Buffer;
  readonly #header: Buffer;

  constructor(dataKey: DataKey, header: BlobHeader) {
    const derived = Buffer.from(hkdfSync("sha256", dataKey.key, header.salt, subkeyLabel, 32 + nonceBytes));
    this.#key = derived.subarray(0, 32);
    this.#nonceBase = derived.subarray(32);
    this.#header = header.bytes;
  }

  #nonce(index: number): Buffer {
    const nonce = Buffer.from(this.#nonceBase);
    const high = Math.floor(index / 2 ** 32);
    nonce.writeUInt32BE((nonce.readUInt32BE(4) ^ high) >>> 0, 4);
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ index % 2 ** 32) >>> 0, 8);
    return nonce;
  }

  #additionalData(index: number, final: boolean): Buffer {
    const trailer = Buffer.alloc(9);
    trailer.writeUInt32BE(Math.floor(index / 2 ** 32), 0);
    trailer.writeUInt32BE(index % 2 ** 32, 4);
    trailer[8] = final ? 1 : 0;
    return Buffer.concat([this.#header, trailer]);
  }

  /** @returns the ciphertext and the tag, to be written one after the other. */
  seal(index: number, final: boolean, plaintext: Uint8Array): [Buffer, Buffer] {
    const cipher = createCipheriv("aes-256-gcm", this.#key, this.#nonce(index));
    cipher.setAAD(this.#additionalData(index, final));
    const ciphertext = cipher.update(plaintext);
    cipher.final();
    return [ciphertext, cipher.getAuthTag()];
  }

  /**
   * @param sealed the chunk as stored: ciphertext then tag.
   * @returns the plaintext, only once its tag is verified.
   * @throws ConfideError `dependency.unavailable` (integrity_check_failed) when it does not verify.
   */
  open(index: number, final: boolean, sealed: Uint8Array): Buffer {
    if (sealed.byteLength < tagBytes) throw integrityError(`chunk ${index} is shorter than its tag`);
    const ciphertextBytes = sealed.byteLength - tagBytes;
    const decipher = createDecipheriv("aes-256-gcm", this.#key, this.#nonce(index));
    decipher.setAAD(this.#additionalData(index, final));
    decipher.setAuthTag(sealed.subarray(ciphertextBytes));
    const plaintext = decipher.update(sealed.subarray(0, ciphertextBytes));
    try {
      decipher.final();
    } catch (error) {
      throw integrityError(`chunk ${index} does not authenticate`, error);
    }
    return plaintext;
  }
}

/** Takes plaintext as it arrives and gives the bytes to write, in order. */
export interface BlobEncryptor {
  /** @returns the bytes ready to be written (none while a chunk fills). The input is copied, not kept. */
  push(plaintext: Uint8Array): Uint8Array[];
  /** Seals the last chunk. @returns the last bytes to write. */
  end(): Uint8Array[];
}

/** Encrypts one blob with the keyring's current key. */
export function createBlobEncryptor(dataKey: DataKey, options: { chunkBytes?: number } = {}): BlobEncryptor {
  const chunkBytes = options.chunkBytes ?? defaultChunkBytes;
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1 || chunkBytes > maxChunkBytes) {
    throw new RangeError(`The chunk size must be a whole number of bytes from 1 to ${maxChunkBytes}.`);
  }
  const header = Buffer.alloc(headerBytes);
  magic.copy(header, 0);
  header[magic.length] = formatVersion;
  header.writeUInt32BE(chunkBytes, magic.length + 1);
  Buffer.from(dataKey.id, "hex").copy(header, magic.length + 5);
  const salt = randomBytes(saltBytes);
  salt.copy(header, magic.length + 5 + keyIdBytes);
  const cipher = new ChunkCipher(dataKey, { bytes: header, chunkBytes, keyId: dataKey.id, salt });
  // One chunk is held back until more plaintext (or the end) says whether it is the last.
  const pending = Buffer.alloc(chunkBytes);
  let pendingBytes = 0;
  let index = 0;
  let headerWritten = false;
  let ended = false;
  const start = (out: Uint8Array[]) => {
    if (!headerWritten) out.push(header);
    headerWritten = true;
  };
  return {
    push(plaintext) {
      if (ended) throw new TypeError("The blob is already sealed.");
      const out: Uint8Array[] = [];
      start(out);
      let offset = 0;
      while (offset < plaintext.byteLength) {
        if (pendingBytes === chunkBytes) {
          out.push(...cipher.seal(index, false, pending));
          index += 1;
          pendingBytes = 0;
        }
        const taken = Math.min(chunkBytes - pendingBytes, plaintext.byteLength - offset);
        pending.set(plaintext.subarray(offset, offset + taken), pendingBytes);
        pendingBytes += taken;
        offset += taken;
      }
      return out;
    },
    end() {
      if (ended) throw new TypeError("The blob is already sealed.");
      ended = true;
      const out: Uint8Array[] = [];
      start(out);
      out.push(...cipher.seal(index, true, pending.subarray(0, pendingBytes)));
      return out;
    },
  };
}

/** Where an encrypted blob's chunks are, from its header and file size. */
export interface EncryptedBlobLayout {
  header: BlobHeader;
  plaintextBytes: number;
  chunkCount: number;
}

/**
 * Reads the layout of an encrypted blob from its first bytes (at least `headerBytes` of them,
 * when the file has that many) and its file size.
 * @param options.encrypted true when the blob is known to have been written encrypted (its
 * sidecar says so): then a missing header is an integrity failure, not a blob stored as sent.
 * @returns null when the file does not start with the encrypted-blob magic (a blob stored as sent).
 * @throws ConfideError `dependency.unavailable` (integrity_check_failed) when the header or the
 * file size cannot be those of an encrypted blob.
 */
export function parseEncryptedBlob(
  firstBytes: Uint8Array,
  fileBytes: number,
  options: { encrypted?: boolean } = {},
): EncryptedBlobLayout | null {
  const head = Buffer.from(firstBytes.buffer, firstBytes.byteOffset, firstBytes.byteLength);
  if (head.byteLength < magic.length || !head.subarray(0, magic.length).equals(magic)) {
    if (options.encrypted) throw integrityError("it was written encrypted but its header is gone");
    return null;
  }
  if (head.byteLength < headerBytes || fileBytes < headerBytes) throw integrityError("its header is cut short");
  if (head[magic.length] !== formatVersion) throw integrityError(`unknown format version ${head[magic.length]}`);
  const chunkBytes = head.readUInt32BE(magic.length + 1);
  if (chunkBytes < 1 || chunkBytes > maxChunkBytes) throw integrityError("its chunk size is out of range");
  const bytes = Buffer.from(head.subarray(0, headerBytes));
  const header: BlobHeader = {
    bytes,
    chunkBytes,
    keyId: bytes.subarray(magic.length + 5, magic.length + 5 + keyIdBytes).toString("hex"),
    salt: bytes.subarray(magic.length + 5 + keyIdBytes),
  };
  const bodyBytes = fileBytes - headerBytes;
  const stride = chunkBytes + tagBytes;
  const chunkCount = Math.ceil(bodyBytes / stride);
  const plaintextBytes = bodyBytes - chunkCount * tagBytes;
  const expectedCount = plaintextBytes <= 0 ? 1 : Math.ceil(plaintextBytes / chunkBytes);
  if (chunkCount < 1 || plaintextBytes < 0 || expectedCount !== chunkCount) {
    throw integrityError("its size does not fit its chunks: it was truncated or extended");
  }
  return { header, plaintextBytes, chunkCount };
}

/** Reads `length` bytes at `position` of the stored file; fewer only at its end. */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

/** An encrypted blob whose key is known and whose last chunk (hence its size) is verified. */
export interface OpenedEncryptedBlob {
  plaintextBytes: number;
  /**
   * Streams plaintext bytes `start`..`end` (inclusive), decrypting only the chunks that cover
   * them, `batchChunks` chunks per read. The stream errors with an integrity error at the first
   * chunk that fails; nothing of that chunk is delivered.
   */
  read(range: { start: number; end: number }, options?: { batchChunks?: number; signal?: AbortSignal; onDone?: () => void }): ReadableStream<Uint8Array>;
}

/**
 * Opens an encrypted blob for reading: finds its key in `keyring` and authenticates its last
 * chunk, so a truncated or extended file is refused before any byte is served.
 * @throws ConfideError `dependency.unavailable` with reason `unknown_data_key` when none of the
 * keys has the blob's key id, `integrity_check_failed` when the last chunk does not verify.
 */
export async function openEncryptedBlob(layout: EncryptedBlobLayout, keyring: DataKeyring, readAt: ReadAt): Promise<OpenedEncryptedBlob> {
  const { header, chunkCount, plaintextBytes } = layout;
  const dataKey = keyring.byId.get(header.keyId);
  if (dataKey === undefined) throw unknownKeyError(header.keyId, keyring);
  const cipher = new ChunkCipher(dataKey, header);
  const stride = header.chunkBytes + tagBytes;
  const positionOf = (index: number) => headerBytes + index * stride;
  const sealedBytesOf = (index: number) => (index < chunkCount - 1 ? stride : plaintextBytes - (chunkCount - 1) * header.chunkBytes + tagBytes);
  const readChunks = async (first: number, count: number): Promise<Buffer[]> => {
    const lengths = Array.from({ length: count }, (_, offset) => sealedBytesOf(first + offset));
    const total = lengths.reduce((sum, length) => sum + length, 0);
    const bytes = await readAt(positionOf(first), total);
    if (bytes.byteLength !== total) throw integrityError("it ends before its last chunk");
    const plaintexts: Buffer[] = [];
    let offset = 0;
    for (const [position, length] of lengths.entries()) {
      const index = first + position;
      plaintexts.push(cipher.open(index, index === chunkCount - 1, bytes.subarray(offset, offset + length)));
      offset += length;
    }
    return plaintexts;
  };

  await readChunks(chunkCount - 1, 1);

  return {
    plaintextBytes,
    read(range, options = {}) {
      const batchChunks = options.batchChunks ?? 16;
      const firstChunk = Math.floor(range.start / header.chunkBytes);
      const lastChunk = Math.min(chunkCount - 1, Math.floor(range.end / header.chunkBytes));
      let next = firstChunk;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        options.onDone?.();
      };
      const { signal } = options;
      let stopOnAbort: (() => void) | undefined;
      const finishAndForget = () => {
        if (stopOnAbort) signal?.removeEventListener("abort", stopOnAbort);
        finish();
      };
      return new ReadableStream<Uint8Array>(
        {
          start(controller) {
            if (signal === undefined) return;
            stopOnAbort = () => {
              controller.error(signal.reason);
              finishAndForget();
            };
            if (signal.aborted) stopOnAbort();
            else signal.addEventListener("abort", stopOnAbort, { once: true });
          },
          async pull(controller) {
            try {
              const count = Math.min(batchChunks, lastChunk - next + 1);
              const plaintexts = await readChunks(next, count);
              for (const [offset, plaintext] of plaintexts.entries()) {
                const chunkStart = (next + offset) * header.chunkBytes;
                const from = Math.max(0, range.start - chunkStart);
                const to = Math.min(plaintext.byteLength, range.end - chunkStart + 1);
                if (to > from) controller.enqueue(plaintext.subarray(from, to));
              }
              next += count;
              if (next > lastChunk) {
                controller.close();
                finishAndForget();
              }
            } catch (error) {
              controller.error(signal?.aborted ? signal.reason : error);
              finishAndForget();
            }
          },
          cancel() {
            finishAndForget();
          },
        },
        { highWaterMark: 0 },
      );
    },
  };
}

/** Takes an encrypted blob's bytes in order and gives its plaintext, one authenticated chunk at a time. */
export interface BlobDecryptor {
  /**
   * @returns the plaintext of every chunk now known not to be the last (one is held back until
   * more bytes, or the end, say whether it is).
   * @throws ConfideError as openEncryptedBlob does (unknown key, integrity).
   */
  push(bytes: Uint8Array): Buffer[];
  /**
   * Opens the last chunk. @returns its plaintext.
   * @throws ConfideError `dependency.unavailable` (integrity_check_failed) when the bytes ended
   * early (truncated) or the last chunk does not authenticate.
   */
  end(): Buffer[];
}

/**
 * Decrypts a blob read front to back (a stream, not a file): what createBlobEncryptor wrote.
 * Nothing is released before its chunk's tag verifies; a stream cut at a chunk boundary fails at
 * `end()`, since its last chunk was not sealed as the final one.
 */
export function createBlobDecryptor(keyring: DataKeyring): BlobDecryptor {
  let buffered = Buffer.alloc(0);
  let cipher: ChunkCipher | undefined;
  let stride = 0;
  let index = 0;
  let ended = false;
  const open = (final: boolean): Buffer[] => {
    const out: Buffer[] = [];
    if (cipher === undefined) {
      if (buffered.byteLength < headerBytes) {
        if (final) throw integrityError("its header is cut short");
        return out;
      }
      const layout = parseEncryptedBlob(buffered.subarray(0, headerBytes), headerBytes + tagBytes, { encrypted: true });
      if (layout === null) throw integrityError("it was written encrypted but its header is gone");
      const dataKey = keyring.byId.get(layout.header.keyId);
      if (dataKey === undefined) throw unknownKeyError(layout.header.keyId, keyring);
      cipher = new ChunkCipher(dataKey, layout.header);
      stride = layout.header.chunkBytes + tagBytes;
      buffered = buffered.subarray(headerBytes);
    }
    // A chunk is known not to be the last once a byte after it has arrived.
    while (buffered.byteLength > stride) {
      out.push(cipher.open(index, false, buffered.subarray(0, stride)));
      buffered = buffered.subarray(stride);
      index += 1;
    }
    if (final) {
      out.push(cipher.open(index, true, buffered));
      buffered = Buffer.alloc(0);
    }
    return out;
  };
  return {
    push(bytes) {
      if (ended) throw new TypeError("The blob has already ended.");
      buffered = buffered.byteLength === 0 ? Buffer.from(bytes) : Buffer.concat([buffered, bytes]);
      return open(false);
    },
    end() {
      if (ended) throw new TypeError("The blob has already ended.");
      ended = true;
      return open(true);
    },
  };
}
