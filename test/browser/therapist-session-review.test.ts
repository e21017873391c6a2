/**
 * The session page as a therapist reviews a whole dialogue, over a real `confide serve`
 * (embedded profile) in the system's Chromium: a correction that raises a risk flag is said by
 * its segment and in the live region, with a link to the banner; the sign-off review warns
 * first when the notes are older than the transcript (opening at its top on a phone) and
 * writes them again; a single segment is given to the other speaker; a speaker's few seconds
 * play; a failed session says what failed, not "No notes yet"; the page of a short session
 * stays short. axe-core at 1280, 390 and 360 px. Screenshots of the stale sign-off at 390 px
 * go to $CONFIDE_SHOTS_DIR when set.
 */
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, therapyDialogue } from "@confide/contracts/support";
import { getSession, uploadSession, waitUntilReady } from "../support/confide-api-client.ts";
import { makeUndecodableWav } from "../support/tone-wav.ts";
import { signIn, startConsoleHarness, type ConsoleHarness, type ConsolePage } from "./support/console-harness.ts";

const processingTimeoutMs = 240_000;

/** What the patient is corrected to have said: the embedded screen flags it as current. */
const riskWords = "I have been thinking about ending my life.";

interface Segment {
  id: string;
  speaker: string;
  startMs: number;
  endMs: number;
  text: string;
  speakerUncertain?: boolean;
}

interface TherapistSession {
  id: string;
  title: string;
  status: string;
  version: number;
  audio: { durationMs: number | null };
  transcript: { speakers: Array<{ label: string; role: string }>; segments: Segment[] };
  notes: { stale: boolean } | null;
  risk?: { flags: Array<{ id: string }> } | null;
  patientSummaryPreview?: string | null;
  processing: { lastError?: { code: string } | null };
}

let harness: ConsoleHarness;
let fixtures: string;
let therapist: ConsolePage;
let session: TherapistSession;
let broken: TherapistSession;

const shotsDirectory = process.env.CONFIDE_SHOTS_DIR;
const api = (id: string) => getSession(harness.baseUrl, harness.server.tokens.therapist, id) as unknown as Promise<TherapistSession>;

async function openSession(title: string): Promise<void> {
  const { page } = therapist;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

/** The session page's axe check at a desktop's, a phone's and a small phone's width. */
async function checkWidths(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1280, 900], [390, 844], [360, 780]] as const) {
    await page.setViewportSize({ width, height });
    expect((await harness.checkScreen(page, `${name}-${width}`)).violations).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "confide-browser-review-"));
  const [dialogue, started] = await Promise.all([makeDialogueWav({ directory: fixtures, name: "session-review", script: therapyDialogue }), startConsoleHarness()]);
  harness = started;
  const token = harness.server.tokens.therapist;
  const patientId = harness.server.accounts.patient.user.id;
  // A WAV naming a codec no decoder has: accepted at upload, refused by the decoder.
  const undecodable = makeUndecodableWav();
  const [created, failing] = await Promise.all([
    uploadSession(harness.baseUrl, token, { patientId, title: "Whole dialogue", audio: new Uint8Array(await readFile(dialogue.monoPath)), settings: { language: "en-US" } }),
    uploadSession(harness.baseUrl, token, { patientId, title: "Not audio inside", audio: undecodable, settings: { language: "en-US" } }),
  ]);
  await waitUntilReady(harness.baseUrl, token, [created.id], processingTimeoutMs);
  session = await api(created.id);
  const deadline = Date.now() + processingTimeoutMs;
  for (broken = await api(failing.id); broken.status !== "failed" && Date.now() < deadline; broken = await api(failing.id)) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  therapist = await harness.newPage();
  await signIn(therapist.page, harness.server.accounts.therapist, "Sessions");
}, processingTimeoutMs * 2 + 120_000);

