/**
 * The live screen's "Next" panel in the browser, keyboard only, over a real `confide serve` in
 * the system's Chromium: Chromium plays an espeak-ng stereo dialogue (therapist left, patient
 * right) as its microphone; the patient says they have been thinking about killing themselves.
 * The live engine is the instant fake (voice activity cuts the utterances; each final says the
 * script's line), as in therapist-live-session.test.ts; the risk screen is the embedded one.
 * A safety suggestion appears beside the transcript without taking the focus and is announced
 * once (polite); "Patient can see this screen" hides it and every sentiment, and says so; "A"
 * on its focused button marks it asked, which the session keeps (who, when) and its page shows
 * afterwards ("Suggested while live"). axe-core at 1280
 * and 390 px; screenshots in test-artifacts/browser/ (51-… to 55-…).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, type DialogueAudio } from "@confide/contracts/support";
import { startConsoleHarness, signIn, type ConsoleHarness, type ConsolePage } from "./support/console-harness.ts";

const script = [
  { role: "therapist", text: "How have you been since we last met?" },
  { role: "patient", text: "Honestly, I have been thinking about killing myself." },
] as const;
const linesOf = (role: "therapist" | "patient") => script.filter((line) => line.role === role).map((line) => line.text);
const liveTimeoutMs = 120_000;

let harness: ConsoleHarness;
let fixtures: string;
let dialogue: DialogueAudio;
let therapist: ConsolePage;

beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "confide-browser-next-"));
  dialogue = await makeDialogueWav({ directory: fixtures, name: "next", script: [...script] });
  harness = await startConsoleHarness(
    { CONFIDE_LIVE: "instant-fake", CONFIDE_LIVE_FAKE_SCRIPT: JSON.stringify({ 0: linesOf("therapist"), 1: linesOf("patient") }) },
    { chromiumArgs: ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-audio-capture=${dialogue.stereoPath}%noloop`] },
  );
  therapist = await harness.newPage();
  await signIn(therapist.page, harness.server.accounts.therapist, "Sessions");
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

/** The id of the focused element (empty when the focus is on the page). */
const focusedId = (consolePage: ConsolePage) =>
  consolePage.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? "");
/** The focused element's visible text. */
const focusedText = (consolePage: ConsolePage) =>
  consolePage.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }).document.activeElement?.textContent ?? "");

