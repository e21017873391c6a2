/**
 * The patient's and the administrator's consoles over a real `confide serve` (embedded profile)
 * in the system's Chromium. A therapist (through @confide/client, as an embedding app would)
 * uploads an espeak-ng dialogue, writes the patient's summary and finalizes it, and uploads a
 * second one left unreviewed; the patient then sees only the finalized session's summary. The
 * administrator opens a patient account with the keyboard alone and links it to the therapist,
 * and sees no session or transcript. axe-core checks every screen; screenshots land in
 * test-artifacts/browser/.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { openAsBlob } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfideClient, dataOf, type ConfideClient, type Session } from "@confide/client";
import { makeDialogueWav, therapyDialogue, type DialogueAudio } from "@confide/contracts/support";
import type { Page } from "playwright-core";
import type { PageGlobals } from "./support/page-globals.ts";
import { checkAtWidths, signIn, startConsoleHarness, type ConsoleHarness } from "./support/console-harness.ts";

/** Processing a short dialogue with PocketSphinx on a busy machine. */
const processingTimeoutMs = 180_000;
const summary = "We talked about sleep. Keep the evening routine we agreed on this week.";

let harness: ConsoleHarness;
let fixtures: string;
let dialogue: DialogueAudio;
let therapist: ConfideClient;
let finalized: Session;
let unreviewedTitle: string;

/** Uploads the dialogue and follows its events until processing ends. */
async function uploadAndWait(title: string): Promise<Session> {
  const created = await therapist.uploadSession({
    patientId: harness.server.accounts.patient.user.id,
    title,
    audio: await openAsBlob(dialogue.monoPath, { type: "audio/wav" }),
    fileName: "dialogue.wav",
  });
  for await (const event of therapist.sessionEvents(created.id)) {
    if (event.type === "end" && event.status !== "ready") throw new Error(`${title} ended ${event.status}`);
  }
  return (await dataOf(therapist.api.GET("/v1/sessions/{id}", { params: { path: { id: created.id } } }))) as Session;
}

beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "confide-browser-roles-"));
  [dialogue, harness] = await Promise.all([
    makeDialogueWav({ directory: fixtures, name: "roles", script: therapyDialogue.slice(0, 2) }),
    startConsoleHarness(),
  ]);
  therapist = createConfideClient({ baseUrl: harness.baseUrl });
  await therapist.signIn({ email: harness.server.accounts.therapist.user.email, password: harness.server.accounts.therapist.password });
  const ready = await uploadAndWait("Week 1: sleep");
  const withSummary = await dataOf(
    therapist.api.PUT("/v1/sessions/{id}/notes", {
      params: { path: { id: ready.id }, header: { "if-match": `"${ready.version}"` } },
      body: { patientSummary: summary },
    }),
  );
  finalized = (await dataOf(therapist.api.POST("/v1/sessions/{id}/finalize", { params: { path: { id: ready.id } }, body: { releaseSummaryToPatient: true } }))) as Session;
  expect(finalized.version).toBeGreaterThan(withSummary.version);
  // Uploaded, not reviewed: never shown to the patient.
  unreviewedTitle = "Week 2: not reviewed yet";
  await therapist.uploadSession({
    patientId: harness.server.accounts.patient.user.id,
    title: unreviewedTitle,
    audio: await openAsBlob(dialogue.monoPath, { type: "audio/wav" }),
  });
}, processingTimeoutMs + 60_000);

