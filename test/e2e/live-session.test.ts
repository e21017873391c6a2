/**
 * Live sessions end to end: a real `confide serve` (embedded profile, the instant fake
 * live engine: voice activity cuts the utterances, each final says the dialogue's line), a real
 * WebSocket to `/v1/live`, the espeak-ng stereo dialogue (therapist left, patient right).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { makeDialogueWav, readLivePcm, therapyDialogue } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSession, login, recordTestConsent, waitFor, waitUntilReady } from "../support/confide-api-client.ts";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server.ts";
import { openLiveSocket, type LiveMessage, type LiveSocket } from "../support/live-socket.ts";

const linesOf = (role: "therapist" | "patient") => therapyDialogue.filter((line) => line.role === role).map((line) => line.text);

let server: EmbeddedServer;
let pcm: Uint8Array;
let webm: Uint8Array;
let audioDir: string;
const resumeWindowMs = 4_000;
const idleTimeoutMs = 2_000;
const maxFrameBytes = 16_000;
/** Longer than the dialogue (39 s), so only the test that streams it twice reaches it. */
const maxDurationMs = 45_000;

beforeAll(async () => {
  audioDir = await mkdtemp(join(tmpdir(), "confide-live-audio-"));
  const dialogue = await makeDialogueWav({ directory: audioDir });
  pcm = await readLivePcm(dialogue.stereoPath, 2);
  // What a browser's MediaRecorder sends: WebM/Opus, 48 kHz stereo.
  const webmPath = join(audioDir, "dialogue.webm");
  await promisify(execFile)("ffmpeg", ["-v", "error", "-i", dialogue.stereoPath, "-c:a", "libopus", "-ar", "48000", "-ac", "2", "-f", "webm", webmPath]);
  webm = new Uint8Array(await readFile(webmPath));
  server = await startEmbeddedServer({
    CONFIDE_LIVE: "instant-fake",
    CONFIDE_LIVE_FAKE_SCRIPT: JSON.stringify({ 0: linesOf("therapist"), 1: linesOf("patient") }),
    CONFIDE_LIVE_RESUME_WINDOW_MS: String(resumeWindowMs),
    CONFIDE_LIVE_IDLE_TIMEOUT_MS: String(idleTimeoutMs),
    CONFIDE_LIVE_MAX_FRAME_BYTES: String(maxFrameBytes),
    CONFIDE_LIVE_MAX_SESSIONS: "2",
    CONFIDE_LIVE_MAX_DURATION_MS: String(maxDurationMs),
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await rm(audioDir, { recursive: true, force: true });
});

const startMessage = (extra: Record<string, unknown> = {}) => ({
  type: "start",
  patientId: server.accounts.patient.user.id,
  title: "Live",
  channelLayout: "per-channel",
  format: { encoding: "pcm", channels: 2 },
  agenda: ["My manager", "Holiday plans"],
  ...extra,
});

/** The recording as the API serves it. */
async function storedAudio(sessionId: string): Promise<Uint8Array> {
  const response = await fetch(`${server.baseUrl}/v1/sessions/${sessionId}/audio`, { headers: { authorization: `Bearer ${server.tokens.therapist}` } });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const pcmOfWav = (wav: Uint8Array) => Buffer.from(wav.subarray(44));

async function startedSession(socket: LiveSocket): Promise<LiveMessage> {
  const started = await socket.next("started");
  expect(started).toMatchObject({ resumed: false, storedBytes: 0 });
  return started;
}

// The two describes run at the same time (each streams the dialogue at real-time pace for about
// 40 s, mostly waiting); the tests within each run one after another.
describe("live sessions over /v1/live", { concurrent: true }, () => {
  describe("on the instant fake engine, one connection after another", { concurrent: false }, () => {
    it("streams the dialogue at real-time pace: finals of both speakers while it plays, patient sentiment, a topic covered, then a ready session with notes", async () => {
      const socket = await openLiveSocket(server.baseUrl, { protocols: ["confide.live.v1", `bearer.${server.tokens.therapist}`] });
      expect(socket.socket.protocol).toBe("confide.live.v1");
      socket.send(startMessage());
      const started = await startedSession(socket);
      const sessionId = started.sessionId as string;
      expect(started.agenda).toEqual([
        expect.objectContaining({ id: "topic-1", text: "My manager", covered: null }),
        expect.objectContaining({ id: "topic-2", text: "Holiday plans", covered: null }),
      ]);

      const sent = await socket.stream(pcm, { channels: 2, pace: 1 });
      const streamEndedAt = performance.now();
      expect(sent).toBe(pcm.length);
      socket.send({ type: "stop" });
      const ended = await socket.next("ended", 60_000);
      expect(ended).toMatchObject({ sessionId, reason: "client", storedBytes: pcm.length });
      expect(["queued", "transcribing", "analyzing", "writing_notes", "ready"]).toContain(ended.status);
      expect((await socket.closed).code).toBe(1000);

      const finals = socket.messages.filter((message) => message.type === "final");
      // Both speakers' finals arrive while the audio is still being sent.
      for (const role of ["therapist", "patient"]) {
        expect(finals.some((final) => final.role === role && final.receivedAt < streamEndedAt)).toBe(true);
      }
      expect(finals.filter((final) => final.role === "therapist").map((final) => final.text)).toEqual(linesOf("therapist"));
      expect(finals.filter((final) => final.role === "patient").map((final) => final.text)).toEqual(linesOf("patient"));
      // Each patient final is followed by its sentiment; the therapist's have none.
      const sentiment = socket.messages.filter((message) => message.type === "sentiment");
      const patientFinals = finals.filter((final) => final.role === "patient");
      expect(sentiment.map((message) => message.segmentId)).toEqual(patientFinals.map((final) => final.segmentId));
      for (const message of sentiment) {
        const final = patientFinals.find((candidate) => candidate.segmentId === message.segmentId) as LiveMessage;
        expect(socket.messages.indexOf(message)).toBeGreaterThan(socket.messages.indexOf(final));
      }
      expect(sentiment.find((message) => message.segmentId === patientFinals[1]?.segmentId)).toMatchObject({ label: "negative" });
      // "My manager" is covered by the patient's line about the manager; the holiday never comes up.
      const covered = socket.messages.filter((message) => message.type === "topic_covered");
      const managerLine = finals.find((final) => String(final.text).includes("manager")) as LiveMessage;
      expect(covered).toEqual([expect.objectContaining({ itemId: "topic-1", segmentId: managerLine.segmentId, matchedTerms: ["manager"] })]);
      expect(managerLine.role).toBe("patient");
      // Stored audio acknowledgements at most about a second apart while it played.
      const acks = socket.messages.filter((message) => message.type === "ack");
      expect(acks.length).toBeGreaterThan((pcm.length / 64_000) * 0.8);

      const [ready] = await waitUntilReady(server.baseUrl, server.tokens.therapist, [sessionId], 120_000);
      expect(ready?.transcript?.segments.map((segment) => segment.id).sort()).toEqual(finals.map((final) => final.segmentId).sort());
      expect(ready?.transcript?.speakers).toEqual([
        { label: "ch0", channel: 0, role: "therapist" },
        { label: "ch1", channel: 1, role: "patient" },
      ]);
      const full = (await (await fetch(`${server.baseUrl}/v1/sessions/${sessionId}`, { headers: { authorization: `Bearer ${server.tokens.therapist}` } })).json()) as {
        notes: unknown;
        live: { agenda: Array<{ id: string; covered: { segmentId: string } | null }> };
      };
      expect(full.notes).toBeTruthy();
      expect(full.live.agenda.map((item) => [item.id, item.covered?.segmentId ?? null])).toEqual([
        ["topic-1", managerLine.segmentId],
        ["topic-2", null],
      ]);
      expect(pcmOfWav(await storedAudio(sessionId)).equals(Buffer.from(pcm))).toBe(true);
    }, 180_000);

    it("resumes after the connection is killed mid-way: the stored audio is byte-identical to what was sent", async () => {
      const first = await openLiveSocket(server.baseUrl);
      first.send(startMessage({ token: server.tokens.therapist }));
      const started = await startedSession(first);
      const half = Math.floor(pcm.length / 2);
      await first.stream(pcm, { channels: 2, pace: 4, until: (sentBytes) => sentBytes >= half });
      first.socket.terminate();

      const second = await openLiveSocket(server.baseUrl);
      second.send({ type: "resume", token: server.tokens.therapist, sessionId: started.sessionId, resumeToken: started.resumeToken });
      const resumed = await second.next("started");
      expect(resumed).toMatchObject({ sessionId: started.sessionId, resumed: true });
      const from = resumed.storedBytes;
      expect(from).toBeGreaterThan(0);
      expect(from).toBeLessThanOrEqual(half + 6_400);
      await second.stream(pcm.subarray(from), { channels: 2, pace: 4 });
      second.send({ type: "stop" });
      expect(await second.next("ended", 60_000)).toMatchObject({ storedBytes: pcm.length });

      const wav = await storedAudio(started.sessionId as string);
      expect(wav.length).toBe(44 + pcm.length);
      expect(pcmOfWav(wav).equals(Buffer.from(pcm))).toBe(true);
      await waitUntilReady(server.baseUrl, server.tokens.therapist, [started.sessionId as string], 120_000);
    }, 180_000);

    it("lets no other therapist attach to the session, even with its resume token", async () => {
      const adminToken = await login(server.baseUrl, server.accounts.admin);
      const password = "another-long-password-77";
      const created = await fetch(`${server.baseUrl}/v1/admin/users`, {
        method: "POST",
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ email: "second-live@confide.local", displayName: "Second", role: "therapist", password }),
      });
      expect(created.status).toBe(201);
      const otherToken = await login(server.baseUrl, { user: { id: "", email: "second-live@confide.local", role: "therapist" }, password });

      const owner = await openLiveSocket(server.baseUrl);
      owner.send(startMessage({ token: server.tokens.therapist }));
      const started = await startedSession(owner);
      await owner.stream(pcm.subarray(0, 64_000), { channels: 2, pace: 4 });

      const intruder = await openLiveSocket(server.baseUrl);
      intruder.send({ type: "resume", token: otherToken, sessionId: started.sessionId, resumeToken: started.resumeToken });
      expect(await intruder.next("error")).toMatchObject({ code: "session.not_found" });
      expect((await intruder.closed).code).toBe(1008);
      // The owner's connection carries on, then ends normally.
      await owner.stream(pcm.subarray(64_000, 128_000), { channels: 2, pace: 4 });
      owner.send({ type: "stop" });
      expect(await owner.next("ended", 60_000)).toMatchObject({ storedBytes: 128_000 });
    }, 120_000);

    it("takes a browser's WebM/Opus: decoded for the engine, stored as sent", async () => {
      const socket = await openLiveSocket(server.baseUrl);
      socket.send(startMessage({ token: server.tokens.therapist, format: { encoding: "webm", channels: 2 } }));
      const started = await startedSession(socket);
      // MediaRecorder's timeslices: about 4 KB every 100 ms, sent 4 times faster than real time.
      for (let offset = 0; offset < webm.length; offset += 4_096) {
        socket.socket.send(webm.subarray(offset, offset + 4_096));
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      socket.send({ type: "stop" });
      const ended = await socket.next("ended", 60_000);
      expect(ended).toMatchObject({ storedBytes: webm.length });
      const finals = socket.messages.filter((message) => message.type === "final");
      expect(finals.filter((final) => final.role === "patient").map((final) => final.text)).toEqual(linesOf("patient"));
      expect(finals.filter((final) => final.role === "therapist").map((final) => final.text)).toEqual(linesOf("therapist"));
      const [ready] = await waitUntilReady(server.baseUrl, server.tokens.therapist, [started.sessionId as string], 120_000);
      expect(ready?.transcript?.segments.length).toBe(8);
      expect(Buffer.from(await storedAudio(started.sessionId as string)).equals(Buffer.from(webm))).toBe(true);
    }, 120_000);

    it("documents the protocol in the OpenAPI description", async () => {
      const document = (await (await fetch(`${server.baseUrl}/openapi.json`)).json()) as { info: { description: string } };
      for (const term of ["/v1/live", "Sec-WebSocket-Protocol", '"type":"resume"', "topic_covered", "storedBytes", "live.frame_too_large"]) {
        expect(document.info.description).toContain(term);
      }
    });

    it("refuses a token in the URL, and a start without any token", async () => {
      const inUrl = await openLiveSocket(server.baseUrl, { path: `/v1/live?access_token=${server.tokens.therapist}` });
      expect(await inUrl.next("error")).toMatchObject({ code: "auth.unauthenticated" });
      expect((await inUrl.closed).code).toBe(1008);
      const anonymous = await openLiveSocket(server.baseUrl);
      anonymous.send(startMessage());
      expect(await anonymous.next("error")).toMatchObject({ code: "auth.unauthenticated" });
      expect((await anonymous.closed).code).toBe(1008);
    }, 60_000);

    it("refuses a frame over the limit, closes an idle connection (resumable), and refuses a live session over the therapist's limit", async () => {
      const big = await openLiveSocket(server.baseUrl);
      big.send(startMessage({ token: server.tokens.therapist }));
      await startedSession(big);
      big.socket.send(new Uint8Array(maxFrameBytes + 2));
      expect(await big.next("error")).toMatchObject({ code: "live.frame_too_large" });
      expect((await big.closed).code).toBe(1009);

      const idle = await openLiveSocket(server.baseUrl);
      idle.send(startMessage({ token: server.tokens.therapist }));
      const idleStarted = await startedSession(idle);
      await idle.stream(pcm.subarray(0, 32_000), { channels: 2, pace: 4 });
      const idleError = await idle.next("error", idleTimeoutMs + 5_000);
      expect(idleError).toMatchObject({ code: "live.idle_timeout", storedBytes: 32_000 });
      // Still resumable with its token.
      const back = await openLiveSocket(server.baseUrl);
      back.send({ type: "resume", token: server.tokens.therapist, sessionId: idleStarted.sessionId, resumeToken: idleStarted.resumeToken });
      expect(await back.next("started")).toMatchObject({ resumed: true, storedBytes: 32_000 });

      // The frame-too-large session and this one are live (limit 2): a third start is refused.
      const third = await openLiveSocket(server.baseUrl);
      third.send(startMessage({ token: server.tokens.therapist }));
      expect(await third.next("error")).toMatchObject({ code: "live.too_many_sessions" });
      back.send({ type: "stop" });
      await back.next("ended", 60_000);
    }, 120_000);

    it("ends a session that reaches the longest duration with the audio received up to it, then processes it", async () => {
      const socket = await openLiveSocket(server.baseUrl);
      socket.send(startMessage({ token: server.tokens.therapist }));
      const started = await startedSession(socket);
      // Far more than the limit (four times the dialogue, about 3.5 times the longest duration), so
      // that a server slowed by a busy machine still cuts the stream before the client has sent it all.
      const long = Buffer.concat([pcm, pcm, pcm, pcm]);
      const sent = await socket.stream(long, { channels: 2, pace: 8 });
      const limitBytes = (maxDurationMs / 1000) * 64_000;
      expect(sent).toBeLessThan(long.length);
      expect(await socket.next("error")).toMatchObject({ code: "live.too_long" });
      const ended = await socket.next("ended");
      expect(ended).toMatchObject({ reason: "limit" });
      // The frame that reached the limit is kept whole; nothing after it.
      expect(ended.storedBytes).toBeGreaterThanOrEqual(limitBytes);
      expect(ended.storedBytes).toBeLessThan(limitBytes + 6_400);
      expect((await socket.closed).code).toBe(1000);
      const sessionId = started.sessionId as string;
      await waitUntilReady(server.baseUrl, server.tokens.therapist, [sessionId], 120_000);
      expect(pcmOfWav(await storedAudio(sessionId)).equals(long.subarray(0, ended.storedBytes))).toBe(true);
    }, 120_000);

    it("ends an abandoned session with the audio it received once the resume window has passed", async () => {
      const socket = await openLiveSocket(server.baseUrl);
      socket.send(startMessage({ token: server.tokens.therapist }));
      const started = await startedSession(socket);
      const sent = await socket.stream(pcm, { channels: 2, pace: 4, until: (sentBytes) => sentBytes >= 3 * 64_000 });
      socket.socket.terminate();
      const sessionId = started.sessionId as string;
      expect((await getSession(server.baseUrl, server.tokens.therapist, sessionId)).status).toBe("live");
      await waitFor(
        async () => ((await getSession(server.baseUrl, server.tokens.therapist, sessionId)).status === "live" ? undefined : true),
        { timeoutMs: resumeWindowMs + 15_000, describe: () => "the abandoned session stayed live" },
      );
      await waitUntilReady(server.baseUrl, server.tokens.therapist, [sessionId], 120_000);
      expect(pcmOfWav(await storedAudio(sessionId)).equals(Buffer.from(pcm.subarray(0, sent)))).toBe(true);
    }, 120_000);

    it("stops recording when the patient withdraws consent mid-stream: the connection closes with consent.withdrawn and nothing after it is stored", async () => {
      const socket = await openLiveSocket(server.baseUrl);
      socket.send(startMessage({ token: server.tokens.therapist }));
      const started = await startedSession(socket);
      const sessionId = started.sessionId as string;
      try {
        const before = await socket.stream(pcm, { channels: 2, pace: 4, until: (sentBytes) => sentBytes >= 3 * 64_000 });
        const withdrawn = await fetch(`${server.baseUrl}/v1/me/consent/withdrawals`, {
          method: "POST",
          headers: { authorization: `Bearer ${server.tokens.patient}`, "content-type": "application/json" },
          body: JSON.stringify({ scopes: [{ scope: "recording" }], reason: "Please stop recording." }),
        });
        expect(withdrawn.status).toBe(201);
        expect(((await withdrawn.json()) as { stoppedSessionIds: string[] }).stoppedSessionIds).toContain(sessionId);
        // The client goes on sending, as a browser would until it hears: the server refuses it.
        const after = await socket.stream(pcm.subarray(before), { channels: 2, pace: 4 });
        expect(after).toBeLessThan(pcm.length - before);
        expect(await socket.next("error")).toMatchObject({ code: "consent.withdrawn" });
        const session = await getSession(server.baseUrl, server.tokens.therapist, sessionId);
        expect(session.status).toBe("failed");
        expect(session.processing?.lastError?.code).toBe("consent.withdrawn");
        // Only audio sent before the withdrawal is kept (some of it may not have been stored yet).
        const kept = pcmOfWav(await storedAudio(sessionId));
        expect(kept.length).toBeLessThanOrEqual(before);
        expect(kept.equals(Buffer.from(pcm.subarray(0, kept.length)))).toBe(true);
      } finally {
        socket.socket.terminate();
        await recordTestConsent(server.baseUrl, server.tokens.therapist, server.accounts.patient.user.id);
      }
    }, 120_000);
  });
});

describe("a live session with the embedded engine (PocketSphinx per utterance)", { concurrent: true }, () => {
  let embedded: EmbeddedServer;
  beforeAll(async () => {
    embedded = await startEmbeddedServer({ CONFIDE_LIVE: "embedded" });
  }, 120_000);
  afterAll(async () => {
    await embedded?.stop();
  });

  it("recognises both speakers while the dialogue plays at real-time pace, scores the patient, and ends ready with notes", async () => {
    const socket = await openLiveSocket(embedded.baseUrl, { protocols: ["confide.live.v1", `bearer.${embedded.tokens.therapist}`] });
    socket.send({ ...startMessage(), patientId: embedded.accounts.patient.user.id, agenda: ["Sleep"] });
    const started = await startedSession(socket);
    await socket.stream(pcm, { channels: 2, pace: 1 });
    const streamEndedAt = performance.now();
    socket.send({ type: "stop" });
    await socket.next("ended", 120_000);

    const finals = socket.messages.filter((message) => message.type === "final");
    for (const role of ["therapist", "patient"]) {
      expect(finals.some((final) => final.role === role && final.receivedAt < streamEndedAt)).toBe(true);
    }
    const patientSegments = new Set(finals.filter((final) => final.role === "patient").map((final) => final.segmentId));
    const sentiment = socket.messages.filter((message) => message.type === "sentiment");
    expect(sentiment.length).toBeGreaterThan(0);
    expect(sentiment.every((message) => patientSegments.has(message.segmentId))).toBe(true);
    const covered = socket.messages.filter((message) => message.type === "topic_covered");
    expect(covered).toEqual([expect.objectContaining({ itemId: "topic-1" })]);
    expect(String(finals.find((final) => final.segmentId === covered[0]?.segmentId)?.text)).toMatch(/sleep/);

    const [ready] = await waitUntilReady(embedded.baseUrl, embedded.tokens.therapist, [started.sessionId as string], 180_000);
    expect(ready?.transcript?.segments.length).toBe(finals.length);
    const full = (await (
      await fetch(`${embedded.baseUrl}/v1/sessions/${started.sessionId as string}`, { headers: { authorization: `Bearer ${embedded.tokens.therapist}` } })
    ).json()) as { notes: unknown };
    expect(full.notes).toBeTruthy();
  }, 300_000);
});
