/**
 * The embedded server (`confide serve`: PGlite, in-process queue, PocketSphinx) is stopped
 * while sessions are in flight — by Ctrl-C in its terminal (SIGINT to its whole process group)
 * or by `kill -9` — and started again on the same data directory. Every session must reach
 * `ready`: the recovery sweep takes each one over and its job finishes it, and an engine stopped
 * by the shutdown is an interruption, not a failed attempt.
 */
import { cp, readdir, readFile, mkdtemp, rm, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPgliteRepositories } from "@confide/adapters-local/providers";
import { getSession, login, recordTestConsent, uploadSession, waitFor, waitUntilReady, type SeededAccount } from "../support/confide-api-client.ts";
import { makeDialogueWav, therapyDialogue, type DialogueAudio } from "@confide/contracts/support";
import { logEntries } from "../support/process-log.ts";
import { runCli, startCli, type ConfideProcess } from "../support/server-process.ts";

type Server = ConfideProcess & { port: number };

const leaseMs = 3_000;
let root: string;
let longDialogue: DialogueAudio;
let mediumDialogue: DialogueAudio;
let shortDialogue: DialogueAudio;
/** A seeded data directory that each test's deployment starts from a copy of. */
let seededDir: string;
let seeded: { accounts: SeededAccount[] };
const running: Server[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "confide-interrupted-"));
  seededDir = join(root, "seeded");
  let seedOutput: string;
  [longDialogue, mediumDialogue, shortDialogue, seedOutput] = await Promise.all([
    // About 35 s of speech, 8 turns: PocketSphinx needs seconds for it (10 s and more on a 2-core
    // machine), long enough to be caught at work, and a transcript of more than 5 segments.
    makeDialogueWav({ directory: join(root, "audio"), name: "long", script: therapyDialogue }),
    // About 21 s, 4 turns: still seconds of PocketSphinx work (5 s and more on a 2-core machine),
    // long enough for two engines to be caught at work side by side.
    makeDialogueWav({ directory: join(root, "audio"), name: "medium", script: therapyDialogue.slice(0, 4) }),
    makeDialogueWav({ directory: join(root, "audio"), name: "short", script: therapyDialogue.slice(0, 2) }),
    // Seeded once: a new database takes seconds of CPU to make, the same for every deployment.
    runCli(["seed"], { CONFIDE_PROFILE: "embedded", CONFIDE_DATA_DIR: seededDir, CONFIDE_PASSWORD_COST: "1024" }),
  ]);
  seeded = JSON.parse(seedOutput) as { accounts: SeededAccount[] };
}, 120_000);

