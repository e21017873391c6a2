/**
 * `confide backup` and `confide restore` round trips against real processes.
 *
 * Embedded: sessions processed to ready by a running `confide serve` (PGlite, filesystem store,
 * recordings encrypted at rest); `confide backup` asks that server for the snapshot while an
 * upload is half sent; the data directory is wiped and restored; a server on it serves every
 * session, transcript and audio byte as before, and every table (audit events included) is
 * identical row for row. A flipped byte, a truncated file, a wrong or missing key are refused
 * and leave the target empty; the backup route refuses a caller without the server's token.
 *
 * Self-hosted: the same on PostgreSQL (a database created by the test) and a filesystem store,
 * with the API and worker running, restored into another new database and blob folder.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFile, mkdtemp, readdir, rm, stat, writeFile, truncate } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupKeyring, readBackupArchive } from "@confide/adapters-local/platform";
import { login, uploadSession, waitUntilReady, type SeededAccount } from "../support/confide-api-client.ts";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server.ts";
import { runCliOutcome, startCli } from "../support/server-process.ts";
import { startSelfHostedStack, postgresHost, postgresPort, type SelfHostedStack } from "../support/selfhosted-stack.ts";
import { makeToneWav } from "../support/tone-wav.ts";
import { makeDialogueWav, therapyDialogue } from "@confide/contracts/support";

/** The command's JSON report: its output's lines from a lone "{" on (log lines before it are one-line JSON). */
const reportOf = (stdout: string) => JSON.parse(stdout.slice(stdout.search(/^\{$/m))) as Record<string, unknown>;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const dataKey = randomBytes(32).toString("base64");

/** Every table of a backup file: name → its rows (JSON text), sorted. */
async function tablesOf(file: string, env: Record<string, string>): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for await (const entry of readBackupArchive(createReadStream(file), backupKeyring(env))) {
    const rows: string[] = [];
    for await (const frame of entry.frames) rows.push(frame.toString("utf8"));
    if (entry.header.kind === "table") tables[entry.header.name] = rows.sort();
  }
  return tables;
}

