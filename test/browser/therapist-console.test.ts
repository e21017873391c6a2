/**
 * The therapist's day in the browser console, over a real `confide serve` (embedded profile:
 * PocketSphinx, VADER, in-process queue) in the system's Chromium: sign in, an empty list, upload
 * an espeak-ng dialogue by dropping it on the page (a progress bar on the bytes sent), follow it to
 * ready in the list without a reload, search, the 413 and 415 messages, sign out. axe-core
 * checks every screen; screenshots land in test-artifacts/browser/.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, therapyDialogue, type DialogueAudio } from "@confide/contracts/support";
import { pcmWav } from "@confide/core/testing";
import type { PageGlobals, PageProgressBar } from "./support/page-globals.ts";
import { uploadSession } from "../support/confide-api-client.ts";
import { signIn, startConsoleHarness, throttleUploads, type ConsoleHarness, type ConsolePage } from "./support/console-harness.ts";

const maxUploadBytes = 2 * 1024 * 1024;
/** Processing a short dialogue with PocketSphinx on a busy machine. */
const processingTimeoutMs = 180_000;

let harness: ConsoleHarness;
let fixtures: string;
let dialogue: DialogueAudio;
let therapist: ConsolePage;

beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "confide-browser-"));
  [dialogue, harness] = await Promise.all([
    makeDialogueWav({ directory: fixtures, name: "browser", script: therapyDialogue.slice(0, 2) }),
    // Room for the paging test's sessions to be processed at once.
    startConsoleHarness({ CONFIDE_MAX_UPLOAD_BYTES: String(maxUploadBytes), CONFIDE_MAX_SESSIONS_IN_PROCESSING: "50" }),
  ]);
  therapist = await harness.newPage();
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

