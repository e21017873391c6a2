import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { embeddedDiarizerDescriptor } from "@confide/adapters-local/embedded-diarizer";
import { makeDialogueWav, type DialogueAudio } from "@confide/contracts/support";
import { type ConfideDeps, createJobHandlers, diarizedSpeechToText, uploadSession } from "@confide/core";
import type { Session, TranscriptDraft } from "@confide/core/ports";
import { createScriptedSpeechToText, createTestDeps, type TestDeps } from "@confide/core/testing";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../app-fixture.test-support.ts";

const run = promisify(execFile);
const diarizer = await embeddedDiarizerDescriptor.create(embeddedDiarizerDescriptor.settings.parse({}));
const therapistVoice = "en-us+m3";
const patientVoice = "en-us+f3";
/** About 23 s read aloud: the sample the console asks for. */
const paragraph =
  "The north wind and the sun were disputing which was the stronger, when a traveller came along wrapped in a warm cloak. " +
  "They agreed that the one who first succeeded in making the traveller take his cloak off should be considered stronger than the other. " +
  "Then the north wind blew as hard as he could, but the more he blew the more closely did the traveller fold his cloak around him.";
/**
 * The patient speaks first and asks the questions; the therapist answers in statements: the
 * question heuristic takes the patient for the therapist here.
 */
const patientFirst = [
  { role: "patient" as const, text: "Why do I wake up so early every morning? What is wrong with me?" },
  { role: "therapist" as const, text: "Nothing is wrong with you. Worry often wakes people early." },
  { role: "patient" as const, text: "Could it be my job? Is that why I feel so tired?" },
  { role: "therapist" as const, text: "Your job may be part of it. We can look at your week together." },
];

let directory: string;
const files: Record<"sample" | "short" | "silence" | "music" | "long", Uint8Array> = {} as never;
let dialogue: DialogueAudio;

async function sox(args: string[]): Promise<void> {
  await run("sox", ["-D", ...args]);
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "confide-voice-test-"));
  const path = (name: string) => join(directory, `${name}.wav`);
  await Promise.all([
    run("espeak-ng", ["-v", therapistVoice, "-s", "150", "-w", path("sample"), paragraph]),
    run("espeak-ng", ["-v", therapistVoice, "-s", "150", "-w", path("short"), "The north wind and the sun were disputing which was the stronger."]),
    sox(["-n", "-r", "16000", "-c", "1", "-b", "16", path("silence"), "trim", "0", "15"]),
    // A tone sweeping up and down with a tremolo: sound with a pitch, and no voice.
    sox(["-n", "-r", "16000", "-c", "1", "-b", "16", path("music"), "synth", "15", "sine", "220-880", "tremolo", "3", "60"]),
    // 65 s (at 8 kHz, ~1 MB): over the 60 s limit.
    sox(["-n", "-r", "8000", "-c", "1", "-b", "16", path("long"), "synth", "65", "sine", "300"]),
    makeDialogueWav({ directory, name: "patient-first", script: patientFirst, voices: { therapist: therapistVoice, patient: patientVoice }, pauseMs: 600 }).then(
      (made) => {
        dialogue = made;
      },
    ),
  ]);
  for (const name of ["sample", "short", "silence", "music", "long"] as const) files[name] = new Uint8Array(await readFile(path(name)));
}, 60_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function enrolmentApp(): Promise<TestApp & { token: string }> {
  const deps = createTestDeps({ diarizer, settings: { maxUploadBytes: 8 * 1024 * 1024 } });
  const app = await createTestApp({ deps, maxUploadBytes: 8 * 1024 * 1024 });
  return { ...app, token: await app.tokenFor(app.therapist) };
}

function putVoice(app: TestApp & { token: string }, body: Uint8Array | string, consent: string | null = "voice-enrolment-v1") {
  return app.call(`/v1/me/voice${consent === null ? "" : `?consent=${consent}`}`, {
    method: "PUT",
    token: app.token,
    headers: { "Content-Type": "application/octet-stream" },
    body,
  });
}