afterEach(async (context) => {
  const servers = running.splice(0);
  // A failed test shows what each server said: a crash's stack trace, its last log lines.
  if (context.task.result?.state === "fail") {
    for (const [index, server] of servers.entries()) {
      const code = server.child.exitCode ?? server.child.signalCode ?? "running";
      console.error(`server ${index + 1} (${code})\nstderr:\n${server.stderr()}\nlast log lines:\n${server.lines.slice(-30).join("\n")}`);
    }
  }
  for (const server of servers) await server.stop("SIGKILL");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh embedded deployment: its data directory (a copy of the seeded one), its seeded accounts, its environment. */
async function deployment(name: string, options: { concurrency: number }) {
  const dataDir = join(root, name);
  await cp(seededDir, dataDir, { recursive: true });
  const workDir = join(dataDir, "tmp");
  await mkdir(workDir, { recursive: true });
  const env = {
    CONFIDE_PROFILE: "embedded",
    CONFIDE_DATA_DIR: dataDir,
    CONFIDE_PORT: "0",
    CONFIDE_PASSWORD_COST: "1024",
    CONFIDE_LOG_LEVEL: "info",
    CONFIDE_LEASE_MS: String(leaseMs),
    CONFIDE_SHUTDOWN_TIMEOUT_MS: "500",
    CONFIDE_WORKER_CONCURRENCY: String(options.concurrency),
    TMPDIR: workDir,
  };
  const byRole = (role: string) => seeded.accounts.find((account) => account.user.role === role) as SeededAccount;
  return { dataDir, workDir, env, therapist: byRole("therapist"), patient: byRole("patient") };
}

async function serve(env: Record<string, string>, options: { detached?: boolean } = {}): Promise<Server> {
  const server = await startCli(["serve"], env, { timeoutMs: 60_000, ...options });
  running.push(server);
  return server;
}

const baseOf = (server: Server) => `http://127.0.0.1:${server.port}`;

/** Names (`comm`, at most 15 characters) of the live child processes of `parentPid`, from /proc. */
async function childProcessNames(parentPid: number): Promise<Array<{ pid: number; name: string }>> {
  const children: Array<{ pid: number; name: string }> = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const close = stat.lastIndexOf(")");
    if (close === -1) continue;
    const name = stat.slice(stat.indexOf("(") + 1, close);
    const [state, parent] = stat.slice(close + 2).split(" ");
    if (Number(parent) === parentPid && state !== "Z") children.push({ pid: Number(entry), name });
  }
  return children;
}

/** Waits until the server runs PocketSphinx (the engine, not the conversion before it). */
function untilEngineRuns(server: Server): Promise<number> {
  return waitFor(
    async () => (await childProcessNames(server.child.pid as number)).find((child) => child.name.startsWith("pocketsphinx"))?.pid,
    { timeoutMs: 60_000, intervalMs: 100, describe: () => "the server never started PocketSphinx" },
  );
}

const audioOf = async (path: string) => new Uint8Array(await readFile(path));

describe("the embedded server stopped with sessions in flight", () => {
  it("finishes a session whose transcription was interrupted by Ctrl-C (SIGINT to the process group)", async () => {
    const site = await deployment("ctrl-c", { concurrency: 1 });
    // As a shell runs a foreground command: the server leads its own process group.
    const first = await serve(site.env, { detached: true });
    const token = await login(baseOf(first), site.therapist);
    await recordTestConsent(baseOf(first), token, site.patient.user.id);
    const session = await uploadSession(baseOf(first), token, {
      patientId: site.patient.user.id,
      title: "Interrupted by Ctrl-C",
      audio: await audioOf(longDialogue.monoPath),
    });
    await untilEngineRuns(first);
    expect((await getSession(baseOf(first), token, session.id)).status).toBe("transcribing");

    // Ctrl-C: the terminal signals every process of the foreground group.
    process.kill(-(first.child.pid as number), "SIGINT");
    expect(await first.exited).toBe(0);

    const second = await serve(site.env);
    const again = await login(baseOf(second), site.therapist);
    const [ready] = await waitUntilReady(baseOf(second), again, [session.id], 120_000);

    expect(ready?.transcript?.revision).toBe(1);
    expect(ready?.transcript?.segments.length).toBeGreaterThan(5);
    expect(ready?.sentiment?.segments.length).toBeGreaterThan(0);
    // The interruption was not counted as a failed attempt.
    expect(ready?.processing).toMatchObject({ attempts: 0, lastError: null });
    expect(logEntries([second]).filter((line) => line.message === "session.recovered").map((line) => line.sessionId)).toEqual([
      session.id,
    ]);
  }, 300_000);

  it("finishes sessions killed with kill -9 in every in-flight status: uploaded, queued, transcribing, analyzing", async () => {
    const site = await deployment("kill-9", { concurrency: 2 });
    const first = await serve(site.env);
    const base = baseOf(first);
    const token = await login(base, site.therapist);
    await recordTestConsent(base, token, site.patient.user.id);
    const upload = async (title: string, path: string) =>
      uploadSession(base, token, { patientId: site.patient.user.id, title, audio: await audioOf(path) });

    const analyzing = await upload("Killed while analyzing", shortDialogue.monoPath);
    const [analysed] = await waitUntilReady(base, token, [analyzing.id], 120_000);
    // Two worker slots (the default): the longer ones transcribe, the two after them wait in the queue.
    const transcribing = await upload("Killed while transcribing", mediumDialogue.monoPath);
    const alsoTranscribing = await upload("Killed while also transcribing", mediumDialogue.monoPath);
    const uploaded = await upload("Killed while uploaded", shortDialogue.monoPath);
    const queued = await upload("Killed while queued", shortDialogue.monoPath);
    await waitFor(
      async () => ((await childProcessNames(first.child.pid as number)).filter((child) => child.name.startsWith("pocketsphinx")).length === 2 ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 100, describe: () => "the server never ran two PocketSphinx engines" },
    );
    const engines = (await childProcessNames(first.child.pid as number)).filter((child) => child.name.startsWith("pocketsphinx"));
    expect((await getSession(base, token, transcribing.id)).status).toBe("transcribing");
    expect((await getSession(base, token, alsoTranscribing.id)).status).toBe("transcribing");

    await first.stop("SIGKILL");
    // The engines run in their own process group, so they outlive a kill -9 of their host, as
    // any child process does; they are ended here so that they do not compete with the restart.
    for (const engine of engines) process.kill(engine.pid, "SIGKILL");
    // The killed server's converted audio is left behind (as large as the recordings).
    const killedPid = first.child.pid as number;
    const leftBehind = async () =>
      (await readdir(site.workDir)).filter((name) => new RegExp(`^confide-pocketsphinx-.+-${killedPid}-`).test(name));
    expect(await leftBehind()).toHaveLength(2);

    // `uploaded` (between the upload's create and its queued write) and `analyzing` (VADER runs
    // in milliseconds) are too short to be caught by a kill: the stored state the process
    // would leave there is written into the stopped server's database instead.
    const repositories = await createPgliteRepositories({ dataDir: join(site.dataDir, "db") });
    try {
      const wasQueued = await repositories.sessions.get(uploaded.id);
      const wasReady = await repositories.sessions.get(analyzing.id);
      if (!wasQueued || !wasReady) throw new Error("the sessions are missing from the database");
      expect(wasQueued.status).toBe("queued");
      await repositories.sessions.update({ ...wasQueued, status: "uploaded" }, wasQueued.version);
      await repositories.sessions.update(
        { ...wasReady, status: "analyzing", sentiment: null, processing: { ...wasReady.processing, notifiedAt: null } },
        wasReady.version,
      );
    } finally {
      await repositories.close();
    }

    // Restarted with a slot for every session, so that each recovery job starts the moment the
    // sweep enqueues it, while the sweep is still busy with that session.
    const second = await serve({ ...site.env, CONFIDE_WORKER_CONCURRENCY: "5" });
    await waitFor(async () => ((await leftBehind()).length === 0 ? true : undefined), {
      timeoutMs: 30_000,
      describe: () => "the restarted server left the killed one's work directories in place",
    });
    const again = await login(baseOf(second), site.therapist);
    const ids = [uploaded.id, queued.id, transcribing.id, alsoTranscribing.id, analyzing.id];
    const ready = await waitUntilReady(baseOf(second), again, ids, 240_000);

    for (const session of ready) {
      expect(session.transcript?.revision).toBe(1);
      expect(session.sentiment?.segments.length).toBeGreaterThan(0);
    }
    // The session killed while analysing kept its transcript: only the analysis ran again.
    expect(ready[4]?.transcript?.segments).toEqual(analysed?.transcript?.segments);
    const recovered = logEntries([second])
      .filter((line) => line.message === "session.recovered")
      .map((line) => String(line.sessionId));
    expect(new Set(recovered)).toEqual(new Set(ids));
  }, 480_000);
});