/** What a client sees of each session: its detail (transcript included) and its audio's sha256. */
async function sessionsSeen(baseUrl: string, token: string, ids: string[]): Promise<Record<string, { detail: unknown; audio: string }>> {
  const seen: Record<string, { detail: unknown; audio: string }> = {};
  for (const id of ids) {
    const detail = await fetch(`${baseUrl}/v1/sessions/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(detail.status).toBe(200);
    const audio = await fetch(`${baseUrl}/v1/sessions/${id}/audio`, { headers: { authorization: `Bearer ${token}` } });
    expect(audio.status).toBe(200);
    seen[id] = { detail: await detail.json(), audio: sha256(new Uint8Array(await audio.arrayBuffer())) };
  }
  return seen;
}

/**
 * Starts an upload and sends all but its last bytes; `finish()` sends the rest.
 * @returns the response once finished.
 */
function halfSentUpload(baseUrl: string, token: string, patientId: string, audio: Uint8Array) {
  const boundary = `confide-${randomBytes(8).toString("hex")}`;
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    `${field("patientId", patientId)}${field("title", "in flight")}${field("settings", '{"language":"en"}')}--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="s.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const half = Math.floor(audio.byteLength / 2);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let sent!: () => void;
  const halfSent = new Promise<void>((resolve) => (sent = resolve));
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(head);
      controller.enqueue(audio.subarray(0, half));
      sent();
      await released;
      controller.enqueue(audio.subarray(half));
      controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
      controller.close();
    },
  });
  const response = fetch(`${baseUrl}/v1/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: "half",
  } as RequestInit);
  // Awaited by finish(); a test that fails before then must not leave it unhandled.
  response.catch(() => undefined);
  return {
    halfSent: halfSent.then(() => new Promise((resolve) => setTimeout(resolve, 300))),
    async finish() {
      release();
      return response;
    },
  };
}

describe("backup and restore, embedded profile (a running server holds the database)", () => {
  let server: EmbeddedServer;
  let work: string;
  let sessionIds: string[];
  let before: Record<string, { detail: unknown; audio: string }>;
  let env: Record<string, string>;
  let accounts: { therapist: SeededAccount; patient: SeededAccount };
  const backupFile = () => join(work, "confide.backup");

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "confide-backup-"));
    server = await startEmbeddedServer({ CONFIDE_DATA_KEY: dataKey });
    env = { CONFIDE_PROFILE: "embedded", CONFIDE_DATA_DIR: server.dataDir, CONFIDE_PORT: String(server.process.port), CONFIDE_DATA_KEY: dataKey, CONFIDE_LOG_LEVEL: "warn" };
    accounts = server.accounts;
    // Two turns of the dialogue (about 9 s): real speech, so each session has a transcript and
    // notes to carry through the round trip, without PocketSphinx decoding the whole dialogue twice.
    const dialogue = await makeDialogueWav({ directory: join(work, "fixtures"), script: therapyDialogue.slice(0, 2) });
    const audio = new Uint8Array(await readFile(dialogue.monoPath));
    sessionIds = [];
    for (const title of ["first", "second"]) {
      const session = await uploadSession(server.baseUrl, server.tokens.therapist, { patientId: accounts.patient.user.id, title, audio });
      sessionIds.push(session.id);
    }
    await waitUntilReady(server.baseUrl, server.tokens.therapist, sessionIds, 120_000);
    before = await sessionsSeen(server.baseUrl, server.tokens.therapist, sessionIds);
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it("the backup route refuses a caller without the token of the server's data directory", async () => {
    expect((await fetch(`${server.baseUrl}/v1/admin/backup`)).status).toBe(401);
    expect((await fetch(`${server.baseUrl}/v1/admin/backup`, { headers: { authorization: "Bearer not-the-token" } })).status).toBe(401);
    // An admin's access token is not enough either: the caller must be able to read the data directory.
    const admin = await login(server.baseUrl, server.accounts.admin);
    expect((await fetch(`${server.baseUrl}/v1/admin/backup`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(401);
    expect((await stat(join(server.dataDir, "backup-token"))).mode & 0o777).toBe(0o600);
  });

  it("backs up while an upload is half sent, then restores into the wiped directory: every session, audio byte and table row identical", async () => {
    // The sessions have real transcripts to carry through the round trip.
    for (const id of sessionIds) expect((before[id]?.detail as { transcript?: { segments: unknown[] } }).transcript?.segments.length).toBeGreaterThan(0);
    const inFlight = halfSentUpload(server.baseUrl, server.tokens.therapist, accounts.patient.user.id, makeToneWav({ durationMs: 30_000 }));
    await inFlight.halfSent;
    const backup = await runCliOutcome(["backup", "--to", backupFile()], env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(reportOf(backup.stdout)).toMatchObject({ via: "server", recordings: 2, manifest: { database: "sql" } });
    expect((await stat(backupFile())).mode & 0o777).toBe(0o600);
    // The upload ends after the snapshot: its session is wholly out of the backup.
    const late = await inFlight.finish();
    expect(late.status).toBe(201);
    const lateId = ((await late.json()) as { id: string }).id;
    const backedUp = await tablesOf(backupFile(), env);
    expect(backedUp.confide_sessions).toHaveLength(2);
    expect(backedUp.confide_audit_events!.length).toBeGreaterThan(0);
    expect(JSON.stringify(backedUp)).not.toContain(lateId);
    // The archive is encrypted: no transcript text, no session id in the clear.
    expect((await readFile(backupFile())).includes(Buffer.from(sessionIds[0]!))).toBe(false);

    // Wipe, then restore into the empty directory.
    const serverPort = server.process.port;
    await server.process.stop();
    await rm(server.dataDir, { recursive: true, force: true });
    const restored = await runCliOutcome(["restore", "--from", backupFile()], env);
    expect(restored.code, restored.stderr).toBe(0);

    // Every table, row for row, as backed up (audit events, users, tokens included).
    const again = join(work, "again.backup");
    const second = await runCliOutcome(["backup", "--to", again], env);
    expect(second.code, second.stderr).toBe(0);
    expect(reportOf(second.stdout)).toMatchObject({ via: "direct", recordings: 2 });
    expect(await tablesOf(again, env)).toEqual(backedUp);

    const restoredServer = await startCli(["serve"], { ...env, CONFIDE_PORT: String(serverPort), CONFIDE_LOG_LEVEL: "info" }, { timeoutMs: 60_000 });
    try {
      const baseUrl = `http://127.0.0.1:${restoredServer.port}`;
      const token = await login(baseUrl, accounts.therapist);
      expect(await sessionsSeen(baseUrl, token, sessionIds)).toEqual(before);
      const missing = await fetch(`${baseUrl}/v1/sessions/${lateId}`, { headers: { authorization: `Bearer ${token}` } });
      expect(missing.status).toBe(404);
    } finally {
      await restoredServer.stop();
    }
  }, 240_000);

  it("refuses a flipped byte, a truncated file, a wrong or missing key, and a directory that is not empty, leaving it empty", async () => {
    const target = join(work, "target");
    const into = { ...env, CONFIDE_DATA_DIR: target };
    const refused = async (file: string, environment: Record<string, string>, message: RegExp) => {
      await rm(target, { recursive: true, force: true });
      const outcome = await runCliOutcome(["restore", "--from", file], environment);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toMatch(message);
      expect(await readdir(target).catch(() => [])).toEqual([]);
    };
    const original = await readFile(backupFile());

    const flipped = join(work, "flipped.backup");
    const bytes = Buffer.from(original);
    bytes[Math.floor(bytes.byteLength / 2)]! ^= 0x01;
    await writeFile(flipped, bytes);
    await refused(flipped, into, /The backup file is damaged or truncated/);

    const cut = join(work, "cut.backup");
    await writeFile(cut, original);
    await truncate(cut, original.byteLength - 100);
    await refused(cut, into, /The backup file is damaged or truncated/);

    await refused(backupFile(), { ...into, CONFIDE_DATA_KEY: randomBytes(32).toString("base64") }, /encrypted with data key [0-9a-f]{16}, not with CONFIDE_DATA_KEY/);
    const withoutKey = Object.fromEntries(Object.entries(into).filter(([name]) => name !== "CONFIDE_DATA_KEY"));
    await refused(backupFile(), withoutKey, /encrypted with data key [0-9a-f]{16}: set CONFIDE_DATA_KEY/);

    // The unencrypted format is checked too: the same backup made without a key, one byte flipped.
    const plain = join(work, "plain.backup");
    const made = await runCliOutcome(["backup", "--to", plain], withoutKey);
    expect(made.code, made.stderr).toBe(0);
    const plainBytes = await readFile(plain);
    plainBytes[plainBytes.byteLength - 40]! ^= 0x01;
    await writeFile(join(work, "plain-flipped.backup"), plainBytes);
    await refused(join(work, "plain-flipped.backup"), withoutKey, /The backup file is damaged or truncated/);

    const notEmpty = await runCliOutcome(["restore", "--from", backupFile()], env);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/is not empty/);
  }, 120_000);
});

