/**
 * The whole product on one machine with no servers: the real `confide serve` process with the
 * embedded profile (PGlite, filesystem blobs, in-process queue, PocketSphinx, VADER, log push),
 * driven over real HTTP like a client would.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, readSseEvents, type DialogueAudio } from "@confide/contracts/support";
import { serveEmbedded, type ServedEmbedded } from "../support/embedded-server.ts";
import { recordTestConsent } from "../support/confide-api-client.ts";

interface Account {
  user: { id: string; email: string; role: string };
  password: string;
}

const maxUploadBytes = 8 * 1024 * 1024;
let embedded: ServedEmbedded;
let base: string;
let accounts: { admin: Account; therapist: Account; patient: Account };
let audio: DialogueAudio;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function login(account: Account): Promise<string> {
  const response = await fetch(`${base}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: account.user.email, password: account.password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function upload(token: string, fields: Record<string, string>, file: Blob, name: string): Promise<Response> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append("audio", file, name);
  return fetch(`${base}/v1/sessions`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
}

beforeAll(async () => {
  embedded = await serveEmbedded({ CONFIDE_MAX_UPLOAD_BYTES: String(maxUploadBytes) }, { prefix: "confide-e2e-", timeoutMs: 30_000 });
  accounts = embedded.accounts;
  base = embedded.baseUrl;
  audio = await makeDialogueWav({ directory: join(embedded.dataDir, "fixtures") });
}, 120_000);

afterAll(async () => {
  expect(await embedded?.stop()).toBe(0);
});

describe("embedded profile, end to end over HTTP", () => {
  it("is alive and ready, with the speech engine found", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    // Every configured adapter is checked.
    expect(((await ready.json()) as { checks: Array<{ name: string; ok: boolean }> }).checks).toEqual([
      { name: "database:pglite", ok: true },
      { name: "storage:filesystem", ok: true },
      { name: "speech:pocketsphinx", ok: true },
      { name: "language:vader", ok: true },
      { name: "queue:in-process", ok: true },
      { name: "push:log", ok: true },
      { name: "events:in-process", ok: true },
      { name: "notes:embedded", ok: true },
      { name: "risk:embedded", ok: true },
      { name: "live:embedded", ok: true },
      { name: "agenda:embedded", ok: true },
      { name: "diarizer:embedded", ok: true },
    ]);
  });

  it("uploads, transcribes both speakers, analyses the patient, reviews, finalises, searches and erases", async () => {
    const token = await login(accounts.therapist);
    const auth = { authorization: `Bearer ${token}` };
    await recordTestConsent(base, token, accounts.patient.user.id);

    const stereo = new Blob([await readFile(audio.stereoPath)], { type: "audio/wav" });
    const created = await upload(
      token,
      {
        patientId: accounts.patient.user.id,
        title: "Week 3 check-in",
        settings: JSON.stringify({ channelLayout: "per-channel", channelRoles: ["therapist", "patient"] }),
      },
      stereo,
      "session.wav",
    );
    expect(created.status).toBe(201);
    const session = (await created.json()) as { id: string; status: string };
    expect(created.headers.get("etag")).toMatch(/^"\d+"$/);

    // Follow the status over SSE until processing ends.
    const stream = await fetch(`${base}/v1/sessions/${session.id}/events`, { headers: auth });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = await readSseEvents(stream, (event) => /"(ready|failed)"/.test(event.data));
    const statuses = events.filter((e) => e.event === "status").map((e) => (JSON.parse(e.data) as { status: string }).status);
    expect(statuses.at(-1)).toBe("ready");

    const detail = await fetch(`${base}/v1/sessions/${session.id}`, { headers: auth });
    expect(detail.status).toBe(200);
    const etag = detail.headers.get("etag") as string;
    const body = (await detail.json()) as {
      transcript: { speakers: Array<{ label: string; role: string }>; segments: Array<{ id: string; speaker: string; text: string }> };
      sentiment: { segments: Array<{ segmentId: string; label: string }>; speakers: Array<{ speaker: string }> };
    };
    const roleOf = new Map(body.transcript.speakers.map((s) => [s.label, s.role]));
    const textOf = (role: string) =>
      body.transcript.segments.filter((s) => roleOf.get(s.speaker) === role).map((s) => s.text).join(" ").toLowerCase();
    // PocketSphinx is modest on synthetic speech: a few distinctive words from each side suffice.
    const therapistWords = ["sleeping", "week", "mind", "today", "work", "calm", "tell"];
    const patientWords = ["better", "happy", "job", "worried", "tired", "dog", "park", "morning", "sad"];
    expect(therapistWords.filter((w) => textOf("therapist").includes(w)).length).toBeGreaterThanOrEqual(2);
    expect(patientWords.filter((w) => textOf("patient").includes(w)).length).toBeGreaterThanOrEqual(2);

    const patientSegmentIds = new Set(body.transcript.segments.filter((s) => roleOf.get(s.speaker) === "patient").map((s) => s.id));
    expect(body.sentiment.segments.length).toBeGreaterThan(0);
    for (const result of body.sentiment.segments) expect(patientSegmentIds.has(result.segmentId)).toBe(true);

    // Edit a segment (If-Match), then finalise.
    const segment = body.transcript.segments.find((s) => roleOf.get(s.speaker) === "patient") as { id: string };
    const edited = await fetch(`${base}/v1/sessions/${session.id}/transcript`, {
      method: "PATCH",
      headers: { ...auth, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ edits: [{ segmentId: segment.id, text: "I feel much better about the lighthouse project" }] }),
    });
    expect(edited.status).toBe(200);
    const stale = await fetch(`${base}/v1/sessions/${session.id}/transcript`, {
      method: "PATCH",
      headers: { ...auth, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ edits: [{ segmentId: segment.id, text: "again" }] }),
    });
    expect(stale.status).toBe(412);
    const finalized = await fetch(`${base}/v1/sessions/${session.id}/finalize`, {
      method: "POST",
      headers: { ...auth, "if-match": edited.headers.get("etag") as string },
    });
    expect(finalized.status).toBe(200);

    // Search finds it by the corrected words.
    const search = await fetch(`${base}/v1/sessions?q=lighthouse`, { headers: auth });
    expect(((await search.json()) as { items: Array<{ id: string }> }).items.map((s) => s.id)).toEqual([session.id]);

    // The patient sees it, without sentiment.
    const patientToken = await login(accounts.patient);
    const patientView = await fetch(`${base}/v1/sessions/${session.id}`, { headers: { authorization: `Bearer ${patientToken}` } });
    expect(patientView.status).toBe(200);
    const patientBody = (await patientView.json()) as Record<string, unknown>;
    expect(patientBody.transcript).toBeTruthy();
    expect(patientBody).not.toHaveProperty("sentiment");

    // A second therapist gets 404, not 403.
    const adminToken = await login(accounts.admin);
    const otherPassword = "a-long-enough-password-42";
    const other = await fetch(`${base}/v1/admin/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "second@confide.local", displayName: "Second Therapist", role: "therapist", password: otherPassword }),
    });
    expect(other.status).toBe(201);
    const otherToken = await login({ user: { id: "", email: "second@confide.local", role: "therapist" }, password: otherPassword });
    const foreign = await fetch(`${base}/v1/sessions/${session.id}`, { headers: { authorization: `Bearer ${otherToken}` } });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("content-type")).toMatch(/application\/problem\+json/);

    // Erasure: the blob file is gone from disk and the session answers 404.
    const blobsBefore = await filesUnder(join(embedded.dataDir, "blobs"));
    expect(blobsBefore.some((path) => path.includes(session.id))).toBe(true);
    const deleted = await fetch(`${base}/v1/sessions/${session.id}`, { method: "DELETE", headers: auth });
    expect(deleted.status).toBe(204);
    expect((await fetch(`${base}/v1/sessions/${session.id}`, { headers: auth })).status).toBe(404);
    const blobsAfter = await filesUnder(join(embedded.dataDir, "blobs"));
    expect(blobsAfter.some((path) => path.includes(session.id))).toBe(false);
  }, 240_000);

  it("refuses a text file named .wav and an upload over the limit, storing nothing", async () => {
    const token = await login(accounts.therapist);
    const before = await filesUnder(join(embedded.dataDir, "blobs"));
    const listBefore = await fetch(`${base}/v1/sessions`, { headers: { authorization: `Bearer ${token}` } });
    const countBefore = ((await listBefore.json()) as { items: unknown[] }).items.length;

    const text = new Blob(["This is not audio, just notes about the session.\n".repeat(50)], { type: "audio/wav" });
    const notAudio = await upload(token, { patientId: accounts.patient.user.id }, text, "notes.wav");
    expect(notAudio.status).toBe(415);
    expect(((await notAudio.json()) as { code: string }).code).toBe("upload.not_audio");

    const bigPath = join(embedded.dataDir, "big.wav");
    const header = await readFile(audio.monoPath);
    await writeFile(bigPath, Buffer.concat([header, Buffer.alloc(maxUploadBytes + 1024)]));
    const tooBig = await upload(token, { patientId: accounts.patient.user.id }, new Blob([await readFile(bigPath)]), "big.wav");
    expect(tooBig.status).toBe(413);

    expect(await filesUnder(join(embedded.dataDir, "blobs"))).toEqual(before);
    const listAfter = await fetch(`${base}/v1/sessions`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await listAfter.json()) as { items: unknown[] }).items.length).toBe(countBefore);
  }, 60_000);
});
