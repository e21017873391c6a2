/**
 * `confide retention` against a real embedded data directory (PGlite under `<dir>/db`, the
 * filesystem blob store under `<dir>/blobs`): the dry run lists what would go and why and
 * deletes nothing; without --yes nothing runs; with --yes one sweep deletes what is due and
 * spares what a legal hold covers; while another process holds the database, it refuses and
 * says how to ask the running server instead. Then `confide serve` (the embedded profile runs
 * the worker) sweeps on its own at start.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFilesystemBlobStore, createPgliteRepositories } from "@confide/adapters-local/providers";
import { buildSession, buildLegalHold } from "@confide/contracts";
import type { Session } from "@confide/core/ports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliOutcome, startCli } from "../support/server-process.ts";

const dayMs = 24 * 3600_000;
let dataDir: string;
let env: Record<string, string>;
const audioDue = { id: "session-audio-due" } as Session;
const sessionDue = { id: "session-whole-due" } as Session;
const failedDue = { id: "session-failed-due" } as Session;
const held = { id: "session-held" } as Session;
const recent = { id: "session-recent" } as Session;

/** The embedded stores of the data directory, opened in this process (which then holds its lock). */
async function openStores() {
  return {
    repositories: await createPgliteRepositories({ dataDir: join(dataDir, "db") }),
    blobs: createFilesystemBlobStore({ root: join(dataDir, "blobs") }),
  };
}

/** One instant for every session built, so two finalized the same number of days ago tie (and list by id) instead of a millisecond apart. */
const now = Date.now();

