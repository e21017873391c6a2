/**
 * One process of the event-stream benchmark (bench/event-streams.ts starts it with fork()).
 * Not meant to be run by hand.
 *
 * It builds Confide's runtime from the CONFIDE_* environment it is given, with the composition
 * root `confide serve` uses (`createRuntime`), so it measures whatever the profile wires.
 * - role "api" (argv[2]): the session and user repositories the HTTP app reads through are
 *   wrapped in call counters, then the API is served (`startServer`, no worker);
 * - role "writer": no HTTP; it only writes status changes, as a worker process would.
 * Status writes go through the runtime's own session repository, uncounted: the writes (and the
 * one read of each session before its first write) are not what is measured. Commands and
 * replies: bench/event-streams-protocol.ts. It exits when the benchmark disconnects.
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type Actor, createUser, defaultTranscriptionSettings, linkPatient, newProcessing } from "@confide/core";
import type { Logger, Session } from "@confide/core/ports";
import { createRuntime, loadConfig, startServer } from "@confide/http";
import type { CallCounts, Command, ProcessRole, Reply, SeededTherapist } from "./event-streams-protocol.ts";

const role = process.argv[2] as ProcessRole;

function send(reply: Reply): void {
  process.send?.(reply);
}

/** Warnings and errors go to stderr (the benchmark shows them); routine info is dropped. */
const logger: Logger = {
  info() {},
  warn: (message, fields) => process.stderr.write(`${role} warn: ${message} ${JSON.stringify(fields ?? {})}\n`),
  error: (message, fields) => process.stderr.write(`${role} error: ${message} ${JSON.stringify(fields ?? {})}\n`),
};

const calls: CallCounts = {};

/** The same object, each method call counted under "<name>.<method>" (every method listed, at 0, from the start). */
function counting<T extends object>(name: string, target: T): T {
  for (const [method, value] of Object.entries(target)) {
    if (typeof value === "function") calls[`${name}.${method}`] = 0;
  }
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      const key = `${name}.${String(property)}`;
      return (...args: unknown[]) => {
        calls[key] = (calls[key] ?? 0) + 1;
        return (value as (...parameters: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

const runtime = await createRuntime(loadConfig(process.env), logger);
const { deps } = runtime;
const writer = deps.sessions;
if (role === "api") {
  deps.sessions = counting("sessions", deps.sessions);
  deps.users = counting("users", deps.users);
}
const server = role === "api" ? await startServer(runtime, { withWorker: false }) : undefined;

/** A session in processing, as an upload leaves it: no transcript yet. */
function processingSession(therapistId: string, patientId: string, now: Date): Session {
  const id = randomUUID();
  return {
    id,
    therapistId,
    patientId,
    title: "Event stream benchmark",
    recordedAt: now,
    createdAt: now,
    updatedAt: now,
    version: 1,
    status: "queued",
    audio: {
      blobKey: `sessions/${id}/audio`,
      contentType: "audio/wav",
      format: "wav",
      sizeBytes: 64_044,
      sha256: "0".repeat(64),
      durationMs: 2_000,
      channels: 1,
      originalName: "session.wav",
    },
    settings: defaultTranscriptionSettings,
    transcript: null,
    sentiment: null,
    review: { edits: [], finalizedAt: null, finalizedBy: null },
    processing: newProcessing(),
    statusHistory: [{ status: "queued", version: 1, at: now }],
  };
}

async function seed(command: Extract<Command, { command: "seed" }>): Promise<SeededTherapist[]> {
  const operator: Actor = { userId: "bench-operator", role: "admin" };
  const patient = await createUser(deps, operator, {
    email: "patient@bench.example",
    displayName: "Patient",
    role: "patient",
    password: command.password,
  });
  const therapists: SeededTherapist[] = [];
  for (let index = 0; index < command.therapists; index += 1) {
    const email = `therapist-${index}@bench.example`;
    const therapist = await createUser(deps, operator, { email, displayName: `Therapist ${index}`, role: "therapist", password: command.password });
    await linkPatient(deps, operator, { therapistId: therapist.id, patientId: patient.id });
    const sessionIds: string[] = [];
    for (let count = 0; count < command.sessionsPerTherapist; count += 1) {
      const session = processingSession(therapist.id, patient.id, new Date());
      await writer.create(session);
      sessionIds.push(session.id);
    }
    therapists.push({ email, password: command.password, sessionIds });
  }
  return therapists;
}

/** What this process last wrote of each session: a writer needs no read before its next write. */
const written = new Map<string, Session>();
let nextSession = 0;

/** Alternates transcribing and analyzing: the session stays in processing, so its streams stay open. */
async function writeChange(sessionId: string): Promise<void> {
  const current = written.get(sessionId) ?? (await writer.get(sessionId));
  if (current === null) throw new Error(`session ${sessionId} is gone`);
  const status = current.status === "transcribing" ? "analyzing" : "transcribing";
  written.set(sessionId, await writer.update({ ...current, status, updatedAt: new Date() }, current.version));
}

async function change(command: Extract<Command, { command: "change" }>): Promise<Reply> {
  const total = Math.round((command.perSecond * command.durationMs) / 1000);
  const intervalMs = 1000 / command.perSecond;
  const startMs = performance.now();
  let writes = 0;
  let failures = 0;
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    const waitMs = startMs + index * intervalMs - performance.now();
    if (waitMs > 0) await sleep(waitMs);
    const sessionId = command.sessionIds[nextSession % command.sessionIds.length] as string;
    nextSession += 1;
    inFlight.push(
      writeChange(sessionId).then(
        () => void (writes += 1),
        (error: unknown) => {
          failures += 1;
          logger.warn("status write failed", { sessionId, error: error instanceof Error ? error.message : String(error) });
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return { reply: "changed", writes, failures, elapsedMs: performance.now() - startMs };
}

async function answer(command: Command): Promise<Reply> {
  switch (command.command) {
    case "seed":
      return { reply: "seeded", therapists: await seed(command) };
    case "sample": {
      const cpu = process.cpuUsage();
      return { reply: "sample", sample: { cpuUserMicros: cpu.user, cpuSystemMicros: cpu.system, calls: { ...calls }, rssBytes: process.memoryUsage.rss() } };
    }
    case "change":
      return change(command);
  }
}

process.on("message", (command: Command) => {
  answer(command).then(send, (error: unknown) => send({ reply: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});

process.once("disconnect", () => {
  const stopping = server ? server.shutdown() : runtime.close();
  void stopping.finally(() => process.exit(0));
});

send({ reply: "ready", port: server?.port ?? null });
