/**
 * Upload benchmark: a 1 GiB WAV streamed as multipart to the embedded `confide serve`, against
 * a bare node:http server piping the same request body to a file, measured in the same run.
 * Prints MiB/s of each, their ratio (target ≥ 0.85) and the server's RSS growth during the
 * upload (target < 64 MB), as the median of BENCH_REPEATS runs (default 3). For context it also
 * measures the bare server fsyncing each file before answering, as Confide's blob store does
 * (durability costs the same to both; the target ratio is against the plain bare server).
 * It also measures the same WAV sent as a tus resumable upload (`/v1/uploads`: a POST, then one
 * PATCH of every byte, answered once the recording is stored), whose bytes are staged on disk
 * and then read again into the blob store.
 *
 * Each Confide server has had one small upload (64 KiB) before the measured one, as the bare
 * server has had its first run: what a process pays once (the hashing worker thread's start,
 * ~20 MB of RSS; the route's first compilation) is not charged to the upload measured.
 * BENCH_UPLOAD_COLD=1 measures the first upload of a fresh server instead.
 *
 * Run: node --conditions=source bench/upload.ts
 * Environment: BENCH_UPLOAD_MIB (default 1024), BENCH_REPEATS (default 3), BENCH_UPLOAD_COLD.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startChildServer, type ChildServer } from "./support/child-server.ts";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { withUploadingConfide } from "./support/confide-server.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { median } from "./support/median.ts";
import { peakRssBytes, startRssSampler, waitForSteadyRss, type RssFigures } from "./support/rss-sampler.ts";
import { sendResumableUpload } from "./support/resumable-upload-request.ts";
import { sendUpload, type UploadResult } from "./support/upload-request.ts";
import { createWavMultipartBody } from "./support/wav-multipart-body.ts";

const mebibyte = 1024 * 1024;
const fileBytes = Number(process.env.BENCH_UPLOAD_MIB ?? 1024) * mebibyte;
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const targetRatio = 0.85;
const targetGrowthBytes = 64e6;
const cold = process.env.BENCH_UPLOAD_COLD === "1";
const warmUp = cold ? {} : { warmUpBytes: 64 * 1024 };

interface Measured {
  mibPerSecond: number;
  durationMs: number;
  rss: RssFigures;
  growthBytes: number;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function describe(name: string, measured: Measured): string {
  const { rss } = measured;
  return (
    `${name.padEnd(10)} ${measured.mibPerSecond.toFixed(1).padStart(7)} MiB/s  (${(measured.durationMs / 1000).toFixed(2)} s)` +
    `  RSS baseline ${mb(rss.baselineBytes)}, peak ${mb(peakRssBytes(rss))}` +
    ` (sampled ${mb(rss.peakSampledBytes)}, VmHWM ${mb(rss.highWaterMarkBytes)}${rss.hwmWasReset ? "" : " since start"}), growth ${mb(measured.growthBytes)}`
  );
}

/** Times `send` (one upload) while sampling the server's RSS. */
async function measure(server: ChildServer, what: string, expectedStatus: number, send: () => Promise<UploadResult>): Promise<Measured> {
  const sampler = await startRssSampler(server.pid, 50);
  let result: UploadResult;
  let rss: RssFigures;
  try {
    result = await send();
  } finally {
    rss = await sampler.stop();
  }
  if (result.status !== expectedStatus) throw new Error(`${what} answered ${result.status}: ${result.responseText.slice(0, 500)}`);
  const peakBytes = peakRssBytes(rss);
  return {
    mibPerSecond: fileBytes / mebibyte / (result.durationMs / 1000),
    durationMs: result.durationMs,
    rss,
    growthBytes: peakBytes - rss.baselineBytes,
  };
}

async function measureBare(server: ChildServer, directory: string, fsync: boolean): Promise<Measured> {
  try {
    await waitForSteadyRss(server.pid);
    const url = `http://127.0.0.1:${server.port}/upload${fsync ? "?fsync" : ""}`;
    return await measure(server, `upload to ${url}`, 201, () => sendUpload(url, createWavMultipartBody({ fileBytes, fields: { patientId: "bare", title: "bench" } })));
  } finally {
    for (const name of await readdir(directory)) await rm(join(directory, name), { force: true });
  }
}

function measureConfide(): Promise<Measured> {
  return withUploadingConfide(
    {},
    fileBytes,
    (target) =>
      measure(target.server, `upload to ${target.url}`, 201, () => sendUpload(target.url, createWavMultipartBody({ fileBytes, fields: target.fields }), target.headers)),
    warmUp,
  );
}

