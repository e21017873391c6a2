/**
 * Benchmark: what open event streams (`GET /v1/sessions/:id/events`) cost one API process.
 *
 *   node --conditions=source bench/event-streams.ts [--profiles embedded,selfhosted]
 *        [--streams 1000] [--changes-per-second 50] [--measure-s 10] [--settle-s 3]
 *        [--label before] [--save figures.json] [--baseline figures.json]
 *
 * For each profile: one API process (bench/event-streams-process.ts: Confide's own composition
 * root from CONFIDE_* variables, the HTTP API without a worker, the session and user
 * repositories wrapped in call counters) with `--streams` streams open on it, each following
 * one session in processing, 5 per therapist (the per-user cap: 1,000 streams are 200
 * therapists). Measured over `--measure-s` seconds, after `--settle-s` seconds of quiet:
 * (a) idle: nothing changes; (b) `--changes-per-second` status writes, round robin over the
 * followed sessions, through the session repository of a Confide runtime: in the embedded
 * profile the API process's own (PGlite holds its data directory); self-hosted, a second
 * process's (PostgreSQL and Redis, as a worker writes).
 * Per phase: the API process's CPU (process.cpuUsage, in % of one core), the session reads per
 * second (repository `get`, and `getStatus` where it exists), the account reads per second (the
 * token checks of open streams), the status events the streams delivered per second, and the
 * delay from a write (the session's `updatedAt`) to its event on the stream.
 *
 * `--save` writes the figures as JSON under `--label`; `--baseline` prints an earlier saved run
 * beside this one (the before/after table of the README). Self-hosted needs the local PostgreSQL and Redis
 * (bench/support/local-services.ts); a fresh database and key prefix are removed at the end.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request, type ClientRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Command, ProcessRole, Reply, Sample, SeededTherapist } from "./event-streams-protocol.ts";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { messageOf, redisUrl } from "./support/local-services.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { passwordLogin } from "./support/password-login.ts";
import { percentile } from "./support/percentile.ts";
import { runPool } from "./support/run-pool.ts";
import { createRunServices } from "./support/run-services.ts";

const { values: flags } = parseArgs({
  options: {
    profiles: { type: "string", default: "embedded,selfhosted" },
    streams: { type: "string", default: "1000" },
    "changes-per-second": { type: "string", default: "50" },
    "measure-s": { type: "string", default: "10" },
    "settle-s": { type: "string", default: "3" },
    label: { type: "string", default: "this run" },
    save: { type: "string" },
    baseline: { type: "string" },
  },
});

/** The route's cap of open streams per user on one process. */
const streamsPerUser = 5;
const profiles = flags.profiles.split(",").filter((name) => name !== "");
const options = {
  streams: Number(flags.streams),
  changesPerSecond: Number(flags["changes-per-second"]),
  measureMs: Number(flags["measure-s"]) * 1000,
  settleMs: Number(flags["settle-s"]) * 1000,
};
for (const [name, value] of Object.entries(options)) {
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`${name} must be a positive number.\n`);
    process.exit(2);
  }
}
const unknownProfile = profiles.find((name) => !["embedded", "selfhosted"].includes(name));
if (unknownProfile !== undefined || profiles.length === 0) {
  process.stderr.write(`--profiles takes embedded and/or selfhosted, comma-separated.\n`);
  process.exit(2);
}

// ---------------------------------------------------------------- figures

interface PhaseFigures {
  seconds: number;
  /** API process CPU, % of one core. */
  cpuPercent: number;
  /** Session repository reads per second, by method (`get`, `getStatus`). */
  sessionReads: Record<string, number>;
  accountReadsPerSecond: number;
  writesPerSecond: number;
  statusEventsPerSecond: number;
  /** Write (`updatedAt`) to status event on the stream; null without events. */
  delayP50Ms: number | null;
  delayP99Ms: number | null;
}

interface ProfileFigures {
  profile: string;
  streams: number;
  idle: PhaseFigures;
  changes: PhaseFigures;
}

