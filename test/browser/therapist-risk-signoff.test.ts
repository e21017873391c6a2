/**
 * Risk first and a deliberate sign-off, over a real `confide serve` (embedded profile)
 * in the system's Chromium. Two short espeak-ng dialogues are processed; a patient segment of
 * each is corrected to words the risk screen flags. Then: the banner opens the session, above
 * everything, with a link to the words; "Finalize review…" opens the sign-off review, where
 * "Sign and finalize" waits until the flag is acknowledged; acknowledging asks what was done
 * (nothing chosen; "Other" needs words), moves the focus to the line that says who, when and
 * what, and can be undone (the focus back on the button); an acknowledged high flag keeps a mark
 * in the session list; releasing the summary to the patient is a choice of its own (the
 * patient sees one session without a summary, the other with it); after signing, the focus is on
 * who signed and when. axe-core checks the banner and the dialog; screenshots at 1280 px and
 * 390 px go to test-artifacts/browser/ (and to $CONFIDE_SHOTS_DIR when set).
 */
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, therapyDialogue } from "@confide/contracts/support";
import { getSession, uploadSession, waitUntilReady } from "../support/confide-api-client.ts";
import { signIn, startConsoleHarness, type ConsoleHarness, type ConsolePage } from "./support/console-harness.ts";

const processingTimeoutMs = 240_000;

/** What the patient is corrected to have said: the embedded screen flags it as current, high severity. */
const riskWords = "I have been thinking about ending my life.";
const releasedSummary = "We talked about how you have been feeling. Call the crisis line if you need to before next week.";

interface Flag {
  id: string;
  temporality: string;
  alert: boolean;
  acknowledgement?: { by: string; at: string; action?: string; note?: string };
}

interface TherapistSession {
  id: string;
  title: string;
  version: number;
  therapistId: string;
  recordedAt: string;
  transcript: { speakers: Array<{ label: string; role: string }>; segments: Array<{ id: string; speaker: string; text: string }> };
  risk?: { flags: Flag[] } | null;
  review: { finalizedBy?: string | null; finalizedAt?: string | null; summaryReleased?: boolean };
}

let harness: ConsoleHarness;
let fixtures: string;
let therapist: ConsolePage;
let kept: TherapistSession;
let released: TherapistSession;
let flaggedSegmentId: string;

const shotsDirectory = process.env.CONFIDE_SHOTS_DIR;

const api = (id: string) => getSession(harness.baseUrl, harness.server.tokens.therapist, id) as unknown as Promise<TherapistSession>;

