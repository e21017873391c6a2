/**
 * A live session in the browser console, over a real `confide serve` in the system's Chromium
 * with a fake microphone: Chromium plays an espeak-ng stereo dialogue (therapist left, patient
 * right) as the microphone (`--use-file-for-fake-audio-capture`), the console's capture worklet
 * sends it as 16 kHz PCM to `/v1/live`. The therapist adds a topic the dialogue covers, starts,
 * sees finals arrive while the audio plays; the connection then drops (the test proxies the
 * page's WebSocket with Playwright's `routeWebSocket` and closes both sides, as a network drop
 * would), the view says "Reconnecting…", resumes, and the finals go on: the patient's sentiment
 * and the topic marked covered; it stops, the session goes on to ready, and the stored recording
 * holds every byte the page captured, once (no gap, no duplicate). The live engine is the instant fake (`CONFIDE_LIVE=instant-fake`:
 * the same voice-activity cutting as the embedded engine, scripted texts, no decoding), as in
 * test/e2e/live-session.test.ts: PocketSphinx per utterance is too slow on a loaded test machine
 * for a browser test's waits. axe-core checks every state; screenshots in test-artifacts/browser/.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, therapyDialogue, type DialogueAudio } from "@confide/contracts/support";
import { getSession } from "../support/confide-api-client.ts";
import { launchChromium } from "./support/chromium.ts";
import { screenTimeoutMs, signIn, startConsoleHarness, type ConsoleHarness, type ConsolePage } from "./support/console-harness.ts";

/** The processing after the end (analysis, notes) with the embedded profile on a busy machine. */
const processingTimeoutMs = 180_000;
const script = therapyDialogue.slice(0, 4);
/** The dialogue (4 turns, about 17 s) plays in real time: its length and room for a loaded machine. */
const liveTimeoutMs = 120_000;
const linesOf = (role: "therapist" | "patient") => script.filter((line) => line.role === role).map((line) => line.text);

let harness: ConsoleHarness;
let fixtures: string;
let dialogue: DialogueAudio;
let therapist: ConsolePage;

beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "confide-browser-live-"));
  dialogue = await makeDialogueWav({ directory: fixtures, name: "live", script });
  harness = await startConsoleHarness(
    { CONFIDE_LIVE: "instant-fake", CONFIDE_LIVE_FAKE_SCRIPT: JSON.stringify({ 0: linesOf("therapist"), 1: linesOf("patient") }) },
    {
      chromiumArgs: [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        // 16-bit PCM WAV; %noloop plays it once, then silence.
        `--use-file-for-fake-audio-capture=${dialogue.stereoPath}%noloop`,
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

/** Waits for `what`; on failure says what the page shows instead. */
async function seen(consolePage: ConsolePage, what: string, wait: () => Promise<unknown>): Promise<void> {
  try {
    await wait();
  } catch (error) {
    const shown = await consolePage.page.locator("main").innerText().catch(() => "(no main)");
    throw new Error(`${what} did not appear; the page shows: ${shown.slice(0, 1500)}; problems: ${consolePage.problems.join("; ")}`, { cause: error });
  }
}

describe("a live session in the console", () => {
  let sessionId: string;
  /** The page's live WebSockets, through the test's proxy: closing one is a dropped connection. */
  const connections: { page: WebSocketRoute; server: WebSocketRoute }[] = [];

  it("starts from the live view with a patient, a title and a topic of today", async () => {
    const { page } = therapist;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Live session" }).click();
    await page.getByRole("heading", { level: 1, name: "Start a live session" }).waitFor();
    await page.getByLabel("Patient", { exact: true }).selectOption(harness.server.accounts.patient.user.id);
    await page.getByLabel("Title", { exact: true }).fill("Live in the room");
    await page.getByLabel("Stereo microphone, therapist on the left").check();
    // Keyboard only: type the topic and press Enter to add it.
    await page.getByLabel("Topic", { exact: true }).fill("The manager at my job");
    await page.getByLabel("Topic", { exact: true }).press("Enter");
    await page.getByRole("button", { name: "Remove topic “The manager at my job”" }).waitFor();
    expect((await harness.checkScreen(page, "40-live-start")).blocking).toEqual([]);
    // Every frame goes through unchanged (no handlers): the proxy only lets the test cut it.
    await page.routeWebSocket(/\/v1\/live$/, (socket) => {
      connections.push({ page: socket, server: socket.connectToServer() });
    });

    await page.getByRole("button", { name: "Start recording" }).click();
    await page.getByRole("heading", { level: 1, name: "Live session" }).waitFor();
    await page.getByText("Recording", { exact: true }).waitFor();
    expect(await page.locator(".live-agenda li").first().innerText()).toMatch(/Not yet\s+The manager at my job/);
    expect((await harness.checkScreen(page, "41-live-recording")).blocking).toEqual([]);
  });

  it("shows finals as the dialogue plays, the patient's sentiment, and the topic covered with a link to its segment", async () => {
    const { page } = therapist;
    const startedAt = Date.now();
    const transcript = page.locator("ol.live-transcript > li.live-segment");
    await seen(therapist, "a final", () => transcript.first().waitFor());
    // The first final arrives while the dialogue is still playing: live, not after the end.
    expect(Date.now() - startedAt).toBeLessThan(dialogue.durationMs);
    expect(await transcript.first().innerText()).toContain("Therapist");
    expect(await transcript.first().innerText()).toContain(script[0]!.text);

    // The connection drops mid-dialogue: the server's side first; the page notices only later (as
    // on a real network), its frames in between are lost, and it resends them after the resume.
    const dropped = connections.at(-1)!;
    dropped.server.onClose(() => {});
    await dropped.server.close({ code: 4000, reason: "network drop" });
    await page.waitForTimeout(800);
    await dropped.page.close({ code: 4000, reason: "network drop" });
    await seen(therapist, "Reconnecting…", () => page.getByText("Reconnecting…", { exact: true }).waitFor({ timeout: 5_000 }));
    expect((await harness.checkScreen(page, "41b-live-reconnecting")).blocking).toEqual([]);
    await seen(therapist, "Recording again", () => page.getByText("Recording", { exact: true }).waitFor());
    expect(connections.length).toBe(2);

    await seen(therapist, "the topic covered", () => page.locator('.live-agenda li[data-covered="true"]').waitFor({ timeout: dialogue.durationMs + 15_000 }));
    // The patient's sentiment is folded away (the patient may see this screen): opened, it is there.
    await page.getByTestId("live-sentiment").locator("summary").click();
    await seen(therapist, "the patient's sentiment", () => page.getByTestId("live-sentiment").getByText(/^(positive|neutral|negative|mixed)$/).waitFor());
    const patientLine = transcript.filter({ hasText: script[3]!.text });
    await patientLine.waitFor();
    expect(await patientLine.innerText()).toMatch(/Patient[\s\S]*sentiment: (positive|neutral|negative|mixed)/);

    await page.getByRole("button", { name: /Show where “The manager at my job” was covered/ }).click();
    const focused = await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? "");
    expect(focused).toBe(await patientLine.getAttribute("id"));
    expect((await harness.checkScreen(page, "42-live-topic-covered")).blocking).toEqual([]);
  }, liveTimeoutMs);

  it("stops: the session is processed and reaches ready, and its view opens from the link", async () => {
    const { page } = therapist;
    // Every line of the dialogue was heard before stopping.
    await page.locator("ol.live-transcript > li.live-segment").nth(script.length - 1).waitFor({ timeout: dialogue.durationMs + 15_000 });
    await page.getByRole("button", { name: "Stop recording" }).click();
    await page.getByRole("heading", { level: 1, name: "Live session ended" }).waitFor();
    const href = await page.getByRole("link", { name: "Open the session" }).getAttribute("href");
    sessionId = decodeURIComponent(href?.replace("/sessions/", "") ?? "");
    expect((await harness.checkScreen(page, "43-live-processing")).blocking).toEqual([]);

    await page.locator('.live-status [data-status="ready"]').waitFor({ timeout: processingTimeoutMs });
    const session = await getSession(harness.baseUrl, harness.server.tokens.therapist, sessionId);
    expect(session.status).toBe("ready");
    expect(session.transcript?.segments.length).toBeGreaterThanOrEqual(script.length);
    // The stored WAV (44-byte header) holds exactly the PCM the page captured, across the drop.
    const capturedBytes = Number(await page.locator(".live-status").getAttribute("data-captured-bytes"));
    // At least the dialogue up to its last line (16 kHz stereo s16le: 64 bytes a millisecond).
    expect(capturedBytes).toBeGreaterThan((dialogue.durationMs / 2) * 64);
    expect((session as unknown as { audio: { sizeBytes: number } }).audio.sizeBytes - 44).toBe(capturedBytes);

    await page.getByRole("link", { name: "Open the session" }).click();
    await page.getByRole("heading", { level: 1, name: "Live in the room" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Notes" }).waitFor();
    expect((await harness.checkScreen(page, "44-live-session-ready")).blocking).toEqual([]);
    expect(therapist.problems).toEqual([]);
  }, processingTimeoutMs + 30_000);

  it("says so in words when the browser refuses the microphone, and starts nothing", async () => {
    // A second browser that denies the permission prompt, as a person clicking "Block" would.
    const denying = await launchChromium(["--use-fake-device-for-media-stream", "--deny-permission-prompts"]);
    try {
      const context = await denying.newContext({ baseURL: harness.baseUrl, viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(screenTimeoutMs);
      const page = await context.newPage();
      await signIn(page, harness.server.accounts.therapist, "Sessions");
      await page.goto("/live");
      await page.getByRole("heading", { level: 1, name: "Start a live session" }).waitFor();
      await page.getByLabel("Patient", { exact: true }).selectOption(harness.server.accounts.patient.user.id);
      await page.getByRole("button", { name: "Start recording" }).click();
      await page.getByRole("alert").filter({ hasText: "The microphone was refused" }).waitFor();
      expect(await page.getByRole("button", { name: "Start recording" }).isEnabled()).toBe(true);
      expect((await harness.checkScreen(page, "45-live-microphone-refused")).blocking).toEqual([]);
    } finally {
      await denying.close();
    }
  });
});