function finalizedDaysAgo(id: string, days: number, patientId = "patient-retention"): Session {
  const session = buildSession({ id, patientId, status: "finalized", audio: { ...buildSession().audio, blobKey: `sessions/${id}/audio.wav` } });
  return { ...session, review: { ...session.review, finalizedAt: new Date(now - days * dayMs), finalizedBy: session.therapistId } };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "confide-retention-"));
  env = {
    CONFIDE_DATA_DIR: dataDir,
    CONFIDE_RETENTION_AUDIO_DAYS: "30",
    CONFIDE_RETENTION_SESSION_DAYS: "365",
    CONFIDE_RETENTION_FAILED_DAYS: "7",
    CONFIDE_LOG_LEVEL: "error",
  };
  const { repositories, blobs } = await openStores();
  try {
    await repositories.prepare();
    const failed = buildSession({ id: failedDue.id, status: "failed", updatedAt: new Date(now - 10 * dayMs), audio: { ...buildSession().audio, blobKey: `sessions/${failedDue.id}/audio.wav` } });
    const sessions = [
      finalizedDaysAgo(audioDue.id, 40),
      finalizedDaysAgo(sessionDue.id, 400),
      failed,
      finalizedDaysAgo(held.id, 400, "patient-held"),
      finalizedDaysAgo(recent.id, 2),
    ];
    for (const session of sessions) {
      await repositories.sessions.create(session);
      await blobs.put(session.audio.blobKey, new Blob([`recording of ${session.id}`]).stream(), { contentType: "audio/wav" });
    }
    await repositories.holds.create(buildLegalHold({ patientId: "patient-held", reason: "Court order 2026-9" }));
  } finally {
    await repositories.close();
  }
}, 60_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("confide retention on an embedded data directory", () => {
  it("--dry-run lists each session due, its rule and date, the held one flagged, and deletes nothing", async () => {
    const outcome = await runCliOutcome(["retention", "--dry-run"], env);

    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.trim().split("\n");
    expect(lines.filter((line) => line.startsWith("session-"))).toEqual([
      expect.stringMatching(new RegExp(`^${held.id}  rule=session  deletes=session  finalized \\S+  held \\(legal hold hold-`)),
      expect.stringMatching(new RegExp(`^${sessionDue.id}  rule=session  deletes=session  finalized \\S+  would be deleted$`)),
      expect.stringMatching(new RegExp(`^${failedDue.id}  rule=failed  deletes=session  failed \\S+  would be deleted$`)),
      expect.stringMatching(new RegExp(`^${held.id}  rule=audio  deletes=recording  finalized \\S+  held`)),
      expect.stringMatching(new RegExp(`^${sessionDue.id}  rule=audio  deletes=recording  finalized \\S+  would be deleted$`)),
      expect.stringMatching(new RegExp(`^${audioDue.id}  rule=audio  deletes=recording  finalized \\S+  would be deleted$`)),
    ]);
    expect(lines.at(-1)).toBe("4 would be deleted, 2 held by a legal hold (dry run: nothing deleted)");
    const { repositories, blobs } = await openStores();
    try {
      for (const session of [audioDue, sessionDue, failedDue, held, recent]) {
        const stored = await repositories.sessions.get(session.id);
        expect(stored?.audio.removed).toBeUndefined();
        expect(await blobs.head(stored?.audio.blobKey ?? "")).not.toBeNull();
      }
    } finally {
      await repositories.close();
    }
  }, 60_000);

  it("refuses to delete without --yes, exit 2, and while another process holds the database names the lock and the admin route", async () => {
    const unconfirmed = await runCliOutcome(["retention"], env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("Deleting cannot be undone: add --yes to run the retention sweep now, or --dry-run");

    const { repositories } = await openStores();
    try {
      const locked = await runCliOutcome(["retention", "--dry-run"], env);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain(`The embedded database ${join(dataDir, "db")} is in use by process ${process.pid}`);
      expect(locked.stderr).toContain("GET /v1/admin/retention (dry run) or POST /v1/admin/retention/sweep");
    } finally {
      await repositories.close();
    }
  }, 60_000);

  it("--yes deletes what is due, by each rule, keeps the held and the recent, and audits each deletion", async () => {
    const outcome = await runCliOutcome(["retention", "--yes"], env);

    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
    expect(outcome.stdout.trim().split("\n").at(-1)).toBe("3 deleted, 0 changed meanwhile, 0 failed, 2 held by a legal hold");
    const { repositories, blobs } = await openStores();
    try {
      expect(await repositories.sessions.get(sessionDue.id)).toBeNull();
      expect(await repositories.sessions.get(failedDue.id)).toBeNull();
      const audioGone = await repositories.sessions.get(audioDue.id);
      expect(audioGone?.audio.removed?.rule).toBe("audio");
      expect(audioGone?.transcript?.segments.length).toBeGreaterThan(0);
      expect(await blobs.head(`sessions/${audioDue.id}/audio.wav`)).toBeNull();
      expect(await blobs.head(`sessions/${sessionDue.id}/audio.wav`)).toBeNull();
      expect((await repositories.sessions.get(held.id))?.audio.removed).toBeUndefined();
      expect(await blobs.head(`sessions/${held.id}/audio.wav`)).not.toBeNull();
      expect((await repositories.sessions.get(recent.id))?.audio.removed).toBeUndefined();
      const audited = [];
      for (const session of [audioDue, sessionDue, failedDue]) {
        const events = (await repositories.audit.list({ sessionId: session.id, limit: 10 })).items;
        audited.push(events.map((event) => [event.action, event.actorId, event.detail?.rule]));
      }
      expect(audited).toEqual([
        [["session.audio.delete", "system:retention", "audio"]],
        [["session.delete", "system:retention", "session"]],
        [["session.delete", "system:retention", "failed"]],
      ]);
    } finally {
      await repositories.close();
    }

    const again = await runCliOutcome(["retention", "--yes"], env);
    expect(again.stdout.trim().split("\n").at(-1)).toBe("0 deleted, 0 changed meanwhile, 0 failed, 2 held by a legal hold");
  }, 90_000);

  it("the server's worker sweeps at start: a failed session past its rule is erased without anyone asking", async () => {
    const lateFailure = buildSession({
      id: "session-failed-later",
      status: "failed",
      updatedAt: new Date(Date.now() - 8 * dayMs),
      audio: { ...buildSession().audio, blobKey: "sessions/session-failed-later/audio.wav" },
    });
    const stores = await openStores();
    try {
      await stores.repositories.sessions.create(lateFailure);
      await stores.blobs.put(lateFailure.audio.blobKey, new Blob(["a failed recording"]).stream(), { contentType: "audio/wav" });
    } finally {
      await stores.repositories.close();
    }

    const server = await startCli(["serve"], { ...env, CONFIDE_PORT: "0", CONFIDE_LOG_LEVEL: "info" }, { timeoutMs: 60_000 });
    try {
      const deadline = Date.now() + 30_000;
      const swept = () => server.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.message === "retention sweep");
      while (swept() === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(swept()).toMatchObject({ deleted: 1, failed: 0, held: 2 });
    } finally {
      await server.stop();
    }
    const { repositories, blobs } = await openStores();
    try {
      expect(await repositories.sessions.get(lateFailure.id)).toBeNull();
      expect(await blobs.head(lateFailure.audio.blobKey)).toBeNull();
      expect((await repositories.audit.list({ sessionId: lateFailure.id, limit: 10 })).items.map((event) => event.detail?.rule)).toEqual(["failed"]);
    } finally {
      await repositories.close();
    }
  }, 120_000);
});
