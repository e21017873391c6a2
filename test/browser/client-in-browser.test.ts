/**
 * @confide/client in a real browser (the system's Chromium): the browser build has no Node-only
 * import, the upload goes through XMLHttpRequest with progress on the bytes sent, and the refresh
 * token lives in the HttpOnly cookie (Secure cookies work on http://127.0.0.1, a secure context)
 * so a reload signs in again without the page ever seeing it. The client is bundled by Vite from
 * its sources, as the console bundles it, and served from the API's origin by the test server.
 */
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { build, type Rolldown } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { password, serveTestApp, wavBytes, type ServedTestApp } from "../../packages/client/src/served-test-app.test-support.ts";
import { launchChromium } from "./support/chromium.ts";

const clientEntry = fileURLToPath(new URL("../../packages/client/src/index.ts", import.meta.url));

/** The client as one ES module, built for browsers as the console's Vite build resolves it. */
async function bundleClient(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: "silent",
    resolve: { conditions: ["source", "browser", "module", "import", "default"] },
    build: { write: false, minify: false, target: "es2022", lib: { entry: clientEntry, formats: ["es"], fileName: "client" } },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunk = (Array.isArray(output) ? output[0] : output)?.output.find((item) => item.type === "chunk");
  if (!chunk || chunk.type !== "chunk") throw new Error("Vite produced no chunk for @confide/client.");
  return chunk.code;
}

let browser: Browser;
let server: ServedTestApp;
let page: Page;

beforeAll(async () => {
  const code = await bundleClient();
  server = await serveTestApp({
    maxUploadBytes: 4 * 1024 * 1024,
    files: {
      "/client-test/": {
        contentType: "text/html",
        body: '<!doctype html><html lang="en"><title>client test</title><script type="module" src="/client-test/boot.js"></script><body></body></html>',
      },
      "/client-test/boot.js": { contentType: "text/javascript", body: 'import * as client from "/client-test/client.js"; window.confideClient = client;' },
      "/client-test/client.js": { contentType: "text/javascript", body: code },
    },
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await openTestPage();
}, 120_000);

/** The page, once the client module loaded (as `window.confideClient`). */
async function openTestPage(): Promise<void> {
  await page.goto(`${server.baseUrl}/client-test/`);
  await page.waitForFunction(() => "confideClient" in globalThis);
}

/** The page's globals the page functions touch (the tests are type-checked without the DOM library). */
interface ClientPageGlobals {
  confideClient: typeof import("../../packages/client/src/index.ts");
  XMLHttpRequest: { prototype: { send(this: unknown, body?: unknown): void } };
  document: { cookie: string };
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("@confide/client in Chromium", () => {
  it("has no Node-only import: the bundle loads in the page", async () => {
    const exported = await page.evaluate(() => Object.keys((globalThis as unknown as ClientPageGlobals).confideClient).sort());
    expect(exported).toEqual(expect.arrayContaining(["ConfideApiError", "createConfideClient", "dataOf"]));
  });

  it("uploads through XMLHttpRequest with progress up to the file's size, signed in with the refresh cookie", async () => {
    const bytes = wavBytes(1024 * 1024);
    const audioBase64 = Buffer.from(bytes).toString("base64");
    const result = await page.evaluate(
      async ({ email, password, patientId, audioBase64 }) => {
        const globals = globalThis as unknown as ClientPageGlobals;
        const client = globals.confideClient.createConfideClient({ baseUrl: "", refreshTokenIn: "cookie" });
        await client.signIn({ email, password });
        const sends: string[] = [];
        const xhr = globals.XMLHttpRequest.prototype;
        const original = xhr.send;
        xhr.send = function (this: unknown, body?: unknown) {
          sends.push(body instanceof Blob ? `blob:${body.size}` : typeof body);
          return original.call(this, body);
        };
        const progress: Array<{ sentBytes: number; totalBytes: number | undefined }> = [];
        const file = new File([Uint8Array.from(atob(audioBase64), (char) => char.charCodeAt(0))], "week-1.wav", { type: "audio/wav" });
        const session = await client.uploadSession({ patientId, title: "From the browser", audio: file, fileName: file.name }, { onProgress: (update) => progress.push(update) });
        xhr.send = original;
        return { session: { status: session.status, sizeBytes: session.audio.sizeBytes, title: session.title }, progress, sends, cookieVisible: globals.document.cookie };
      },
      { email: server.therapist.email, password, patientId: server.patient.id, audioBase64 },
    );
    expect(result.sends).toHaveLength(1);
    expect(result.sends[0]).toMatch(/^blob:\d+$/);
    expect(result.session).toEqual({ status: "queued", sizeBytes: bytes.byteLength, title: "From the browser" });
    expect(result.progress.at(-1)).toEqual({ sentBytes: bytes.byteLength, totalBytes: bytes.byteLength });
    // HttpOnly: the page never sees the refresh token.
    expect(result.cookieVisible).toBe("");
  });

  it("resumes after a reload from the refresh cookie alone (Secure cookies work on 127.0.0.1)", async () => {
    await openTestPage();
    const resumed = await page.evaluate(async () => {
      const client = (globalThis as unknown as ClientPageGlobals).confideClient.createConfideClient({ baseUrl: "", refreshTokenIn: "cookie" });
      const user = await client.resume();
      return user?.email;
    });
    expect(resumed).toBe(server.therapist.email);
  });
});
