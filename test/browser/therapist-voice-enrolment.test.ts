/**
 * The therapist's voice enrolment on "Your account", over a real `confide serve`
 * (embedded profile: its diarizer makes the voice signature) in the system's Chromium: a sample
 * file of the therapist reading the shown text aloud (espeak-ng) enrols, the status says so, the
 * outcome takes the focus; "Remove my voice" asks, then removes; a silent file is refused in
 * plain words (the code only behind "Details"); a recording made on the screen (Chromium's fake
 * microphone playing the same read-aloud) enrols too. At 360 px nothing scrolls sideways; axe-core
 * finds 0 violations on each new state.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pcmWav } from "@confide/core/testing";
import { signIn, startConsoleHarness, type ConsoleHarness, type ConsolePage } from "./support/console-harness.ts";

const run = promisify(execFile);
/** The voice espeak-ng reads with; the console's read-aloud text is read from the page itself. */
const therapistVoice = "en-us+m3";
/** The same passage as the screen shows (checked against the page below), for the fake microphone, which must exist before Chromium starts. */
const passage =
  "The North Wind and the Sun were disputing which was the stronger, when a traveller came along wrapped in a warm cloak. " +
  "They agreed that the one who first succeeded in making the traveller take his cloak off should be considered stronger than the other. " +
  "Then the North Wind blew as hard as he could, but the more he blew the more closely did the traveller fold his cloak around him.";

let harness: ConsoleHarness;
let fixtures: string;
let therapist: ConsolePage;
const file = (name: string) => join(fixtures, name);

/** What has the keyboard's focus: "body" when nothing does. */
const focused = (page: Page) =>
  page.evaluate(`(() => { const element = document.activeElement; return element === null || element === document.body ? "body" : element.tagName.toLowerCase() + ": " + (element.textContent || element.id || "").trim().slice(0, 160); })()`) as Promise<string>;

/** The page's text outside every `<details>`. */
const textOutsideDetails = (page: Page) =>
  page.evaluate(`(() => { const copy = document.body.cloneNode(true); copy.querySelectorAll("details, script, style").forEach((element) => element.remove()); return copy.textContent || ""; })()`) as Promise<string>;

const status = (page: Page) => page.getByTestId("voice-status");

beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "confide-browser-voice-"));
  await run("espeak-ng", ["-v", therapistVoice, "-s", "150", "-w", file("read-aloud.wav"), passage]);
  // 15 s of digital silence, 16 kHz mono: audio, and no voice in it.
  await writeFile(file("silence.wav"), pcmWav({ dataBytes: 15 * 16_000 * 2 }));
  harness = await startConsoleHarness(
    {},
    {
      chromiumArgs: [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        // 16-bit PCM WAV; %noloop plays it once, then silence.
        `--use-file-for-fake-audio-capture=${file("read-aloud.wav")}%noloop`,
      ],
    },
  );
  therapist = await harness.newPage();
  await signIn(therapist.page, harness.server.accounts.therapist, "Sessions");
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

