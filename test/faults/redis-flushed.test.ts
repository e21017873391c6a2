/**
 * Redis loses every queued job (a FLUSHALL, a failover without persistence) while sessions
 * wait for a worker, or while a worker that then dies transcribes them. The session table is
 * the source of truth: the worker's recovery sweep takes them over and each reaches `ready`,
 * notified once — none lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSession, listAllSessions, uploadSession, waitFor, waitUntilReady } from "../support/confide-api-client.ts";
import { defaultFakeTranscript, type ReceivedRequest } from "@confide/contracts/fakes";
import { logEntries, pushNotificationsLogged, sessionsNotified, waitForNotifications } from "../support/process-log.ts";
import { startSelfHostedStack, type ApiProcess, type SelfHostedStack } from "../support/selfhosted-stack.ts";
import { makeToneWav } from "../support/tone-wav.ts";

const sessionCount = 6;
/** Transcriptions the speech server never answers: the first worker is busy with these when it dies. */
const transcribingCount = 3;
const isTranscription = (request: ReceivedRequest) => request.path === "/v1/audio/transcriptions";
/** Set by the transcribing test: transcriptions before it are answered at once. */
let slowFrom: number | null = null;
let stack: SelfHostedStack;
let api: ApiProcess;
let token: string;

beforeAll(async () => {
  stack = await startSelfHostedStack({
    whisper: {
      // The first transcriptions hang (the first worker dies waiting); later ones take two
      // seconds, longer than a lease renewal interval (1 s), as a real engine would.
      reply: (request) => {
        if (!isTranscription(request) || slowFrom === null) return { kind: "ok", transcript: defaultFakeTranscript };
        return stack.whisper.received.filter(isTranscription).length - slowFrom <= transcribingCount
          ? { kind: "hang" }
          : { kind: "ok", transcript: defaultFakeTranscript, delayMs: 2_000 };
      },
    },
  });
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
    await waitForNotifications([worker], ids.length);
    expect([...sessionsNotified([worker])].sort()).toEqual([...ids].sort());
    expect(pushNotificationsLogged([worker])).toHaveLength(sessionCount);
    expect((await listAllSessions(api.baseUrl, token)).map((session) => session.id).sort()).toEqual([...ids].sort());
    await stack.kill(worker);
  }, 60_000);
});

describe("Redis flushed while sessions are transcribing, and their worker dies", () => {
  it("takes every transcribing session over from the database, and each reaches ready once", async () => {
    slowFrom = stack.whisper.received.filter(isTranscription).length;
    const first = await stack.startWorker({ CONFIDE_WORKER_CONCURRENCY: String(transcribingCount) });
    const audio = makeToneWav({ durationMs: 800 });
    const uploaded = await Promise.all(
      Array.from({ length: transcribingCount }, (_, index) =>
        uploadSession(api.baseUrl, token, { patientId: stack.accounts.patient.user.id, title: `Transcribing ${index}`, audio }),
      ),
    );
    const ids = uploaded.map((session) => session.id);
    await waitFor(
      async () => (stack.whisper.received.filter(isTranscription).length - (slowFrom ?? 0) >= transcribingCount ? true : undefined),
      { timeoutMs: 30_000, describe: () => "the worker never sent every recording to the speech server" },
    );
    for (const id of ids) expect((await getSession(api.baseUrl, token, id)).status).toBe("transcribing");

    // Redis loses the jobs, and the worker that ran them dies: no stalled job can come back.
    expect(await stack.deleteQueueKeys()).toBeGreaterThan(0);
    await stack.kill(first);

    // As many slots as sessions, and a lease three times the stack's: a taken-over session whose
    // job waited behind the others, or whose renewal a loaded machine delayed, for a whole lease
    // (3 s against two-second transcriptions) is stale again, and the sweep rightly takes it over
    // a second time, which is not what this test is about (a fresh-clone run beside a mutation
    // run saw it once with the stack's lease).
    const second = await stack.startWorker({ CONFIDE_WORKER_CONCURRENCY: String(transcribingCount), CONFIDE_LEASE_MS: "9000" });
    const ready = await waitUntilReady(api.baseUrl, token, ids, 60_000);

    for (const session of ready) {
      expect(session.transcript?.revision).toBe(1);
      expect(session.transcript?.segments).toHaveLength(2);
      expect(session.sentiment?.transcriptRevision).toBe(1);
    }
    // Each was taken over once, and transcribed once more: no takeover lost to another.
    const recovered = logEntries([second])
      .filter((line) => line.message === "session.recovered")
      .map((line) => String(line.sessionId));
    expect([...recovered].sort()).toEqual([...ids].sort());
    expect(stack.whisper.received.filter(isTranscription).length - (slowFrom ?? 0)).toBe(2 * transcribingCount);
    expect(logEntries([second]).filter((line) => line.message === "session.lease.lost")).toEqual([]);
    // The notification is sent (and logged) just after the ready write a client can see.
    const notified = await waitFor(
      async () => {
        const sessions = sessionsNotified([first, second]).filter((id) => ids.includes(id));
        return sessions.length >= ids.length ? sessions : undefined;
      },
      { timeoutMs: 10_000, describe: () => `notified: ${JSON.stringify(sessionsNotified([first, second]))}` },
    );
    expect(notified.sort()).toEqual([...ids].sort());
    await stack.kill(second);
  }, 120_000);
});
