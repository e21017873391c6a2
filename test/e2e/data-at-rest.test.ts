/**
 * Data at rest, on the real `confide serve` (embedded profile) over real HTTP: after a recording
 * is uploaded and transcribed, everything under the data directory is private to the user the
 * server runs as (files 0600, folders 0700) — the PGlite database, the blobs and their sidecars,
 * the generated JWT secret — and so is PocketSphinx's temporary audio, whatever umask the
 * operator's shell had. With `CONFIDE_DATA_KEY` set, the recording on disk is ciphertext and the
 * API still serves the original bytes, whole and by range.
 */
import { randomBytes } from "node:crypto";
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entriesNotOwnerOnly, makeDialogueWav } from "@confide/contracts/support";
import { runCli, startCli, type ConfideProcess } from "../support/server-process.ts";
import { recordTestConsent } from "../support/confide-api-client.ts";

interface Account {
  user: { id: string; email: string; role: string };
  password: string;
}

/** Watches a folder while the server works in it, remembering the mode of every entry it saw. */
function watchModes(root: string): { stop(): Promise<Map<string, string>> } {
  const seen = new Map<string, string>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const names = await readdir(root, { recursive: true }).catch(() => [] as string[]);
      for (const name of names) {
        try {
          const entry = await lstat(join(root, name));
          const mode = (entry.mode & 0o7777).toString(8).padStart(4, "0");
          seen.set(entry.isDirectory() ? `${name}/` : name, mode);
        } catch {
          // Removed between the listing and the look: the next round sees the rest.
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return seen;
    },
  };
}

const cases: Array<{ name: string; umask: string; dataKey: string | undefined }> = [
  { name: "an ordinary umask (022), unencrypted blobs", umask: "022", dataKey: undefined },
  { name: "a permissive umask (000), encrypted blobs", umask: "000", dataKey: randomBytes(32).toString("base64") },
];

