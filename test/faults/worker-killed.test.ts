/**
 * A worker dies (`kill -9`) while it transcribes a session. Once another worker runs, the
 * session still reaches `ready` — transcribed once into revision 1, analysed once — and the
 * therapist's phone is told exactly once, also after the dead worker's job is delivered again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSession, uploadSession, waitFor, waitUntilReady } from "../support/confide-api-client.ts";
import { defaultFakeTranscript, type ReceivedRequest } from "@confide/contracts/fakes";
import { pushNotificationsLogged, sessionsNotified, waitForNotifications } from "../support/process-log.ts";
import { startSelfHostedStack, type ApiProcess, type SelfHostedStack } from "../support/selfhosted-stack.ts";
import { makeToneWav } from "../support/tone-wav.ts";

let stack: SelfHostedStack;
let api: ApiProcess;
let token: string;

const isTranscription = (request: ReceivedRequest) => request.path === "/v1/audio/transcriptions";

beforeAll(async () => {
  stack = await startSelfHostedStack({
    whisper: {
      // The first transcription never answers: the worker is killed while it waits for it.
      reply: (request) =>
        isTranscription(request) && stack.whisper.received.filter(isTranscription).length === 1
          ? { kind: "hang" }
          : { kind: "ok", transcript: defaultFakeTranscript },
    },
  });
  api = await stack.startApi();
  token = await stack.signInTherapistWithPhone(api);
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe("a worker killed mid-transcription", () => {
  it("leaves a session that another worker finishes once, with one transcript and one notification", async () => {
    const first = await stack.startWorker();
    const session = await uploadSession(api.baseUrl, token, {
      patientId: stack.accounts.patient.user.id,
      title: "Killed mid-job",
      audio: makeToneWav({ durationMs: 1_500 }),
    });

    await waitFor(async () => (stack.whisper.received.filter(isTranscription).length >= 1 ? true : undefined), {
      timeoutMs: 15_000,
      describe: () => "the first worker never sent the recording to the speech server",
    });
    expect((await getSession(api.baseUrl, token, session.id)).status).toBe("transcribing");
    await stack.kill(first);
    expect(first.child.signalCode).toBe("SIGKILL");

    const second = await stack.startWorker();
    const killedAt = Date.now();
    const [ready] = await waitUntilReady(api.baseUrl, token, [session.id], 30_000);
    const recoveredInMs = Date.now() - killedAt;

    // One transcript: revision 1 with the speech server's segments once, one sentiment result set for it.
    expect(ready?.transcript?.revision).toBe(1);
    expect(ready?.transcript?.segments.map((segment) => segment.text.trim())).toEqual(
      defaultFakeTranscript.segments.map((segment) => segment.text.trim()),
    );
    expect(ready?.sentiment?.transcriptRevision).toBe(1);
    expect(ready?.sentiment?.segments.length).toBeGreaterThan(0);
    expect(new Set(ready?.sentiment?.segments.map((result) => result.segmentId)).size).toBe(ready?.sentiment?.segments.length);
    expect(ready?.processing?.notifiedAt).not.toBeNull();
    // The recovery sweep (lease 3 s) or the queue's stalled-job check (5 s) brought it back.
    expect(recoveredInMs).toBeLessThan(15_000);

    await waitForNotifications([first, second], 1);
    expect(sessionsNotified([first, second])).toEqual([session.id]);
    expect(pushNotificationsLogged([first, second])).toHaveLength(1);

    // The dead worker's job is still "active" in Redis until its lock lapses
    // (CONFIDE_QUEUE_STALLED_MS, 5 s here); BullMQ then delivers it again. That delivery must find the session done and notify nobody.
    const { Queue } = await import("bullmq");
    const { Redis } = await import("ioredis");
    const connection = new Redis(stack.env.CONFIDE_REDIS_URL as string, { maxRetriesPerRequest: null });
    const queue = new Queue("jobs", { connection, prefix: stack.queuePrefix });
    try {
      const originalJobId = `process-${session.id}-r0`;
      await waitFor(async () => ((await queue.getJobState(originalJobId)) === "completed" ? true : undefined), {
        timeoutMs: 45_000,
        intervalMs: 500,
        describe: () => `job ${originalJobId} of the killed worker was never delivered again and completed`,
      });
    } finally {
      await queue.close();
      connection.disconnect();
    }
    const after = await getSession(api.baseUrl, token, session.id);
    expect(after.status).toBe("ready");
    expect(after.transcript?.revision).toBe(1);
    expect(sessionsNotified([first, second])).toEqual([session.id]);
    expect(pushNotificationsLogged([first, second])).toHaveLength(1);
    // One hung request (the killed worker's), one answered (the second worker's); the redelivery sent none.
    expect(stack.whisper.received.filter(isTranscription)).toHaveLength(2);
  }, 150_000);
});
