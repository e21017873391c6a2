/**
 * Telemetry benchmark: what OpenTelemetry costs the API. Three embedded
 * `confide serve` processes (a process each: OpenTelemetry registers process-wide globals),
 * each on its own copy of one seeded data directory, differing only in telemetry:
 *
 * - **off**: `CONFIDE_TELEMETRY=off`, nothing of OpenTelemetry loaded;
 * - **on, no-op exporter**: `CONFIDE_TELEMETRY=on`, `OTEL_TRACES_EXPORTER=none`: every span made
 *   and sampled (100 %), then dropped; metrics recorded for the Prometheus endpoint
 *   (`CONFIDE_METRICS_PORT`), which nobody scrapes while measuring (a pull exporter's no-op);
 * - **on, OTLP**: the same, traces exported over OTLP/HTTP (batch processor, JSON) to a receiver
 *   in this process that counts the spans that arrive.
 *
 * The machine's 2 cores are shared with other work whose load comes and goes within seconds, so
 * the three are measured in short slices taking turns (the order rotating each round), and each
 * round's figure of an "on" server is divided by the "off" server's of the same round: the
 * ratios printed are medians of those paired ratios. A round: per server, BENCH_TELEMETRY_UPLOADS
 * (6) uploads of a BENCH_TELEMETRY_UPLOAD_MIB (10) MiB WAV, BENCH_TELEMETRY_UPLOAD_CONCURRENCY (4)
 * at a time (MiB/s from the first byte to the last 201); then per server `GET /v1/sessions/:id`
 * over BENCH_CONNECTIONS (32) keep-alive connections for BENCH_DURATION_S (3) s (req/s). After
 * each slice the bench waits a moment (spans leave in batches every second), and the server's
 * CPU time (/proc) over the slice and that wait is printed per MiB and per request: the export's
 * cost lands there even when it comes after the slice, and CPU time depends less on the other
 * work than rates do. BENCH_TELEMETRY_RUNS (5) rounds, after a warm-up (one upload, 1 s of GETs).
 * Target: ≤ 5 % overhead with tracing on, sampled at 100 %. A figure is "met" when every round
 * is within the target, "NOT met" when none is, else the machine's noise leaves it unresolved.
 *
 * Every server also runs under `node --cpu-prof` (the same sampling cost for the three;
 * BENCH_TELEMETRY_PROFILE=0 leaves it out), and the share of its busy CPU time spent in
 * OpenTelemetry and in Confide's telemetry code during the GET and the upload slices is printed
 * (see support/cpu-profile-share.ts): a figure the machine's other work hardly moves, and the
 * one that can tell 5 % apart on 2 shared cores.
 *
 * Nothing is transcribed: speech goes to a Whisper URL where nothing listens, so each upload's
 * job fails at once and is retried later (as in bench/backup.ts); that background work is the
 * same on every server (and traced when telemetry is on).
 *
 * Run: npm run bench -- telemetry   (or node --conditions=source bench/telemetry.ts)
 */
import { cp, rm } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { ChildServer } from "./support/child-server.ts";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { cpuSharesOfDirectory, monotonicUs, type Categories, type TimeWindow } from "./support/cpu-profile-share.ts";
import { createSeededDataDir, login, startConfide, type SeededDataDir } from "./support/confide-server.ts";
import { freePort } from "@confide/contracts/support";
import { hasWrk, runLoad, type LoadOptions } from "./support/load-generator.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { median } from "./support/median.ts";
import { startOtlpReceiver, type OtlpReceiver } from "./support/otlp-receiver.ts";
import { processCpuMs } from "./support/process-cpu.ts";
import { runPool } from "./support/run-pool.ts";
import { sendUpload } from "./support/upload-request.ts";
import { createWavMultipartBody } from "./support/wav-multipart-body.ts";
import { recordTestConsent } from "../test/support/confide-api-client.ts";
import { parsePrometheusText } from "../test/support/prometheus-text.ts";

