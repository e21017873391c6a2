import { randomBytes } from "node:crypto";
import { ConfideError } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { createDataKeyring } from "../filesystem/blob-encryption.ts";
import { createBackupArchiveWriter, readBackupArchive, type BackupEntryHeader } from "./backup-archive.ts";

const key = randomBytes(32);
const keyring = createDataKeyring(key);
const noKeys = createDataKeyring(undefined);

interface Entry {
  header: BackupEntryHeader;
  frames: Buffer[];
}

const sample: Entry[] = [
  { header: { kind: "manifest", name: "manifest" }, frames: [Buffer.from('{"format":1,"createdAt":"2026-01-01T00:00:00.000Z","database":"sql"}')] },
  { header: { kind: "table", name: "confide_migrations" }, frames: [Buffer.from('{"name":"0001_init.sql"}')] },
  { header: { kind: "table", name: "confide_users" }, frames: [Buffer.from('{"id":"u1"}'), Buffer.from('{"id":"u2","text":"line\\nbreak"}')] },
  { header: { kind: "table", name: "empty" }, frames: [] },
  { header: { kind: "blob", name: "a/b.wav", contentType: "audio/wav", sizeBytes: 300_000 }, frames: [randomBytes(262_144), randomBytes(37_856)] },
];

function write(entries: Entry[], encrypted: boolean): Buffer {
  const writer = createBackupArchiveWriter(encrypted ? { encryptWith: keyring.current! } : {});
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    parts.push(...writer.entry(entry.header));
    for (const frame of entry.frames) parts.push(...writer.data(frame));
    parts.push(...writer.endEntry());
  }
  parts.push(...writer.finish());
  return Buffer.concat(parts);
}

/** The archive's bytes in pieces of `pieceBytes`, as a file or a socket delivers them. */
async function* piecesOf(bytes: Buffer, pieceBytes = 4096): AsyncIterable<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += pieceBytes) yield bytes.subarray(offset, offset + pieceBytes);
}

async function read(bytes: Buffer, ring = keyring): Promise<Entry[]> {
  const entries: Entry[] = [];
  for await (const entry of readBackupArchive(piecesOf(bytes), ring)) {
    const frames: Buffer[] = [];
    for await (const frame of entry.frames) frames.push(Buffer.from(frame));
    entries.push({ header: entry.header, frames });
  }
  return entries;
}

async function refusal(bytes: Buffer, ring = keyring): Promise<ConfideError> {
  try {
    await read(bytes, ring);
  } catch (error) {
    if (ConfideError.is(error)) return error;
    throw error;
  }
  throw new Error("the archive was accepted");
}

describe.each([false, true])("backup archive (encrypted: %s)", (encrypted) => {
  const archive = write(sample, encrypted);

  it("reads back every entry and frame as written", async () => {
    expect(await read(archive)).toEqual(sample);
  });

  it("refuses a flipped byte anywhere: header, frames, checksums, trailer", async () => {
    for (const position of [0, 9, 20, 60, Math.floor(archive.byteLength / 2), archive.byteLength - 40, archive.byteLength - 1]) {
      const damaged = Buffer.from(archive);
      damaged[position]! ^= 0x01;
      const error = await refusal(damaged);
      expect(error.code).toBe("validation.invalid_input");
      expect(error.message).toMatch(/damaged or truncated|not a Confide backup|encrypted with data key/);
    }
  });

  it("refuses a file cut short anywhere, and bytes appended", async () => {
    for (const length of [5, 9, 100, 70_000, archive.byteLength - 33, archive.byteLength - 1]) {
      expect((await refusal(archive.subarray(0, length))).message).toMatch(/damaged or truncated/);
    }
    expect((await refusal(Buffer.concat([archive, Buffer.from([0])]))).message).toMatch(/damaged or truncated/);
  });
});

describe("backup archive keys", () => {
  it("an encrypted archive needs its key: a missing or another key is named, not a damage", async () => {
    const archive = write(sample, true);
    expect((await refusal(archive, noKeys)).message).toMatch(new RegExp(`encrypted with data key ${keyring.current!.id}: set CONFIDE_DATA_KEY`));
    const other = createDataKeyring(randomBytes(32));
    expect((await refusal(archive, other)).message).toMatch(`not with CONFIDE_DATA_KEY (${other.current!.id})`);
    // A previous key still reads it.
    expect(await read(archive, createDataKeyring(randomBytes(32), [key]))).toEqual(sample);
  });

  it("an unencrypted archive reads without a key; something else is not taken for a backup", async () => {
    expect(await read(write(sample, false), noKeys)).toEqual(sample);
    expect((await refusal(Buffer.from("PGDMP not ours"))).message).toMatch(/not a Confide backup/);
  });
});