describe("voice enrolment on Your account", () => {
  it("explains itself, asks for consent, shows the text to read, and says the voice is not enrolled", async () => {
    const { page } = therapist;
    await page.getByRole("link", { name: "Your account" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Your voice" }).waitFor();
    await status(page).filter({ hasText: "Your voice is not enrolled" }).waitFor();
    expect(await page.locator(".read-aloud").textContent()).toBe(passage);
    expect(await page.getByText("only a signature of your voice is kept, the recording itself is deleted").count()).toBe(1);
    // Nothing is sent before both the consent and a sample.
    const send = page.getByRole("button", { name: "Send my voice sample" });
    expect(await send.isDisabled()).toBe(true);
    await page.getByLabel("Or choose a recording of you reading aloud").setInputFiles(file("read-aloud.wav"));
    expect(await send.isDisabled()).toBe(true);
    expect((await harness.checkScreen(page, "90-voice-not-enrolled")).violations).toEqual([]);
  });

  it("a sample file of the therapist reading aloud enrols the voice; the outcome takes the focus", async () => {
    const { page } = therapist;
    await page.getByLabel(/I agree that Confide keeps a signature of my voice/).check();
    await page.getByTestId("voice-sample").filter({ hasText: "the file read-aloud.wav" }).waitFor();
    await page.getByRole("button", { name: "Send my voice sample" }).click();
    await page.getByTestId("voice-outcome").filter({ hasText: "Your voice is enrolled." }).waitFor({ timeout: 60_000 });
    await expect.poll(() => focused(page)).toMatch(/^p: ✓ Your voice is enrolled\./);
    await status(page).filter({ hasText: /^Your voice is enrolled since .+ \(\d+ seconds of speech heard\)\.$/ }).waitFor();
    expect(await page.getByRole("button", { name: "Remove my voice" }).isVisible()).toBe(true);
    expect((await harness.checkScreen(page, "91-voice-enrolled")).violations).toEqual([]);
    expect(therapist.problems).toEqual([]);
  });

  it("Remove my voice asks first, then removes it and says so", async () => {
    const { page } = therapist;
    await page.getByRole("button", { name: "Remove my voice" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove your voice?" });
    await dialog.waitFor();
    expect((await harness.checkScreen(page, "92-voice-remove-dialog")).violations).toEqual([]);
    await dialog.getByRole("button", { name: "Remove my voice" }).click();
    await page.getByTestId("voice-outcome").filter({ hasText: "Your voice was removed." }).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^p: ✓ Your voice was removed\./);
    await status(page).filter({ hasText: "Your voice is not enrolled" }).waitFor();
    expect(await page.getByRole("button", { name: "Remove my voice" }).count()).toBe(0);
    expect((await harness.checkScreen(page, "93-voice-removed")).violations).toEqual([]);
  });

  it("a silent file is refused in plain words, the code only behind Details, and nothing is enrolled", async () => {
    const { page } = therapist;
    await page.getByLabel(/I agree that Confide keeps a signature of my voice/).check();
    await page.getByLabel("Or choose a recording of you reading aloud").setInputFiles(file("silence.wav"));
    await page.getByRole("button", { name: "Send my voice sample" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "No voice was heard in this sample" });
    await alert.waitFor({ timeout: 60_000 });
    await expect.poll(() => focused(page)).toMatch(/^div: No voice was heard in this sample/);
    const outside = await textOutsideDetails(page);
    expect(outside).not.toMatch(/voice\.no_speech|422|ConfideError/);
    await alert.getByText("Details").click();
    expect(await alert.locator("details").textContent()).toMatch(/voice\.no_speech/);
    await status(page).filter({ hasText: "Your voice is not enrolled" }).waitFor();
    expect((await harness.checkScreen(page, "94-voice-refused")).violations).toEqual([]);
  });

  it("at 360 px the section fits the width", async () => {
    const { page } = therapist;
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole("heading", { level: 2, name: "Your voice" }).scrollIntoViewIfNeeded();
    const overflow = (await page.evaluate(`(() => {
      const width = document.documentElement.clientWidth;
      const found = [];
      for (const element of document.querySelectorAll("body *")) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 0.5) found.push(element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") + "." + String(element.className).replace(/ /g, ".") + " right=" + Math.round(box.right));
      }
      return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, found: found.slice(0, 8) };
    })()`)) as { scrollWidth: number; clientWidth: number; found: string[] };
    expect(overflow.found).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    expect((await harness.checkScreen(page, "95-voice-360px")).violations).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("a recording made on the screen (the fake microphone reading the passage) enrols the voice", async () => {
    const { page } = therapist;
    // A fresh page: the fake microphone's file plays from the start when the page opens it.
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Your voice" }).waitFor();
    await page.getByLabel(/I agree that Confide keeps a signature of my voice/).check();
    await page.getByRole("button", { name: "Start recording" }).click();
    const timer = page.getByRole("timer");
    await timer.filter({ hasText: "Recording: 1 s" }).waitFor();
    expect((await harness.checkScreen(page, "96-voice-recording")).violations).toEqual([]);
    await timer.filter({ hasText: /Recording: 2[4-9] s/ }).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Stop recording" }).click();
    await page.getByTestId("voice-sample").filter({ hasText: /your recording of 2\d seconds/ }).waitFor();
    await page.getByRole("button", { name: "Send my voice sample" }).click();
    await page.getByTestId("voice-outcome").filter({ hasText: "Your voice is enrolled." }).waitFor({ timeout: 60_000 });
    await status(page).filter({ hasText: /^Your voice is enrolled since / }).waitFor();
    expect(therapist.problems).toEqual([]);
  }, 120_000);
});
