/**
 * Live suggestions end to end: a real `confide serve` (embedded profile: the embedded risk
 * screen), a real WebSocket to `/v1/live`, an espeak-ng stereo dialogue (therapist left, patient
 * right) streamed at twice real time. The live engine is the instant fake (voice activity cuts
 * the utterances as the embedded engine does; each final says the script's line), as in
 * live-session.test.ts. The patient's statement of suicidal thinking yields a safety suggestion
 * citing its segment; the therapist asking that question takes it back; the next one is marked
 * asked (`suggestion-outcome`); the stored session keeps what became of each, with who and when.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeDialogueWav, readLivePcm } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server.ts";
import { openLiveSocket, type LiveMessage } from "../support/live-socket.ts";

const script = [
  { role: "therapist", text: "How have you been since we last met?" },
  { role: "patient", text: "Honestly, I have been thinking about killing myself." },
  { role: "therapist", text: "Have you thought about how you would do it?" },
  { role: "patient", text: "No, I have not thought about how." },
] as const;
const linesOf = (role: "therapist" | "patient") => script.filter((line) => line.role === role).map((line) => line.text);

let server: EmbeddedServer;
let pcm: Uint8Array;
let audioDir: string;

beforeAll(async () => {
  audioDir = await mkdtemp(join(tmpdir(), "confide-live-suggestions-"));
  const dialogue = await makeDialogueWav({ directory: audioDir, name: "safety", script: [...script] });
  pcm = await readLivePcm(dialogue.stereoPath, 2);
  server = await startEmbeddedServer({ CONFIDE_LIVE: "instant-fake", CONFIDE_LIVE_FAKE_SCRIPT: JSON.stringify({ 0: linesOf("therapist"), 1: linesOf("patient") }) });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (audioDir) await rm(audioDir, { recursive: true, force: true });
});

interface StoredSuggestion {
  id: string;
  kind: string;
  cites: string[];
  withdrawn: { reason: string; at: string } | null;
  outcome: { action: string; by: string; at: string } | null;
}

describe("live suggestions over /v1/live", () => {
  it("suggests the next safety question after the patient states suicidal thinking, citing it; takes it back once asked; keeps the outcome", async () => {
    const socket = await openLiveSocket(server.baseUrl, { protocols: ["confide.live.v1", `bearer.${server.tokens.therapist}`] });
    socket.send({ type: "start", patientId: server.accounts.patient.user.id, title: "Safety", channelLayout: "per-channel", format: { encoding: "pcm", channels: 2 }, agenda: [] });
    const started = await socket.next("started");
    const sessionId = started.sessionId as string;
    await socket.stream(pcm, { channels: 2, pace: 2 });
    const intent = await socket.next("suggestion-withdrawn", 30_000).then(() => waitForSuggestion(socket.messages, "safety:intent"));
    socket.send({ type: "suggestion-outcome", id: intent.id as string, action: "used" });
    socket.send({ type: "stop" });
    await socket.next("ended", 60_000);

    const finals = socket.messages.filter((message) => message.type === "final");
    const statement = finals.find((final) => final.text === script[1].text) as LiveMessage;
    const question = finals.find((final) => final.text === script[2].text) as LiveMessage;
    expect(statement.role).toBe("patient");
    const suggestions = socket.messages.filter((message) => message.type === "suggestion");
    // The first: whether there is a method (the statement already answers the wish and the thoughts).
    expect(suggestions[0]).toMatchObject({ id: "safety:method", kind: "safety", cites: [statement.segmentId] });
    expect(String(suggestions[0]?.text)).toMatch(/how/i);
    expect(socket.messages.indexOf(suggestions[0] as LiveMessage)).toBeGreaterThan(socket.messages.indexOf(statement));
    expect(Number.isNaN(Date.parse(String(suggestions[0]?.at)))).toBe(false);
    // The therapist asked it in their own words: taken back, after their final.
    const withdrawn = socket.messages.find((message) => message.type === "suggestion-withdrawn") as LiveMessage;
    expect(withdrawn).toMatchObject({ id: "safety:method", reason: "asked" });
    expect(socket.messages.indexOf(withdrawn)).toBeGreaterThan(socket.messages.indexOf(question));
    // Then intent, never method again.
    expect(suggestions.map((message) => message.id)).toEqual(["safety:method", "safety:intent"]);
    expect(intent.cites).toContain(statement.segmentId);

    const response = await fetch(`${server.baseUrl}/v1/sessions/${sessionId}`, { headers: { authorization: `Bearer ${server.tokens.therapist}` } });
    const session = (await response.json()) as { live: { suggestions: StoredSuggestion[] } };
    const stored = session.live.suggestions;
    expect(stored.map((record) => [record.id, record.withdrawn?.reason ?? null, record.outcome?.action ?? null])).toEqual([
      ["safety:method", "asked", null],
      ["safety:intent", null, "used"],
    ]);
    expect(stored[1]?.outcome?.by).toBe(server.accounts.therapist.user.id);
  }, 120_000);

  it("refuses an outcome for a suggestion the session never made, and ends the connection with a stable code", async () => {
    const socket = await openLiveSocket(server.baseUrl, { protocols: ["confide.live.v1", `bearer.${server.tokens.therapist}`] });
    socket.send({ type: "start", patientId: server.accounts.patient.user.id, title: "No such", channelLayout: "per-channel", format: { encoding: "pcm", channels: 2 }, agenda: [] });
    await socket.next("started");
    socket.send({ type: "suggestion-outcome", id: "safety:method", action: "dismissed" });
    expect(await socket.next("error", 10_000)).toMatchObject({ code: "validation.invalid_input" });
  }, 60_000);
});

/** The suggestion with `id`, once it has arrived. */
async function waitForSuggestion(messages: LiveMessage[], id: string, timeoutMs = 30_000): Promise<LiveMessage> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = messages.find((message) => message.type === "suggestion" && message.id === id);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no suggestion ${id}; received ${messages.map((message) => message.type).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
