/**
 * Notes by the OpenAI-compatible writer end to end: the real `confide serve` process
 * with the embedded profile but `CONFIDE_NOTES=openai` pointed at the fake chat-completions
 * server. The first request is throttled (429, Retry-After 1): the pipeline's retry policy
 * writes the notes on a later attempt. The notes carry the model and prompt version, and no
 * log line carries the transcript.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAiChatServer, type FakeOpenAiChatServer } from "@confide/contracts/fakes";
import { makeDialogueWav, therapyDialogue, type DialogueAudio } from "@confide/contracts/support";
import { login, recordTestConsent, sessionStatusesUntilDone, uploadSession, type SeededAccount } from "../support/confide-api-client.ts";
import { serveEmbedded, type ServedEmbedded } from "../support/embedded-server.ts";

let embedded: ServedEmbedded;
let fake: FakeOpenAiChatServer;
let base: string;
let accounts: { therapist: SeededAccount; patient: SeededAccount };
let audio: DialogueAudio;

beforeAll(async () => {
  fake = await startFakeOpenAiChatServer({ reply: (_request, index) => (index === 0 ? { kind: "throttled", retryAfter: "1" } : { kind: "notes" }) });
  embedded = await serveEmbedded(
    {
      CONFIDE_LOG_LEVEL: "debug",
      CONFIDE_NOTES: "openai",
      CONFIDE_OPENAI_NOTES_URL: fake.url,
      CONFIDE_OPENAI_NOTES_MODEL: "notes-model",
    },
    { prefix: "confide-e2e-openai-notes-", timeoutMs: 30_000 },
  );
  accounts = embedded.accounts;
  base = embedded.baseUrl;
  // Two turns of the dialogue (about 11 s): both roles' speech for the notes to cite, without
  // PocketSphinx decoding the whole dialogue on both channels.
  audio = await makeDialogueWav({ directory: join(embedded.dataDir, "fixtures"), script: therapyDialogue.slice(0, 2) });
}, 120_000);

afterAll(async () => {
  expect(await embedded?.stop()).toBe(0);
  await fake?.close();
});

describe("notes by an OpenAI-compatible server, end to end over HTTP", () => {
  it("is ready with the notes server checked", async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: Array<{ name: string; ok: boolean }> }).checks).toContainEqual({ name: "notes:openai", ok: true });
  });

  it("writes grounded notes after a throttled first request, with provenance, and logs no transcript", async () => {
    const token = await login(base, accounts.therapist);
    const auth = { authorization: `Bearer ${token}` };
    // The notes server is on this machine (inside the deployment): no cloud_processing needed, ai_notes is.
    await recordTestConsent(base, token, accounts.patient.user.id);
    // uploadSession checks the answer is 201 Created (and throws with its body when not).
    const { id } = await uploadSession(base, token, {
      patientId: accounts.patient.user.id,
      title: "Week 5",
      audio: new Uint8Array(await readFile(audio.stereoPath)),
      settings: { channelLayout: "per-channel", channelRoles: ["therapist", "patient"] },
    });

    expect((await sessionStatusesUntilDone(base, token, id)).at(-1)).toBe("ready");

    const session = (await (await fetch(`${base}/v1/sessions/${id}`, { headers: auth })).json()) as {
      transcript: { segments: Array<{ id: string; text: string }> };
      notes: { quality: { grounded: number; unverified: number; notAssessed: number }; provenance: Record<string, unknown> } & Record<string, unknown>;
    };
    // The 429, then the notes: the step was retried, not failed.
    expect(fake.received.length).toBe(2);
    expect(fake.received[1]!.lines.map((line) => line.segmentId)).toEqual(
      session.transcript.segments.filter((segment) => segment.text.trim() !== "").map((segment) => segment.id),
    );
    expect(session.notes.provenance).toMatchObject({ provider: "openai", model: "fake-notes-model", promptVersion: "confide-notes-prompt-2" });
    expect(typeof session.notes.provenance.writtenAt).toBe("string");
    // Every citation of the model holds; what is unverified is a claim its cited words do not carry
    // (the fake's key topic is a line's longest word, which may name nothing: "afterwards").
    const claims = Object.values(session.notes)
      .filter((value): value is Array<{ text: string; verification: { status: string }; support?: string }> => Array.isArray(value))
      .flat();
    expect(claims.filter((claim) => claim.verification.status === "unverified" && claim.support !== "unsupported")).toEqual([]);
    expect(session.notes.quality.unverified).toBe(claims.filter((claim) => claim.support === "unsupported").length);
    expect(session.notes.quality.grounded).toBeGreaterThan(0);

    // No log line, debug level included, carries a line of the transcript.
    const log = embedded.process.lines.join("\n");
    expect(log).toContain("provider.throttled");
    for (const segment of session.transcript.segments.filter((candidate) => candidate.text.length >= 12)) {
      expect(log).not.toContain(segment.text);
    }
  }, 180_000);
});
