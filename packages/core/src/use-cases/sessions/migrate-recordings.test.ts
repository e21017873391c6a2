import { describe, expect, it } from "vitest";
import { createInMemoryBlobStore } from "../../testing/in-memory-blob-store.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { byteStream } from "../../testing/byte-stream.ts";
import { migrateRecordings } from "./migrate-recordings.ts";
import { storeSession } from "./session-fixture.test-support.ts";

async function bytesOf(store: ReturnType<typeof createInMemoryBlobStore>, key: string): Promise<Uint8Array> {
  const read = await store.get(key);
  return new Uint8Array(await new Response(read.body).arrayBuffer());
}

describe("migrateRecordings", () => {
  it("copies every session's recording, verified, and a second run copies nothing", async () => {
    const deps = createTestDeps();
    const sessions = [];
    for (let index = 0; index < 3; index += 1) {
      sessions.push(await storeSession(deps, { audioBytes: Uint8Array.from({ length: 5_000 + index }, (_, byte) => (byte * (index + 3)) % 251) }));
    }
    const to = createInMemoryBlobStore();

    const first = await migrateRecordings({ sessions: deps.sessions, from: deps.blobs, to });
    expect(first).toMatchObject({ sessions: 3, copied: 3, alreadyPresent: 0, missing: 0, checksumMismatch: 0, bytesCopied: 15_003, problems: [] });
    for (const session of sessions) {
      expect(await bytesOf(to, session.audio.blobKey)).toEqual(await bytesOf(deps.blobs, session.audio.blobKey));
      expect((await to.head(session.audio.blobKey))?.contentType).toBe("audio/wav");
    }

    const again = await migrateRecordings({ sessions: deps.sessions, from: deps.blobs, to });
    expect(again).toMatchObject({ sessions: 3, copied: 0, alreadyPresent: 3, bytesCopied: 0 });
  });

  it("reports a recording missing from the source, and one whose bytes are not the uploaded ones, leaving nothing of it at the destination", async () => {
    const deps = createTestDeps();
    const gone = await storeSession(deps);
    const corrupted = await storeSession(deps);
    const fine = await storeSession(deps);
    await deps.blobs.delete(gone.audio.blobKey);
    await deps.blobs.put(corrupted.audio.blobKey, byteStream(new Uint8Array(1_000).fill(7)), { contentType: "audio/wav" });
    const to = createInMemoryBlobStore();

    const report = await migrateRecordings({ sessions: deps.sessions, from: deps.blobs, to });

    expect(report).toMatchObject({ sessions: 3, copied: 1, missing: 1, checksumMismatch: 1 });
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { sessionId: gone.id, blobKey: gone.audio.blobKey, outcome: "missing" },
        { sessionId: corrupted.id, blobKey: corrupted.audio.blobKey, outcome: "checksum-mismatch" },
      ]),
    );
    expect(await to.head(corrupted.audio.blobKey)).toBeNull();
    expect(await to.head(fine.audio.blobKey)).not.toBeNull();
  });

  it("copies again a destination object whose bytes differ from the upload's (a copy an earlier tool left wrong)", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps);
    const to = createInMemoryBlobStore();
    await to.put(session.audio.blobKey, byteStream(new Uint8Array(session.audio.sizeBytes).fill(1)), { contentType: "audio/wav" });

    const report = await migrateRecordings({ sessions: deps.sessions, from: deps.blobs, to });

    expect(report).toMatchObject({ copied: 1, alreadyPresent: 0 });
    expect(await bytesOf(to, session.audio.blobKey)).toEqual(await bytesOf(deps.blobs, session.audio.blobKey));
  });
});
