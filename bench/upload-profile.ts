/**
 * Where the server's CPU goes during one streamed upload: `confide serve` (embedded profile, as
 * in bench/upload.ts) under `node --cpu-prof`, one upload of BENCH_UPLOAD_MIB (default 1024) as
 * multipart, or with BENCH_UPLOAD_PROFILE_ROUTE=tus as a resumable upload (`/v1/uploads`, one
 * PATCH), and the profile's samples taken during that upload listed by self time (the leaf frame,
 * native and Node's own included) and by the nearest frame of our code or a dependency
 * (support/cpu-profile-share.ts). The profile is kept in BENCH_UPLOAD_PROFILE_DIR when set.
 *
 * Run: node --conditions=source bench/upload-profile.ts
 * Not part of `npm run bench`: profiling slows the server, so its throughput is not the bench's.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { withUploadingConfide } from "./support/confide-server.ts";
import { cpuShares, monotonicUs, type TimeWindow } from "./support/cpu-profile-share.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { sendResumableUpload } from "./support/resumable-upload-request.ts";
import { sendUpload } from "./support/upload-request.ts";
import { createWavMultipartBody } from "./support/wav-multipart-body.ts";

const mebibyte = 1024 * 1024;
const fileBytes = Number(process.env.BENCH_UPLOAD_MIB ?? 1024) * mebibyte;
const route = process.env.BENCH_UPLOAD_PROFILE_ROUTE === "tus" ? "tus" : "multipart";
const top = 25;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of self time per leaf frame, for the samples within `window`. */
function selfTimes(profile: CpuProfile, window: TimeWindow): { busyMs: number; byFrame: Map<string, number> } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFrame = new Map<string, number>();
  let busyMs = 0;
  let atUs = profile.startTime;
  profile.samples.forEach((id, index) => {
    const deltaUs = profile.timeDeltas[index] ?? 0;
    atUs += deltaUs;
    if (atUs < window[0] || atUs > window[1]) return;
    const { functionName, url, lineNumber } = (byId.get(id) as ProfileNode).callFrame;
    if (functionName === "(idle)") return;
    const file = url === "" ? "" : ` ${url.slice(url.lastIndexOf("/") + 1)}:${lineNumber + 1}`;
    const frame = `${functionName || "(anonymous)"}${file}`;
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + deltaUs / 1000);
    busyMs += deltaUs / 1000;
  });
  return { busyMs, byFrame };
}

function printTop(title: string, busyMs: number, byFrame: Map<string, number>): void {
  console.log(`\n${title} (busy ${busyMs.toFixed(0)} ms)`);
  for (const [frame, ms] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${((ms / busyMs) * 100).toFixed(1).padStart(5)} %  ${frame}`);
  }
}

async function main(): Promise<void> {
  console.log(machineLoadLine());
  const profileDir = process.env.BENCH_UPLOAD_PROFILE_DIR ?? (await mkdtemp(join(tmpdir(), "confide-upload-profile-")));
  if (process.env.BENCH_UPLOAD_PROFILE_DIR === undefined) deferCleanup(() => rm(profileDir, { recursive: true, force: true }));
  process.env.BENCH_SERVER_V8_FLAGS = `${process.env.BENCH_SERVER_V8_FLAGS ?? "--max-semi-space-size=4"} --cpu-prof --cpu-prof-dir=${profileDir}`;
  const before = new Set(await readdir(profileDir));

  const window = await withUploadingConfide({}, fileBytes, async (target) => {
    const startUs = monotonicUs();
    const result =
      route === "tus"
        ? await sendResumableUpload(target, fileBytes)
        : await sendUpload(target.url, createWavMultipartBody({ fileBytes, fields: target.fields }), target.headers);
    const endUs = monotonicUs();
    if (result.status !== 201 && result.status !== 204) throw new Error(`the upload answered ${result.status}: ${result.responseText.slice(0, 300)}`);
    console.log(`${route} upload of ${fileBytes / mebibyte} MiB under --cpu-prof: ${(fileBytes / mebibyte / (result.durationMs / 1000)).toFixed(1)} MiB/s (${(result.durationMs / 1000).toFixed(2)} s)`);
    return [startUs, endUs] as const;
  });

  // One profile per thread: CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile; the main thread is 0.
  const written = (await readdir(profileDir)).filter((name) => name.endsWith(".cpuprofile") && !before.has(name));
  const threadOf = (name: string) => Number(name.split(".").at(-3));
  const main = written.filter((name) => threadOf(name) === 0);
  if (main.length !== 1) throw new Error(`expected one new main-thread .cpuprofile in ${profileDir}, found ${main.length}: did the server exit normally?`);
  for (const name of written.filter((other) => threadOf(other) !== 0)) {
    const other = JSON.parse(await readFile(join(profileDir, name), "utf8")) as CpuProfile;
    console.log(`worker thread ${threadOf(name)}: busy ${selfTimes(other, window).busyMs.toFixed(0)} ms during the upload`);
  }
  written.splice(0, written.length, ...main);
  const profile = JSON.parse(await readFile(join(profileDir, written[0] as string), "utf8")) as CpuProfile;
  const self = selfTimes(profile, window);
  printTop("top self time during the upload (leaf frame)", self.busyMs, self.byFrame);
  const shares = cpuShares(profile, { ours: (url) => !url.includes("node_modules"), dependencies: (url) => url.includes("node_modules") }, [window]);
  const charged = new Map<string, number>();
  for (const [category, frames] of shares.byFrame) for (const [frame, ms] of frames) charged.set(`${frame}  [${category}]`, ms);
  printTop("charged to the nearest frame of our code or a dependency", shares.busyMs, charged);
  console.log(`\n${machineLoadLine()}`);
  if (process.env.BENCH_UPLOAD_PROFILE_DIR !== undefined) console.log(`profile: ${join(profileDir, written[0] as string)}`);
}

try {
  await main();
} finally {
  await runCleanup();
}
