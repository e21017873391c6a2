/**
 * What a therapist's client is told about processing, by the real embedded `confide serve`
 * (PocketSphinx on espeak-ng speech) over HTTP: the event stream reports every status the
 * session passes through — the analysis too, though VADER finishes it before the stream has
 * read the previous change — and the transcript says which requested features the engine
 * did not honour, and how the speakers were found (the embedded diarizer on a mono recording).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSession, login, recordTestConsent, waitUntilReady } from "../support/confide-api-client.ts";
import { makeDialogueWav, readSseEvents, therapyDialogue, type DialogueAudio } from "@confide/contracts/support";
import { serveEmbedded, type ServedEmbedded } from "../support/embedded-server.ts";

interface TranscriptWarning {
  type: string;
  feature?: string;
  message: string;
}

let embedded: ServedEmbedded;
let base: string;
let token: string;
let patientId: string;
let audio: DialogueAudio;
/** The dialogue's first two turns (about 9 s), for the tests of what the speakers are called. */
let shortAudio: DialogueAudio;
/** A male and a female voice: the default Klatt pair is near-identical to the embedded diarizer. */
let distinctVoices: DialogueAudio;

beforeAll(async () => {
  embedded = await serveEmbedded({}, { prefix: "confide-report-" });
  const { accounts } = embedded;
  patientId = accounts.patient.user.id;
  base = embedded.baseUrl;
  [audio, shortAudio, distinctVoices] = await Promise.all([
    makeDialogueWav({ directory: join(embedded.dataDir, "fixtures") }),
    makeDialogueWav({ directory: join(embedded.dataDir, "fixtures"), name: "short", script: therapyDialogue.slice(0, 2) }),
    makeDialogueWav({
      directory: join(embedded.dataDir, "fixtures"),
      name: "distinct",
      voices: { therapist: "en-us+m3", patient: "en-us+f3" },
    }),
  ]);
  token = await login(base, accounts.therapist);
  await recordTestConsent(base, token, accounts.patient.user.id);
}, 120_000);

afterAll(async () => {
  expect(await embedded?.stop()).toBe(0);
});

async function upload(path: string, settings: Record<string, unknown>): Promise<{ id: string; status: string }> {
  const form = new FormData();
  form.append("patientId", patientId);
  form.append("title", "Processing report");
  form.append("settings", JSON.stringify(settings));
  form.append("audio", new Blob([await readFile(path)], { type: "audio/wav" }), "session.wav");
  const response = await fetch(`${base}/v1/sessions`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; status: string };
}

/** Follows the session's event stream to its `end`; returns the status of every `status` event. */
async function followStatuses(sessionId: string): Promise<string[]> {
  const stream = await fetch(`${base}/v1/sessions/${sessionId}/events`, { headers: { authorization: `Bearer ${token}` } });
  expect(stream.status).toBe(200);
  const events = await readSseEvents(stream, (event) => event.event === "end");
  expect(events.at(-1)?.event).toBe("end");
  return events.filter((event) => event.event === "status").map((event) => (JSON.parse(event.data) as { status: string }).status);
}

/** Consecutive repeats (lease renewals write the same status again) folded into one. */
const distinct = (statuses: string[]) => statuses.filter((status, index) => status !== statuses[index - 1]);

const pipeline = ["uploaded", "queued", "transcribing", "analyzing", "writing_notes", "ready"];

describe("what the client is told about processing", () => {
  it("streams every status the session passes through, the short analysis included", async () => {
    const session = await upload(audio.monoPath, { channelLayout: "mono" });
    const statuses = distinct(await followStatuses(session.id));

    // The stream opens while the session waits or transcribes; from there, every step in order.
    expect(["queued", "transcribing"]).toContain(statuses[0]);
    expect(statuses).toEqual(pipeline.slice(pipeline.indexOf(statuses[0] as string)));
  }, 120_000);

  it("separates the speakers of a mono recording with the embedded diarizer's classical pipeline when no model is installed, and says so", async () => {
    const session = await upload(distinctVoices.monoPath, { channelLayout: "mono", diarization: true });
    const [ready] = await waitUntilReady(base, token, [session.id], 120_000);
    const view = (await getSession(base, token, session.id)) as unknown as {
      settings: { diarization: boolean };
      transcript: {
        speakers: Array<{ label: string; role: string }>;
        segments: Array<{ speaker: string; startMs: number; speakerConfidence?: number }>;
        warnings: TranscriptWarning[];
        speakerDetection?: { method: string; diarizer?: string; pipeline?: string; confidence: number | null };
      };
    };

    expect(ready?.status).toBe("ready");
    expect(view.settings.diarization).toBe(true);
    // This server's data directory has no models folder: the classical pipeline ran.
    expect(view.transcript.speakerDetection).toMatchObject({ method: "diarizer", diarizer: "embedded", pipeline: "classical" });
    expect(view.transcript.speakers.map((speaker) => speaker.label)).toEqual(["S1", "S2"]);
    // The therapist asks the questions: the heuristic names the first voice's speaker.
    const therapist = view.transcript.speakers.find((speaker) => speaker.role === "therapist")?.label;
    const firstLine = view.transcript.segments.find((segment) => segment.startMs < distinctVoices.lines[0]!.endMs);
    expect(therapist).toBe(firstLine?.speaker);
    expect(view.transcript.segments.every((segment) => typeof segment.speakerConfidence === "number")).toBe(true);
    expect(view.transcript.warnings.filter((warning) => warning.type === "unsupported" && warning.feature === "diarization")).toEqual([]);
  }, 120_000);

  it("keeps one speaker, with the engine's warning, when diarization is off", async () => {
    const session = await upload(shortAudio.monoPath, { channelLayout: "mono", diarization: false });
    await waitUntilReady(base, token, [session.id], 120_000);
    const view = (await getSession(base, token, session.id)) as unknown as {
      transcript: { speakers: Array<{ label: string }>; speakerDetection?: { method: string } };
    };
    expect(view.transcript.speakers.map((speaker) => speaker.label)).toEqual(["S1"]);
    expect(view.transcript.speakerDetection?.method).toBe("none");
  }, 120_000);

  it("has no diarization warning for a recording with one speaker per channel", async () => {
    const session = await upload(shortAudio.stereoPath, { channelLayout: "per-channel", channelRoles: ["therapist", "patient"] });
    await waitUntilReady(base, token, [session.id], 120_000);
    const view = (await getSession(base, token, session.id)) as unknown as {
      transcript: { speakers: Array<{ label: string; role: string }>; warnings: TranscriptWarning[] };
    };

    expect(view.transcript.speakers.map((speaker) => [speaker.label, speaker.role])).toEqual([
      ["ch0", "therapist"],
      ["ch1", "patient"],
    ]);
    expect(Array.isArray(view.transcript.warnings)).toBe(true);
    expect(view.transcript.warnings.map((warning) => warning.feature)).not.toContain("diarization");
  }, 120_000);
});
