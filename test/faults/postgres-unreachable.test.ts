/**
 * PostgreSQL becomes unreachable under a running API process, then comes back. A TCP proxy
 * between the API and the shared local server cuts every connection and refuses new ones — or,
 * harder, drops every packet (a partition: nothing is refused, nothing answers); the server
 * itself keeps running for the other test files.
 *
 * While it is down, the API answers quickly (never a hang) with 503 and a stable code — never
 * a 500 — and readiness says which dependency is missing. Once it is back, the same process
 * answers 200 again without a restart.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, loginRequest, readinessOnceItSays, timedRequest, uploadSession, type SessionView, type TimedAnswer } from "../support/confide-api-client.ts";
import { postgresHost, postgresPort, startSelfHostedStack, type ApiProcess, type SelfHostedStack } from "../support/selfhosted-stack.ts";
import { logEntries } from "../support/process-log.ts";
import { startTcpProxy, type TcpProxy } from "@confide/contracts/support";
import { makeToneWav } from "../support/tone-wav.ts";

/** What "answers quickly" means here, per request. */
const maxAnswerMs = 5_000;

let stack: SelfHostedStack;
let proxy: TcpProxy;
/** The API process the current test talks to. */
let api: ApiProcess;
let token: string;
let session: SessionView;

/** A request to the API process the test talks to, timed. */
const timedApiRequest = (path: string, init: RequestInit = {}): Promise<TimedAnswer> => timedRequest(`${api.baseUrl}${path}`, init);

