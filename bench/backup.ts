/**
 * `confide backup` and `confide restore` of a data directory holding one large recording
 * (BENCH_BACKUP_MB, default 200 MB of generated WAV, encrypted at rest and in the backup with a
 * data key): wall time and peak RSS (VmHWM of the CLI process, sampled every 50 ms until it
 * exits) of
 *   1. a backup made by the running server (the CLI asks it; the server's RSS growth too),
 *   2. a backup made by the CLI itself (server stopped),
 *   3. a restore into an empty data directory.
 * Memory must not follow the recording's size: the archive is streamed both ways.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recordTestConsent } from "../test/support/confide-api-client.ts";
import { cliPath, createSeededDataDir, login, startConfide } from "./support/confide-server.ts";
import { startRssSampler } from "./support/rss-sampler.ts";
import { sendUpload } from "./support/upload-request.ts";
import { createWavMultipartBody } from "./support/wav-multipart-body.ts";

const recordingBytes = Number(process.env.BENCH_BACKUP_MB ?? 200) * 1024 * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs the CLI with `args`; @returns its wall time and peak RSS. */
async function measureCli(args: string[], env: Record<string, string>): Promise<{ ms: number; peakBytes: number; stdout: string }> {
  const startedMs = performance.now();
  const child = spawn(process.execPath, ["--conditions=source", "--max-semi-space-size=4", cliPath, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let peakBytes = 0;
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  // VmHWM only grows: the last value read before the exit is the peak.
  const watch = setInterval(() => {
    readFile(`/proc/${child.pid}/status`, "utf8").then(
      (status) => {
        peakBytes = Math.max(peakBytes, Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) * 1024);
      },
      () => undefined, // it has exited
    );
  }, 20);
  const code = await exited;
  clearInterval(watch);
  if (code !== 0) throw new Error(`confide ${args.join(" ")} exited ${code}: ${stderr}`);
  return { ms: performance.now() - startedMs, peakBytes, stdout };
}

const dataKey = randomBytes(32).toString("base64");
const seeded = await createSeededDataDir({
  CONFIDE_DATA_KEY: dataKey,
  // No transcription: the bench measures the copy, not PocketSphinx on 100 minutes of tone.
  CONFIDE_SPEECH: "whisper",
  CONFIDE_WHISPER_URL: "http://127.0.0.1:9",
  CONFIDE_MAX_UPLOAD_BYTES: String(recordingBytes * 2),
  CONFIDE_SHUTDOWN_TIMEOUT_MS: "2000",
  CONFIDE_LOG_LEVEL: "warn",
});
const work = await mkdtemp(join(tmpdir(), "confide-bench-backup-"));
try {
  const server = await startConfide(seeded, { env: { CONFIDE_LOG_LEVEL: "info" } });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const token = await login(baseUrl, seeded.therapist);
  await recordTestConsent(baseUrl, token, seeded.patient.user.id);
  const upload = await sendUpload(
    `${baseUrl}/v1/sessions`,
    createWavMultipartBody({ fileBytes: recordingBytes, fields: { patientId: seeded.patient.user.id, title: "large", settings: '{"language":"en"}' } }),
    { authorization: `Bearer ${token}` },
  );
  if (upload.status !== 201) throw new Error(`upload answered ${upload.status}: ${upload.responseText}`);
  console.log(`recording: ${mb(recordingBytes)} uploaded (encrypted at rest)`);

  const env = { ...seeded.env, CONFIDE_PORT: String(server.port) };
  const serverRss = await startRssSampler(server.pid);
  const viaServer = await measureCli(["backup", "--to", join(work, "server.backup")], env);
  const serverFigures = await serverRss.stop();
  const fileBytes = (await stat(join(work, "server.backup"))).size;
  console.log(
    `backup via the running server: ${(viaServer.ms / 1000).toFixed(1)} s for a ${mb(fileBytes)} file (written, then read back and verified); ` +
      `CLI peak RSS ${mb(viaServer.peakBytes)}; server RSS ${mb(serverFigures.baselineBytes)} -> peak ${mb(serverFigures.peakSampledBytes)} (growth ${mb(serverFigures.peakSampledBytes - serverFigures.baselineBytes)})`,
  );
  await server.stop();

  const direct = await measureCli(["backup", "--to", join(work, "direct.backup")], env);
  console.log(`backup by the CLI itself (server stopped): ${(direct.ms / 1000).toFixed(1)} s, peak RSS ${mb(direct.peakBytes)}`);

  const target = join(work, "restored");
  const restore = await measureCli(["restore", "--from", join(work, "server.backup")], { ...env, CONFIDE_DATA_DIR: target });
  console.log(`restore into an empty directory: ${(restore.ms / 1000).toFixed(1)} s (verify pass + restore pass), peak RSS ${mb(restore.peakBytes)}`);
} finally {
  await rm(work, { recursive: true, force: true });
  await seeded.remove();
}
