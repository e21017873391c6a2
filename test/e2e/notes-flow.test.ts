/**
 * Clinical notes end to end: the real `confide serve` process with the embedded
 * profile (PocketSphinx, VADER, the embedded note writer), driven over HTTP: upload → ready
 * with notes → edit a segment → notes stale → regenerate → finalize → the patient sees the
 * summary only.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, therapyDialogue, type DialogueAudio } from "@confide/contracts/support";
import { serveEmbedded, type ServedEmbedded } from "../support/embedded-server.ts";
import { recordTestConsent, sessionStatusesUntilDone, uploadSession } from "../support/confide-api-client.ts";

interface Account {
  user: { id: string; email: string; role: string };
  password: string;
}

interface NoteItem {
  text: string;
  quote?: string;
  evidence: Array<{ segmentId: string; start: number; end: number }>;
  verification: { status: string; reason?: string };
  support?: string;
  type?: string;
}

/**
 * The claims of the notes whose citation failed: every list item and risk flag that is unverified
 * for a reason other than claim support (an unsupported claim — the cited words do not carry it —
 * is unverified too, and expected of the embedded writer's emotional themes).
 */
function failedCitations(notes: Notes): NoteItem[] {
  return Object.values(notes as unknown as Record<string, unknown>)
    .filter((value): value is NoteItem[] => Array.isArray(value))
    .flat()
    .filter((item) => item.verification.status === "unverified" && item.support !== "unsupported");
}

/** Every list item and risk flag of the notes: each carries the support core found. */
function claimsOf(notes: Notes): NoteItem[] {
  return Object.values(notes as unknown as Record<string, unknown>)
    .filter((value): value is NoteItem[] => Array.isArray(value))
    .flat();
}

interface Notes {
  keyTopics: NoteItem[] | { status: string };
  actionItems: NoteItem[];
  riskFlags: NoteItem[] | { status: "not_assessed"; reason: string };
  quality: { grounded: number; unverified: number; notAssessed: number };
  provenance: { provider: string; model: string; promptVersion: string };
  transcriptRevision: number;
  stale: boolean;
}

interface SessionBody {
  status: string;
  transcript: { speakers: Array<{ label: string; role: string }>; segments: Array<{ id: string; speaker: string; text: string }> };
  notes: Notes | null;
}

let embedded: ServedEmbedded;
let base: string;
let accounts: { therapist: Account; patient: Account };
let audio: DialogueAudio;

async function login(account: Account): Promise<string> {
  const response = await fetch(`${base}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: account.user.email, password: account.password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Ids of the sessions a search over HTTP finds. */
async function searchIds(token: string, q: string): Promise<string[]> {
  const response = await fetch(`${base}/v1/sessions?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id);
}

/** Titles of the pushes the log push adapter has logged so far. */
function pushTitles(): string[] {
  const entries = embedded.process.lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as { msg?: string; message?: string; title?: string }];
    } catch {
      return []; // not a JSON log line
    }
  });
  return entries.filter((entry) => (entry.msg ?? entry.message) === "push.notification").map((entry) => entry.title as string);
}

beforeAll(async () => {
  embedded = await serveEmbedded({}, { prefix: "confide-e2e-notes-", timeoutMs: 30_000 });
  accounts = embedded.accounts;
  base = embedded.baseUrl;
  // Two turns of the dialogue (about 11 s): both roles' speech for the notes to cite, without
  // PocketSphinx decoding the whole dialogue on both channels.
  audio = await makeDialogueWav({ directory: join(embedded.dataDir, "fixtures"), script: therapyDialogue.slice(0, 2) });
}, 120_000);

afterAll(async () => {
  expect(await embedded?.stop()).toBe(0);
});