/** Drops a file on the page's drop zone as a person dragging it from their desktop would. */
async function dropFile(consolePage: ConsolePage, name: string, bytes: Uint8Array, type: string): Promise<void> {
  const transfer = await consolePage.page.evaluateHandle(
    ({ base64, fileName, fileType }) => {
      const data = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const dataTransfer = new (globalThis as unknown as PageGlobals).DataTransfer();
      dataTransfer.items.add(new File([data], fileName, { type: fileType }));
      return dataTransfer;
    },
    { base64: Buffer.from(bytes).toString("base64"), fileName: name, fileType: type },
  );
  const zone = consolePage.page.getByTestId("drop-zone");
  await zone.dispatchEvent("dragover", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
}

describe("the therapist's console", () => {
  it("signs in, and shows the sessions list (empty) and its filters", async () => {
    const { page } = therapist;
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Sign in to Confide" }).waitFor();
    expect((await harness.checkScreen(page, "01-sign-in")).blocking).toEqual([]);

    await page.getByLabel("Email").fill(harness.server.accounts.therapist.user.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "The email or password is not right." }).waitFor();
    expect((await harness.checkScreen(page, "02-sign-in-refused")).blocking).toEqual([]);

    await signIn(page, harness.server.accounts.therapist, "Sessions");
    await page.getByText("No sessions yet.").waitFor();
    const navigation = page.getByRole("navigation", { name: "Main" });
    expect(await navigation.getByRole("link").allTextContents()).toEqual(["Sessions", "Pending review", "Upload", "Live session", "Patients", "Your account"]);
    expect(await navigation.getByRole("link", { name: "Sessions" }).getAttribute("aria-current")).toBe("page");
    expect(await page.getByLabel("Patient", { exact: true }).locator("option").allTextContents()).toEqual(["All patients", "Pat Patient"]);
    expect((await harness.checkScreen(page, "03-sessions-empty")).blocking).toEqual([]);
  });

  it("works from the keyboard: a visible skip link first, then the navigation in order", async () => {
    const { page } = therapist;
    const focused = () =>
      page.evaluate(() => {
        const element = (globalThis as unknown as PageGlobals).document.activeElement;
        return element ? `${element.tagName.toLowerCase()}: ${element.textContent}` : null;
      });
    // A screen opens with its heading focused; before it, in order: skip link, navigation, sign out.
    expect(await focused()).toBe("h1: Sessions");
    const backwards = [];
    for (let step = 0; step < 8; step += 1) {
      await page.keyboard.press("Shift+Tab");
      backwards.push(await focused());
    }
    expect(backwards).toEqual(["button: Sign out", "a: Your account", "a: Patients", "a: Live session", "a: Upload", "a: Pending review", "a: Sessions", "a: Skip to main content"]);
    const box = await page.getByRole("link", { name: "Skip to main content" }).boundingBox();
    expect(box !== null && box.y >= 0 && box.height > 10).toBe(true);
    for (let step = 0; step < 3; step += 1) await page.keyboard.press("Tab");
    expect(await focused()).toBe("a: Upload");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Upload a recording" }).waitFor();
    // The new screen's heading has the focus, so a screen reader starts there.
    expect(await focused()).toBe("h1: Upload a recording");
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Sessions" }).waitFor();
  });

  it("uploads a dialogue dropped on the page with a progress bar on the bytes sent, then follows it to ready", async () => {
    const { page } = therapist;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" }).click();
    await page.getByRole("heading", { level: 1, name: "Upload a recording" }).waitFor();
    // Marks this document: still there at the end means no reload happened on the way.
    await page.evaluate(() => ((globalThis as unknown as PageGlobals).sameDocument = true));
    expect((await harness.checkScreen(page, "04-upload-form")).blocking).toEqual([]);

    await page.getByLabel("Patient", { exact: true }).selectOption({ label: "Pat Patient (patient@confide.local)" });
    await page.getByLabel("Stereo, therapist on the left").check();
    const audio = new Uint8Array(await readFile(dialogue.stereoPath));
    await dropFile(therapist, "first-session.wav", audio, "audio/wav");
    await page.getByText("Chosen: first-session.wav").waitFor();
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("first-session");
    await page.getByLabel("Title", { exact: true }).fill("Browser dialogue aurora");

    // A quarter of the recording per second: the bar is seen part-way, then the upload completes.
    const unthrottle = await throttleUploads(therapist, Math.ceil(audio.byteLength / 4));
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    const progress = page.getByRole("progressbar", { name: "Sending the recording" });
    await progress.waitFor();
    await page.waitForFunction(() => {
      const bar = (globalThis as unknown as PageGlobals).document.querySelector("#upload-progress");
      return bar !== null && bar.value > 0 && bar.value < bar.max;
    });
    const partway = await progress.evaluate((bar) => {
      const { value, max } = bar as unknown as PageProgressBar;
      return { value, max };
    });
    expect(partway.max).toBeGreaterThanOrEqual(audio.byteLength);
    expect(partway.value).toBeGreaterThan(0);
    expect(partway.value).toBeLessThan(partway.max);
    expect((await harness.checkScreen(page, "05-upload-progress")).blocking).toEqual([]);

    await page.getByRole("heading", { level: 1, name: "Recording uploaded" }).waitFor({ timeout: 60_000 });
    await unthrottle();
    expect((await harness.checkScreen(page, "06-upload-done")).blocking).toEqual([]);

    // Straight to the list, while the session is still processing: its chip turns to ready there.
    await page.getByRole("link", { name: "Back to sessions" }).click();
    const row = page.getByRole("row").filter({ hasText: "Browser dialogue aurora" });
    await row.waitFor();
    const chip = row.locator(".chip");
    const listed = await chip.getAttribute("data-status");
    await chip.and(page.locator('[data-status="ready"]')).waitFor({ timeout: processingTimeoutMs });
    expect(await chip.textContent()).toBe("Ready for review");
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).sameDocument)).toBe(true);
    process.stdout.write(`the list showed "${listed}" and followed the session to "ready" without a reload\n`);
    expect(await row.getByRole("cell").nth(0).textContent()).toBe("Pat Patient");
    expect((await harness.checkScreen(page, "07-sessions-ready")).blocking).toEqual([]);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pending review" }).click();
    await page.getByRole("heading", { level: 1, name: "Pending review" }).waitFor();
    await page.getByRole("row").filter({ hasText: "Browser dialogue aurora" }).waitFor();
    expect((await harness.checkScreen(page, "08-pending-review")).blocking).toEqual([]);
  }, processingTimeoutMs + 120_000);

  /**
   * Clear, then wait until the form shows the cleared filters: the form takes the filters from
   * the URL after it changes, and a field filled before that would be emptied again.
   */
  async function clearFilters(page: ConsolePage["page"]): Promise<void> {
    await page.getByRole("button", { name: "Clear" }).click();
    await page.waitForURL(/\/sessions$/);
    await expect.poll(() => page.getByRole("searchbox", { name: "Search titles and transcripts" }).inputValue()).toBe("");
    await expect.poll(() => page.getByLabel("Recorded from").inputValue()).toBe("");
  }

  it("searches and filters the list", async () => {
    const { page } = therapist;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
    const search = page.getByRole("searchbox", { name: "Search titles and transcripts" });
    await search.fill("aurora");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/\/sessions\?q=aurora$/);
    await page.getByRole("row").filter({ hasText: "Browser dialogue aurora" }).waitFor();
    expect((await harness.checkScreen(page, "09-search-results")).blocking).toEqual([]);

    await search.fill("nothingmatchesthis");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByText("No session matches these filters.").waitFor();

    await clearFilters(page);
    await page.getByLabel("Recorded from").fill("2099-01-01");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/\/sessions\?from=2099-01-01$/);
    await page.getByText("No session matches these filters.").waitFor();
    await page.getByLabel("Recorded from").fill("2000-01-01");
    await page.getByLabel("Patient", { exact: true }).selectOption({ label: "Pat Patient" });
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByRole("row").filter({ hasText: "Browser dialogue aurora" }).waitFor();

    await clearFilters(page);
    await page.getByLabel("Status").selectOption({ label: "Failed" });
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/\/sessions\?status=failed$/);
    await page.getByText("No session matches these filters.").waitFor();
    await page.goBack();
    await page.waitForURL(/\/sessions$/);
    await page.getByRole("row").filter({ hasText: "Browser dialogue aurora" }).waitFor();
  });

  it("says plainly when a recording is too large (413) or not audio (415), and stores nothing", async () => {
    const { page } = therapist;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" }).click();
    await page.getByLabel("Patient", { exact: true }).selectOption({ label: "Pat Patient (patient@confide.local)" });

    const notAudio = join(fixtures, "notes.wav");
    await writeFile(notAudio, "These are my notes, not a recording.\n".repeat(100));
    await page.getByLabel("Recording").setInputFiles(notAudio);
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "This file is not a recording Confide can read." }).waitFor();
    expect((await harness.checkScreen(page, "10-upload-not-audio")).blocking).toEqual([]);

    const tooLarge = join(fixtures, "too-large.wav");
    await writeFile(tooLarge, pcmWav({ dataBytes: maxUploadBytes + 1024 * 1024 + 512 * 1024, silent: true }));
    await page.getByLabel("Recording").setInputFiles(tooLarge);
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "This recording is too large: the limit is 2.0 MB." }).waitFor();
    expect((await harness.checkScreen(page, "11-upload-too-large")).blocking).toEqual([]);

    const listed = await fetch(`${harness.baseUrl}/v1/sessions`, { headers: { authorization: `Bearer ${harness.server.tokens.therapist}` } });
    const titles = ((await listed.json()) as { items: { title: string }[] }).items.map((item) => item.title);
    expect(titles).toEqual(["Browser dialogue aurora"]);
  });

  it("pages through more sessions than one page holds (cursor paging)", async () => {
    const { page } = therapist;
    const { baseUrl, tokens, accounts } = harness.server;
    // Newer than the dialogue: they fill the first page (20), the dialogue moves to the second.
    for (let index = 1; index <= 21; index += 1) {
      await uploadSession(baseUrl, tokens.therapist, {
        patientId: accounts.patient.user.id,
        title: `Paging session ${String(index).padStart(2, "0")}`,
        audio: pcmWav({ dataBytes: 16_000, silent: true }),
      });
    }
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
    const rows = page.locator("table.sessions tbody tr");
    await page.getByRole("row").filter({ hasText: "Paging session 21" }).waitFor();
    expect(await rows.count()).toBe(20);
    expect(await page.getByRole("row").filter({ hasText: "Browser dialogue aurora" }).count()).toBe(0);

    await page.getByRole("button", { name: "Show more sessions" }).click();
    await page.getByRole("row").filter({ hasText: "Browser dialogue aurora" }).waitFor();
    expect(await rows.count()).toBe(22);
    expect(await page.getByRole("button", { name: "Show more sessions" }).count()).toBe(0);
    const titles = await page.locator("table.sessions tbody th").allTextContents();
    expect(titles.slice(0, 2)).toEqual(["Paging session 21", "Paging session 20"]);
    expect(titles.at(-1)).toBe("Browser dialogue aurora");
    expect((await harness.checkScreen(page, "12-sessions-second-page")).blocking).toEqual([]);
  });

  it("stays signed in across a reload (the refresh cookie), and signing out ends that too", async () => {
    const { page } = therapist;
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Sessions" }).waitFor();
    await page.getByRole("row").filter({ hasText: "Paging session 21" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link").count()).toBe(6);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in to Confide" }).waitFor();
    await page.goto("/sessions");
    await page.getByRole("heading", { level: 1, name: "Sign in to Confide" }).waitFor();
  });

  it("runs under a CSP that the browser enforces: an injected inline script is refused, and seen", async () => {
    const probe = await harness.newPage();
    await probe.page.goto("/");
    await probe.page.getByRole("heading", { level: 1, name: "Sign in to Confide" }).waitFor();
    await probe.page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      const script = page.document.createElement("script");
      script.textContent = "globalThis.injected = true;";
      page.document.body.append(script);
    });
    await probe.page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.readyState === "complete");
    expect(await probe.page.evaluate(() => "injected" in globalThis)).toBe(false);
    await expect.poll(() => probe.problems.length).toBeGreaterThan(0);
    expect(probe.problems.join("\n")).toMatch(/Content Security Policy/);
  });

  it("raised no script error or CSP violation on the therapist's pages, and no serious or critical axe violation", () => {
    expect(therapist.problems).toEqual([]);
    const blocking = harness.reports.flatMap((report) => report.blocking.map((violation) => `${report.screen}: ${violation.id}`));
    expect(blocking).toEqual([]);
  });
});
