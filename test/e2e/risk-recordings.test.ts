/**
 * The risk screen on recorded speech, through the API of a real `confide serve` with the embedded
 * profile (PocketSphinx): a risk sentence the engine mishears is never reported as "No risk
 * language found", and on one microphone (no roles) an explicit first-person statement pages,
 * marked "speaker not known".
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, readSseEvents } from "@confide/contracts/support";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server.ts";

let server: EmbeddedServer;

interface RiskBody {
  flags: Array<{ tier: string; alert: boolean; speaker: string; speakerNote?: string; category?: string; basis?: string }>;
  unscreened: Array<{ segmentId: string; startMs: number; endMs: number }>;
  wordCertainty?: string;
  summary: string;
}

/** Uploads a mono recording of the patient's voice alone, with no roles, and answers the session once processed. */
async function processedMono(name: string, lines: string[]): Promise<{ risk: RiskBody; transcript: { segments: Array<{ id: string; text: string }> } }> {
  const audio = await makeDialogueWav({ directory: join(server.dataDir, "fixtures"), name, script: lines.map((text) => ({ role: "patient" as const, text })) });
  const auth = { authorization: `Bearer ${server.tokens.therapist}` };
  const form = new FormData();
  form.append("patientId", server.accounts.patient.user.id);
  form.append("title", name);
  // One microphone, no speaker separation: nobody's role is known.
  form.append("settings", JSON.stringify({ channelLayout: "mono", diarization: false }));
  form.append("audio", new Blob([await readFile(audio.monoPath)], { type: "audio/wav" }), `${name}.wav`);
  const created = await fetch(`${server.baseUrl}/v1/sessions`, { method: "POST", headers: auth, body: form });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const stream = await fetch(`${server.baseUrl}/v1/sessions/${id}/events`, { headers: auth });
  await readSseEvents(stream, (event) => /"(ready|failed)"/.test(event.data));
  const detail = await fetch(`${server.baseUrl}/v1/sessions/${id}`, { headers: auth });
  expect(detail.status).toBe(200);
  return (await detail.json()) as { risk: RiskBody; transcript: { segments: Array<{ id: string; text: string }> } };
}

beforeAll(async () => {
  server = await startEmbeddedServer();
}, 120_000);

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

describe("the risk screen on recorded speech, over HTTP", () => {
  it("a risk sentence the engine mishears gets 'could not be screened', never 'No risk language found'", async () => {
    // PocketSphinx hears this as other words, most of them marked unsure.
    const session = await processedMono("misheard", ["I have been thinking about ending my life. I have the pills saved up."]);
    const heard = session.transcript.segments.map((segment) => segment.text).join(" ");
    expect(heard).not.toMatch(/ending my life/);
    expect(session.risk.flags.filter((flag) => flag.tier === "page")).toEqual([]);
    expect(session.risk.unscreened.length).toBeGreaterThan(0);
    expect(session.risk.summary).toMatch(/^\d+ passages? could not be screened: the words are unsure \(0:\d\d/);
    expect(session.risk.summary).not.toMatch(/No risk language found/i);
  }, 120_000);

  it("on one microphone, an explicit first-person statement pages, marked 'speaker not known'", async () => {
    const session = await processedMono("mono-statement", ["I want to kill myself."]);
    const pages = session.risk.flags.filter((flag) => flag.tier === "page");
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ alert: true, speaker: "unknown", basis: "statement", speakerNote: expect.stringMatching(/^Speaker not known/) });
    expect(session.risk.summary).toContain("1 needing attention now");
  }, 120_000);
});
