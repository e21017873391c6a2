/**
 * A live session past the server's live capacity in the browser console: a real
 * `confide serve` with no room for live text (`CONFIDE_LIVE_MAX_STREAMS=0`: every live session is
 * recorded only), the system's Chromium with a fake microphone playing the espeak-ng dialogue.
 * The therapist starts as usual and reads, in plain words, that live text is busy and the session
 * is being recorded and will be transcribed when it ends; no transcript appears live; Stop ends it
 * and the page says the recording is being transcribed. (The recording's transcription after the
 * end is checked in test/e2e/live-capacity.test.ts.) axe-core checks each state.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, therapyDialogue, type DialogueAudio } from "@confide/contracts/support";
import { startConsoleHarness, signIn, type ConsoleHarness, type ConsolePage } from "./support/console-harness.ts";
import type { Page } from "playwright-core";
import type { PageGlobals } from "./support/page-globals.ts";

const script = therapyDialogue.slice(0, 2);
const sentence = "Live text is busy right now; this session is being recorded and will be transcribed when it ends.";

let harness: ConsoleHarness;
let fixtures: string;
let dialogue: DialogueAudio;
let therapist: ConsolePage;

beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "confide-browser-record-only-"));
  dialogue = await makeDialogueWav({ directory: fixtures, name: "record-only", script });
  harness = await startConsoleHarness(
    { CONFIDE_LIVE: "instant-fake", CONFIDE_LIVE_MAX_STREAMS: "0" },
    {
      chromiumArgs: ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-audio-capture=${dialogue.stereoPath}%noloop`],
    },
  );
  therapist = await harness.newPage();
  await signIn(therapist.page, harness.server.accounts.therapist, "Sessions");
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

/** The focused element's tag: "body" when the focus has fallen to the page. */
const focusedTag = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.tagName.toLowerCase() ?? null);

describe("a live session when live text is busy", () => {
  it("records all the same, says so in plain words at the start, and says the recording is transcribed once it ends", async () => {
    const { page } = therapist;
    await page.goto("/live");
    await page.getByRole("heading", { level: 1, name: "Start a live session" }).waitFor();
    await page.getByLabel("Patient", { exact: true }).selectOption(harness.server.accounts.patient.user.id);
    await page.getByLabel("Title", { exact: true }).fill("Recorded only");
    await page.getByRole("button", { name: "Start recording" }).click();
    // While it starts and once it records, the focus is on the screen, never on the page body.
    expect(await focusedTag(page)).not.toBe("body");

    await page.getByRole("heading", { level: 1, name: "Live session" }).waitFor();
    await expect.poll(() => focusedTag(page)).toBe("h1");
    // The patient's latest sentiment is folded away, in small type.
    expect(await page.getByTestId("live-sentiment").evaluate((details) => (details as unknown as { open: boolean }).open)).toBe(false);
    await page.getByText(sentence, { exact: true }).waitFor();
    await page.getByText("Recording", { exact: true }).waitFor();
    await page.getByText("The transcript will be written from the recording when the session ends.").waitFor();
    expect((await harness.checkScreen(page, "46-live-record-only")).blocking).toEqual([]);

    // Some of the dialogue is recorded, then the therapist stops.
    await page.waitForTimeout(3_000);
    expect(await page.locator("ol.live-transcript > li.live-segment").count()).toBe(0);
    await page.getByRole("button", { name: "Stop recording" }).click();
    await page.getByRole("heading", { level: 1, name: "Live session ended" }).waitFor();
    await page.getByText(/Confide is now transcribing the recording/).waitFor();
    const capturedBytes = Number(await page.locator(".live-status").getAttribute("data-captured-bytes"));
    expect(capturedBytes).toBeGreaterThan(0);
    expect((await harness.checkScreen(page, "47-live-record-only-ended")).blocking).toEqual([]);
    expect(therapist.problems).toEqual([]);
  }, 120_000);
});
