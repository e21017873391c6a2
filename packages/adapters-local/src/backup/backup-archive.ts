/**
 * The `confide backup` file, written and read as a stream.
 *
 * Archive layout (integers big-endian):
 *
 *   magic "\x89CFBK\r\n\x1a" (8) · format version 1 (1)
 *   per entry:  'E' (1) · header length (4) · header JSON {kind, name, ...}
 *               'D' (1) · length (4) · bytes        — zero or more data frames
 *               'Z' (1) · byte count (8) · sha256 of the entry's data bytes (32)
 *   trailer:    'T' (1) · entry count (4) · sha256 of every archive byte before this 'T' (32)
 *
 * Entries come in this order: one `manifest` (JSON data: format, when, database kind), one
 * `table` per database table (one data frame per row, a JSON object), then one `blob` per
 * recording (data frames of up to 256 KiB). A reader checks each entry's count and checksum at
 * its end, the whole file's at the trailer, and refuses anything after it: a flipped byte, a
 * truncated or extended file are all refused.
 *
 * With a data key the archive is encrypted whole, in the at-rest format of the filesystem store
 * (blob-encryption.ts: AES-256-GCM in 64 KiB chunks, each authenticated with its index and a
 * final-chunk flag, a key derived per file from a random salt), so the file starts with that
 * format's magic instead, and names the key's id.
 */
import { createHash, type Hash } from "node:crypto";
import { ConfideError } from "@confide/core/ports";
import {
  createBlobDecryptor,
  createBlobEncryptor,
  type DataKey,
  type DataKeyring,
} from "../filesystem/blob-encryption.ts";

const magic = Buffer.from([0x89, 0x43, 0x46, 0x42, 0x4b, 0x0d, 0x0a, 0x1a]);
const encryptedMagic = Buffer.from([0x89, 0x43, 0x46, 0x44, 0x45, 0x0d, 0x0a, 0x1a]);
const formatVersion = 1;
const frameEntry = 0x45; // 'E'
const frameData = 0x44; // 'D'
const frameEnd = 0x5a; // 'Z'
const frameTrailer = 0x54; // 'T'
const maxHeaderBytes = 64 * 1024;
/** The longest data frame a reader accepts: a table row (a session with its transcript) fits. */
const maxFrameBytes = 256 * 1024 * 1024;
/** Blob bytes per data frame. */
export const blobFrameBytes = 256 * 1024;

/** What an entry is: the manifest, a table's rows, or a recording's bytes. */
export type BackupEntryHeader =
  | { kind: "manifest"; name: "manifest" }
  | { kind: "table"; name: string }
  | { kind: "blob"; name: string; contentType: string; sizeBytes: number };

/** The manifest's data. */
export interface BackupManifest {
  format: 1;
  createdAt: string;
  /** The snapshot's database kind (DatabaseSnapshot.kind). */
  database: string;
  /** The data key's id when the archive is encrypted. */
  keyId?: string;
}

/** A backup file that cannot be used: damaged, truncated, of another format, or needing a key. */
export function backupUnreadable(message: string, reason: string, cause?: unknown): ConfideError {
  return new ConfideError("validation.invalid_input", message, { cause, details: { reason } });
}

/** Writes the archive's bytes; `encryptWith` encrypts them whole. */
export interface BackupArchiveWriter {
  /** Starts an entry. @returns the bytes to write. */
  entry(header: BackupEntryHeader): Uint8Array[];
  /** One data frame of the current entry (a row, or a piece of a blob). */
  data(bytes: Uint8Array): Uint8Array[];
  /** Ends the current entry with its count and checksum. */
  endEntry(): Uint8Array[];
  /** Writes the trailer (and seals the encryption). No more entries after it. */
  finish(): Uint8Array[];
}