const mebibyte = 1024 * 1024;
const rounds = Number(process.env.BENCH_TELEMETRY_RUNS ?? 5);
const uploads = Number(process.env.BENCH_TELEMETRY_UPLOADS ?? 6);
const uploadBytes = Number(process.env.BENCH_TELEMETRY_UPLOAD_MIB ?? 10) * mebibyte;
const uploadConcurrency = Number(process.env.BENCH_TELEMETRY_UPLOAD_CONCURRENCY ?? 4);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const durationMs = Number(process.env.BENCH_DURATION_S ?? 3) * 1000;
const warmupMs = 1000;
/** After a slice: longer than the span batches' schedule (OTEL_BSP_SCHEDULE_DELAY below). */
const settleMs = 1200;
const tool = process.env.BENCH_LOAD_TOOL === "node" ? ("node:http" as const) : ("auto" as const);
const targetOverhead = 0.05;
const profiling = process.env.BENCH_TELEMETRY_PROFILE !== "0";
const profileTopFrames = 6;
/** Where a profiled server's CPU time is charged (the file of the nearest frame of our own or a package's). */
const profileCategories: Categories = {
  "OpenTelemetry SDK": (url) => url.includes("/node_modules/@opentelemetry/"),
  "Confide telemetry": (url) => url.includes("/packages/http/src/telemetry/") || url.endsWith("/middleware/request-telemetry.ts"),
};

const modes = ["off", "noop", "otlp"] as const;
type Mode = (typeof modes)[number];
const labels: Record<Mode, string> = { off: "off", noop: "on, no-op exporter", otlp: "on, OTLP to local receiver" };

interface BenchServer {
  mode: Mode;
  process: ChildServer;
  baseUrl: string;
  headers: Record<string, string>;
  /** The session every GET reads (the warm-up upload's). */
  sessionUrl: string;
  metricsPort: string | undefined;
  /** Where `--cpu-prof` writes its profile (unless BENCH_TELEMETRY_PROFILE=0). */
  profileDir: string;
  /** When its slices ran (each with the settling after it), by kind. */
  windows: { upload: TimeWindow[]; get: TimeWindow[] };
  /** Every GET /v1/sessions/:id sent to it, warm-up included (to check what telemetry saw). */
  getsSent: number;
}

interface SliceFigures {
  uploadMibPerSecond: number;
  uploadCpuMsPerMib: number;
  getRequestsPerSecond: number;
  getCpuMsPerRequest: number;
}

/** The variables each configuration adds to the embedded profile's. */
async function telemetryEnv(mode: Mode, receiver: OtlpReceiver): Promise<Record<string, string>> {
  if (mode === "off") return { CONFIDE_TELEMETRY: "off" };
  const metricsPort = String(await freePort());
  if (mode === "noop") return { CONFIDE_TELEMETRY: "on", OTEL_TRACES_EXPORTER: "none", CONFIDE_METRICS_PORT: metricsPort };
  return { CONFIDE_TELEMETRY: "on", OTEL_TRACES_EXPORTER: "otlp", OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, CONFIDE_METRICS_PORT: metricsPort };
}

function uploadBody(server: BenchServer, fields: Record<string, string>) {
  return sendUpload(`${server.baseUrl}/v1/sessions`, createWavMultipartBody({ fileBytes: uploadBytes, fields }), server.headers);
}

const fieldsOf = (template: SeededDataDir) => ({ patientId: template.patient.user.id, title: "Telemetry benchmark", settings: '{"language":"en"}' });

async function upload(server: BenchServer, template: SeededDataDir): Promise<string> {
  const result = await uploadBody(server, fieldsOf(template));
  if (result.status !== 201) throw new Error(`${labels[server.mode]}: an upload answered ${result.status}: ${result.responseText.slice(0, 300)}`);
  return (JSON.parse(result.responseText) as { id: string }).id;
}

