import { type BlobStore, ConfideError, type DatabaseSnapshots, type SnapshotTable } from "@confide/core/ports";
import type { BackupEntry, BackupManifest, DataKeyring } from "@confide/adapters-local/platform";

/** What a backup holds, as its verification counted it. */
export interface BackupSummary {
  manifest: BackupManifest;
  tables: Record<string, number>;
  recordings: number;
  recordingBytes: number;
}

/** Opens the backup's bytes from the start (a restore reads it twice: verify, then restore). */
export type OpenBackup = () => AsyncIterable<Uint8Array>;

async function* entriesAfterManifest(open: OpenBackup, keyring: DataKeyring): AsyncGenerator<BackupEntry | BackupManifest> {
  const { readBackupArchive, readManifest } = await import("@confide/adapters-local/platform");
  let first = true;
  for await (const entry of readBackupArchive(open(), keyring)) {
    if (first) {
      first = false;
      yield await readManifest(entry);
    } else yield entry;
  }
}

/**
 * Reads a whole backup and checks every entry's checksum, the file's, and (encrypted) every
 * chunk's authentication, keeping nothing.
 * @returns what it holds.
 * @throws ConfideError `validation.invalid_input` (details.reason `corrupt`, `not_a_backup`,
 * `wrong_data_key`, `unknown_format`) at the first thing that does not verify.
 */
export async function verifyBackup(open: OpenBackup, keyring: DataKeyring): Promise<BackupSummary> {
  const summary: BackupSummary = { manifest: undefined as unknown as BackupManifest, tables: {}, recordings: 0, recordingBytes: 0 };
  for await (const item of entriesAfterManifest(open, keyring)) {
    if (!("header" in item)) {
      summary.manifest = item;
      continue;
    }
    let count = 0;
    let bytes = 0;
    for await (const frame of item.frames) {
      count += 1;
      bytes += frame.byteLength;
    }
    if (item.header.kind === "table") summary.tables[item.header.name] = count;
    else if (item.header.kind === "blob") {
      if (bytes !== item.header.sizeBytes) throw damagedBlob(item.header.name, bytes, item.header.sizeBytes);
      summary.recordings += 1;
      summary.recordingBytes += bytes;
    }
  }
  return summary;
}

function damagedBlob(key: string, bytes: number, sizeBytes: number): ConfideError {
  return new ConfideError("validation.invalid_input", `The backup's recording ${key} has ${bytes} bytes where ${sizeBytes} were backed up.`, {
    details: { reason: "corrupt" },
  });
}

export interface RestoreTarget {
  snapshots: DatabaseSnapshots;
  blobs: BlobStore;
  keyring: DataKeyring;
}

/**
 * Restores a backup into an empty database and blob store: first verifies all of it
 * (verifyBackup; `verified`: the caller just did) and that the target is empty, then, in the database's one restore transaction,
 * inserts every table's rows and stores every recording; the transaction commits only after the
 * last recording is stored. On any failure the transaction rolls back and the recordings stored
 * so far are deleted: the target is left as empty as it was.
 * @returns what was restored.
 * @throws ConfideError `validation.invalid_input` for a backup that does not verify, or a target
 * that is not empty (details.reason `target_not_empty`); what the database or store threw.
 */
export async function restoreBackup(open: OpenBackup, target: RestoreTarget, verified?: BackupSummary): Promise<BackupSummary> {
  const summary = verified ?? (await verifyBackup(open, target.keyring));
  if (!(await target.snapshots.isEmpty())) {
    throw new ConfideError("validation.invalid_input", "The database is not empty: a backup is restored only into an empty database (a new data directory, database or schema).", {
      details: { reason: "target_not_empty" },
    });
  }
  const stored: string[] = [];
  try {
    const entries = entriesAfterManifest(open, target.keyring);
    const manifest = (await entries.next()).value as BackupManifest;
    const tables = async function* (): AsyncIterable<SnapshotTable> {
      for await (const item of entries) {
        const entry = item as BackupEntry;
        if (entry.header.kind === "table") {
          yield { name: entry.header.name, rows: rowsOf(entry.frames) };
        } else if (entry.header.kind === "blob") {
          const { name: key, contentType } = entry.header;
          if ((await target.blobs.head(key)) !== null) {
            throw new ConfideError("validation.invalid_input", `The blob store already holds ${key}: a backup is restored only into an empty store.`, {
              details: { reason: "target_not_empty", key },
            });
          }
          stored.push(key);
          await target.blobs.put(key, ReadableStream.from(entry.frames), { contentType });
        }
      }
    };
    await target.snapshots.restore(manifest.database, tables());
  } catch (error) {
    for (const key of stored) await target.blobs.delete(key);
    throw error;
  }
  return summary;
}

async function* rowsOf(frames: AsyncIterable<Buffer>): AsyncIterable<string> {
  for await (const frame of frames) yield frame.toString("utf8");
}