describe.each(cases)("data at rest with $name", ({ umask, dataKey }) => {
  let root: string;
  let dataDir: string;
  let speechTemporary: string;
  let server: ConfideProcess & { port: number };
  let base: string;
  let token: string;
  let patientId: string;
  let monoPath: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "confide-at-rest-"));
    dataDir = join(root, "data");
    speechTemporary = join(root, "speech-tmp");
    await mkdir(speechTemporary, { mode: 0o700 });
    const env: Record<string, string> = {
      CONFIDE_PROFILE: "embedded",
      CONFIDE_DATA_DIR: dataDir,
      CONFIDE_PORT: "0",
      CONFIDE_PASSWORD_COST: "1024",
      // PocketSphinx works under os.tmpdir(); Node's compile cache stays where it always is.
      TMPDIR: speechTemporary,
      NODE_COMPILE_CACHE: join(tmpdir(), "node-compile-cache"),
      ...(dataKey === undefined ? {} : { CONFIDE_DATA_KEY: dataKey }),
    };
    const audio = await makeDialogueWav({
      directory: join(root, "fixtures"),
      script: [
        { role: "therapist", text: "How have you been sleeping this week?" },
        { role: "patient", text: "I feel a lot better and I am happy." },
      ],
    });
    monoPath = audio.monoPath;
    const seeded = JSON.parse(await runCli(["seed"], env, { umask })) as { accounts: Account[] };
    const byRole = (role: string) => seeded.accounts.find((account) => account.user.role === role) as Account;
    patientId = byRole("patient").user.id;
    server = await startCli(["serve"], env, { timeoutMs: 60_000, umask });
    base = `http://127.0.0.1:${server.port}`;
    const login = await fetch(`${base}/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: byRole("therapist").user.email, password: byRole("therapist").password }),
    });
    expect(login.status).toBe(200);
    token = ((await login.json()) as { accessToken: string }).accessToken;
    await recordTestConsent(base, token, byRole("patient").user.id);
  }, 180_000);

  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
    await rm(root, { recursive: true, force: true });
  });

  it("keeps the database, the recording, its sidecar, the JWT secret and the speech engine's temporary audio private", async () => {
    const watcher = watchModes(speechTemporary);
    const recording = await readFile(monoPath);
    const form = new FormData();
    form.append("patientId", patientId);
    form.append("title", "At rest");
    form.append("audio", new Blob([recording], { type: "audio/wav" }), "session.wav");
    const created = await fetch(`${base}/v1/sessions`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const deadline = Date.now() + 120_000;
    let status = "";
    while (Date.now() < deadline) {
      const detail = await fetch(`${base}/v1/sessions/${id}`, { headers: { authorization: `Bearer ${token}` } });
      status = ((await detail.json()) as { status: string }).status;
      if (status === "ready" || status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const speechEntries = await watcher.stop();
    expect(status).toBe("ready");

    // The speech engine's work folder and the audio it decoded into it were seen, all private.
    const names = [...speechEntries.keys()];
    expect(names.some((name) => /^confide-pocketsphinx-[^/]+\/$/.test(name)), names.join(", ")).toBe(true);
    expect(names.some((name) => /^confide-pocketsphinx-[^/]+\/.+\.wav$/.test(name)), names.join(", ")).toBe(true);
    const loose = [...speechEntries].filter(([name, mode]) => mode !== (name.endsWith("/") ? "0700" : "0600"));
    expect(loose).toEqual([]);

    const files = await readdir(dataDir, { recursive: true });
    expect(files).toContain("jwt-secret");
    expect(files.some((name) => name.startsWith("db/"))).toBe(true);
    expect(files.filter((name) => name.startsWith("blobs/") && name.endsWith("@meta.json"))).toHaveLength(1);
    expect(await entriesNotOwnerOnly(dataDir)).toEqual([]);
  }, 180_000);

  it(dataKey === undefined ? "stores the recording as it was sent" : "stores the recording encrypted and serves the original bytes", async () => {
    const recording = await readFile(monoPath);
    const files = await readdir(join(dataDir, "blobs"), { recursive: true });
    const blobPath = files.find((name) => name.endsWith("/audio.wav"));
    expect(blobPath).toBeDefined();
    const stored = await readFile(join(dataDir, "blobs", blobPath as string));
    if (dataKey === undefined) {
      expect(stored.equals(recording)).toBe(true);
      return;
    }
    expect(stored.subarray(0, 4).toString("latin1")).not.toBe("RIFF");
    expect(stored.includes(recording.subarray(44, 4096))).toBe(false);

    const list = await fetch(`${base}/v1/sessions?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    const [session] = ((await list.json()) as { items: Array<{ id: string }> }).items;
    const whole = await fetch(`${base}/v1/sessions/${session?.id}/audio`, { headers: { authorization: `Bearer ${token}` } });
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(recording)).toBe(true);
    const ranged = await fetch(`${base}/v1/sessions/${session?.id}/audio`, {
      headers: { authorization: `Bearer ${token}`, range: "bytes=70000-200000" },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 70000-200000/${recording.byteLength}`);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(recording.subarray(70000, 200001))).toBe(true);
  }, 60_000);

  // Only an encrypted recording can be checked on reading (defined, not skipped, for that case).
  if (dataKey !== undefined) {
    it("refuses to serve a recording altered on disk, and serves it again once restored", async () => {
      const recording = await readFile(monoPath);
      const files = await readdir(join(dataDir, "blobs"), { recursive: true });
      const blobPath = join(dataDir, "blobs", files.find((name) => name.endsWith("/audio.wav")) as string);
      const original = await readFile(blobPath);
      const list = await fetch(`${base}/v1/sessions?limit=1`, { headers: { authorization: `Bearer ${token}` } });
      const [session] = ((await list.json()) as { items: Array<{ id: string }> }).items;
      const audioUrl = `${base}/v1/sessions/${session?.id}/audio`;
      const auth = { authorization: `Bearer ${token}` };

      // Truncated: refused before anything is sent.
      await writeFile(blobPath, original.subarray(0, original.byteLength - 100));
      const truncated = await fetch(audioUrl, { headers: auth });
      expect(truncated.status).toBe(503);
      expect(((await truncated.json()) as { code: string }).code).toBe("dependency.unavailable");

      // A byte flipped in the second chunk: the response stops at the damaged chunk, short of the whole.
      const flipped = Buffer.from(original);
      const position = 53 + 64 * 1024 + 16 + 1000;
      flipped[position] = (flipped[position] as number) ^ 0x01;
      await writeFile(blobPath, flipped);
      const altered = await fetch(audioUrl, { headers: auth });
      const received = await altered.arrayBuffer().then(
        (body) => Buffer.from(body),
        () => undefined,
      );
      if (received !== undefined) {
        expect(altered.status === 200 ? received.byteLength : 0).toBeLessThan(recording.byteLength);
        if (altered.status === 200) expect(recording.subarray(0, received.byteLength).equals(received)).toBe(true);
      }

      await writeFile(blobPath, original);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(Buffer.from(await (await fetch(audioUrl, { headers: auth })).arrayBuffer()).equals(recording)).toBe(true);
    }, 60_000);
  }
});