async function getLoad(server: BenchServer, forMs: number) {
  const options: LoadOptions = { url: server.sessionUrl, headers: server.headers, connections, durationMs: forMs, warmupMs: 0, tool };
  const result = await runLoad(options);
  server.getsSent += result.requests;
  if (result.failedResponses + result.socketErrors > 0) {
    throw new Error(`${labels[server.mode]}: GET /v1/sessions/:id had ${result.failedResponses} non-2xx answers and ${result.socketErrors} socket errors`);
  }
  return result;
}

/** A seeded server of `mode` on its own copy of the template, warmed up. */
async function startServer(mode: Mode, template: SeededDataDir, receiver: OtlpReceiver): Promise<BenchServer> {
  const dataDir = `${template.dataDir}-${mode}`;
  await cp(template.dataDir, dataDir, { recursive: true });
  deferCleanup(() => rm(dataDir, { recursive: true, force: true }));
  const profileDir = join(dataDir, "profile");
  const env: Record<string, string> = { ...(await telemetryEnv(mode, receiver)), ...(profiling ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}) };
  const child = await startConfide(
    { env: { ...template.env, CONFIDE_DATA_DIR: dataDir } },
    // The access log (one JSON line a request, with trace ids when on) goes to a file, as in a deployment.
    { env, stdoutPath: join(dataDir, "server.log"), timeoutMs: 120_000 },
  );
  deferCleanup(() => child.stop());
  const baseUrl = `http://127.0.0.1:${child.port}`;
  const token = await login(baseUrl, template.therapist);
  await recordTestConsent(baseUrl, token, template.patient.user.id);
  const server: BenchServer = { mode, process: child, baseUrl, headers: { authorization: `Bearer ${token}` }, sessionUrl: "", metricsPort: env.CONFIDE_METRICS_PORT, profileDir, windows: { upload: [], get: [] }, getsSent: 0 };
  server.sessionUrl = `${baseUrl}/v1/sessions/${await upload(server, template)}`;
  await getLoad(server, warmupMs);
  return server;
}

/** Runs `work`, then waits `settleMs`; the server's CPU time over both, their time window kept as `kind`. */
async function withCpu(server: BenchServer, kind: "upload" | "get", work: () => Promise<number>): Promise<{ value: number; cpuMs: number }> {
  const before = await processCpuMs(server.process.pid);
  const startUs = monotonicUs();
  const value = await work();
  await sleep(settleMs);
  server.windows[kind].push([startUs, monotonicUs()]);
  return { value, cpuMs: (await processCpuMs(server.process.pid)) - before };
}

async function uploadSlice(server: BenchServer, template: SeededDataDir): Promise<Pick<SliceFigures, "uploadMibPerSecond" | "uploadCpuMsPerMib">> {
  const mib = (uploads * uploadBytes) / mebibyte;
  const { value: seconds, cpuMs } = await withCpu(server, "upload", async () => {
    const startMs = performance.now();
    await runPool(uploads, uploadConcurrency, async () => void (await upload(server, template)));
    return (performance.now() - startMs) / 1000;
  });
  return { uploadMibPerSecond: mib / seconds, uploadCpuMsPerMib: cpuMs / mib };
}

async function getSlice(server: BenchServer): Promise<Pick<SliceFigures, "getRequestsPerSecond" | "getCpuMsPerRequest">> {
  let requests = 0;
  const { value: perSecond, cpuMs } = await withCpu(server, "get", async () => {
    const result = await getLoad(server, durationMs);
    requests = result.requests;
    return result.requestsPerSecond;
  });
  return { getRequestsPerSecond: perSecond, getCpuMsPerRequest: cpuMs / requests };
}

