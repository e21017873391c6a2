/**
 * The real `confide` CLI for benchmarks: a seeded embedded-profile data directory in a temp
 * folder, `confide serve` as a child process, and a therapist's access token.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startChildServer, type ChildServer, type ChildServerOptions } from "./child-server.ts";
import { deferCleanup } from "./cleanup.ts";
import { passwordLogin } from "./password-login.ts";
import { waitForSteadyRss } from "./rss-sampler.ts";
import { recordTestConsent } from "../../test/support/confide-api-client.ts";
import { sendUpload } from "./upload-request.ts";
import { createWavMultipartBody } from "./wav-multipart-body.ts";

const run = promisify(execFile);
export const cliPath = fileURLToPath(new URL("../../packages/http/src/cli.ts", import.meta.url));

export interface SeededAccount {
  user: { id: string; email: string; role: string };
  password: string;
}

export interface SeededDataDir {
  dataDir: string;
  /** The CONFIDE_* variables of the embedded profile on this directory (port 0: any free port). */
  env: Record<string, string>;
  therapist: SeededAccount;
  patient: SeededAccount;
  /** Deletes the directory (once; also done when the bench ends or is interrupted). */
  remove(): Promise<void>;
}

/** A temp data directory with the seed accounts; `extraEnv` is added to every later command. */
export async function createSeededDataDir(extraEnv: Record<string, string> = {}): Promise<SeededDataDir> {
  const dataDir = await mkdtemp(join(tmpdir(), "confide-bench-"));
  const env: Record<string, string> = {
    CONFIDE_PROFILE: "embedded",
    CONFIDE_DATA_DIR: dataDir,
    CONFIDE_PORT: "0",
    // Seeding and logging in are not what is measured: a cheap scrypt keeps set-up short.
    CONFIDE_PASSWORD_COST: "1024",
    // One therapist uploads everything a bench measures: the per-therapist quotas are not what is measured.
    CONFIDE_UPLOAD_LIMIT_PER_HOUR: "1000000",
    CONFIDE_UPLOAD_BYTES_PER_DAY: String(2 ** 50),
    CONFIDE_MAX_SESSIONS_IN_PROCESSING: "1000000",
    ...extraEnv,
  };
  // Removed at the bench's end (or on Ctrl-C) unless the caller removes it sooner.
  const remove = deferCleanup(() => rm(dataDir, { recursive: true, force: true }));
  try {
    const seeding = run(process.execPath, ["--conditions=source", cliPath, "seed"], {
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    const stopSeeding = deferCleanup(async () => seeding.child.kill("SIGKILL"));
    const { stdout } = await seeding.finally(() => stopSeeding());
    const { accounts } = JSON.parse(stdout) as { accounts: SeededAccount[] };
    const byRole = (role: string) => accounts.find((account) => account.user.role === role) as SeededAccount;
    return { dataDir, env, therapist: byRole("therapist"), patient: byRole("patient"), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** `confide serve` on the data directory; resolves once it logs "listening". */
export function startConfide(
  seeded: Pick<SeededDataDir, "env">,
  options: Omit<ChildServerOptions, "args" | "env"> & { env?: Record<string, string> } = {},
): Promise<ChildServer> {
  return startChildServer({
    // Start-up (PGlite's above all) takes seconds on a machine busy with other work.
    timeoutMs: 120_000,
    ...options,
    // The V8 flag `npm start` runs the server with (see the README): a small young generation
    // frees the socket buffers of a streamed upload early. BENCH_SERVER_V8_FLAGS replaces it
    // (space-separated), to compare others.
    args: ["--conditions=source", ...(process.env.BENCH_SERVER_V8_FLAGS ?? "--max-semi-space-size=4").split(" ").filter(Boolean), cliPath, "serve"],
    env: { ...seeded.env, ...options.env },
  });
}

export function login(baseUrl: string, account: SeededAccount): Promise<string> {
  return passwordLogin(baseUrl, { email: account.user.email, password: account.password });
}

/** A running `confide serve` whose seeded therapist may record: logged in, the seeded patient's consent recorded. */
export interface TherapistConfide {
  server: ChildServer;
  baseUrl: string;
  /** The seeded therapist's access token. */
  token: string;
  /** Stops the server (once; also done when the bench ends or is interrupted). */
  stop(): Promise<void>;
}

/** `startConfide`, then the seeded therapist logged in and the patient's consent to recording recorded. */
export async function startConfideForTherapist(
  seeded: Pick<SeededDataDir, "env" | "therapist" | "patient">,
  options: Parameters<typeof startConfide>[1] = {},
): Promise<TherapistConfide> {
  const server = await startConfide(seeded, options);
  const stop = deferCleanup(() => server.stop());
  try {
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const token = await login(baseUrl, seeded.therapist);
    await recordTestConsent(baseUrl, token, seeded.patient.user.id);
    return { server, baseUrl, token, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What a bench needs to post recordings to a running server. */
export interface UploadTarget {
  server: ChildServer;
  /** `POST` multipart recordings here. */
  url: string;
  /** The form fields of a session (the seeded patient). */
  fields: Record<string, string>;
  /** The seeded therapist's authorization. */
  headers: Record<string, string>;
}

/**
 * A seeded `confide serve` taking uploads of up to `maxUploadBytes` (plus `extraEnv`), once its
 * start-up memory has settled, for `work`; stopped right after it (promptly: the transcription
 * job an upload queued is aborted) and its data directory removed. With `warmUpBytes`, one
 * upload of that size is made and its memory left to settle first: the first session written
 * pages in the embedded database (PGlite keeps its pages and WAL in WASM memory, which never
 * shrinks; ~25–30 MB at the end of the first upload), a one-off cost of the embedded profile
 * that a server running for a while has paid already.
 */
export async function withUploadingConfide<T>(
  extraEnv: Record<string, string>,
  maxUploadBytes: number,
  work: (target: UploadTarget) => Promise<T>,
  options: { warmUpBytes?: number } = {},
): Promise<T> {
  const seeded = await createSeededDataDir({
    ...extraEnv,
    CONFIDE_MAX_UPLOAD_BYTES: String(Math.ceil(maxUploadBytes * 1.25)),
    CONFIDE_SHUTDOWN_TIMEOUT_MS: "2000",
  });
  try {
    const { server, baseUrl, token, stop: stopServer } = await startConfideForTherapist(seeded);
    try {
      const target = {
        server,
        url: `${baseUrl}/v1/sessions`,
        fields: { patientId: seeded.patient.user.id, title: "Upload benchmark" },
        headers: { authorization: `Bearer ${token}` },
      };
      if (options.warmUpBytes !== undefined) {
        const warmUp = await sendUpload(target.url, createWavMultipartBody({ fileBytes: options.warmUpBytes, fields: target.fields }), target.headers);
        if (warmUp.status !== 201) throw new Error(`the warm-up upload answered ${warmUp.status}: ${warmUp.responseText.slice(0, 300)}`);
      }
      // PGlite's start-up peak (several hundred MB) is freed a moment after "listening".
      await waitForSteadyRss(server.pid);
      return await work(target);
    } finally {
      await stopServer();
    }
  } finally {
    await seeded.remove();
  }
}
