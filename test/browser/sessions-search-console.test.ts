/**
 * The sessions list as a therapist searches it, in the system's Chromium over a real `confide
 * serve`: a search result shows the words it matched (marked) in their segment and opens the
 * session at that segment, focused; reversed dates say so in place of the results, never over
 * the old ones; on a phone, a table that cuts columns says so. axe-core at 1280, 390 and 360 px.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { openAsBlob } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfideClient, dataOf, type Session } from "@confide/client";
import { makeDialogueWav, therapyDialogue } from "@confide/contracts/support";
import type { PageGlobals } from "./support/page-globals.ts";
import { checkAtWidths, shoot, signIn, startConsoleHarness, type ConsoleHarness } from "./support/console-harness.ts";

const processingTimeoutMs = 180_000;
let harness: ConsoleHarness;
let fixtures: string;
let session: Session;

beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "confide-browser-search-"));
  const [dialogue, started] = await Promise.all([
    makeDialogueWav({ directory: fixtures, name: "search", script: therapyDialogue.slice(0, 4) }),
    startConsoleHarness(),
  ]);
  harness = started;
  const therapist = createConfideClient({ baseUrl: harness.baseUrl });
  await therapist.signIn({ email: harness.server.accounts.therapist.user.email, password: harness.server.accounts.therapist.password });
  const created = await therapist.uploadSession({
    patientId: harness.server.accounts.patient.user.id,
    title: "Week 3",
    audio: await openAsBlob(dialogue.monoPath, { type: "audio/wav" }),
    fileName: "dialogue.wav",
  });
  for await (const event of therapist.sessionEvents(created.id)) {
    if (event.type === "end" && event.status !== "ready") throw new Error(`the session ended ${event.status}`);
  }
  session = (await dataOf(therapist.api.GET("/v1/sessions/{id}", { params: { path: { id: created.id } } }))) as Session;
}, processingTimeoutMs + 60_000);

afterAll(async () => {
  await harness?.stop();
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

describe("searching the sessions list", () => {
  it("shows the matched words in their segment and opens the session there", async () => {
    // The longest word of the last segment: what the engine heard, whatever it heard.
    const segments = session.transcript?.segments ?? [];
    expect(segments.length).toBeGreaterThan(1);
    const target = segments.at(-1)!;
    const word = [...target.text.matchAll(/\p{L}+/gu)].map((match) => match[0]).sort((a, b) => b.length - a.length)[0]!;
    const { page, problems } = await harness.newPage();
    await signIn(page, harness.server.accounts.therapist, "Sessions");
    await page.getByLabel("Search titles and transcripts").fill(word);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const match = page.getByTestId("search-match");
    await match.waitFor({ timeout: 15_000 });
    expect((await match.locator("mark").allTextContents()).map((text) => text.toLowerCase())).toContain(word.toLowerCase());
    await checkAtWidths(harness, page, "search-01-matched-words");

    await match.getByRole("link", { name: "Open at this passage" }).click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.getAttribute("data-segment-id") ?? null), { timeout: 15_000 })
      .toBe(target.id);
    expect(problems).toEqual([]);
  });

  it("says reversed dates in place of the results, and cues columns cut off on a phone", async () => {
    const { page, problems } = await harness.newPage();
    await signIn(page, harness.server.accounts.therapist, "Sessions");
    const results = page.getByRole("region", { name: "Results" });
    await results.getByRole("link", { name: "Week 3" }).waitFor();

    await page.getByLabel("Recorded from").fill("2026-03-10");
    await page.getByLabel("Recorded until").fill("2026-03-01");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await results.getByRole("alert").filter({ hasText: "“Recorded from” is after “Recorded until”" }).waitFor();
    // In place of the results: the old ones are gone, and the server's field names never show.
    expect(await results.getByRole("table").count()).toBe(0);
    expect(await page.locator("main").textContent()).not.toContain("recordedFrom");
    expect(await page.getByLabel("Recorded from").getAttribute("aria-invalid")).toBe("true");
    await checkAtWidths(harness, page, "search-02-reversed-dates");

    await page.getByRole("button", { name: "Clear" }).click();
    await results.getByRole("link", { name: "Week 3" }).waitFor();
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByTestId("table-scroll-cue").waitFor();
    expect(await page.getByRole("region", { name: "Sessions" }).getAttribute("aria-describedby")).toBe(await page.getByTestId("table-scroll-cue").getAttribute("id"));
    await shoot(page, "sessions-table-cut-columns", page.getByRole("region", { name: "Results" }));
    // Scrolled to the end, nothing is cut: the cue goes.
    await page.getByRole("region", { name: "Sessions" }).evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
    await page.getByTestId("table-scroll-cue").waitFor({ state: "detached" });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(problems).toEqual([]);
  });
});