/** Files in the shared blob directory (a recording and its metadata sidecar per session). */
async function blobFiles(): Promise<string[]> {
  const entries = await readdir(join(stack.dataDir, "blobs"), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

const authorized = () => ({ headers: { authorization: `Bearer ${token}` } });

/** How long each answer took while the database was away, for the report at the end of a test. */
const outageAnswersMs: number[] = [];

function reportOutageAnswers(kind: string): void {
  const sorted = [...outageAnswersMs].sort((a, b) => a - b);
  console.info(`${kind}: ${sorted.length} answers while away, slowest ${Math.round(sorted.at(-1) ?? 0)} ms, fastest ${Math.round(sorted[0] ?? 0)} ms`);
  outageAnswersMs.length = 0;
}

function expectUnavailableProblem(answer: TimedAnswer, what: string): void {
  outageAnswersMs.push(answer.elapsedMs);
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(503);
  expect(answer.contentType).toMatch(/^application\/problem\+json/);
  expect(answer.body.code).toBe("dependency.unavailable");
  expect(answer.body.status).toBe(503);
  expect(answer.elapsedMs, `${what} took ${Math.round(answer.elapsedMs)} ms`).toBeLessThan(maxAnswerMs);
}

function expectDatabaseNotReady(answer: TimedAnswer): void {
  outageAnswersMs.push(answer.elapsedMs);
  expect(answer.status).toBe(503);
  expect(answer.elapsedMs, `/readyz took ${Math.round(answer.elapsedMs)} ms`).toBeLessThan(maxAnswerMs);
  const checks = answer.body.checks as Array<{ name: string; ok: boolean; code?: string }>;
  expect(checks.find((check) => check.name.startsWith("database:"))).toEqual({
    name: "database:postgres",
    ok: false,
    code: "dependency.unavailable",
  });
  // Only the database is missing: the speech server and Redis still answer.
  expect(checks.filter((check) => !check.ok)).toHaveLength(1);
}

beforeAll(async () => {
  stack = await startSelfHostedStack();
  proxy = await startTcpProxy({ targetHost: postgresHost, targetPort: postgresPort });
  api = await stack.startApi({
    CONFIDE_DATABASE_URL: `postgres://postgres@127.0.0.1:${proxy.port}/${stack.databaseName}`,
  });
  token = await login(api.baseUrl, stack.accounts.therapist);
  session = await uploadSession(api.baseUrl, token, {
    patientId: stack.accounts.patient.user.id,
    title: "Before the outage",
    audio: makeToneWav({ durationMs: 500 }),
  });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await proxy?.close();
});

/** No request ever answered 500 in this API process's log. */
function expectNoServerErrors(process: ApiProcess): void {
  const failures = logEntries([process]).filter((line) => line.message === "unhandled error" || line.status === 500);
  expect(failures).toEqual([]);
}

describe("PostgreSQL unreachable, then back", () => {
  it("answers 503 dependency.unavailable quickly while down, and 200 again once back, in the same process", async () => {
    expect((await timedApiRequest(`/v1/sessions/${session.id}`, authorized())).status).toBe(200);
    expect((await timedApiRequest("/readyz")).status).toBe(200);
    expect(proxy.openConnections).toBeGreaterThan(0);

    proxy.down();
    // Several rounds: the first meets the pool's broken connections, later ones new connections refused.
    for (let round = 0; round < 3; round += 1) {
      expectUnavailableProblem(await timedApiRequest(`/v1/sessions/${session.id}`, authorized()), `GET session, round ${round}`);
      expectDatabaseNotReady(await readinessOnceItSays(api.baseUrl, 503));
    }
    expectUnavailableProblem(await timedApiRequest("/v1/sessions", authorized()), "list sessions");
    expectUnavailableProblem(
      await timedApiRequest("/v1/auth/login", loginRequest(stack.accounts.therapist)),
      "login",
    );
    // An upload while the database is away is refused whole: nothing stored, nothing queued.
    const form = new FormData();
    form.append("patientId", stack.accounts.patient.user.id);
    form.append("title", "During the outage");
    form.append("audio", new Blob([makeToneWav({ durationMs: 500 })], { type: "audio/wav" }), "outage.wav");
    expectUnavailableProblem(
      await timedApiRequest("/v1/sessions", { method: "POST", headers: authorized().headers, body: form }),
      "upload",
    );
    // Liveness does not depend on the database: the process is alive, only not ready.
    expect((await timedApiRequest("/healthz")).status).toBe(200);
    expect(proxy.refusedConnections).toBeGreaterThan(0);
    reportOutageAnswers("connections reset and refused");

    proxy.up();
    const detail = await timedApiRequest(`/v1/sessions/${session.id}`, authorized());
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body.id).toBe(session.id);
    expect((await readinessOnceItSays(api.baseUrl, 200)).status).toBe(200);
    const listed = await timedApiRequest("/v1/sessions", authorized());
    expect(listed.status).toBe(200);
    expect((listed.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual([session.id]);
    const stored = await blobFiles();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((path) => !path.includes(session.id))).toEqual([]);
    expect(await login(api.baseUrl, stack.accounts.therapist)).toEqual(expect.any(String));
    // Same process throughout: never restarted, never crashed.
    expect(api.child.exitCode).toBeNull();
    expect(stack.processes).toHaveLength(1);
    expectNoServerErrors(api);
  }, 60_000);

  it("answers 503 within its database time limits during a network partition, and 200 once it heals", async () => {
    // A partition is only ended by the client's own limits: here 2 s to connect and 2 s per
    // statement (+2 s client-side), set the way an operator would, in the database URL.
    const partitioned = await startTcpProxy({ targetHost: postgresHost, targetPort: postgresPort });
    try {
      api = await stack.startApi({
        CONFIDE_DATABASE_URL: `postgres://postgres@127.0.0.1:${partitioned.port}/${stack.databaseName}?connect_timeout=2&statement_timeout=2000`,
      });
      token = await login(api.baseUrl, stack.accounts.therapist);
      expect((await timedApiRequest(`/v1/sessions/${session.id}`, authorized())).status).toBe(200);
      expect(partitioned.openConnections).toBeGreaterThan(0);

      partitioned.partition();
      // First round: statements sent on pooled connections that never answer; then new connections never answered.
      for (let round = 0; round < 2; round += 1) {
        expectUnavailableProblem(await timedApiRequest(`/v1/sessions/${session.id}`, authorized()), `GET session, round ${round}`);
        expectDatabaseNotReady(await readinessOnceItSays(api.baseUrl, 503));
      }
      expectUnavailableProblem(await timedApiRequest("/v1/sessions", authorized()), "list sessions");
      reportOutageAnswers("network partition");

      partitioned.up();
      const detail = await timedApiRequest(`/v1/sessions/${session.id}`, authorized());
      expect(detail.status, JSON.stringify(detail.body)).toBe(200);
      expect((await readinessOnceItSays(api.baseUrl, 200)).status).toBe(200);
      expect(api.child.exitCode).toBeNull();
      expectNoServerErrors(api);
    } finally {
      await partitioned.close();
    }
  }, 60_000);
});