describe("backup and restore, self-hosted profile (PostgreSQL and a filesystem store)", () => {
  let stack: SelfHostedStack;
  let work: string;
  const restoredDatabase = `confide_restored_${randomBytes(6).toString("hex")}`;
  const admin = () => new pg.Client({ connectionString: `postgres://postgres@${postgresHost}:${postgresPort}/test` });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "confide-backup-"));
    stack = await startSelfHostedStack();
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE ${restoredDatabase}`);
    await client.end();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${restoredDatabase} WITH (FORCE)`);
    await client.end();
    await rm(work, { recursive: true, force: true });
  });

  it("backs up while the API serves and an upload is half sent; restored into a new database and folder, everything is identical", async () => {
    const api = await stack.startApi();
    await stack.startWorker();
    const token = await login(api.baseUrl, stack.accounts.therapist);
    const ids: string[] = [];
    for (const index of [0, 1]) {
      const session = await uploadSession(api.baseUrl, token, { patientId: stack.accounts.patient.user.id, title: `pg ${index}`, audio: makeToneWav({ durationMs: 20_000, frequencyHz: 300 + index * 100 }) });
      ids.push(session.id);
    }
    await waitUntilReady(api.baseUrl, token, ids, 90_000);
    const before = await sessionsSeen(api.baseUrl, token, ids);

    const inFlight = halfSentUpload(api.baseUrl, token, stack.accounts.patient.user.id, makeToneWav({ durationMs: 30_000 }));
    await inFlight.halfSent;
    const file = join(work, "pg.backup");
    const backup = await runCliOutcome(["backup", "--to", file], stack.env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(reportOf(backup.stdout)).toMatchObject({ via: "direct", recordings: 2 });
    const late = await inFlight.finish();
    expect(late.status).toBe(201);
    const backedUp = await tablesOf(file, stack.env);
    expect(backedUp.confide_sessions).toHaveLength(2);

    const restoredEnv = {
      ...stack.env,
      CONFIDE_DATABASE_URL: `postgres://postgres@${postgresHost}:${postgresPort}/${restoredDatabase}`,
      CONFIDE_DATA_DIR: join(work, "restored-data"),
    };
    const restored = await runCliOutcome(["restore", "--from", file], restoredEnv);
    expect(restored.code, restored.stderr).toBe(0);
    const again = join(work, "pg-again.backup");
    expect((await runCliOutcome(["backup", "--to", again], restoredEnv)).code).toBe(0);
    expect(await tablesOf(again, restoredEnv)).toEqual(backedUp);

    // A second restore into the same (now full) database is refused, and changes nothing.
    const twice = await runCliOutcome(["restore", "--from", file], restoredEnv);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/not empty/);

    const restoredApi = await stack.startApi(restoredEnv);
    const restoredToken = await login(restoredApi.baseUrl, stack.accounts.therapist);
    expect(await sessionsSeen(restoredApi.baseUrl, restoredToken, ids)).toEqual(before);
  }, 240_000);
});