describe("PUT, GET and DELETE /v1/me/voice", () => {
  it("enrols from a read-aloud sample, says so without the audio or the embedding, and erases", async () => {
    const app = await enrolmentApp();
    expect(await (await app.call("/v1/me/voice", { token: app.token })).json()).toMatchObject({ enrolled: false, enrolledAt: null });

    const put = await putVoice(app, files.sample);
    expect(put.status).toBe(200);
    const enrolled = (await put.json()) as Record<string, unknown>;
    expect(enrolled).toMatchObject({ enrolled: true, embedder: "embedded-mfcc-pitch-1", consent: { terms: "voice-enrolment-v1" } });
    expect(enrolled.speechMs).toBeGreaterThan(15_000);
    expect(enrolled.quality).toBeGreaterThan(0.5);
    expect(enrolled).not.toHaveProperty("embedding");

    const got = (await (await app.call("/v1/me/voice", { token: app.token })).json()) as Record<string, unknown>;
    expect(got).toEqual(enrolled);
    // Kept: the embedding on the account; not kept: the audio, anywhere in the blob store.
    expect((await app.deps.users.get(app.therapist.id))?.voice?.embedding).toHaveLength(20);
    expect(app.deps.blobs.keys()).toEqual([]);
    expect((await (await app.call("/v1/me", { token: app.token })).json()) as object).not.toHaveProperty("voice");

    const erased = await app.call("/v1/me/voice", { method: "DELETE", token: app.token });
    expect(erased.status).toBe(204);
    expect(await (await app.call("/v1/me/voice", { token: app.token })).json()).toMatchObject({ enrolled: false });
    expect((await app.deps.users.get(app.therapist.id))?.voice).toBeUndefined();
    expect((await app.call("/v1/me/voice", { method: "DELETE", token: app.token })).status).toBe(204);
  });

  it("lists the enrolment in the therapist's export, without the embedding", async () => {
    const app = await enrolmentApp();
    expect((await putVoice(app, files.sample)).status).toBe(200);
    const exported = (await (await app.call("/v1/me/export", { token: app.token })).json()) as { voiceEnrolment?: Record<string, unknown> };
    expect(exported.voiceEnrolment).toMatchObject({ enrolled: true, consent: { terms: "voice-enrolment-v1" } });
    expect(JSON.stringify(exported)).not.toContain("embedding");
  });

  it("is gone when an administrator erases the therapist's account", async () => {
    const app = await enrolmentApp();
    expect((await putVoice(app, files.sample)).status).toBe(200);
    const admin = await app.tokenFor(app.admin);
    expect((await app.call(`/v1/admin/users/${app.therapist.id}`, { method: "DELETE", token: admin })).status).toBe(200);
    expect(await app.deps.users.get(app.therapist.id)).toBeNull();
    expect((await app.deps.audit.list({ userId: app.therapist.id, limit: 50 })).items.map((event) => event.action)).toEqual(
      expect.arrayContaining(["user.voice.enrol", "user.erase"]),
    );
  });

  it.each([
    ["silence", () => files.silence, 422, "voice.no_speech"],
    ["a tone without a voice", () => files.music, 422, "voice.no_speech"],
    ["one sentence (under 10 s of speech)", () => files.short, 422, "voice.too_short"],
    ["over 60 s", () => files.long, 422, "voice.too_long"],
    ["not audio", () => new TextEncoder().encode("Dear diary, this is not a recording at all.".repeat(10)), 415, "upload.not_audio"],
    // PCM WAV samples are always decodable (garbage in one is noise: no_speech); an Ogg page header over garbage is not.
    ["an Ogg header over garbage", () => new Uint8Array([...new TextEncoder().encode("OggS"), ...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)]), 422, "voice.unreadable"],
  ])("refuses %s with its code and stores nothing", async (_name, body, status, code) => {
    const app = await enrolmentApp();
    const response = await putVoice(app, body());
    expect(response.status).toBe(status);
    expect(((await response.json()) as { code: string }).code).toBe(code);
    expect((await app.deps.users.get(app.therapist.id))?.voice).toBeUndefined();
    expect(await (await app.call("/v1/me/voice", { token: app.token })).json()).toMatchObject({ enrolled: false });
  });

  it("refuses a sample without the therapist's consent, and a patient's enrolment", async () => {
    const app = await enrolmentApp();
    const unconsented = await putVoice(app, files.sample, null);
    expect(unconsented.status).toBe(400);
    expect(((await unconsented.json()) as { code: string }).code).toBe("voice.consent_required");
    const patient = await putVoice({ ...app, token: await app.tokenFor(app.patient) }, files.sample);
    expect(patient.status).toBe(403);
    expect((await app.deps.users.get(app.therapist.id))?.voice).toBeUndefined();
    expect((await app.deps.users.get(app.patient.id))?.voice).toBeUndefined();
  });

  it("keeps the previous enrolment when a new sample is refused", async () => {
    const app = await enrolmentApp();
    const first = (await (await putVoice(app, files.sample)).json()) as Record<string, unknown>;
    expect((await putVoice(app, files.silence)).status).toBe(422);
    expect(await (await app.call("/v1/me/voice", { token: app.token })).json()).toEqual(first);
  });
});

