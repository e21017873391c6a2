/**
 * The azure profile's version of postgres-unreachable.test.ts: Cosmos DB becomes unreachable
 * under a running API process (the TCP proxy in front of the stand-in resets every connection and
 * refuses new ones), then comes back. While it is down the API answers quickly with 503
 * `dependency.unavailable` — never a 500, never a hang — and readiness names the database; once
 * it is back the same process answers 200 again, without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, loginRequest, readinessOnceItSays, timedRequest, uploadSession, type SessionView, type TimedAnswer } from "../support/confide-api-client.ts";
import { logEntries } from "../support/process-log.ts";
import { startAzureStack, type ApiProcess, type AzureStack } from "../support/azure-stack.ts";
import { makeToneWav } from "../support/tone-wav.ts";

/**
 * What "never hangs" means here, per request. Measured: ~10 s from the cut to the 503 — the
 * Cosmos SDK retries a refused or reset connection by itself (its default policy for network
 * errors, about 10 tries a second apart) before the adapter sees the failure; PostgreSQL's answer
 * in the self-hosted test comes within 5 s.
 */
const maxAnswerMs = 20_000;

let stack: AzureStack;
let api: ApiProcess;
let token: string;
let session: SessionView;

/** A request to the API process the test talks to, timed. */
const timedApiRequest = (path: string, init: RequestInit = {}): Promise<TimedAnswer> => timedRequest(`${api.baseUrl}${path}`, init);

const authorized = () => ({ headers: { authorization: `Bearer ${token}` } });

/** How long each answer took while Cosmos DB was away, printed at the end. */
const outageAnswersMs: number[] = [];

function expectUnavailable(answer: TimedAnswer, what: string): void {
  outageAnswersMs.push(answer.elapsedMs);
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(503);
  expect(answer.contentType).toMatch(/^application\/problem\+json/);
  expect(answer.body.code).toBe("dependency.unavailable");
  expect(answer.elapsedMs, `${what} took ${Math.round(answer.elapsedMs)} ms`).toBeLessThan(maxAnswerMs);
}

beforeAll(async () => {
  stack = await startAzureStack();
  api = await stack.startApi();
  token = await login(api.baseUrl, stack.accounts.therapist);
  session = await uploadSession(api.baseUrl, token, {
    patientId: stack.accounts.patient.user.id,
    title: "Before the outage",
    audio: makeToneWav({ durationMs: 500 }),
    settings: { language: "en-US" },
  });
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

describe("azure profile: Cosmos DB unreachable, then back", () => {
  it("answers 503 dependency.unavailable within its retries while down (never a hang), and 200 again once back, in the same process", async () => {
    expect((await timedApiRequest(`/v1/sessions/${session.id}`, authorized())).status).toBe(200);
    expect((await timedApiRequest("/readyz")).status).toBe(200);

    stack.cosmosProxy.down();
    for (let round = 0; round < 2; round += 1) {
      expectUnavailable(await timedApiRequest(`/v1/sessions/${session.id}`, authorized()), `GET session, round ${round}`);
      const ready = await readinessOnceItSays(api.baseUrl, 503);
      outageAnswersMs.push(ready.elapsedMs);
      expect(ready.status).toBe(503);
      const failing = (ready.body.checks as Array<{ name: string; ok: boolean; code?: string }>).filter((check) => !check.ok);
      // Only the database is missing: storage, speech, language and Redis still answer.
      expect(failing).toEqual([{ name: expect.stringMatching(/^database:cosmos/), ok: false, code: "dependency.unavailable" }]);
    }
    expectUnavailable(await timedApiRequest("/v1/sessions", authorized()), "list sessions");
    expectUnavailable(
      await timedApiRequest("/v1/auth/login", loginRequest(stack.accounts.therapist)),
      "login",
    );
    expect((await timedApiRequest("/healthz")).status).toBe(200);
    console.info(`Cosmos DB away: ${outageAnswersMs.length} answers, ${outageAnswersMs.map((ms) => Math.round(ms)).join(", ")} ms`);

    stack.cosmosProxy.up();
    const detail = await timedApiRequest(`/v1/sessions/${session.id}`, authorized());
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body.id).toBe(session.id);
    expect((await readinessOnceItSays(api.baseUrl, 200)).status).toBe(200);
    const listed = await timedApiRequest("/v1/sessions", authorized());
    expect((listed.body.items as Array<{ id: string }>).map((item) => item.id)).toEqual([session.id]);
    expect(api.child.exitCode).toBeNull();
    expect(logEntries([api]).filter((line) => line.message === "unhandled error" || line.status === 500)).toEqual([]);
  }, 240_000);
});
