/**
 * API benchmark: requests per second of an authenticated `GET /v1/sessions/:id` on the embedded
 * `confide serve`, against a bare Hono route (same @hono/node-server, a small JSON answer) in
 * another process, measured the same way in the same run: BENCH_CONNECTIONS keep-alive
 * connections (default 32) for BENCH_DURATION_S seconds (default 5) after a 1 s warm-up.
 * For context it also measures Confide's `/healthz` (no auth, no database) and `GET /v1/me`
 * (token check + one read). Every 200 from `GET /v1/sessions/:id` also writes one audit event
 * (`session.read`): that database write is part of the product's cost.
 *
 * Run: node --conditions=source bench/api.ts
 * Uses `wrk` when installed (apt-get install wrk), else an in-repo node:http load loop
 * (BENCH_LOAD_TOOL=node forces the latter).
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { startChildServer } from "./support/child-server.ts";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { createSeededDataDir, startConfideForTherapist } from "./support/confide-server.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { hasWrk, runLoad, type LoadOptions, type LoadResult } from "./support/load-generator.ts";
import { sendUpload } from "./support/upload-request.ts";
import { createWavMultipartBody } from "./support/wav-multipart-body.ts";

const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const durationMs = Number(process.env.BENCH_DURATION_S ?? 5) * 1000;
const warmupMs = 1000;
const tool = process.env.BENCH_LOAD_TOOL === "node" ? ("node:http" as const) : ("auto" as const);

function describe(name: string, result: LoadResult): string {
  const latency =
    result.latencyMedianMs === null ? "" : `  latency p50 ${result.latencyMedianMs.toFixed(2)} ms, p99 ${(result.latencyP99Ms ?? 0).toFixed(2)} ms`;
  const failures = result.failedResponses + result.socketErrors > 0 ? `  FAILED: ${result.failedResponses} non-2xx, ${result.socketErrors} socket errors` : "";
  return `${name.padEnd(40)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s  (${result.requests} in ${(result.durationMs / 1000).toFixed(2)} s)${latency}${failures}`;
}

function measure(url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  const options: LoadOptions = { url, headers, connections, durationMs, warmupMs, tool };
  return runLoad(options);
}

async function waitUntilSettled(url: string, headers: Record<string, string>): Promise<string> {
  // Processing writes to the session; measuring while the worker is busy would mix the two.
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const response = await fetch(url, { headers });
    const { status } = (await response.json()) as { status: string };
    if (["ready", "failed", "finalized"].includes(status)) return status;
    await sleep(100);
  }
  throw new Error("the benchmark session did not finish processing within 60 s");
}

async function main(): Promise<void> {
  const usingWrk = tool === "auto" && (await hasWrk());
  console.log(machineLoadLine());
  console.log(
    `api: ${connections} keep-alive connections, ${durationMs / 1000} s after a ${warmupMs / 1000} s warm-up, load from ${usingWrk ? "wrk" : "node:http"}` +
      (usingWrk || tool !== "auto" ? "" : " (wrk is not installed: apt-get install wrk)"),
  );
  if (!usingWrk) {
    console.log("note: a Node client on this machine's cores can saturate before the bare server does, which understates the gap");
  }

  const bare = await startChildServer({ args: [fileURLToPath(new URL("./support/bare-hono-server.ts", import.meta.url))] });
  const stopBare = deferCleanup(() => bare.stop());
  const bareResult = await measure(`http://127.0.0.1:${bare.port}/v1/sessions/0f8fad5b-d9cb-469f-a165-70867728950e`);
  await stopBare();
  console.log(describe("bare Hono GET /v1/sessions/:id", bareResult));

  const seeded = await createSeededDataDir();
  // The access log (one JSON line a request) goes to a file, as a deployment's log usually does.
  const { baseUrl, token } = await startConfideForTherapist(seeded, { stdoutPath: join(seeded.dataDir, "server.log") });
  const authorization = { authorization: `Bearer ${token}` };
  const uploaded = await sendUpload(
    `${baseUrl}/v1/sessions`,
    createWavMultipartBody({ fileBytes: 44 + 32_000 * 2, fields: { patientId: seeded.patient.user.id, title: "API benchmark" } }),
    authorization,
  );
  if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}: ${uploaded.responseText}`);
  const sessionUrl = `${baseUrl}/v1/sessions/${(JSON.parse(uploaded.responseText) as { id: string }).id}`;
  const settled = await waitUntilSettled(sessionUrl, authorization);

  const sessionResult = await measure(sessionUrl, authorization);
  console.log(describe(`confide GET /v1/sessions/:id (${settled})`, sessionResult));
  const meResult = await measure(`${baseUrl}/v1/me`, authorization);
  console.log(describe("confide GET /v1/me", meResult));
  const healthResult = await measure(`${baseUrl}/healthz`);
  console.log(describe("confide GET /healthz", healthResult));

  console.log("");
  console.log(machineLoadLine());
  console.log(
    `ratio confide GET /v1/sessions/:id to bare Hono  ${(sessionResult.requestsPerSecond / bareResult.requestsPerSecond).toFixed(2)}` +
      `  (${sessionResult.requestsPerSecond.toFixed(0)} / ${bareResult.requestsPerSecond.toFixed(0)} req/s)`,
  );
  console.log(`  /healthz to bare  ${(healthResult.requestsPerSecond / bareResult.requestsPerSecond).toFixed(2)}   /v1/me to bare  ${(meResult.requestsPerSecond / bareResult.requestsPerSecond).toFixed(2)}`);
  console.log(`audit: each 200 from GET /v1/sessions/:id recorded one session.read event (a PGlite insert): ${sessionResult.requests - sessionResult.failedResponses} + warm-up in this run`);
}

try {
  await main();
} finally {
  await runCleanup();
}