async function write(path: string, init: { method: string; version: number; json?: unknown }): Promise<TherapistSession> {
  const response = await fetch(`${harness.baseUrl}${path}`, {
    method: init.method,
    headers: {
      authorization: `Bearer ${harness.server.tokens.therapist}`,
      "if-match": `"${init.version}"`,
      ...(init.json === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  if (!response.ok) throw new Error(`${init.method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as TherapistSession;
}

/** The patient's first segment says `riskWords`; the therapist writes the patient's summary. */
async function flag(session: TherapistSession): Promise<TherapistSession> {
  const roleOf = new Map(session.transcript.speakers.map((speaker) => [speaker.label, speaker.role]));
  const segment = session.transcript.segments.find((candidate) => roleOf.get(candidate.speaker) === "patient");
  if (!segment) throw new Error(`No patient segment: ${JSON.stringify(session.transcript)}`);
  flaggedSegmentId = segment.id;
  const edited = await write(`/v1/sessions/${session.id}/transcript`, { method: "PATCH", version: session.version, json: { edits: [{ segmentId: segment.id, text: riskWords }] } });
  const withSummary = await write(`/v1/sessions/${session.id}/notes`, { method: "PUT", version: edited.version, json: { patientSummary: releasedSummary } });
  expect(withSummary.risk?.flags.filter((candidate) => candidate.temporality === "current").length).toBeGreaterThan(0);
  return withSummary;
}

/** Acknowledges the first flag listed in `within`: the dialog asks what was done; `action` is the choice's label. */
async function acknowledgeFirst(page: Page, within: Locator, action: string, note?: string): Promise<Locator> {
  await within.getByRole("button", { name: /^Acknowledge…/ }).first().click();
  const asked = page.getByRole("dialog", { name: /^Acknowledge “/ });
  await asked.waitFor();
  const confirm = asked.getByRole("button", { name: "Acknowledge", exact: true });
  // Nothing is chosen for the therapist.
  expect(await confirm.isDisabled()).toBe(true);
  await asked.getByRole("radio", { name: action }).check();
  if (note !== undefined) await asked.getByRole("textbox").fill(note);
  await confirm.click();
  await asked.waitFor({ state: "hidden" });
  return asked;
}

const isFocused = (locator: Locator) => locator.evaluate((element) => element === (element.ownerDocument as { activeElement: unknown }).activeElement);

/** A screenshot at a phone's width and back, for the closing note (`CONFIDE_SHOTS_DIR`). */
async function shoot(page: Page, name: string): Promise<void> {
  if (!shotsDirectory) return;
  await mkdir(shotsDirectory, { recursive: true });
  await page.screenshot({ path: join(shotsDirectory, `${name}-1280.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shotsDirectory, `${name}-390.png`) });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function openSession(title: string): Promise<void> {
  const { page } = therapist;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.locator("ol.transcript > li").first().waitFor();
}

beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "confide-browser-risk-"));
  const [dialogue, started] = await Promise.all([
    makeDialogueWav({ directory: fixtures, name: "risk-signoff", script: therapyDialogue.slice(0, 2) }),
    startConsoleHarness(),
  ]);
  harness = started;
  const token = harness.server.tokens.therapist;
  const patientId = harness.server.accounts.patient.user.id;
  const audio = new Uint8Array(await readFile(dialogue.stereoPath));
  const settings = { language: "en-US", channelLayout: "per-channel", channelRoles: ["therapist", "patient"] };
  // One after the other: "kept" is the newer recording, so a list newest first shows it first.
  // Both titles are shared with the patient, whose listing names the sessions by them.
  const second = await uploadSession(harness.baseUrl, token, { patientId, title: "Signed with the summary released", audio, settings, titleShared: true });
  const first = await uploadSession(harness.baseUrl, token, { patientId, title: "Signed without a summary", audio, settings, titleShared: true });
  await waitUntilReady(harness.baseUrl, token, [first.id, second.id], processingTimeoutMs);
  [kept, released] = await Promise.all([api(first.id).then(flag), api(second.id).then(flag)]);
  therapist = await harness.newPage();
  await signIn(therapist.page, harness.server.accounts.therapist, "Sessions");
}, processingTimeoutMs + 120_000);