function measureConfideResumable(): Promise<Measured> {
  return withUploadingConfide({}, fileBytes, (target) => measure(target.server, "the tus upload", 204, () => sendResumableUpload(target, fileBytes)), warmUp);
}

async function main(): Promise<void> {
  console.log(machineLoadLine());
  console.log(
    `upload: ${fileBytes / mebibyte} MiB WAV as multipart (Content-Length), ${repeats} run(s) each of: bare, bare + fsync, Confide embedded (multipart, then tus)`,
  );
  console.log(
    cold
      ? "Confide measured on the first upload of a fresh server (BENCH_UPLOAD_COLD=1): its hashing worker starts during the upload"
      : "Confide measured on a server's second upload (a 64 KiB one first), as the bare server's runs after its first; BENCH_UPLOAD_COLD=1 for the first",
  );
  const bareDirectory = await mkdtemp(join(tmpdir(), "confide-bench-bare-"));
  deferCleanup(() => rm(bareDirectory, { recursive: true, force: true }));
  const bareServer = await startChildServer({
    args: [fileURLToPath(new URL("./support/bare-upload-server.ts", import.meta.url)), bareDirectory],
  });
  deferCleanup(() => bareServer.stop());

  const bare: Measured[] = [];
  const bareFsync: Measured[] = [];
  const confide: Measured[] = [];
  const resumable: Measured[] = [];
  for (let run = 1; run <= repeats; run += 1) {
    const bareRun = await measureBare(bareServer, bareDirectory, false);
    bare.push(bareRun);
    console.log(`run ${run}  ${describe("bare", bareRun)}`);
    const bareFsyncRun = await measureBare(bareServer, bareDirectory, true);
    bareFsync.push(bareFsyncRun);
    console.log(`run ${run}  ${describe("bare+fsync", bareFsyncRun)}`);
    const confideRun = await measureConfide();
    confide.push(confideRun);
    console.log(`run ${run}  ${describe("confide", confideRun)}  ratio ${(confideRun.mibPerSecond / bareRun.mibPerSecond).toFixed(2)}`);
    const resumableRun = await measureConfideResumable();
    resumable.push(resumableRun);
    console.log(`run ${run}  ${describe("tus", resumableRun)}  ratio ${(resumableRun.mibPerSecond / bareRun.mibPerSecond).toFixed(2)}`);
  }

  const bareMibPerSecond = median(bare.map((run) => run.mibPerSecond));
  const bareFsyncMibPerSecond = median(bareFsync.map((run) => run.mibPerSecond));
  const confideMibPerSecond = median(confide.map((run) => run.mibPerSecond));
  const ratio = confideMibPerSecond / bareMibPerSecond;
  const growthBytes = median(confide.map((run) => run.growthBytes));
  console.log("");
  console.log(machineLoadLine());
  console.log(`median bare          ${bareMibPerSecond.toFixed(1)} MiB/s`);
  console.log(`median bare + fsync  ${bareFsyncMibPerSecond.toFixed(1)} MiB/s`);
  console.log(`median confide       ${confideMibPerSecond.toFixed(1)} MiB/s`);
  console.log(`ratio to bare        ${ratio.toFixed(2)}  (target ≥ ${targetRatio}: ${ratio >= targetRatio ? "met" : "NOT met"})`);
  console.log(`ratio to bare+fsync  ${(confideMibPerSecond / bareFsyncMibPerSecond).toFixed(2)}  (context: both make the file durable before answering)`);
  console.log(
    `confide RSS growth during upload  ${mb(growthBytes)} median, ${mb(Math.max(...confide.map((run) => run.growthBytes)))} max  (target < 64 MB: ${growthBytes < targetGrowthBytes ? "met" : "NOT met"})`,
  );
  console.log(`bare RSS growth during upload     ${mb(median(bare.map((run) => run.growthBytes)))} median`);
  const resumableMibPerSecond = median(resumable.map((run) => run.mibPerSecond));
  console.log(
    `median confide tus   ${resumableMibPerSecond.toFixed(1)} MiB/s, ratio to bare ${(resumableMibPerSecond / bareMibPerSecond).toFixed(2)}` +
      ` (staged, then stored: the file crosses the disk twice), RSS growth ${mb(median(resumable.map((run) => run.growthBytes)))} median`,
  );
}

try {
  await main();
} finally {
  await runCleanup();
}