describe("the live screen's Next panel", () => {
  let sessionId = "";

  it("starts with a planned length, and a safety suggestion appears beside the transcript without taking the focus", async () => {
    const { page } = therapist;
    await page.goto("/live");
    await page.getByRole("heading", { level: 1, name: "Start a live session" }).waitFor();
    await page.getByLabel("Patient", { exact: true }).selectOption(harness.server.accounts.patient.user.id);
    await page.getByLabel("Title", { exact: true }).fill("Next panel");
    await page.getByLabel("Stereo microphone, therapist on the left").check();
    await page.getByLabel("Planned length (minutes)").fill("50");
    await page.getByRole("button", { name: "Start recording" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Recording", { exact: true }).waitFor();
    const next = page.getByRole("region", { name: "Next" });
    expect(await next.innerText()).toMatch(/Nothing to suggest yet/);

    // The focus rests on the switch while the dialogue plays: the suggestion must not move it.
    await page.getByRole("switch", { name: "Patient can see this screen" }).focus();
    const suggestion = next.locator("li.suggestion");
    await suggestion.first().waitFor({ timeout: dialogue.durationMs + 20_000 });
    expect(await focusedId(therapist)).toBe("live-patient-sees");
    expect(await suggestion.count()).toBe(1);
    const shown = await suggestion.first().innerText();
    // Marked as safety in words, with what to ask and why.
    expect(shown).toMatch(/^Safety question/);
    expect(shown).toMatch(/how they might do it/);
    await page.locator('[role="status"][aria-live="polite"]').filter({ hasText: /Safety question suggested: .*how they might do it/ }).waitFor();
    // The patient's words it answers to are in the transcript, without a sentiment: a word-list
    // sentiment of suicidal words misleads; the folded summary says why it shows none.
    const patientLine = page.locator("ol.live-transcript > li.live-segment").filter({ hasText: script[1].text });
    await patientLine.waitFor();
    expect(await patientLine.innerText()).not.toContain("sentiment:");
    await page.getByTestId("live-sentiment").filter({ hasText: "not shown beside words about suicide or self-harm" }).waitFor({ state: "attached" });
    expect((await harness.checkScreen(page, "51-live-next-safety")).blocking).toEqual([]);
  }, liveTimeoutMs);

  it("hides the suggestions and every sentiment while the patient can see the screen, and says so", async () => {
    const { page } = therapist;
    const next = page.getByRole("region", { name: "Next" });
    await page.keyboard.press("Space");
    expect(await page.getByRole("switch", { name: "Patient can see this screen" }).isChecked()).toBe(true);
    await page.getByText("Suggestions and sentiment are hidden while the patient can see this screen.").waitFor();
    expect(await next.locator("li.suggestion").count()).toBe(0);
    expect(await next.innerText()).toMatch(/Hidden while the patient can see this screen/);
    expect(await page.getByTestId("live-sentiment").count()).toBe(0);
    expect(await page.locator("main").innerText()).not.toMatch(/sentiment:|how they might do it/i);
    expect((await harness.checkScreen(page, "52-live-next-patient-sees")).blocking).toEqual([]);

    await page.keyboard.press("Space");
    await next.locator("li.suggestion").first().waitFor();
    expect(await page.getByTestId("live-sentiment").count()).toBe(1);
  });

  it("fits a phone's width: axe clean at 390 px", async () => {
    const { page } = therapist;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("region", { name: "Next" }).locator("li.suggestion").first().waitFor();
    expect((await harness.checkScreen(page, "53-live-next-390")).blocking).toEqual([]);
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("marks the suggestion asked with one key from the keyboard; it leaves the panel and the session keeps who and when", async () => {
    const { page } = therapist;
    const next = page.getByRole("region", { name: "Next" });
    // From the switch, Tab reaches the suggestion's first button (once the panel shows it again
    // after the width change).
    await next.getByRole("button", { name: /^Asked/ }).first().waitFor();
    await page.getByRole("switch", { name: "Patient can see this screen" }).focus();
    for (let tabs = 0; tabs < 8 && !/^Asked/.test(await focusedText(therapist)); tabs += 1) await page.keyboard.press("Tab");
    expect(await focusedText(therapist)).toMatch(/^Asked/);
    await page.keyboard.press("a");
    await next.getByText(/Nothing to suggest yet/).waitFor();
    // The focus stays in the panel, not on the page.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement?.getAttribute("data-testid") ?? "")).toBe("live-next");
    expect((await harness.checkScreen(page, "54-live-next-asked")).blocking).toEqual([]);

    await page.getByRole("button", { name: "Stop recording" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Live session ended" }).waitFor();
    const href = await page.getByRole("link", { name: "Open the session" }).getAttribute("href");
    sessionId = decodeURIComponent(href?.replace("/sessions/", "") ?? "");
    const response = await fetch(`${harness.baseUrl}/v1/sessions/${encodeURIComponent(sessionId)}`, { headers: { authorization: `Bearer ${harness.server.tokens.therapist}` } });
    const session = (await response.json()) as { live: { plannedEndMs?: number; suggestions: Array<{ id: string; kind: string; outcome: { action: string; by: string } | null }> } };
    expect(session.live.plannedEndMs).toBe(50 * 60_000);
    expect(session.live.suggestions.map((record) => [record.id, record.kind, record.outcome?.action ?? null])).toEqual([["safety:method", "safety", "used"]]);
    expect(session.live.suggestions[0]?.outcome?.by).toBe(harness.server.accounts.therapist.user.id);

    // The session's page keeps what was suggested and what became of it.
    await page.getByRole("link", { name: "Open the session" }).focus();
    await page.keyboard.press("Enter");
    const timeline = page.getByRole("region", { name: "Suggested while live" });
    await timeline.waitFor();
    expect(await timeline.innerText()).toMatch(/Safety question at .*how they might do it[\s\S]*Marked asked by you at/);
    expect((await harness.checkScreen(page, "55-session-suggested-while-live")).blocking).toEqual([]);
    expect(therapist.problems).toEqual([]);
  }, 60_000);
});