afterAll(async () => {
  await harness?.stop();
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

describe("the session page of a whole dialogue", () => {
  it("keeps a short session's page short, and passes axe at 1280, 390 and 360 px", async () => {
    await openSession(session.title);
    const { page } = therapist;
    await page.locator("ol.transcript > li").first().waitFor();
    const seconds = (session.audio.durationMs ?? 0) / 1000;
    expect(seconds).toBeGreaterThan(20);
    // Each width as opened on it (a phone opens the side parts closed).
    for (const [width, height, pxPerSecond] of [[1280, 900, 70], [390, 844, 90]] as const) {
      await page.setViewportSize({ width, height });
      await page.reload();
      await page.locator("ol.transcript > li").first().waitFor();
      const measured = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { documentElement: { scrollHeight: number }; querySelectorAll(s: string): ArrayLike<{ className: string; id: string; tagName: string; getBoundingClientRect(): { height: number } }> } }).document;
        const parts = Array.from(doc.querySelectorAll(".session-view > *, .session-columns > *, .session-aside > *")).map((element) => `${element.tagName}.${element.className}#${element.id}: ${Math.round(element.getBoundingClientRect().height)}`);
        return { height: doc.documentElement.scrollHeight, parts };
      });
      console.log(`session page of ${seconds.toFixed(1)} s at ${width} px: ${measured.height} px (${measured.parts.join("; ")})`);
      // A few screens for half a minute of speech, not 5,000 px.
      expect(measured.height, `${width} px: ${measured.parts.join("; ")}`).toBeLessThan(seconds * pxPerSecond);
    }
    await checkWidths(page, "70-session-review");
  });

  it("marks segments whose speaker is uncertain, and plays a few seconds of a speaker", async () => {
    const { page } = therapist;
    // Opened on a desktop's width, the side parts are open.
    await page.reload();
    await page.locator("ol.transcript > li").first().waitFor();
    const uncertain = session.transcript.segments.filter((segment) => segment.speakerUncertain).length;
    expect(await page.locator("ol.transcript .badge-uncertain").count()).toBe(uncertain);
    const speakers = page.getByRole("region", { name: "Speakers" });
    const first = speakers.getByRole("button", { name: /^▶? ?Hear Speaker 1/ });
    await first.click();
    const started = await page.locator("audio").evaluate((element) => (element as unknown as { currentTime: number }).currentTime);
    const label = session.transcript.speakers[0]?.label;
    const theirs = session.transcript.segments.filter((segment) => segment.speaker === label);
    expect(theirs.some((segment) => Math.abs(segment.startMs / 1000 - started) < 0.6)).toBe(true);
    expect(therapist.problems).toEqual([]);
  });

  it("gives a single segment to the other speaker, leaving the others as they were", async () => {
    const { page } = therapist;
    const [one, other] = session.transcript.speakers;
    const segment = session.transcript.segments.find((candidate) => candidate.speaker === one?.label);
    if (!segment || !other) throw new Error(`Two speakers expected: ${JSON.stringify(session.transcript.speakers)}`);
    const item = page.locator(`li[data-segment-id="${segment.id}"]`);
    const before = await item.locator(".speaker").innerText();
    await item.getByRole("button", { name: /^Change the speaker of the segment at / }).click();
    const select = item.getByRole("combobox", { name: /^Who speaks in the segment at / });
    await select.selectOption(other.label);
    await item.getByRole("button", { name: "Save speaker" }).click();
    await item.getByRole("button", { name: /^Change the speaker of the segment at / }).waitFor();
    const stored = await api(session.id);
    const changed = new Map(stored.transcript.segments.map((candidate) => [candidate.id, candidate.speaker]));
    expect(changed.get(segment.id)).toBe(other.label);
    for (const before of session.transcript.segments.filter((candidate) => candidate.id !== segment.id)) expect(changed.get(before.id)).toBe(before.speaker);
    await expect.poll(() => item.locator(".speaker").innerText()).not.toBe(before);
    session = stored;
  });

  it("says a flag raised by a correction next to the segment and in the live region, with a link to the banner", async () => {
    const { page } = therapist;
    const segment = session.transcript.segments[session.transcript.segments.length - 1];
    if (!segment) throw new Error("No segment");
    const item = page.locator(`li[data-segment-id="${segment.id}"]`);
    await item.getByRole("button", { name: /^Edit the segment at / }).click();
    await item.getByRole("textbox").fill(riskWords);
    await item.getByRole("button", { name: "Save" }).click();
    const notice = item.locator(".raised-flag-notice");
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/^⚠ ?This correction raised (a risk flag|\d+ risk flags): .+\. Go to the risk flags$/);
    await expect.poll(() => page.locator('[aria-live="polite"]').innerText()).toMatch(/^Segment saved\. This correction raised .+ Acknowledge (it|them) in the risk flags at the top of the page\.$/);
    await notice.getByRole("link", { name: "Go to the risk flags" }).click();
    const heading = page.locator("#risk-alert-heading");
    await expect.poll(() => heading.evaluate((element) => element === (element.ownerDocument as { activeElement: unknown }).activeElement)).toBe(true);
    session = await api(session.id);
    expect(session.risk?.flags.length).toBeGreaterThan(0);
  });

  it("warns at sign-off that the notes are older than the transcript, opens at that warning on a phone, and writes them again", async () => {
    const { page } = therapist;
    expect(session.notes?.stale).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Finalize review…" }).click();
    const dialog = page.getByRole("dialog", { name: `Sign off “${session.title}”?` });
    const warning = dialog.getByRole("region", { name: "The notes are out of date" });
    await warning.waitFor();
    // In view without scrolling: the dialog opened at its top, not at its buttons.
    await expect.poll(() => warning.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.top < (globalThis as unknown as { innerHeight: number }).innerHeight - 60;
    })).toBe(true);
    expect((await harness.checkScreen(page, "71-signoff-stale-390")).violations).toEqual([]);
    if (shotsDirectory) {
      await mkdir(shotsDirectory, { recursive: true });
      await page.screenshot({ path: join(shotsDirectory, "signoff-stale-390.png") });
    }
    await warning.getByRole("button", { name: "Write the notes again" }).click();
    await dialog.getByTestId("signoff-stale-outcome").waitFor();
    expect(await dialog.getByRole("region", { name: "The notes are out of date" }).count()).toBe(0);
    const stored = await api(session.id);
    expect(stored.notes?.stale).toBe(false);
    // What the patient would read is the server's preview of the notes as they are now.
    const preview = dialog.locator("blockquote.signoff-summary-text");
    if (stored.patientSummaryPreview) expect(await preview.innerText()).toBe(stored.patientSummaryPreview);
    else expect(await preview.count()).toBe(0);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(therapist.problems).toEqual([]);
  });
});

describe("a failed session", () => {
  it("says what failed and what can be done, never that the notes are on their way", async () => {
    expect(broken.status).toBe("failed");
    await openSession(broken.title);
    const { page } = therapist;
    await page.locator(".failure").waitFor();
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/No notes yet|No transcript yet|Not measured yet/);
    expect(text).toContain("No notes were written: processing stopped before the notes.");
    expect(text).toContain("There is no transcript: processing stopped before it was written.");
    await checkWidths(page, "72-session-failed");
  });
});