/** GET /v1/sessions/:id requests the server's Prometheus endpoint has counted. */
async function getsInMetrics(metricsPort: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  if (response.status !== 200) throw new Error(`the metrics endpoint answered ${response.status}`);
  return parsePrometheusText(await response.text())
    .filter((sample) => sample.name === "http_server_request_duration_count" && sample.labels.http_route === "/v1/sessions/:id" && sample.labels.http_request_method === "GET")
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** "met" when every round is within the target, "NOT met" when none is, else the noise decides. */
function verdictOf(overheads: readonly number[]): "met" | "NOT met" | "unresolved" {
  if (overheads.every((overhead) => overhead <= targetOverhead)) return "met";
  if (overheads.every((overhead) => overhead > targetOverhead)) return "NOT met";
  return "unresolved";
}

const percent = (fraction: number) => `${fraction >= 0 ? "+" : ""}${(fraction * 100).toFixed(1)} %`;
const cell = (text: string, width: number) => text.padStart(width);

function describeSlice(mode: Mode, figures: SliceFigures): string {
  return (
    `${labels[mode].padEnd(28)} upload ${figures.uploadMibPerSecond.toFixed(1).padStart(6)} MiB/s (${figures.uploadCpuMsPerMib.toFixed(2)} ms CPU/MiB)` +
    `  GET ${figures.getRequestsPerSecond.toFixed(0).padStart(5)} req/s (${figures.getCpuMsPerRequest.toFixed(3)} ms CPU/req)`
  );
}

async function main(): Promise<void> {
  const usingWrk = tool === "auto" && (await hasWrk());
  console.log(machineLoadLine());
  console.log(
    `telemetry: 3 embedded servers (off / on with a no-op exporter / on with OTLP, sampled at 100 %), ${rounds} rounds of slices taking turns;` +
      ` a slice: ${uploads} uploads of ${uploadBytes / mebibyte} MiB, ${uploadConcurrency} at a time, then GET /v1/sessions/:id over ${connections} connections` +
      ` for ${durationMs / 1000} s (load from ${usingWrk ? "wrk" : "node:http"})`,
  );

  const receiver = await startOtlpReceiver();
  deferCleanup(() => receiver.close());
  const template = await createSeededDataDir({
    // No transcription: nothing listens there, each job fails at once and is retried later.
    CONFIDE_SPEECH: "whisper",
    CONFIDE_WHISPER_URL: "http://127.0.0.1:9",
    CONFIDE_MAX_UPLOAD_BYTES: String(uploadBytes * 2),
    CONFIDE_SHUTDOWN_TIMEOUT_MS: "2000",
    // Spans leave in batches every second (the SDK's default is 5 s), within a slice's settling time.
    OTEL_BSP_SCHEDULE_DELAY: "1000",
  });
  const servers = new Map<Mode, BenchServer>();
  for (const mode of modes) servers.set(mode, await startServer(mode, template, receiver));
  const serverOf = (mode: Mode) => servers.get(mode) as BenchServer;

  const slices = new Map<Mode, SliceFigures[]>(modes.map((mode) => [mode, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = modes.map((_, index) => modes[(index + round) % modes.length] as Mode);
    const figures = new Map<Mode, Partial<SliceFigures>>(modes.map((mode) => [mode, {}]));
    for (const mode of order) Object.assign(figures.get(mode) as object, await uploadSlice(serverOf(mode), template));
    for (const mode of order) Object.assign(figures.get(mode) as object, await getSlice(serverOf(mode)));
    for (const mode of modes) {
      slices.get(mode)?.push(figures.get(mode) as SliceFigures);
      console.log(`  round ${round + 1}: ${describeSlice(mode, figures.get(mode) as SliceFigures)}`);
    }
  }

  // What telemetry saw: every GET in the Prometheus metrics, and, once the OTLP server has
  // stopped (exporting what it still held), every GET's span at the receiver.
  const metricsCounts = new Map<Mode, number>();
  for (const mode of ["noop", "otlp"] as const) metricsCounts.set(mode, await getsInMetrics(serverOf(mode).metricsPort as string));
  await serverOf("otlp").process.stop();
  const spans = receiver.spans();

  type Measure = (figures: SliceFigures) => number;
  const of = (mode: Mode) => slices.get(mode) as SliceFigures[];
  const medianOf = (mode: Mode, pick: Measure) => median(of(mode).map(pick));
  /** Each round's figure of `mode` divided by off's in the same round. */
  const pairedRatios = (mode: Mode, pick: Measure) => of(mode).map((figures, round) => pick(figures) / pick(of("off")[round] as SliceFigures));
  const rate = { upload: (f: SliceFigures) => f.uploadMibPerSecond, get: (f: SliceFigures) => f.getRequestsPerSecond };
  const cpu = { upload: (f: SliceFigures) => f.uploadCpuMsPerMib, get: (f: SliceFigures) => f.getCpuMsPerRequest };

  console.log("");
  console.log(machineLoadLine());
  console.log(`${rounds} rounds; rates are medians, ratio = median over the rounds of the figure ÷ off's in the same round;`);
  console.log(`overhead = 1 − ratio for rates, ratio − 1 for CPU per unit of work (server CPU over the slice and the ${settleMs / 1000} s after it)`);
  console.log(
    `${"configuration".padEnd(28)} ${cell("upload MiB/s", 12)} ${cell("ratio", 6)} ${cell("overhead", 9)}  ${cell("GET req/s", 9)} ${cell("ratio", 6)} ${cell("overhead", 9)}` +
      `  ${cell("CPU ms/MiB", 10)} ${cell("overhead", 9)}  ${cell("CPU ms/GET", 10)} ${cell("overhead", 9)}`,
  );
  const verdicts: string[] = [];
  for (const mode of modes) {
    const uploadRatio = median(pairedRatios(mode, rate.upload));
    const getRatio = median(pairedRatios(mode, rate.get));
    const uploadCpuRatio = median(pairedRatios(mode, cpu.upload));
    const getCpuRatio = median(pairedRatios(mode, cpu.get));
    const shown = (text: string) => (mode === "off" ? "—" : text);
    console.log(
      `${labels[mode].padEnd(28)} ${cell(medianOf(mode, rate.upload).toFixed(1), 12)} ${cell(uploadRatio.toFixed(3), 6)} ${cell(shown(percent(1 - uploadRatio)), 9)}` +
        `  ${cell(medianOf(mode, rate.get).toFixed(0), 9)} ${cell(getRatio.toFixed(3), 6)} ${cell(shown(percent(1 - getRatio)), 9)}` +
        `  ${cell(medianOf(mode, cpu.upload).toFixed(2), 10)} ${cell(shown(percent(uploadCpuRatio - 1)), 9)}` +
        `  ${cell(medianOf(mode, cpu.get).toFixed(3), 10)} ${cell(shown(percent(getCpuRatio - 1)), 9)}`,
    );
    if (mode === "off") continue;
    const measures = [
      { name: "upload MiB/s", overheads: pairedRatios(mode, rate.upload).map((ratio) => 1 - ratio), median: 1 - uploadRatio },
      { name: "GET req/s", overheads: pairedRatios(mode, rate.get).map((ratio) => 1 - ratio), median: 1 - getRatio },
      { name: "CPU/MiB", overheads: pairedRatios(mode, cpu.upload).map((ratio) => ratio - 1), median: uploadCpuRatio - 1 },
      { name: "CPU/GET", overheads: pairedRatios(mode, cpu.get).map((ratio) => ratio - 1), median: getCpuRatio - 1 },
    ];
    const judged = measures.map((measure) => ({ ...measure, verdict: verdictOf(measure.overheads) }));
    const overall = judged.every((measure) => measure.verdict === "met")
      ? "met"
      : judged.some((measure) => measure.verdict === "NOT met")
        ? "NOT met"
        : `not resolved by this run's noise (the medians say ${judged.every((measure) => measure.median <= targetOverhead) ? "met" : "NOT met"})`;
    verdicts.push(
      `${labels[mode]}: ${overall}; per measure, the rounds' overheads from–to: ` +
        judged.map((measure) => `${measure.name} ${percent(Math.min(...measure.overheads))} to ${percent(Math.max(...measure.overheads))} (${measure.verdict})`).join(", "),
    );
  }
  console.log(`target ≤ ${targetOverhead * 100} % overhead with tracing on, sampled at 100 % (met: in every round; NOT met: in no round):`);
  for (const verdict of verdicts) console.log(`  ${verdict}`);
  const otlp = serverOf("otlp");
  const getSpans = spans.byName.get("GET /v1/sessions/:id") ?? 0;
  console.log(
    `OTLP receiver: ${spans.total} spans in ${receiver.requests().accepted} exports (${receiver.requests().rejected} refused); GET /v1/sessions/:id spans ${getSpans}` +
      ` of ${otlp.getsSent} GETs sent${getSpans === otlp.getsSent ? " (all of them)" : ` (${otlp.getsSent - getSpans} missing: dropped by a full batch queue?)`}`,
  );
  for (const [mode, counted] of metricsCounts) {
    console.log(`Prometheus /metrics of ${labels[mode]}: ${counted} GET /v1/sessions/:id counted of ${serverOf(mode).getsSent} sent`);
  }
  if (profiling) await printProfileShares(serverOf);
}

/** Each server stopped (its profile is written as it exits), then where its busy CPU time went during each kind of slice. */
async function printProfileShares(serverOf: (mode: Mode) => BenchServer): Promise<void> {
  console.log("server CPU during the slices (and the settling after each), by where it was spent (node --cpu-prof; a sample is charged to");
  console.log("its nearest frame outside Node's own code, so V8's inlining can move it between neighbouring functions, rarely between categories).");
  console.log("The overhead against off is estimated from telemetry's share s of the busy time as s ÷ (1 − s), first from its own code alone,");
  console.log("then adding the garbage collection share above off's (its objects and exports; noisier); the trace ids in each log line are not counted:");
  for (const mode of modes) await serverOf(mode).process.stop();
  for (const kind of ["get", "upload"] as const) {
    let offGcShare = 0;
    for (const mode of modes) {
      const server = serverOf(mode);
      const { busyMs, byCategory, byFrame } = await cpuSharesOfDirectory(server.profileDir, profileCategories, server.windows[kind]);
      const shareOf = (category: string) => (byCategory.get(category) ?? 0) / busyMs;
      if (mode === "off") offGcShare = shareOf("garbage collection");
      const codeShare = Object.keys(profileCategories).reduce((sum, category) => sum + shareOf(category), 0);
      const withGcShare = codeShare + Math.max(0, shareOf("garbage collection") - offGcShare);
      // The same work without it would take (1 − share) of the time: the overhead against off is share ÷ (1 − share).
      const overheadOf = (share: number) => share / (1 - share);
      console.log(
        `  ${kind === "get" ? "GET slices   " : "upload slices"} ${labels[mode].padEnd(28)} busy ${(busyMs / 1000).toFixed(1)} s: telemetry ${(codeShare * 100).toFixed(1)} % (` +
          `${[...Object.keys(profileCategories), "garbage collection", "other"].map((category) => `${category} ${(shareOf(category) * 100).toFixed(1)} %`).join(", ")})` +
          (mode === "off"
            ? ""
            : ` → ≈ ${percent(overheadOf(codeShare))} CPU against off, ${percent(overheadOf(withGcShare))} with the extra GC: target ${overheadOf(withGcShare) <= targetOverhead ? "met" : "NOT met"}`),
      );
      for (const category of Object.keys(profileCategories)) {
        const top = [...(byFrame.get(category) ?? new Map<string, number>())].sort(([, a], [, b]) => b - a).slice(0, profileTopFrames);
        if (top.length > 0) console.log(`      ${category}, most: ${top.map(([frame, ms]) => `${frame} ${((ms / busyMs) * 100).toFixed(2)} %`).join("; ")}`);
      }
    }
  }
}

try {
  await main();
} finally {
  await runCleanup();
}