describe("clinical notes, embedded profile, end to end over HTTP", () => {
  it("writes grounded notes, marks them stale on an edit, regenerates them, and shows the patient the summary only", async () => {
    const token = await login(accounts.therapist);
    const auth = { authorization: `Bearer ${token}` };
    await recordTestConsent(base, token, accounts.patient.user.id);
    // uploadSession checks the answer is 201 Created (and throws with its body when not).
    const { id } = await uploadSession(base, token, {
      patientId: accounts.patient.user.id,
      title: "Week 4",
      audio: new Uint8Array(await readFile(audio.stereoPath)),
      settings: { channelLayout: "per-channel", channelRoles: ["therapist", "patient"] },
    });

    // The status goes through writing_notes to ready.
    const statuses = await sessionStatusesUntilDone(base, token, id);
    expect(statuses).toContain("writing_notes");
    expect(statuses.at(-1)).toBe("ready");

    // Ready with notes, every citation holding; each claim says how well its cited words carry it.
    const detail = await fetch(`${base}/v1/sessions/${id}`, { headers: auth });
    const session = (await detail.json()) as SessionBody;
    const notes = session.notes as Notes;
    expect(notes).toMatchObject({ stale: false, transcriptRevision: 1, provenance: { provider: "embedded" } });
    expect(failedCitations(notes)).toEqual([]);
    expect(claimsOf(notes).length).toBeGreaterThan(0);
    for (const claim of claimsOf(notes)) expect(["quoted", "paraphrased", "unsupported"]).toContain(claim.support);
    expect(notes.quality.unverified).toBe(claimsOf(notes).filter((claim) => claim.support === "unsupported").length);
    expect(notes.quality.grounded).toBeGreaterThan(0);
    const segmentIds = new Set(session.transcript.segments.map((segment) => segment.id));
    expect(Array.isArray(notes.keyTopics)).toBe(true);
    for (const topic of notes.keyTopics as NoteItem[]) for (const span of topic.evidence) expect(segmentIds.has(span.segmentId)).toBe(true);

    // The therapist's phone is registered: a change that brings new risk language pushes to it.
    const device = await fetch(`${base}/v1/devices`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ token: "e2e-phone-token-123456", platform: "android" }),
    });
    expect(device.status).toBeLessThan(300);
    const pushesBefore = pushTitles();

    // Edit a patient segment: the notes are kept, marked stale; the risk screen reads the new words at once.
    const roleOf = new Map(session.transcript.speakers.map((speaker) => [speaker.label, speaker.role]));
    const patientSegment = session.transcript.segments.find((segment) => roleOf.get(segment.speaker) === "patient") as { id: string };
    const said = "Next week I will call my sister. I have been thinking about ending my life.";
    const edited = await fetch(`${base}/v1/sessions/${id}/transcript`, {
      method: "PATCH",
      headers: { ...auth, "content-type": "application/json", "if-match": detail.headers.get("etag") as string },
      body: JSON.stringify({ edits: [{ segmentId: patientSegment.id, text: said }] }),
    });
    expect(edited.status).toBe(200);
    const editedBody = (await edited.json()) as SessionBody & { risk: { flags: Array<Record<string, unknown>>; summary: string } };
    expect(editedBody.notes?.stale).toBe(true);
    expect(editedBody.risk.flags).toContainEqual(
      expect.objectContaining({
        category: "active_ideation",
        speaker: "patient",
        quote: "I have been thinking about ending my life.",
        evidence: [{ segmentId: patientSegment.id, start: 33, end: said.length }],
        sources: ["screen:embedded"],
        verification: { status: "grounded" },
        alert: true,
      }),
    );
    // The new flag paged the therapist (the log push adapter): high priority, no clinical content.
    expect(pushTitles().slice(pushesBefore.length)).toEqual(["Session changed: risk flagged"]);

    // Regenerate: fresh notes from the corrected transcript; risk stays the screen's, not paged again.
    const regenerated = await fetch(`${base}/v1/sessions/${id}/notes:regenerate`, {
      method: "POST",
      headers: { ...auth, "if-match": edited.headers.get("etag") as string },
    });
    expect(regenerated.status).toBe(200);
    const regeneratedBody = (await regenerated.json()) as SessionBody & { risk: { flags: unknown[] } };
    const fresh = regeneratedBody.notes as Notes;
    expect(fresh).toMatchObject({ stale: false, transcriptRevision: 2 });
    expect(failedCitations(fresh)).toEqual([]);
    // The commitment said in the edit is quoted: its words are the patient's own.
    expect(fresh.actionItems.find((item) => item.quote === "Next week I will call my sister.")?.support).toBe("quoted");
    expect(fresh.riskFlags).toMatchObject({ status: "not_assessed" });
    expect(regeneratedBody.risk.flags).toHaveLength(editedBody.risk.flags.length);
    expect(fresh.actionItems.map((item) => item.quote)).toContain("Next week I will call my sister.");
    expect(pushTitles().slice(pushesBefore.length)).toEqual(["Session changed: risk flagged"]);

    // The therapist writes the patient's summary, then finalizes: the notes are locked.
    const summary = "We talked about your week. You will call your sister and try journaling; we will follow up next session.";
    const written = await fetch(`${base}/v1/sessions/${id}/notes`, {
      method: "PUT",
      headers: { ...auth, "content-type": "application/json", "if-match": regenerated.headers.get("etag") as string },
      body: JSON.stringify({ patientSummary: summary, therapistNotes: "Agree a safety plan with the crisis line." }),
    });
    expect(written.status).toBe(200);
    // Search covers the notes for the therapist.
    expect(await searchIds(token, "crisis line")).toEqual([id]);
    // The sign-off is refused while the risk flag is unacknowledged; acknowledging each opens it.
    const refused = await fetch(`${base}/v1/sessions/${id}/finalize`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "if-match": written.headers.get("etag") as string },
      body: JSON.stringify({ releaseSummaryToPatient: true }),
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "session.risk_unacknowledged" });
    let etag = written.headers.get("etag") as string;
    for (const flag of (regeneratedBody.risk.flags as Array<{ id: string }>)) {
      const acknowledged = await fetch(`${base}/v1/sessions/${id}/risk-flags/${flag.id}/acknowledgement`, {
        method: "POST",
        headers: { ...auth, "if-match": etag, "content-type": "application/json" },
        body: JSON.stringify({ action: "discussed" }),
      });
      expect(acknowledged.status).toBe(200);
      etag = acknowledged.headers.get("etag") as string;
    }
    const finalized = await fetch(`${base}/v1/sessions/${id}/finalize`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ releaseSummaryToPatient: true }),
    });
    expect(finalized.status).toBe(200);
    const locked = await fetch(`${base}/v1/sessions/${id}/notes:regenerate`, { method: "POST", headers: auth });
    expect(locked.status).toBe(409);

    // The patient sees the summary only.
    const patientView = await fetch(`${base}/v1/sessions/${id}`, { headers: { authorization: `Bearer ${await login(accounts.patient)}` } });
    expect(patientView.status).toBe(200);
    const patientBody = (await patientView.json()) as Record<string, unknown>;
    expect(patientBody.patientSummary).toBe(summary);
    expect(patientBody).not.toHaveProperty("notes");
    expect(JSON.stringify(patientBody)).not.toContain("self_harm");

    // The patient's search finds the summary they read, never the therapist's notes.
    const patientToken = await login(accounts.patient);
    expect(await searchIds(patientToken, "journaling")).toEqual([id]);
    expect(await searchIds(patientToken, "crisis")).toEqual([]);
    expect(await searchIds(token, "crisis")).toEqual([id]);
  }, 240_000);
});