afterAll(async () => {
  await harness?.stop();
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

/** Every transcript segment's text of the finalized session: none may appear on a patient or admin screen. */
const transcriptTexts = () => (finalized.transcript?.segments ?? []).map((segment) => segment.text).filter((text) => text.trim().length > 8);

describe("the patient's console", () => {
  it("shows only their finalized sessions and the summary written for them", async () => {
    const { page, problems } = await harness.newPage();
    await signIn(page, harness.server.accounts.patient, "My sessions");
    const navigation = page.getByRole("navigation", { name: "Main" });
    expect(await navigation.getByRole("link").allTextContents()).toEqual(["My sessions", "My consent"]);

    // The therapist did not share the title: the patient reads a neutral one, never "Week 1: sleep".
    const neutral = `Session of ${new Date(finalized.recordedAt).toISOString().slice(0, 10)}`;
    const card = page.getByRole("article", { name: neutral });
    await card.getByText(summary).waitFor();
    expect(await page.getByRole("article").count()).toBe(1);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain("Week 1");
    expect(text).not.toContain(unreviewedTitle);
    expect(transcriptTexts().length).toBeGreaterThan(0);
    for (const segment of transcriptTexts()) expect(text).not.toContain(segment);
    expect((await harness.checkScreen(page, "patient-01-my-sessions")).blocking).toEqual([]);

    // Shared by the therapist, the title is the patient's to read.
    await dataOf(therapist.api.PUT("/v1/sessions/{id}/title-sharing", { params: { path: { id: finalized.id } }, body: { titleShared: true } }));
    await page.reload();
    await page.getByRole("article", { name: "Week 1: sleep" }).getByText(summary).waitFor();

    // The therapists' screens are not the patient's.
    await page.goto("/sessions");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).not.toBe("Sessions");
    expect(problems).toEqual([]);
  });
});

/** The focused element as "tag: text": never "body" after an action. */
const activeText = (page: Page) =>
  page.evaluate(() => {
    const element = (globalThis as unknown as PageGlobals).document.activeElement;
    return element ? `${element.tagName.toLowerCase()}: ${element.textContent}` : null;
  });

describe("the administrator's console", () => {
  it("opens a patient account with the keyboard alone, links it to a therapist, and shows no clinical content", async () => {
    const { page, problems } = await harness.newPage();
    await signIn(page, harness.server.accounts.admin, "Users");
    await page.getByRole("cell", { name: harness.server.accounts.therapist.user.email }).waitFor();
    const navigation = page.getByRole("navigation", { name: "Main" });
    expect(await navigation.getByRole("link").allTextContents()).toEqual(["Users"]);
    expect((await harness.checkScreen(page, "admin-01-users")).blocking).toEqual([]);

    // Keyboard only: focus the first field of the form, then type and Tab through it.
    await page.getByLabel("Name", { exact: true }).focus();
    await page.keyboard.type("Robin Newpatient");
    await page.keyboard.press("Tab");
    await page.keyboard.type("robin@example.org");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe("open-role");
    await page.keyboard.press("Tab");
    await page.keyboard.type("a long first password 7391");
    await page.keyboard.press("Enter");
    // In the page (the live region outside main says it to screen readers too).
    await page.locator("main").getByText("Account opened for Robin Newpatient (patient).").waitFor();
    await page.getByRole("cell", { name: "robin@example.org" }).waitFor();
    // The focus is on what happened, never on the page.
    await expect.poll(() => activeText(page)).toBe("p: ✓ Account opened for Robin Newpatient (patient).");

    const robinOption = "Robin Newpatient (robin@example.org)";
    await page.getByLabel("Patient", { exact: true }).locator("option", { hasText: robinOption }).waitFor({ state: "attached" });
    await page.getByLabel("Therapist", { exact: true }).selectOption(harness.server.accounts.therapist.user.id);
    await page.getByLabel("Patient", { exact: true }).selectOption({ label: robinOption });
    await page.getByRole("button", { name: "Link patient" }).click();
    await page.locator("main").getByText(/Robin Newpatient is now a patient of /).waitFor();
    await expect.poll(() => activeText(page)).toMatch(/^p: ✓ Robin Newpatient is now a patient of /);
    // A refusal takes the focus too: an account for an email that has one.
    await page.getByLabel("Name", { exact: true }).fill("Robin Again");
    await page.getByLabel("Email", { exact: true }).fill("robin@example.org");
    await page.getByLabel("First password").fill("another long password 2846");
    await page.getByRole("button", { name: "Open account" }).click();
    await page.locator("main").getByRole("alert").waitFor();
    await expect.poll(() => activeText(page)).toMatch(/^div: .+/);
    await checkAtWidths(harness, page, "admin-02b-open-refused");
    expect((await harness.checkScreen(page, "admin-02-account-opened-and-linked")).blocking).toEqual([]);

    // The therapist now finds Robin among their patients.
    const patients = await dataOf(therapist.api.GET("/v1/patients", { params: { query: { q: "Robin" } } }));
    expect(patients.items.map((patient) => patient.email)).toEqual(["robin@example.org"]);

    // No clinical content anywhere on the admin's screen, and the sessions screens are not theirs.
    const text = (await page.locator("main").textContent()) ?? "";
    for (const segment of transcriptTexts()) expect(text).not.toContain(segment);
    expect(text).not.toContain("Week 1: sleep");
    await page.goto(`/sessions/${finalized.id}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).not.toBe("Session");
    expect((await page.locator("main").textContent()) ?? "").not.toContain(summary);
    expect(problems).toEqual([]);
  });
});
