/**
 * Redis loses every queued job (a FLUSHALL, a failover without persistence) while sessions
 * wait for a worker. The session table is the source of truth: the worker's recovery sweep
 * enqueues them again and each reaches `ready`, notified once — none lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAllSessions, uploadSession, waitUntilReady } from "../support/confide-api-client.ts";
import { logEntries, pushNotificationsLogged, sessionsNotified } from "../support/process-log.ts";
import { startSelfHostedStack, type ApiProcess, type SelfHostedStack } from "../support/selfhosted-stack.ts";
import { makeToneWav } from "../support/tone-wav.ts";

const sessionCount = 6;
let stack: SelfHostedStack;
let api: ApiProcess;
let token: string;

beforeAll(async () => {
  stack = await startSelfHostedStack();
  api = await stack.startApi();
  token = await stack.signInTherapistWithPhone(api);
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe("Redis flushed while sessions are queued", () => {
  it("re-enqueues every queued session from the database, and all reach ready once", async () => {
    // No worker yet: the jobs wait in Redis.
    const audio = makeToneWav({ durationMs: 800 });
    const uploaded = await Promise.all(
      Array.from({ length: sessionCount }, (_, index) =>
        uploadSession(api.baseUrl, token, { patientId: stack.accounts.patient.user.id, title: `Queued ${index}`, audio }),
      ),
    );
    expect(uploaded.map((session) => session.status)).toEqual(Array(sessionCount).fill("queued"));
    const keysBefore = await stack.queueKeys();
    expect(keysBefore.some((key) => key.endsWith(`:process-${uploaded[0]?.id}-r0`))).toBe(true);

    // The flush: every key of this deployment's queue is gone, jobs included.
    expect(await stack.deleteQueueKeys()).toBe(keysBefore.length);
    expect(await stack.queueKeys()).toEqual([]);

    const worker = await stack.startWorker();
    const ids = uploaded.map((session) => session.id);
    const ready = await waitUntilReady(api.baseUrl, token, ids, 30_000);

    for (const session of ready) {
      expect(session.transcript?.revision).toBe(1);
      expect(session.transcript?.segments).toHaveLength(2);
      expect(session.sentiment?.transcriptRevision).toBe(1);
    }
    // The sweep found them (none came from the flushed jobs), each once.
    const recovered = logEntries([worker])
      .filter((line) => line.message === "session.recovered")
      .map((line) => String(line.sessionId));
    expect(new Set(recovered)).toEqual(new Set(ids));
    expect([...sessionsNotified([worker])].sort()).toEqual([...ids].sort());
    expect(pushNotificationsLogged([worker])).toHaveLength(sessionCount);
    expect((await listAllSessions(api.baseUrl, token)).map((session) => session.id).sort()).toEqual([...ids].sort());
  }, 60_000);
});
