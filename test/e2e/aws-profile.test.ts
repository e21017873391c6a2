/**
 * `CONFIDE_PROFILE=aws` end to end: `confide serve` and `confide worker` as separate processes
 * on the local PostgreSQL (RDS's stand-in) and Redis (ElastiCache's), recordings in s3rver,
 * speech by the fake Amazon Transcribe (which reads the media from and writes its transcripts to
 * that S3 stand-in), sentiment by the fake Amazon Comprehend — every SDK client signing with the
 * same `AWS_*` credentials, as a task role's would be shared. Push is the log notifier (FCM has
 * no stand-in). upload → ready → edit → finalize → search → delete, after which nothing of the
 * session is left in the S3 stand-in (recording, staged copy, transcript file) or in the fake
 * Transcribe (its job deleted).
 */
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { startFakeComprehendServer, startFakeTranscribeServer, type FakeComprehendServer, type FakeTranscribeServer } from "@confide/contracts/fakes";
import { startS3Server, type S3Server } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, requestWithTimeout, waitUntilReady, type SessionView } from "../support/confide-api-client.ts";
import { startSelfHostedStack, type ApiProcess, type SelfHostedStack } from "../support/selfhosted-stack.ts";
import { makeToneWav } from "../support/tone-wav.ts";

describe("the aws profile: API and worker as separate processes on the AWS stand-ins", () => {
  let s3: S3Server;
  let transcribe: FakeTranscribeServer;
  let comprehend: FakeComprehendServer;
  let stack: SelfHostedStack;
  let api: ApiProcess;
  let raw: S3Client;

  beforeAll(async () => {
    s3 = await startS3Server({ buckets: ["confide-recordings", "confide-transcripts"] });
    raw = new S3Client({ ...s3.clientConfig });
    transcribe = await startFakeTranscribeServer({ s3Endpoint: s3.endpoint, region: s3.region, credentials: s3.credentials });
    comprehend = await startFakeComprehendServer({ region: s3.region, credentials: s3.credentials });
    stack = await startSelfHostedStack({
      env: {
        CONFIDE_PROFILE: "aws",
        CONFIDE_S3_BUCKET: "confide-recordings",
        CONFIDE_S3_ENDPOINT: s3.endpoint,
        CONFIDE_S3_REGION: s3.region,
        CONFIDE_S3_FORCE_PATH_STYLE: "true",
        CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "confide-transcripts",
        CONFIDE_TRANSCRIBE_REGION: transcribe.region,
        CONFIDE_TRANSCRIBE_ENDPOINT: transcribe.url,
        CONFIDE_TRANSCRIBE_S3_ENDPOINT: s3.endpoint,
        CONFIDE_TRANSCRIBE_POLL_INTERVAL_SECONDS: "1",
        CONFIDE_COMPREHEND_REGION: comprehend.region,
        CONFIDE_COMPREHEND_ENDPOINT: comprehend.url,
        // The stand-ins admit this one key; the SDKs find it as they would a task role's.
        AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
        AWS_REGION: s3.region,
        // FCM has no stand-in: the log notifier (the stack's default) writes the notifications.
        CONFIDE_PUSH: "log",
      },
    });
    api = await stack.startApi();
    await stack.startWorker();
  }, 180_000);

  afterAll(async () => {
    raw?.destroy();
    await stack?.close();
    await comprehend?.close();
    await transcribe?.close();
    await s3?.stop();
  });

  const keysIn = async (bucket: string) =>
    ((await raw.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((object) => object.Key as string);

  it("is ready with every AWS dependency checked", async () => {
    const response = await fetch(`${api.baseUrl}/readyz`);
    const body = (await response.json()) as { checks: Array<{ name: string; ok: boolean }> };
    expect(response.status).toBe(200);
    expect(body.checks.map((check) => check.name)).toEqual(
      expect.arrayContaining(["database:postgres", "storage:s3", "speech:transcribe", "language:comprehend"]),
    );
    expect(body.checks.every((check) => check.ok)).toBe(true);
  });

  it("uploads, transcribes, analyses, edits, finalises, searches and erases, leaving nothing in S3 or Transcribe", async () => {
    const token = await login(api.baseUrl, stack.accounts.therapist);
    const auth = { authorization: `Bearer ${token}` };
    const form = new FormData();
    form.append("patientId", stack.accounts.patient.user.id);
    form.append("title", "Session on AWS");
    // Transcribe's language codes are region-qualified.
    form.append("settings", JSON.stringify({ language: "en-US" }));
    form.append("audio", new Blob([makeToneWav({ durationMs: 4_000 })], { type: "audio/wav" }), "session.wav");
    const uploaded = await requestWithTimeout(`${api.baseUrl}/v1/sessions`, { method: "POST", headers: auth, body: form });
    expect(uploaded.status).toBe(201);
    const session = (await uploaded.json()) as SessionView;
    expect(await keysIn("confide-recordings")).toHaveLength(1);

    const [ready] = await waitUntilReady(api.baseUrl, token, [session.id], 120_000);
    expect(ready?.status).toBe("ready");
    // The worker's job went through the fake Transcribe, and the patient's words through Comprehend.
    expect(transcribe.jobs.size + transcribe.deleted.length).toBe(1);
    expect(comprehend.received.some((request) => request.operation === "BatchDetectSentiment")).toBe(true);

    const detail = await fetch(`${api.baseUrl}/v1/sessions/${session.id}`, { headers: auth });
    const etag = detail.headers.get("etag") as string;
    const body = (await detail.json()) as {
      transcript: { speakers: Array<{ label: string; role: string }>; segments: Array<{ id: string; speaker: string; text: string }> };
      sentiment: { segments: Array<{ segmentId: string; label: string }> };
    };
    expect(body.transcript.segments.map((segment) => segment.text)).toEqual(["How have you been sleeping?", "Better this week, thanks."]);
    expect(body.sentiment.segments.length).toBeGreaterThan(0);

    const patientSpeaker = body.transcript.speakers.find((speaker) => speaker.role === "patient")?.label;
    const patientSegment = body.transcript.segments.find((segment) => segment.speaker === patientSpeaker) as { id: string };
    const edited = await fetch(`${api.baseUrl}/v1/sessions/${session.id}/transcript`, {
      method: "PATCH",
      headers: { ...auth, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ edits: [{ segmentId: patientSegment.id, text: "Better this week, the lighthouse walks help." }] }),
    });
    expect(edited.status).toBe(200);
    const finalized = await fetch(`${api.baseUrl}/v1/sessions/${session.id}/finalize`, {
      method: "POST",
      headers: { ...auth, "if-match": edited.headers.get("etag") as string },
    });
    expect(finalized.status).toBe(200);

    const search = await fetch(`${api.baseUrl}/v1/sessions?q=lighthouse`, { headers: auth });
    expect(((await search.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual([session.id]);

    const deleted = await fetch(`${api.baseUrl}/v1/sessions/${session.id}`, { method: "DELETE", headers: auth });
    expect(deleted.status).toBe(204);
    expect((await fetch(`${api.baseUrl}/v1/sessions/${session.id}`, { headers: auth })).status).toBe(404);
    expect(await keysIn("confide-recordings")).toEqual([]);
    expect(await keysIn("confide-transcripts")).toEqual([]);
    expect([...transcribe.jobs.keys()]).toEqual([]);
    expect(transcribe.deleted).toHaveLength(1);
  }, 240_000);
});
