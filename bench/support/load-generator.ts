/**
 * Closed-loop HTTP load: a fixed number of keep-alive connections, each sending the next GET as
 * soon as the previous answer arrived, for a fixed time after a warm-up. Uses `wrk` when it is
 * installed (Debian package `wrk`: far cheaper per request than a Node client, which matters
 * on a machine with few cores shared with the server), else an in-repo node:http loop.
 */
import { execFile } from "node:child_process";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
  warmupMs: number;
  /** "auto" (default): wrk when installed, else node:http. */
  tool?: "auto" | "node:http";
}

export interface LoadResult {
  tool: "wrk" | "node:http";
  requests: number;
  /** Answers other than 2xx/3xx. */
  failedResponses: number;
  /** Connection errors and timeouts. */
  socketErrors: number;
  durationMs: number;
  requestsPerSecond: number;
  latencyMedianMs: number | null;
  latencyP99Ms: number | null;
}

let wrkFound: boolean | undefined;

/** True when a `wrk` binary is on PATH (checked once). */
export async function hasWrk(): Promise<boolean> {
  if (wrkFound === undefined) {
    wrkFound = await run("wrk", ["--version"]).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code !== "ENOENT", // wrk --version exits 1 after printing
    );
  }
  return wrkFound;
}

function wrkMs(value: string, unit: string): number {
  const factor: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
  return Number(value) * (factor[unit] ?? Number.NaN);
}

async function wrk(options: LoadOptions, durationMs: number): Promise<LoadResult> {
  const args = [
    "-t1",
    `-c${options.connections}`,
    `-d${Math.round(durationMs / 1000)}s`,
    "--latency",
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    options.url,
  ];
  const { stdout } = await run("wrk", args, { timeout: durationMs + 30_000 });
  const requests = /(\d+) requests in ([\d.]+)(\w+)/.exec(stdout);
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
  if (!requests || !rate) throw new Error(`unexpected wrk output:\n${stdout}`);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(stdout);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const p50 = /^\s+50%\s+([\d.]+)(\w+)/m.exec(stdout);
  const p99 = /^\s+99%\s+([\d.]+)(\w+)/m.exec(stdout);
  return {
    tool: "wrk",
    requests: Number(requests[1]),
    failedResponses: Number(non2xx?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0,
    durationMs: wrkMs(requests[2] as string, requests[3] as string),
    requestsPerSecond: Number(rate[1]),
    latencyMedianMs: p50 ? wrkMs(p50[1] as string, p50[2] as string) : null,
    latencyP99Ms: p99 ? wrkMs(p99[1] as string, p99[2] as string) : null,
  };
}

async function nodeLoop(options: LoadOptions, agent: Agent, durationMs: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failedResponses = 0;
  let socketErrors = 0;
  const startMs = performance.now();
  const endMs = startMs + durationMs;
  const once = () =>
    new Promise<void>((resolve) => {
      const sentMs = performance.now();
      const outgoing = request(options.url, { agent, headers: options.headers ?? {}, timeout: 10_000 }, (response) => {
        response.resume();
        response.once("end", () => {
          latencies.push(performance.now() - sentMs);
          if ((response.statusCode ?? 0) >= 400) failedResponses += 1;
          resolve();
        });
      });
      outgoing.once("timeout", () => outgoing.destroy());
      outgoing.once("error", () => {
        socketErrors += 1;
        resolve();
      });
      outgoing.end();
    });
  const connection = async () => {
    while (performance.now() < endMs) await once();
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  const elapsedMs = performance.now() - startMs;
  latencies.sort((a, b) => a - b);
  const at = (fraction: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))] ?? null;
  return {
    tool: "node:http",
    requests: latencies.length,
    failedResponses,
    socketErrors,
    durationMs: elapsedMs,
    requestsPerSecond: latencies.length / (elapsedMs / 1000),
    latencyMedianMs: at(0.5),
    latencyP99Ms: at(0.99),
  };
}

/** Warms up for `warmupMs` (0: none), then measures for `durationMs`. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.tool !== "node:http" && (await hasWrk())) {
    if (options.warmupMs > 0) await wrk(options, options.warmupMs);
    return wrk(options, options.durationMs);
  }
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  try {
    await nodeLoop(options, agent, options.warmupMs);
    return await nodeLoop(options, agent, options.durationMs);
  } finally {
    agent.destroy();
  }
}
