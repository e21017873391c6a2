/**
 * An upload that survives a reload, in the system's Chromium over a real `confide serve`: the
 * page warns before leaving mid-upload, keeps the patient, title and settings (stereo, note format, the title shown to the patient) across the reload, shown as they were, and,
 * given the same file again, continues the upload where the server says it stopped (tus) — the
 * recording stored once, its sha256 that of the file; and, through a proxy that cuts the
 * connection mid-body, continues by itself from the offset the server kept.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { connect, createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { pcmWav } from "@confide/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageGlobals } from "./support/page-globals.ts";
import { checkAtWidths, shoot, signIn, startConsoleHarness, throttleUploads, type ConsoleHarness } from "./support/console-harness.ts";

let harness: ConsoleHarness;
let fixtures: string;
/** About 1 MB of silence: long enough to reload part-way through at 128 KB/s. */
const recording = pcmWav({ dataBytes: 1_000_000, sampleRateHz: 16_000, silent: true });
/** The same in stereo: what a stereo channel layout is for. */
const stereoRecording = pcmWav({ dataBytes: 1_000_000, sampleRateHz: 16_000, channels: 2, silent: true });


beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), "confide-browser-tus-"));
  harness = await startConsoleHarness();
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

describe("an upload that survives a reload", () => {
  it("warns before leaving, keeps patient, title and settings visibly, and resumes with the same file: stored once, sha256 equal", async () => {
    const { page, context, problems } = await harness.newPage();
    await page.goto("/");
    await signIn(page, harness.server.accounts.therapist, "Sessions");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" }).click();
    await page.getByRole("heading", { level: 1, name: "Upload a recording" }).waitFor();
    await page.getByLabel("Patient", { exact: true }).selectOption({ label: "Pat Patient (patient@confide.local)" });
    const file = join(fixtures, "tuesday.wav");
    await writeFile(file, stereoRecording);
    await page.getByLabel("Recording").setInputFiles(file);
    await page.getByLabel("Title", { exact: true }).fill("Tuesday, resumed");
    // Settings an upload is created with: stereo, a SOAP note, the title shown to the patient.
    await page.getByLabel("Stereo, therapist on the left").check();
    await page.getByLabel("Note format").selectOption("soap");
    await page.getByLabel("Show this title to the patient").check();

    const unthrottle = await throttleUploads({ page, context, problems: [] }, 128 * 1024);
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.waitForFunction(() => {
      const bar = (globalThis as unknown as PageGlobals).document.querySelector("#upload-progress");
      return bar !== null && bar.value > 200_000 && bar.value < bar.max;
    });

    // Leaving mid-upload asks first (beforeunload); the person leaves anyway.
    const warned = new Promise<string>((resolve) => {
      page.once("dialog", (dialog) => {
        resolve(dialog.type());
        void dialog.accept();
      });
    });
    await page.reload();
    expect(await warned).toBe("beforeunload");
    await unthrottle();

    // The form kept patient and title (this tab's sessionStorage; nothing in the URL).
    await page.getByRole("heading", { level: 1, name: "Upload a recording" }).waitFor();
    expect(new URL(page.url()).search).toBe("");
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("Tuesday, resumed");
    // It says which upload stopped and how to go on (the browser cannot read the file again by itself).
    await page.getByTestId("upload-interrupted").filter({ hasText: "The upload of tuesday.wav" }).waitFor();
    // The settings it started with are shown, not the form's defaults.
    expect(await page.getByLabel("Stereo, therapist on the left").isChecked()).toBe(true);
    expect(await page.getByLabel("Note format").inputValue()).toBe("soap");
    expect(await page.getByLabel("Show this title to the patient").isChecked()).toBe(true);
    await shoot(page, "upload-form-after-reload", page.locator("form.upload-form"));
    await checkAtWidths(harness, page, "upload-interrupted");
    // Once the patients list has loaded, the patient chosen before the reload is selected.
    await expect.poll(() => page.getByLabel("Patient", { exact: true }).inputValue(), { timeout: 10_000 }).toBe(harness.server.accounts.patient.user.id);

    // The server kept what arrived before the reload.
    const staging = join(harness.server.dataDir, "uploads");
    const parts = (await readdir(staging)).filter((name) => name.endsWith(".part"));
    expect(parts).toHaveLength(1);
    const keptBytes = (await stat(join(staging, parts[0] ?? ""))).size;
    expect(keptBytes).toBeGreaterThan(0);
    expect(keptBytes).toBeLessThan(stereoRecording.byteLength);

    // The same file again: the upload continues where the server says it stopped.
    await page.getByLabel("Recording").setInputFiles(file);
    const slowAgain = await throttleUploads({ page, context, problems: [] }, 96 * 1024);
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByTestId("upload-resumed").waitFor();
    // The focus is on the progress panel while the form's fields are disabled, never on the page.
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.getAttribute("data-testid") ?? null)).toBe("upload-progress");
    await shoot(page, "upload-resumed", page.getByTestId("upload-progress"));
    await slowAgain();
    await page.getByRole("heading", { level: 1, name: "Recording uploaded" }).waitFor({ timeout: 60_000 });
    // Stored: the kept form is forgotten.
    expect(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length)).toBe(0);

    // One upload only was ever created (its record stays until it expires), and its bytes are gone.
    expect((await readdir(staging)).filter((name) => name.endsWith(".json"))).toHaveLength(1);
    expect((await readdir(staging)).filter((name) => name.endsWith(".part"))).toEqual([]);
    expect(problems).toEqual([]);

    const listed = await fetch(`${harness.baseUrl}/v1/sessions`, { headers: { authorization: `Bearer ${harness.server.tokens.therapist}` } });
    const items = ((await listed.json()) as { items: { id: string; title: string }[] }).items;
    expect(items.map((item) => item.title).filter((title) => title.startsWith("Tuesday"))).toEqual(["Tuesday, resumed"]);
    const stored = await fetch(`${harness.baseUrl}/v1/sessions/${items[0]?.id}`, { headers: { authorization: `Bearer ${harness.server.tokens.therapist}` } });
    const session = (await stored.json()) as { audio: { sizeBytes: number; sha256: string } };
    expect(session.audio).toMatchObject({ sizeBytes: stereoRecording.byteLength, sha256: createHash("sha256").update(stereoRecording).digest("hex") });
    // Stored with the settings shown: the ones it started with.
    expect(session).toMatchObject({ settings: { channelLayout: "per-channel", channelRoles: ["therapist", "patient"] }, noteFormat: "soap", titleShared: true });
  });

  it("continues by itself when the connection drops mid-body: resumed from where the server stood, stored once, sha256 equal", async () => {
    // A proxy in front of the server that cuts the first connection to carry 400 KB, mid-PATCH.
    const dropAfterBytes = 400 * 1024;
    let carriedBytes = 0;
    let dropped = false;
    const patchOffsets: number[] = [];
    const proxy = createServer((client) => {
      const upstream = connect(harness.server.process.port, "127.0.0.1");
      let connectionBytes = 0;
      client.on("data", (chunk: Buffer) => {
        connectionBytes += chunk.byteLength;
        if (!dropped && connectionBytes > dropAfterBytes) {
          dropped = true;
          client.destroy();
          upstream.destroy();
          return;
        }
        carriedBytes += chunk.byteLength;
        const offset = /^PATCH [^\r]*\r\n(?:[^\r]*\r\n)*?upload-offset: *(\d+)/i.exec(chunk.subarray(0, 2_000).toString("latin1"))?.[1];
        if (offset !== undefined) patchOffsets.push(Number(offset));
        upstream.write(chunk);
      });
      upstream.pipe(client);
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const proxyPort = (proxy.address() as AddressInfo).port;
    const context = await harness.browser.newContext({ baseURL: `http://127.0.0.1:${proxyPort}` });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      await page.goto("/");
      await signIn(page, harness.server.accounts.therapist, "Sessions");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" }).click();
      await page.getByRole("heading", { level: 1, name: "Upload a recording" }).waitFor();
      await page.getByLabel("Patient", { exact: true }).selectOption({ label: "Pat Patient (patient@confide.local)" });
      const file = join(fixtures, "wednesday.wav");
      await writeFile(file, recording);
      await page.getByLabel("Recording").setInputFiles(file);
      await page.getByLabel("Title", { exact: true }).fill("Wednesday, through a dropped connection");
      carriedBytes = 0;
      await page.getByRole("button", { name: "Upload", exact: true }).click();

      await page.getByRole("heading", { level: 1, name: "Recording uploaded" }).waitFor({ timeout: 60_000 });
      expect(dropped).toBe(true);
      // Resumed, not restarted: the last PATCH starts where the server said it stood, past 0.
      expect(patchOffsets[0]).toBe(0);
      expect(patchOffsets.at(-1)).toBeGreaterThan(0);
      process.stdout.write(`resumed upload: PATCH offsets ${JSON.stringify(patchOffsets)}, ${carriedBytes} bytes sent for a ${recording.byteLength}-byte recording\n`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      proxy.close();
    }
    const listed = await fetch(`${harness.baseUrl}/v1/sessions`, { headers: { authorization: `Bearer ${harness.server.tokens.therapist}` } });
    const items = ((await listed.json()) as { items: { id: string; title: string }[] }).items.filter((item) => item.title.startsWith("Wednesday"));
    expect(items).toHaveLength(1);
    const stored = await fetch(`${harness.baseUrl}/v1/sessions/${items[0]?.id}`, { headers: { authorization: `Bearer ${harness.server.tokens.therapist}` } });
    const session = (await stored.json()) as { audio: { sizeBytes: number; sha256: string } };
    expect(session.audio).toMatchObject({ sizeBytes: recording.byteLength, sha256: createHash("sha256").update(recording).digest("hex") });
  });

  it("shows the consent message for a large recording of a patient without consent, before any byte is sent", async () => {
    const { page, problems } = await harness.newPage();
    await page.goto("/");
    await signIn(page, harness.server.accounts.therapist, "Sessions");
    const withdrawn = await fetch(`${harness.baseUrl}/v1/me/consent/withdrawals`, {
      method: "POST",
      headers: { authorization: `Bearer ${harness.server.tokens.patient}`, "content-type": "application/json" },
      body: JSON.stringify({ scopes: [{ scope: "recording" }] }),
    });
    expect(withdrawn.status).toBe(201);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" }).click();
    await page.getByRole("heading", { level: 1, name: "Upload a recording" }).waitFor();
    await page.getByLabel("Patient", { exact: true }).selectOption({ label: "Pat Patient (patient@confide.local)" });
    const large = join(fixtures, "long-session.wav");
    await writeFile(large, pcmWav({ dataBytes: 20 * 1024 * 1024, silent: true }));
    await page.getByLabel("Recording").setInputFiles(large);
    const patches: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "PATCH") patches.push(request.url());
    });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "This patient has not given consent to recording. Record their consent before uploading a session." }).waitFor();
    await page.getByRole("link", { name: "Record this patient's consent" }).waitFor();
    expect(patches).toEqual([]);
    expect(problems).toEqual([]);
  });
});