afterAll(async () => {
  await harness?.stop();
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

describe("risk first and a deliberate sign-off", () => {
  it("opens a flagged session with the banner above everything: what, where (a link to the words), not yet acknowledged", async () => {
    await openSession(kept.title);
    const { page } = therapist;
    const banner = page.getByRole("region", { name: /Risk language was flagged/ });
    await banner.waitFor();
    // Above everything: the first thing in the session view, before the title.
    expect(await page.locator(".session-view > :first-child").getAttribute("aria-labelledby")).toBe("risk-alert-heading");
    expect(await banner.innerText()).toContain(riskWords);
    expect(await banner.innerText()).toMatch(/waits? for you to acknowledge/);
    await banner.getByRole("button", { name: /^Acknowledge/ }).first().waitFor();
    expect(await page.locator("main").innerText()).not.toMatch(/(^|\n)\s*None\.?\s*(\n|$)/);

    // The link jumps to the cited segment, which takes the focus.
    await banner.locator("a.evidence-link").first().click();
    const cited = page.locator(`li[data-segment-id="${flaggedSegmentId}"]`);
    await cited.and(page.locator(".cited")).waitFor();
    expect(await isFocused(cited)).toBe(true);

    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    expect((await harness.checkScreen(page, "40-risk-banner")).violations).toEqual([]);
    await shoot(page, "risk-banner");
    expect(therapist.problems).toEqual([]);
  });

  it("blocks the sign-off until the flag is acknowledged, which can be done in the review; the focus follows", async () => {
    const { page } = therapist;
    await page.getByRole("button", { name: "Finalize review…" }).click();
    const dialog = page.getByRole("dialog", { name: `Sign off “${kept.title}”?` });
    await dialog.waitFor();
    const sign = dialog.getByRole("button", { name: "Sign and finalize" });
    expect(await sign.isDisabled()).toBe(true);
    await dialog.getByText(/^Acknowledge this flag before signing off/).waitFor();
    // The patient summary exactly as the patient would read it, and the release unchecked.
    expect(await dialog.locator("blockquote.signoff-summary-text").innerText()).toBe(releasedSummary);
    const releaseBox = dialog.getByRole("checkbox", { name: "Release summary to the patient" });
    expect(await releaseBox.isChecked()).toBe(false);
    await dialog.getByText(/(No words are marked as unsure|still marked as unsure)/).waitFor();
    expect((await harness.checkScreen(page, "41-signoff-blocked")).violations).toEqual([]);
    await shoot(page, "signoff-review-blocked");

    // The API refuses too, in plain words.
    const refused = await fetch(`${harness.baseUrl}/v1/sessions/${kept.id}/finalize`, {
      method: "POST",
      headers: { authorization: `Bearer ${harness.server.tokens.therapist}` },
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "session.risk_unacknowledged" });

    await acknowledgeFirst(page, dialog, "Discussed with the patient");
    const acknowledged = dialog.locator(".risk-acknowledged").first();
    await acknowledged.waitFor();
    expect(await acknowledged.innerText()).toMatch(/Acknowledged by you on .+What was done: Discussed with the patient\./);
    await expect.poll(() => isFocused(acknowledged)).toBe(true);
    expect(await sign.isDisabled()).toBe(false);
    expect((await harness.checkScreen(page, "42-signoff-ready")).violations).toEqual([]);
    await shoot(page, "signoff-review-ready");
    const stored = await api(kept.id);
    expect(stored.risk?.flags.every((candidate) => candidate.temporality !== "current" || candidate.acknowledgement?.by === stored.therapistId)).toBe(true);
    expect(stored.risk?.flags.find((candidate) => candidate.acknowledgement)?.acknowledgement?.action).toBe("discussed");
  });

  it("signs without releasing the summary: the focus lands on who signed and when", async () => {
    const { page } = therapist;
    const dialog = page.getByRole("dialog", { name: `Sign off “${kept.title}”?` });
    await dialog.getByRole("button", { name: "Sign and finalize" }).click();
    const signature = page.locator(".session-signature");
    await signature.waitFor();
    expect(await signature.innerText()).toMatch(/Signed by you on .+\. No summary was released to the patient\./);
    await expect.poll(() => isFocused(signature)).toBe(true);
    // The banner stays, saying who acknowledged, with no button left.
    const banner = page.getByRole("region", { name: /Risk language was flagged/ });
    expect(await banner.getByRole("button", { name: /^Acknowledge/ }).count()).toBe(0);
    expect(await banner.innerText()).toMatch(/Acknowledged by you on /);
    const stored = await api(kept.id);
    expect(stored.review).toMatchObject({ finalizedBy: stored.therapistId, summaryReleased: false });
    expect((await harness.checkScreen(page, "43-signed")).violations).toEqual([]);
  });

});

describe("after the first sign-off", () => {
  it("marks the session with risk to acknowledge in the session list and puts it first, ahead of a newer one", async () => {
    const { page } = therapist;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
    const rows = page.locator("table.sessions tbody tr");
    await rows.first().waitFor();
    const order = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-session-id")));
    // Newest first would put "kept" (uploaded last, now acknowledged and signed) ahead.
    expect(Date.parse(kept.recordedAt)).toBeGreaterThan(Date.parse(released.recordedAt));
    expect(order.indexOf(released.id)).toBeLessThan(order.indexOf(kept.id));
    expect(order[0]).toBe(released.id);
    expect(await rows.filter({ has: page.locator(`[href$="${released.id}"]`) }).locator(".risk-mark").innerText()).toMatch(/⚠ ?Risk flag to acknowledge$/);
    // Acknowledged and signed, the high flag keeps a mark of its own (not "to acknowledge").
    const keptStored = await api(kept.id);
    const keptMark = rows.filter({ has: page.locator(`[href$="${kept.id}"]`) }).locator(".risk-mark");
    expect(keptStored.risk?.flags.some((candidate) => candidate.alert && candidate.acknowledgement)).toBe(true);
    expect(await keptMark.innerText()).toMatch(/^⚑ ?High risk flag, acknowledged$/);
    expect((await harness.checkScreen(page, "45-sessions-risk-first")).violations).toEqual([]);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pending review" }).click();
    await page.getByRole("heading", { level: 1, name: "Pending review" }).waitFor();
    const pending = page.locator("table.sessions tbody tr");
    await pending.first().waitFor();
    expect(await pending.first().getAttribute("data-session-id")).toBe(released.id);
    expect(await pending.first().locator(".risk-mark").count()).toBe(1);
  });

  it("acknowledges from the banner with a visible confirmation and the focus on it, then releases the summary as its own choice", async () => {
    await openSession(released.title);
    const { page } = therapist;
    const banner = page.getByRole("region", { name: /Risk language was flagged/ });
    // First "Other", in the therapist's words; then taken back with Undo; then "Safety plan made".
    await banner.getByRole("button", { name: /^Acknowledge…/ }).first().click();
    const asked = page.getByRole("dialog", { name: /^Acknowledge “/ });
    await asked.getByRole("radio", { name: "Other" }).check();
    expect(await asked.getByRole("button", { name: "Acknowledge", exact: true }).isDisabled()).toBe(true);
    expect((await harness.checkScreen(page, "44a-acknowledge-dialog")).violations).toEqual([]);
    if (shotsDirectory) {
      await page.setViewportSize({ width: 390, height: 844 });
      await mkdir(shotsDirectory, { recursive: true });
      await page.screenshot({ path: join(shotsDirectory, "acknowledge-dialog-390.png") });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await asked.getByRole("textbox").fill("Rang the crisis team together");
    await asked.getByRole("button", { name: "Acknowledge", exact: true }).click();
    const line = banner.locator(".risk-acknowledged").first();
    await line.waitFor();
    await expect.poll(() => isFocused(line)).toBe(true);
    expect(await line.innerText()).toContain("What was done: Rang the crisis team together.");
    let stored = await api(released.id);
    expect(stored.risk?.flags.find((candidate) => candidate.acknowledgement)?.acknowledgement).toMatchObject({ action: "other", note: "Rang the crisis team together" });

    await banner.getByRole("button", { name: /^Undo/ }).first().click();
    const again = banner.getByRole("button", { name: /^Acknowledge…/ }).first();
    await expect.poll(() => isFocused(again)).toBe(true);
    await banner.locator(".confirmation").filter({ hasText: /^Acknowledgement undone: / }).waitFor();
    stored = await api(released.id);
    expect(stored.risk?.flags.some((candidate) => candidate.acknowledgement)).toBe(false);

    await acknowledgeFirst(page, banner, "Safety plan made");
    await line.waitFor();
    await expect.poll(() => isFocused(line)).toBe(true);
    await banner.locator(".confirmation").filter({ hasText: /^Acknowledged: / }).waitFor();
    expect(await banner.innerText()).toContain("Every flag that needs it has been acknowledged.");
    expect((await harness.checkScreen(page, "44-risk-banner-acknowledged")).violations).toEqual([]);
    await shoot(page, "risk-banner-acknowledged");

    await page.getByRole("button", { name: "Finalize review…" }).click();
    const dialog = page.getByRole("dialog", { name: `Sign off “${released.title}”?` });
    await dialog.getByRole("checkbox", { name: "Release summary to the patient" }).check();
    await dialog.getByText("The patient will be able to read this summary.").waitFor();
    await dialog.getByRole("button", { name: "Sign and finalize" }).click();
    const signature = page.locator(".session-signature");
    await signature.filter({ hasText: "The summary was released to the patient." }).waitFor();
    await expect.poll(() => isFocused(signature)).toBe(true);
  });

  it("shows the patient the summary only of the session whose summary was released", async () => {
    const patient = await harness.newPage();
    await signIn(patient.page, harness.server.accounts.patient, "My sessions");
    const withSummary = patient.page.getByRole("article", { name: released.title });
    const without = patient.page.getByRole("article", { name: kept.title });
    await withSummary.waitFor();
    expect(await withSummary.locator(".summary-text").innerText()).toBe(releasedSummary);
    expect(await without.innerText()).toContain("No summary has been shared with you for this session.");
    expect(await without.innerText()).not.toContain(releasedSummary);
    expect(patient.problems).toEqual([]);
    expect(therapist.problems).toEqual([]);
  });
});