interface SavedRun {
  label: string;
  savedAt: string;
  machine: string;
  options: typeof options;
  figures: ProfileFigures[];
}

// ---------------------------------------------------------------- the processes

interface BenchProcess {
  child: ChildProcess;
  port: number | null;
  ask(command: Command): Promise<Reply>;
  stop(): Promise<void>;
}

const processPath = fileURLToPath(new URL("./event-streams-process.ts", import.meta.url));

/** Forks a process of the given role on `env`; resolves once its runtime is up (and, for the API, listening). */
function startProcess(role: ProcessRole, env: Record<string, string>): Promise<BenchProcess> {
  const child = fork(processPath, [role], {
    env: { ...process.env, ...env },
    execArgv: ["--conditions=source", "--max-semi-space-size=4"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let pending: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | null = null;
  const fail = (error: Error) => {
    pending?.reject(error);
    pending = null;
  };
  child.on("message", (reply: Reply) => {
    const waiting = pending;
    pending = null;
    if (reply.reply === "failed") waiting?.reject(new Error(`${role} process: ${reply.message}`));
    else waiting?.resolve(reply);
  });
  void exited.then(() => fail(new Error(`the ${role} process exited (${child.exitCode ?? child.signalCode})`)));
  const next = () =>
    new Promise<Reply>((resolve, reject) => {
      pending = { resolve, reject };
    });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.disconnect();
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
  deferCleanup(stop);
  return next().then((ready) => {
    if (ready.reply !== "ready") throw new Error(`${role} process: unexpected ${ready.reply}`);
    return {
      child,
      port: ready.port,
      ask(command) {
        const answer = next();
        child.send(command);
        return answer;
      },
      stop,
    };
  });
}

async function sample(api: BenchProcess): Promise<Sample> {
  const reply = await api.ask({ command: "sample" });
  if (reply.reply !== "sample") throw new Error(`unexpected ${reply.reply}`);
  return reply.sample;
}

// ---------------------------------------------------------------- the streams

interface StreamWatch {
  /** Status events received since the last reset, and their delays (ms after the write). */
  statusEvents: number;
  delaysMs: number[];
  /** Streams that ended or failed while they should have stayed open. */
  lost: number;
}

const watch: StreamWatch = { statusEvents: 0, delaysMs: [], lost: 0 };
const openRequests = new Set<ClientRequest>();

/** Opens one stream; resolves at its first status event. */
function openStream(port: number, sessionId: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const client = request({
      host: "127.0.0.1",
      port,
      path: `/v1/sessions/${sessionId}/events`,
      headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
      agent: false,
    });
    openRequests.add(client);
    let opened = false;
    client.on("response", (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`stream answered ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding("utf8");
      let buffer = "";
      response.on("data", (text: string) => {
        const receivedAtMs = Date.now();
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.startsWith("event: status")) continue;
          if (!opened) {
            opened = true;
            resolve();
            continue;
          }
          const data = /\ndata: (.*)/.exec(block)?.[1];
          const updatedAt = data === undefined ? Number.NaN : Date.parse((JSON.parse(data) as { updatedAt: string }).updatedAt);
          watch.statusEvents += 1;
          if (Number.isFinite(updatedAt)) watch.delaysMs.push(receivedAtMs - updatedAt);
        }
      });
      response.on("end", () => {
        if (openRequests.delete(client)) watch.lost += 1;
      });
    });
    client.on("error", (error) => {
      if (!opened) reject(error);
      else if (openRequests.delete(client)) watch.lost += 1;
    });
    client.end();
  });
}

function closeStreams(): void {
  const requests = [...openRequests];
  openRequests.clear();
  for (const client of requests) client.destroy();
}

// ---------------------------------------------------------------- one profile

function phaseFigures(before: Sample, after: Sample, elapsedMs: number, writes: number): PhaseFigures {
  const seconds = elapsedMs / 1000;
  const perSecond = (key: string) => ((after.calls[key] ?? 0) - (before.calls[key] ?? 0)) / seconds;
  const cpuMicros = after.cpuUserMicros + after.cpuSystemMicros - before.cpuUserMicros - before.cpuSystemMicros;
  const sessionReads: Record<string, number> = {};
  for (const method of ["get", "getStatus"]) {
    if (`sessions.${method}` in after.calls || method === "get") sessionReads[method] = perSecond(`sessions.${method}`);
  }
  return {
    seconds,
    cpuPercent: cpuMicros / 10 / elapsedMs,
    sessionReads,
    accountReadsPerSecond: perSecond("users.get"),
    writesPerSecond: writes / seconds,
    statusEventsPerSecond: watch.statusEvents / seconds,
    // None in a phase without changes.
    delayP50Ms: watch.delaysMs.length === 0 ? null : percentile(watch.delaysMs, 0.5),
    delayP99Ms: watch.delaysMs.length === 0 ? null : percentile(watch.delaysMs, 0.99),
  };
}

function resetWatch(): void {
  watch.statusEvents = 0;
  watch.delaysMs = [];
}

/** The CONFIDE_* environment of a profile, and how to remove what it made. */
async function profileEnvironment(profile: string): Promise<Record<string, string>> {
  const dataDir = await mkdtemp(join(tmpdir(), "confide-bench-events-"));
  deferCleanup(() => rm(dataDir, { recursive: true, force: true }));
  const common = {
    CONFIDE_DATA_DIR: dataDir,
    CONFIDE_PORT: "0",
    CONFIDE_JWT_SECRET: randomBytes(48).toString("base64url"),
    // Accounts are set up before anything is measured.
    CONFIDE_PASSWORD_COST: "1024",
    CONFIDE_SHUTDOWN_TIMEOUT_MS: "2000",
    CONFIDE_LOG_LEVEL: "warn",
  };
  if (profile === "embedded") return { ...common, CONFIDE_PROFILE: "embedded" };

  const { databaseUrl, prefix } = await createRunServices();
  return {
    ...common,
    CONFIDE_PROFILE: "selfhosted",
    CONFIDE_DATABASE_URL: databaseUrl,
    CONFIDE_REDIS_URL: redisUrl,
    CONFIDE_QUEUE_PREFIX: prefix,
    // Never called: nothing is transcribed or notified here.
    CONFIDE_WHISPER_URL: "http://127.0.0.1:9/",
    CONFIDE_PUSH: "log",
  };
}

async function runProfile(profile: string): Promise<ProfileFigures> {
  const env = await profileEnvironment(profile);
  const api = await startProcess("api", env);
  const port = api.port as number;
  const therapistCount = Math.ceil(options.streams / streamsPerUser);
  const seeded = await api.ask({ command: "seed", therapists: therapistCount, sessionsPerTherapist: streamsPerUser, password: randomBytes(18).toString("base64url") });
  if (seeded.reply !== "seeded") throw new Error(`unexpected ${seeded.reply}`);
  const followed = seeded.therapists.flatMap((therapist) => therapist.sessionIds.map((sessionId) => ({ therapist, sessionId }))).slice(0, options.streams);

  const tokens = new Map<SeededTherapist, string>();
  await runPool(seeded.therapists.length, 8, async (index) => {
    const therapist = seeded.therapists[index] as SeededTherapist;
    tokens.set(therapist, await passwordLogin(`http://127.0.0.1:${port}`, therapist));
  });
  deferCleanup(async () => closeStreams());
  await runPool(followed.length, 50, async (index) => {
    const { therapist, sessionId } = followed[index] as (typeof followed)[number];
    await openStream(port, sessionId, tokens.get(therapist) as string);
  });
  const writer = profile === "embedded" ? api : await startProcess("writer", env);
  console.log(`${profile}: ${openRequests.size} streams open (${seeded.therapists.length} therapists), settling ${options.settleMs / 1000} s`);
  await sleep(options.settleMs);

  resetWatch();
  const idleStart = await sample(api);
  const idleStartMs = performance.now();
  await sleep(options.measureMs);
  const idle = phaseFigures(idleStart, await sample(api), performance.now() - idleStartMs, 0);

  resetWatch();
  const changesStart = await sample(api);
  const changed = await writer.ask({ command: "change", sessionIds: followed.map((entry) => entry.sessionId), perSecond: options.changesPerSecond, durationMs: options.measureMs });
  if (changed.reply !== "changed") throw new Error(`unexpected ${changed.reply}`);
  const changesEnd = await sample(api);
  // Events of the last writes may still be on their way: the delays include them, the rates do not.
  const eventsAtEnd = watch.statusEvents;
  const deadline = performance.now() + 5_000;
  while (watch.statusEvents < changed.writes && performance.now() < deadline) await sleep(50);
  const changes = phaseFigures(changesStart, changesEnd, changed.elapsedMs, changed.writes);
  changes.statusEventsPerSecond = eventsAtEnd / changes.seconds;
  if (changed.failures > 0 || watch.statusEvents < changed.writes) {
    console.log(`${profile}: ${changed.failures} writes failed; ${watch.statusEvents} of ${changed.writes} changes reached a stream`);
  }
  if (watch.lost > 0) console.log(`${profile}: ${watch.lost} streams ended early`);

  closeStreams();
  if (writer !== api) await writer.stop();
  await api.stop();
  return { profile, streams: followed.length, idle, changes };
}

// ---------------------------------------------------------------- the table

const number = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function sessionReadsText(reads: Record<string, number>): string {
  const parts = Object.entries(reads).map(([method, perSecond]) => `${number(perSecond, 1)} ${method}`);
  const total = Object.values(reads).reduce((sum, value) => sum + value, 0);
  return parts.length > 1 ? `${number(total, 1)} (${parts.join(" + ")})` : (parts[0] ?? "0");
}

function rows(label: string, figures: ProfileFigures[]): string[][] {
  return figures.flatMap((entry) =>
    (["idle", "changes"] as const).map((phase) => {
      const figure = entry[phase];
      return [
        label,
        entry.profile,
        phase === "idle" ? "idle" : `${number(figure.writesPerSecond, 1)} changes/s`,
        `${number(figure.cpuPercent, 1)} %`,
        sessionReadsText(figure.sessionReads),
        number(figure.accountReadsPerSecond, 1),
        number(figure.statusEventsPerSecond, 1),
        figure.delayP50Ms === null ? "-" : `${number(figure.delayP50Ms)} / ${number(figure.delayP99Ms ?? 0)} ms`,
      ];
    }),
  );
}

function printTable(table: string[][]): void {
  const header = ["run", "profile", "phase", "API CPU (1 core)", "session reads/s", "account reads/s", "status events/s", "write→event p50 / p99"];
  const all = [header, ...table];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? "").length)));
  for (const row of all) console.log(row.map((cell, column) => cell.padEnd(widths[column] as number)).join("  "));
}

async function main(): Promise<void> {
  console.log(machineLoadLine());
  console.log(
    `event streams: ${options.streams} streams on one API process, ${options.measureMs / 1000} s idle, then ${options.measureMs / 1000} s at ${options.changesPerSecond} status changes/s`,
  );
  const figures: ProfileFigures[] = [];
  for (const profile of profiles) figures.push(await runProfile(profile));
  console.log("");
  console.log(machineLoadLine());
  const table: string[][] = [];
  if (flags.baseline !== undefined) {
    const baseline = JSON.parse(await readFile(flags.baseline, "utf8")) as SavedRun;
    table.push(...rows(baseline.label, baseline.figures));
  }
  table.push(...rows(flags.label, figures));
  printTable(table);
  if (flags.save !== undefined) {
    const saved: SavedRun = { label: flags.label, savedAt: new Date().toISOString(), machine: machineLoadLine(), options, figures };
    await writeFile(flags.save, `${JSON.stringify(saved, null, 2)}\n`);
    console.log(`figures saved to ${flags.save}`);
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench/event-streams: ${messageOf(error)}\n`);
  process.exitCode = 1;
} finally {
  await runCleanup();
}
