/**
 * The self-hosted scale-out: two API processes and two workers share PostgreSQL, Redis and the
 * blob directory. Fifty recordings uploaded at once, alternately through each API, all reach
 * `ready`: none lost, none duplicated, each notified once. An event stream on one API process
 * hears the workers' writes through Redis as they happen.
 */
import { defaultFakeTranscript } from "@confide/contracts/fakes";
import { readSseEvents } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAllSessions, uploadSession, waitUntilReady } from "../support/confide-api-client.ts";
import { pushNotificationsLogged, sessionsNotified, waitForNotifications } from "../support/process-log.ts";
import { startSelfHostedStack, type ApiProcess, type RunningProcess, type SelfHostedStack } from "../support/selfhosted-stack.ts";
import { makeToneWav } from "../support/tone-wav.ts";

const uploads = 50;
let stack: SelfHostedStack;
let apis: ApiProcess[];
let workers: RunningProcess[];
let token: string;

beforeAll(async () => {
  stack = await startSelfHostedStack();
  apis = await Promise.all([stack.startApi(), stack.startApi()]);
  workers = await Promise.all([stack.startWorker(), stack.startWorker()]);
  token = await stack.signInTherapistWithPhone(apis[0] as ApiProcess);
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe("2 API processes and 2 workers", () => {
  it("take 50 concurrent uploads to ready, none lost, none duplicated, each notified once", async () => {
    const audio = makeToneWav({ durationMs: 1_000 });
    const startedAt = Date.now();
    const created = await Promise.all(
      Array.from({ length: uploads }, (_, index) =>
        uploadSession((apis[index % 2] as ApiProcess).baseUrl, token, {
          patientId: stack.accounts.patient.user.id,
          title: `Concurrent ${index}`,
          audio,
        }),
      ),
    );
    const ids = created.map((session) => session.id);
    expect(new Set(ids).size).toBe(uploads);

    // Each API sees the sessions the other one stored.
    const ready = await waitUntilReady((apis[1] as ApiProcess).baseUrl, token, ids, 60_000);
    const elapsedMs = Date.now() - startedAt;
    for (const session of ready) {
      expect(session.transcript?.revision).toBe(1);
      expect(session.transcript?.segments).toHaveLength(2);
      expect(session.sentiment?.transcriptRevision).toBe(1);
    }

    for (const api of apis) {
      const listed = (await listAllSessions(api.baseUrl, token)).map((session) => session.id);
      expect(listed).toHaveLength(uploads);
      expect(new Set(listed)).toEqual(new Set(ids));
    }
    await waitForNotifications(workers, uploads);
    const notified = sessionsNotified(workers);
    expect(notified).toHaveLength(uploads);
    expect(new Set(notified)).toEqual(new Set(ids));
    expect(pushNotificationsLogged(workers)).toHaveLength(uploads);
    // Both workers took a share of the work.
    for (const worker of workers) expect(sessionsNotified([worker]).length).toBeGreaterThan(0);
    console.info(
      `scale-out: ${uploads} sessions uploaded and processed in ${elapsedMs} ms; ` +
        `${stack.whisper.received.filter((request) => request.path === "/v1/audio/transcriptions").length} transcription requests; ` +
        `notified per worker: ${workers.map((worker) => sessionsNotified([worker]).length).join(" + ")}`,
    );
  }, 90_000);

  it("streams from one API process every status the workers write, pushed through Redis long before the 30 s safety poll", async () => {
    // A slow transcription: the stream is open before the session leaves `transcribing`.
    stack.whisper.reply = { kind: "ok", transcript: defaultFakeTranscript, delayMs: 1_500 };
    try {
      const session = await uploadSession((apis[0] as ApiProcess).baseUrl, token, {
        patientId: stack.accounts.patient.user.id,
        title: "Followed",
        audio: makeToneWav({ durationMs: 1_000 }),
      });
      const openedAtMs = Date.now();
      const stream = await fetch(`${(apis[1] as ApiProcess).baseUrl}/v1/sessions/${session.id}/events`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(stream.status).toBe(200);
      const events = await readSseEvents(stream, (event) => event.event === "end");
      const elapsedMs = Date.now() - openedAtMs;

      expect(events.at(-1)?.event).toBe("end");
      const statuses = events.filter((event) => event.event === "status").map((event) => (JSON.parse(event.data) as { status: string }).status);
      // Consecutive repeats (a lease renewal writes the same status again) folded into one.
      const distinct = statuses.filter((status, index) => status !== statuses[index - 1]);
      expect(distinct.slice(-4)).toEqual(["transcribing", "analyzing", "writing_notes", "ready"]);
      expect(elapsedMs).toBeLessThan(15_000);
    } finally {
      stack.whisper.reply = { kind: "ok", transcript: defaultFakeTranscript };
    }
  }, 60_000);
});
