/**
 * The azure profile's version of worker-killed.test.ts: a worker dies (`kill -9`) while it
 * submits a session's recording to the Speech batch service (the fake never answers that first
 * submission). Another worker then finishes the session — one transcription job at the
 * service, transcript revision 1, the therapist's phone told once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSession, uploadSession, waitFor, waitUntilReady } from "../support/confide-api-client.ts";
import { pushNotificationsLogged, sessionsNotified, waitForNotifications } from "../support/process-log.ts";
import { startAzureStack, type ApiProcess, type AzureStack } from "../support/azure-stack.ts";
import { makeToneWav } from "../support/tone-wav.ts";

let stack: AzureStack;
let api: ApiProcess;
let token: string;

const submissions = () => stack.speech.received.filter((request) => request.operation === "submit");

beforeAll(async () => {
  stack = await startAzureStack();
  // The first submission is read and never answered: the worker is killed while it waits.
  stack.speech.fault = (request) => (request.operation === "submit" && submissions().length === 1 ? { kind: "hang" } : undefined);
  api = await stack.startApi();
  token = await stack.signInTherapistWithPhone(api);
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

describe("azure profile: a worker killed mid-job", () => {
  it("leaves a session that another worker finishes once, with one transcript and one notification", async () => {
    const first = await stack.startWorker();
    const session = await uploadSession(api.baseUrl, token, {
      patientId: stack.accounts.patient.user.id,
      title: "Killed mid-submission",
      audio: makeToneWav({ durationMs: 1_500 }),
      settings: { language: "en-US" },
    });

    await waitFor(async () => (submissions().length >= 1 ? true : undefined), {
      timeoutMs: 30_000,
      describe: () => "the first worker never submitted the recording to the Speech service",
    });
    expect((await getSession(api.baseUrl, token, session.id)).status).toBe("transcribing");
    await stack.kill(first);
    expect(first.child.signalCode).toBe("SIGKILL");

    const second = await stack.startWorker();
    const [ready] = await waitUntilReady(api.baseUrl, token, [session.id], 60_000);

    expect(ready?.transcript?.revision).toBe(1);
    expect(ready?.transcript?.segments.map((segment) => segment.text)).toEqual(["How have you been sleeping?", "Better this week, thanks."]);
    expect(ready?.sentiment?.transcriptRevision).toBe(1);
    // Two submissions reached the service (the hung one made no job); one job ran and is gone.
    expect(submissions()).toHaveLength(2);
    await waitFor(async () => (stack.speech.jobs.size === 0 ? true : undefined), {
      timeoutMs: 20_000,
      describe: () => "the finished transcription job to be deleted at the service",
    });
    expect(stack.speech.deleted).toHaveLength(1);

    await waitForNotifications([first, second], 1);
    expect(sessionsNotified([first, second])).toEqual([session.id]);
    expect(pushNotificationsLogged([first, second])).toHaveLength(1);
    // A redelivery of the dead worker's job (its lock lapses after CONFIDE_QUEUE_STALLED_MS) changes nothing.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    const after = await getSession(api.baseUrl, token, session.id);
    expect([after.status, after.transcript?.revision]).toEqual(["ready", 1]);
    expect(pushNotificationsLogged([first, second])).toHaveLength(1);
  }, 180_000);
});
