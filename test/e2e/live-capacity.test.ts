/**
 * Live sessions at capacity end to end: a real `confide serve` (embedded profile)
 * whose live engine (the instant fake) may run 2 streams (`CONFIDE_LIVE_MAX_STREAMS=2`); three
 * live sessions are offered at once over real WebSockets. Two get live text; the third is told at
 * the start that it is recorded only, gets no finals, stores its audio all the same and, once it
 * ends, is transcribed from its recording by the batch engine (PocketSphinx). `/readyz` shows the
 * capacity in use.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeDialogueWav, readLivePcm, therapyDialogue } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSession, waitUntilReady } from "../support/confide-api-client.ts";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server.ts";
import { openLiveSocket, type LiveSocket } from "../support/live-socket.ts";

/** The first two turns (about 9 s): enough for a final on each channel, short for the batch engine. */
const script = therapyDialogue.slice(0, 2);
const linesOf = (role: "therapist" | "patient") => script.filter((line) => line.role === role).map((line) => line.text);

let server: EmbeddedServer;
let pcm: Uint8Array;
let audioDir: string;

beforeAll(async () => {
  audioDir = await mkdtemp(join(tmpdir(), "confide-live-capacity-"));
  const dialogue = await makeDialogueWav({ directory: audioDir, name: "capacity", script });
  pcm = await readLivePcm(dialogue.stereoPath, 2);
  server = await startEmbeddedServer({
    CONFIDE_LIVE: "instant-fake",
    CONFIDE_LIVE_FAKE_SCRIPT: JSON.stringify({ 0: linesOf("therapist"), 1: linesOf("patient") }),
    CONFIDE_LIVE_MAX_STREAMS: "2",
    CONFIDE_LIVE_MAX_SESSIONS: "3",
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (audioDir) await rm(audioDir, { recursive: true, force: true });
});

async function readiness(): Promise<{ status: string; live?: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}/readyz`);
  return (await response.json()) as { status: string; live?: Record<string, unknown> };
}

describe("live sessions past the server's live capacity", () => {
  it("capacity 2, three sessions offered: two with live text, the third recorded only, told so at the start and transcribed after it ends", async () => {
    const sockets: LiveSocket[] = [];
    for (let index = 0; index < 3; index += 1) {
      const socket = await openLiveSocket(server.baseUrl, { protocols: ["confide.live.v1", `bearer.${server.tokens.therapist}`] });
      socket.send({
        type: "start",
        patientId: server.accounts.patient.user.id,
        title: `Capacity ${index + 1}`,
        channelLayout: "per-channel",
        format: { encoding: "pcm", channels: 2 },
        agenda: [],
      });
      await socket.next("started");
      sockets.push(socket);
    }
    const [first, second, third] = sockets as [LiveSocket, LiveSocket, LiveSocket];
    expect((await first.next("started")).recordOnly).toBeNull();
    expect((await second.next("started")).recordOnly).toBeNull();
    expect(await third.next("started")).toMatchObject({ recordOnly: "capacity", resumed: false });
    // Told right after the start, in a plain sentence.
    const notice = await third.next("warning");
    expect(notice).toMatchObject({ code: "live.capacity", message: "Live text is busy right now; this session is being recorded and will be transcribed when it ends." });
    expect(third.messages.findIndex((message) => message.type === "warning")).toBe(third.messages.findIndex((message) => message.type === "started") + 1);

    const ready = await readiness();
    expect(ready).toMatchObject({ status: "ready", live: { streamsInUse: 2, maxStreams: 2, admitting: false, recordOnlyReason: "capacity", recordOnlyStarted: 1 } });

    await Promise.all(sockets.map((socket) => socket.stream(pcm, { channels: 2, pace: 2 })));
    for (const socket of sockets) socket.send({ type: "stop" });
    const ended = await Promise.all(sockets.map((socket) => socket.next("ended", 60_000)));
    for (const message of ended) expect(message.storedBytes).toBe(pcm.length);

    const finalsOf = (socket: LiveSocket) => socket.messages.filter((message) => message.type === "final").map((message) => message.text);
    expect(finalsOf(first)).toEqual(expect.arrayContaining(script.map((line) => line.text)));
    expect(finalsOf(second)).toEqual(expect.arrayContaining(script.map((line) => line.text)));
    expect(finalsOf(third)).toEqual([]);
    expect((await readiness()).live).toMatchObject({ streamsInUse: 0, admitting: true });

    const sessionIds = ended.map((message) => message.sessionId as string);
    const views = await waitUntilReady(server.baseUrl, server.tokens.therapist, sessionIds, 240_000);
    const providers = await Promise.all(
      sessionIds.map(async (id) => ((await getSession(server.baseUrl, server.tokens.therapist, id)).transcript as unknown as { provider: string }).provider),
    );
    // The live ones keep their live transcript; the third was transcribed from its recording.
    expect(providers).toEqual(["instant-fake", "instant-fake", "pocketsphinx"]);
    expect(views[2]?.transcript?.segments.length).toBeGreaterThan(0);
  }, 360_000);
});
