/**
 * The streaming live engine end to end: a real `confide serve` (embedded profile) with
 * `CONFIDE_LIVE=vosk` pointed at the fake Vosk server (@confide/contracts/fakes `vosk-server.ts`,
 * the protocol of alphacep/vosk-server `websocket/asr_server.py`), a real WebSocket to `/v1/live`,
 * the espeak-ng stereo dialogue (therapist left, patient right). Partials come while a turn is
 * spoken, finals after it; when the speech server closes mid-stream the session goes on recorded
 * only — every byte stored — and is transcribed from its recording (PocketSphinx) once it ends.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startVoskServer, type VoskServer } from "@confide/contracts/fakes";
import { makeDialogueWav, readLivePcm, therapyDialogue } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSession, waitUntilReady } from "../support/confide-api-client.ts";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server.ts";
import { openLiveSocket, type LiveSocket } from "../support/live-socket.ts";

const script = therapyDialogue.slice(0, 2);
const phrases = ["how have you been this week", "i have been sleeping badly"];

let vosk: VoskServer;
let server: EmbeddedServer;
let pcm: Uint8Array;
let audioDir: string;

beforeAll(async () => {
  audioDir = await mkdtemp(join(tmpdir(), "confide-live-vosk-"));
  const dialogue = await makeDialogueWav({ directory: audioDir, name: "vosk", script });
  pcm = await readLivePcm(dialogue.stereoPath, 2);
  vosk = await startVoskServer({ phrases });
  server = await startEmbeddedServer({ CONFIDE_LIVE: "vosk", CONFIDE_VOSK_URL: vosk.url });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await vosk?.close();
  if (audioDir) await rm(audioDir, { recursive: true, force: true });
});

async function startSession(): Promise<LiveSocket> {
  const socket = await openLiveSocket(server.baseUrl, { protocols: ["confide.live.v1", `bearer.${server.tokens.therapist}`] });
  socket.send({ type: "start", patientId: server.accounts.patient.user.id, title: "Vosk", channelLayout: "per-channel", format: { encoding: "pcm", channels: 2 }, agenda: [] });
  expect(await socket.next("started")).toMatchObject({ recordOnly: null });
  return socket;
}

describe("live sessions on a Vosk server", () => {
  it("shows partial text while each turn is spoken and its final after it, by channel role", async () => {
    const socket = await startSession();
    await socket.stream(pcm, { channels: 2, pace: 2 });
    socket.send({ type: "stop" });
    await socket.next("ended", 60_000);
    const texts = socket.messages.filter((message) => message.type === "partial" || message.type === "final").map((message) => [message.type, message.text]);
    const firstFinal = texts.findIndex(([type]) => type === "final");
    expect(texts.slice(0, firstFinal).length, "partials before the first final").toBeGreaterThan(0);
    const finals = socket.messages.filter((message) => message.type === "final");
    // Each channel is its own Vosk stream: its finals say the fake's phrases in order (a pause
    // inside a spoken turn may end an utterance there, as Vosk's endpointing would).
    for (const role of ["therapist", "patient"]) {
      const ofRole = finals.filter((final) => final.role === role).map((final) => final.text);
      expect(ofRole[0], `${role}'s first final`).toBe(phrases[0]);
    }
  }, 120_000);

  it("goes on recorded only when the speech server closes mid-stream: every byte stored, the recording transcribed after the end", async () => {
    // Each channel's stream is closed by the server after 3 s of its audio.
    vosk.setFault("drop", 3 * 32_000);
    try {
      const socket = await startSession();
      await socket.stream(pcm, { channels: 2, pace: 2 });
      const warning = await socket.next("warning");
      expect(warning.code).toBe("provider.unavailable");
      socket.send({ type: "stop" });
      const ended = await socket.next("ended", 60_000);
      expect(ended.storedBytes).toBe(pcm.length);
      expect(socket.messages.some((message) => message.type === "error")).toBe(false);
      const sessionId = ended.sessionId as string;
      await waitUntilReady(server.baseUrl, server.tokens.therapist, [sessionId], 240_000);
      const session = (await getSession(server.baseUrl, server.tokens.therapist, sessionId)) as unknown as {
        audio: { sizeBytes: number };
        transcript: { provider: string; segments: unknown[] };
      };
      expect(session.audio.sizeBytes).toBe(44 + pcm.length);
      expect(session.transcript.provider).toBe("pocketsphinx");
      expect(session.transcript.segments.length).toBeGreaterThan(0);
    } finally {
      vosk.setFault(null);
    }
  }, 300_000);
});
