import { randomBytes } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { createPgliteRepositories, type SqlRepositories } from "@confide/adapters-local/providers";
import { buildAuditEvent, buildSession, buildUser } from "@confide/contracts";
import { type BlobStore, ConfideError } from "@confide/core/ports";
import { createInMemoryBlobStore, createRecordingLogger } from "@confide/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupKeyring } from "@confide/adapters-local/platform";
import { createBackupStream } from "./backup-stream.ts";
import { restoreBackup } from "./restore-backup.ts";

const keyring = backupKeyring({ CONFIDE_DATA_KEY: randomBytes(32).toString("hex") });
const logger = createRecordingLogger();
const instances: PGlite[] = [];

async function emptyDatabase(): Promise<SqlRepositories> {
  const { PGlite: PGliteClass } = await import("@electric-sql/pglite");
  const instance = await PGliteClass.create();
  instances.push(instance);
  return createPgliteRepositories({ instance });
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

/** A file's worth of archive bytes, read again from the start on each call. */
const reopen = (bytes: Buffer) => async function* () {
  for (let offset = 0; offset < bytes.byteLength; offset += 10_000) yield bytes.subarray(offset, offset + 10_000);
};

describe("backup stream and restore (PGlite, blobs in memory)", () => {
  let source: SqlRepositories;
  const blobs = createInMemoryBlobStore();
  const audio = randomBytes(700_000);
  let blobKey: string;

  beforeAll(async () => {
    source = await emptyDatabase();
    await source.prepare();
    await source.users.create(buildUser({ id: "therapist-1", email: "t@example.org", role: "therapist" }));
    const session = buildSession({ id: "session-1", therapistId: "therapist-1" });
    blobKey = session.audio.blobKey;
    await blobs.put(blobKey, new Blob([audio]).stream(), { contentType: "audio/wav" });
    await source.sessions.create(session);
    await source.audit.record(buildAuditEvent({ id: "audit-1", sessionId: "session-1" }));
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) await instance.close();
  });

  it("restores the database and the recording from the streamed backup", async () => {
    const backup = await bytesOf(await createBackupStream({ snapshots: source.snapshots, blobs, keyring, logger }));
    const target = await emptyDatabase();
    const targetBlobs = createInMemoryBlobStore();
    const summary = await restoreBackup(reopen(backup), { snapshots: target.snapshots, blobs: targetBlobs, keyring });
    expect(summary).toMatchObject({ recordings: 1, recordingBytes: audio.byteLength, manifest: { database: "sql", keyId: keyring.current!.id } });
    expect(summary.tables).toMatchObject({ confide_sessions: 1, confide_users: 1, confide_audit_events: 1 });
    expect(await target.sessions.get("session-1")).toEqual(await source.sessions.get("session-1"));
    expect((await target.audit.list({ limit: 10 })).items.map((event) => event.id)).toEqual(["audit-1"]);
    const restored = await targetBlobs.get(blobKey);
    expect(Buffer.from(await new Response(restored.body).arrayBuffer()).equals(audio)).toBe(true);
  }, 60_000);

  it("fails, without a trailer, when a recording the snapshot references was erased before it was copied", async () => {
    // The session was erased between the snapshot and the copy of its recording.
    const erased: BlobStore = {
      ...blobs,
      get: async (key) => {
        throw new ConfideError("blob.not_found", `No blob at ${key}.`);
      },
    };
    const stream = await createBackupStream({ snapshots: source.snapshots, blobs: erased, keyring, logger });
    await expect(bytesOf(stream)).rejects.toThrow(/was deleted after the backup's database snapshot was taken .* run it again/);
  }, 60_000);

  it("leaves the target empty when storing a recording fails: the rows roll back, stored recordings are deleted", async () => {
    const backup = await bytesOf(await createBackupStream({ snapshots: source.snapshots, blobs, keyring, logger }));
    const target = await emptyDatabase();
    const targetBlobs = createInMemoryBlobStore();
    const failing: BlobStore = {
      ...targetBlobs,
      head: (key) => targetBlobs.head(key),
      delete: (key) => targetBlobs.delete(key),
      async put(key, body, options) {
        await targetBlobs.put(key, body, options);
        throw new ConfideError("dependency.unavailable", "disk full");
      },
    };
    await expect(restoreBackup(reopen(backup), { snapshots: target.snapshots, blobs: failing, keyring })).rejects.toThrow("disk full");
    expect(await target.snapshots.isEmpty()).toBe(true);
    expect(targetBlobs.keys()).toEqual([]);
  }, 60_000);
});
