import { type BlobStore, ConfideError, type DatabaseSnapshots, type Logger } from "@confide/core/ports";
import type { BackupManifest, DataKeyring } from "@confide/adapters-local/platform";

export interface BackupSources {
  snapshots: DatabaseSnapshots;
  blobs: BlobStore;
  /** `current` encrypts the backup; none: written unencrypted. */
  keyring: DataKeyring;
  logger: Logger;
  now?: () => Date;
}

/** Archive bytes queued ahead of the reader before the writer waits: a few frames, never a recording. */
const queuedBytes = 1024 * 1024;

/**
 * A backup as a stream of archive bytes (backup-archive.ts), produced as fast as it is read:
 * the manifest, every table of one database snapshot, then every recording the snapshot
 * references, read from the blob store after the snapshot's transaction ended (so an embedded
 * database is held only while its rows are copied out). What is in the backup is what the
 * snapshot saw: an upload whose session was committed before it is in with its recording (the
 * recording is stored before the session), one committed after is not in at all.
 *
 * The stream errors (and the archive has no trailer, so no reader accepts it) when the database
 * or a store fails, or when a recording the snapshot references is gone by the time it is copied
 * (its session was erased, or its audio removed by retention, meanwhile): a backup is whole or
 * it is refused.
 */
export async function createBackupStream(sources: BackupSources): Promise<ReadableStream<Uint8Array>> {
  const { createBackupArchiveWriter, blobFrameBytes } = await import("@confide/adapters-local/platform");
  const dataKey = sources.keyring.current;
  const writer = createBackupArchiveWriter(dataKey === undefined ? {} : { encryptWith: dataKey });
  const pipe = new TransformStream<Uint8Array, Uint8Array>(undefined, { highWaterMark: 1 }, { highWaterMark: queuedBytes, size: (chunk) => chunk.byteLength });
  const output = pipe.writable.getWriter();
  const send = async (parts: Uint8Array[]) => {
    for (const part of parts) {
      await output.ready;
      await output.write(part);
    }
  };

  const produce = async () => {
    const manifest: BackupManifest = {
      format: 1,
      createdAt: (sources.now?.() ?? new Date()).toISOString(),
      database: "",
      ...(dataKey === undefined ? {} : { keyId: dataKey.id }),
    };
    const blobKeys = await sources.snapshots.read(async (snapshot) => {
      manifest.database = snapshot.kind;
      await send(writer.entry({ kind: "manifest", name: "manifest" }));
      await send(writer.data(Buffer.from(JSON.stringify(manifest))));
      await send(writer.endEntry());
      for await (const table of snapshot.tables()) {
        await send(writer.entry({ kind: "table", name: table.name }));
        for await (const row of table.rows) await send(writer.data(Buffer.from(row)));
        await send(writer.endEntry());
      }
      const keys: string[] = [];
      for await (const key of snapshot.blobKeys()) keys.push(key);
      return keys;
    });
    for (const key of blobKeys) {
      let read;
      try {
        read = await sources.blobs.get(key);
      } catch (error) {
        if (!ConfideError.is(error, "blob.not_found")) throw error;
        throw new ConfideError(
          "dependency.unavailable",
          `The recording ${key} was deleted after the backup's database snapshot was taken (its session was erased, or its audio removed by the retention policy, meanwhile); the backup is not complete: run it again.`,
          { cause: error, details: { reason: "deleted_during_backup", key } },
        );
      }
      await send(writer.entry({ kind: "blob", name: key, contentType: read.contentType, sizeBytes: read.sizeBytes }));
      for await (const chunk of read.body) {
        for (let offset = 0; offset < chunk.byteLength; offset += blobFrameBytes) {
          await send(writer.data(chunk.subarray(offset, Math.min(chunk.byteLength, offset + blobFrameBytes))));
        }
      }
      await send(writer.endEntry());
    }
    await send(writer.finish());
    sources.logger.info("backup written", { recordings: blobKeys.length, encrypted: dataKey !== undefined });
  };

  produce().then(
    () => output.close(),
    (error: unknown) => {
      sources.logger.error("backup failed", { error });
      return output.abort(error);
    },
  ).catch(() => undefined); // the reader went away: it sees its own cancellation
  return pipe.readable;
}