describe("PUT /v1/me/voice on the real server (the Node request streamed)", () => {
  it("enrols from the streamed body, and answers a refused one with its code", async () => {
    const app = await enrolmentApp();
    const server = await new Promise<Server>((resolve) => {
      const started = serve({ fetch: app.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started as Server)) as Server;
    });
    try {
      const address = server.address() as { port: number };
      const put = (body: Uint8Array) =>
        fetch(`http://127.0.0.1:${address.port}/v1/me/voice?consent=voice-enrolment-v1`, {
          method: "PUT",
          headers: { Authorization: `Bearer ${app.token}`, "Content-Type": "application/octet-stream" },
          body,
        });
      const refused = await put(new TextEncoder().encode("not a recording ".repeat(20_000)));
      expect(refused.status).toBe(415);
      expect(((await refused.json()) as { code: string }).code).toBe("upload.not_audio");
      const enrolled = await put(files.sample);
      expect(enrolled.status).toBe(200);
      expect(await enrolled.json()).toMatchObject({ enrolled: true });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

/** What a speech engine without speakers answers for the dialogue: one speaker, words spread over each line. */
function oneSpeakerDraft(audio: DialogueAudio): TranscriptDraft {
  return {
    language: "en-US",
    durationMs: audio.durationMs,
    provider: "scripted",
    speakers: [{ label: "S1" }],
    segments: audio.lines.map((line) => {
      const words = line.text.split(" ");
      const step = (line.endMs - line.startMs) / words.length;
      return {
        speaker: "S1",
        startMs: line.startMs,
        endMs: line.endMs,
        text: line.text,
        words: words.map((text, index) => ({ text, startMs: Math.round(line.startMs + index * step), endMs: Math.round(line.startMs + (index + 1) * step) })),
      };
    }),
  };
}

describe("roles on a session of an enrolled therapist", () => {
  async function processDialogue(enrol: boolean): Promise<{ session: Session; roleOfLine: string[] }> {
    const base: TestDeps = createTestDeps({ diarizer, settings: { maxUploadBytes: 8 * 1024 * 1024 } });
    const scripted = createScriptedSpeechToText({ transcript: oneSpeakerDraft(dialogue) });
    const deps: ConfideDeps = { ...base, speech: diarizedSpeechToText(scripted, diarizer) };
    const app = await createTestApp({ deps: base, maxUploadBytes: 8 * 1024 * 1024 });
    const token = await app.tokenFor(app.therapist);
    if (enrol) expect((await putVoice({ ...app, token }, files.sample)).status).toBe(200);
    await base.queue.start(createJobHandlers(deps));
    const uploaded = await uploadSession(deps, { userId: app.therapist.id, role: "therapist" }, {
      patientId: app.patient.id,
      title: "Early waking",
      audio: new Blob([await readFile(dialogue.monoPath)]).stream(),
    });
    for (let step = 0; step < 10 && base.queue.pending().length > 0; step += 1) await base.queue.runDue();
    const response = await app.call(`/v1/sessions/${uploaded.id}`, { token });
    expect(response.status).toBe(200);
    const session = (await response.json()) as Session;
    const roleOf = new Map(session.transcript!.speakers.map((speaker) => [speaker.label, speaker.role]));
    const roleOfLine = dialogue.lines.map((line) => {
      const segment = session.transcript!.segments.find((s) => s.startMs < line.endMs && s.endMs > line.startMs);
      return roleOf.get(segment!.speaker) ?? "none";
    });
    return { session, roleOfLine };
  }

  it("finds the therapist by the enrolled voice where the question heuristic gets it wrong, and says which rule did", async () => {
    const truth = dialogue.lines.map((line) => line.role);
    const withoutVoice = await processDialogue(false);
    expect(withoutVoice.session.transcript!.roleAssignment).toEqual({ method: "heuristic", confidence: null });
    expect(withoutVoice.roleOfLine).not.toEqual(truth);

    const withVoice = await processDialogue(true);
    expect(withVoice.session.transcript!.speakerDetection?.method).toBe("diarizer");
    expect(withVoice.session.transcript!.roleAssignment?.method).toBe("voice");
    expect(withVoice.session.transcript!.roleAssignment?.confidence).toBeGreaterThan(0.5);
    expect(withVoice.roleOfLine).toEqual(truth);
    expect(JSON.stringify(withVoice.session)).not.toContain("embedding");
  }, 30_000);
});