export function createBackupArchiveWriter(options: { encryptWith?: DataKey } = {}): BackupArchiveWriter {
  const whole = createHash("sha256");
  const encryptor = options.encryptWith === undefined ? undefined : createBlobEncryptor(options.encryptWith);
  let started = false;
  let entryHash: Hash | undefined;
  let entryBytes = 0;
  let entries = 0;
  const emit = (parts: Buffer[]): Uint8Array[] => {
    if (!started) {
      started = true;
      parts.unshift(Buffer.concat([magic, Buffer.of(formatVersion)]));
    }
    for (const part of parts) whole.update(part);
    if (encryptor === undefined) return parts;
    return parts.flatMap((part) => encryptor.push(part));
  };
  const frameHead = (type: number, length: number) => {
    const head = Buffer.alloc(5);
    head[0] = type;
    head.writeUInt32BE(length, 1);
    return head;
  };
  return {
    entry(header) {
      if (entryHash !== undefined) throw new TypeError("The previous entry is not ended.");
      entryHash = createHash("sha256");
      entryBytes = 0;
      const json = Buffer.from(JSON.stringify(header));
      return emit([frameHead(frameEntry, json.byteLength), json]);
    },
    data(bytes) {
      if (entryHash === undefined) throw new TypeError("No entry is open.");
      entryHash.update(bytes);
      entryBytes += bytes.byteLength;
      return emit([frameHead(frameData, bytes.byteLength), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
    },
    endEntry() {
      if (entryHash === undefined) throw new TypeError("No entry is open.");
      const end = Buffer.alloc(1 + 8);
      end[0] = frameEnd;
      end.writeBigUInt64BE(BigInt(entryBytes), 1);
      const parts = emit([end, entryHash.digest()]);
      entryHash = undefined;
      entries += 1;
      return parts;
    },
    finish() {
      if (entryHash !== undefined) throw new TypeError("The last entry is not ended.");
      const trailer = Buffer.alloc(1 + 4);
      trailer[0] = frameTrailer;
      trailer.writeUInt32BE(entries, 1);
      const parts = emit([trailer]);
      const checksum = whole.digest();
      const out = [...parts, ...(encryptor === undefined ? [checksum] : encryptor.push(checksum))];
      return encryptor === undefined ? out : [...out, ...encryptor.end()];
    },
  };
}

/** One entry as read: its header and its data frames, each verified with the entry at its end. */
export interface BackupEntry {
  header: BackupEntryHeader;
  /**
   * The entry's data frames, in order. Iterate to the end before asking for the next entry:
   * the entry's checksum is checked when its frames end (the iteration throws on a mismatch),
   * so what a consumer did with the frames must be undone when it throws.
   */
  frames: AsyncIterable<Buffer>;
}

/** Reads exactly the bytes asked for from a byte stream. */
class ExactReader {
  readonly #source: AsyncIterator<Uint8Array>;
  #buffered: Buffer[] = [];
  #bufferedBytes = 0;
  #done = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#source = source[Symbol.asyncIterator]();
  }

  /** @returns `length` bytes, or fewer only when the stream ended. */
  async read(length: number): Promise<Buffer> {
    while (this.#bufferedBytes < length && !this.#done) {
      const next = await this.#source.next();
      if (next.done) this.#done = true;
      else if (next.value.byteLength > 0) {
        this.#buffered.push(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength));
        this.#bufferedBytes += next.value.byteLength;
      }
    }
    const all = this.#buffered.length === 1 ? this.#buffered[0]! : Buffer.concat(this.#buffered);
    const taken = all.subarray(0, Math.min(length, all.byteLength));
    const rest = all.subarray(taken.byteLength);
    this.#buffered = rest.byteLength > 0 ? [rest] : [];
    this.#bufferedBytes = rest.byteLength;
    return taken;
  }
}

/** Decrypts the archive when it is encrypted; passes it through otherwise. */
async function* plaintextOf(source: AsyncIterable<Uint8Array>, keyring: DataKeyring): AsyncIterable<Uint8Array> {
  const reader = new ExactReader(source);
  const start = await reader.read(magic.length);
  if (start.byteLength < magic.length && (magic.subarray(0, start.byteLength).equals(start) || encryptedMagic.subarray(0, start.byteLength).equals(start))) {
    throw damaged("it ends inside its header");
  }
  if (start.equals(magic)) {
    yield start;
    for (;;) {
      const chunk = await reader.read(1024 * 1024);
      if (chunk.byteLength === 0) return;
      yield chunk;
    }
  }
  if (!start.equals(encryptedMagic)) {
    throw backupUnreadable("This file is not a Confide backup (it does not start as one).", "not_a_backup");
  }
  const decryptor = createBlobDecryptor(keyring);
  try {
    for (const plaintext of decryptor.push(start)) yield plaintext;
    for (;;) {
      const chunk = await reader.read(1024 * 1024);
      if (chunk.byteLength === 0) break;
      for (const plaintext of decryptor.push(chunk)) yield plaintext;
    }
    for (const plaintext of decryptor.end()) yield plaintext;
  } catch (error) {
    if (ConfideError.is(error) && error.details?.reason === "unknown_data_key") {
      const keyId = String(error.details.keyId);
      throw backupUnreadable(
        keyring.current === undefined
          ? `The backup is encrypted with data key ${keyId}: set CONFIDE_DATA_KEY to that key to read it.`
          : `The backup is encrypted with data key ${keyId}, not with CONFIDE_DATA_KEY (${keyring.current.id})${keyring.byId.size > 1 ? " nor CONFIDE_DATA_KEYS_PREVIOUS" : ""}: set the key it was made with.`,
        "wrong_data_key",
        error,
      );
    }
    if (ConfideError.is(error) && error.details?.reason === "integrity_check_failed") {
      throw backupUnreadable(
        `The backup file is damaged or truncated: it fails its authentication (${error.message.replace(/^.*\((.*)\).*$/s, "$1")}). Nothing of it is used.`,
        "corrupt",
        error,
      );
    }
    throw error;
  }
}

function damaged(what: string): ConfideError {
  return backupUnreadable(`The backup file is damaged or truncated: ${what}. Nothing of it is used.`, "corrupt");
}

/**
 * Reads an archive (encrypted or not) from its bytes, verifying as it goes.
 * @returns the manifest and the entries after it, in file order; the iteration ends after the
 * trailer verified.
 * @throws ConfideError `validation.invalid_input` (details.reason `not_a_backup`, `corrupt`,
 * `wrong_data_key`) from the iteration, at the first thing that does not verify.
 */
export async function* readBackupArchive(source: AsyncIterable<Uint8Array>, keyring: DataKeyring): AsyncIterable<BackupEntry> {
  const whole = createHash("sha256");
  const reader = new ExactReader(plaintextOf(source, keyring));
  const exactly = async (length: number, what: string) => {
    const bytes = await reader.read(length);
    if (bytes.byteLength < length) throw damaged(`it ends inside ${what}`);
    whole.update(bytes);
    return bytes;
  };
  const start = await exactly(magic.length + 1, "its header");
  if (!start.subarray(0, magic.length).equals(magic)) throw backupUnreadable("This file is not a Confide backup (it does not start as one).", "not_a_backup");
  if (start[magic.length] !== formatVersion) {
    throw backupUnreadable(`This backup has format version ${start[magic.length]}; this version of Confide reads version ${formatVersion}.`, "unknown_format");
  }
  let entries = 0;
  for (;;) {
    const type = (await exactly(1, "a frame"))[0];
    if (type === frameTrailer) {
      const count = (await exactly(4, "the trailer")).readUInt32BE(0);
      const expected = whole.digest();
      const stored = await reader.read(32);
      if (stored.byteLength < 32) throw damaged("it ends inside the trailer");
      if (!stored.equals(expected)) throw damaged("the whole file's checksum does not match");
      if (count !== entries) throw damaged(`the trailer counts ${count} entries, the file has ${entries}`);
      if ((await reader.read(1)).byteLength > 0) throw damaged("there are bytes after its end");
      return;
    }
    if (type !== frameEntry) throw damaged(`an entry was expected at entry ${entries + 1}`);
    const headerLength = (await exactly(4, "an entry header")).readUInt32BE(0);
    if (headerLength > maxHeaderBytes) throw damaged("an entry header is too long");
    let header: BackupEntryHeader;
    try {
      header = JSON.parse((await exactly(headerLength, "an entry header")).toString("utf8")) as BackupEntryHeader;
    } catch (error) {
      if (ConfideError.is(error)) throw error;
      throw damaged("an entry header is not JSON");
    }
    if (entries === 0 && header.kind !== "manifest") throw damaged("it does not start with its manifest");
    let finished = false;
    const frames = async function* (): AsyncIterable<Buffer> {
      const hash = createHash("sha256");
      let bytes = 0;
      for (;;) {
        const frameType = (await exactly(1, `entry ${header.name}`))[0];
        if (frameType === frameData) {
          const length = (await exactly(4, `entry ${header.name}`)).readUInt32BE(0);
          if (length > maxFrameBytes) throw damaged(`a frame of entry ${header.name} is too long`);
          const data = await exactly(length, `entry ${header.name}`);
          hash.update(data);
          bytes += data.byteLength;
          yield data;
          continue;
        }
        if (frameType !== frameEnd) throw damaged(`entry ${header.name} has an unknown frame`);
        const end = await exactly(8 + 32, `entry ${header.name}`);
        if (Number(end.readBigUInt64BE(0)) !== bytes) throw damaged(`entry ${header.name} has ${bytes} bytes, its end says ${end.readBigUInt64BE(0)}`);
        if (!end.subarray(8).equals(hash.digest())) throw damaged(`the checksum of entry ${header.name} does not match`);
        finished = true;
        return;
      }
    };
    yield { header, frames: frames() };
    if (!finished) throw new TypeError(`Entry ${header.name} was not read to its end.`);
    entries += 1;
  }
}

/** The manifest of an archive: its first entry. @throws as readBackupArchive does. */
export async function readManifest(entry: BackupEntry): Promise<BackupManifest> {
  const parts: Buffer[] = [];
  for await (const frame of entry.frames) parts.push(frame);
  const manifest = JSON.parse(Buffer.concat(parts).toString("utf8")) as BackupManifest;
  if (manifest.format !== 1) throw backupUnreadable(`This backup's manifest has format ${String(manifest.format)}.`, "unknown_format");
  return manifest;
}
