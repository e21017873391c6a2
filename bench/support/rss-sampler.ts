/**
 * Samples another process's resident memory from /proc/<pid>/status (Linux): VmRSS every
 * `intervalMs`, and VmHWM (the kernel's own peak, reset at start through clear_refs when
 * allowed, so it covers the sampled window only and catches peaks between samples).
 */
import { readFile, writeFile } from "node:fs/promises";

export interface RssFigures {
  /** VmRSS when sampling started. */
  baselineBytes: number;
  /** Largest VmRSS seen in a sample. */
  peakSampledBytes: number;
  /** VmHWM at the end: the true peak of the window when `hwmWasReset`, else since process start. */
  highWaterMarkBytes: number;
  hwmWasReset: boolean;
  samples: number;
}

export interface RssSampler {
  stop(): Promise<RssFigures>;
}

async function readStatus(pid: number): Promise<{ rssBytes: number; hwmBytes: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, "m").exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${name}`);
    return Number(match[1]) * 1024;
  };
  return { rssBytes: field("VmRSS"), hwmBytes: field("VmHWM") };
}

/**
 * Waits until the process's VmRSS has moved less than `toleranceBytes` over `windowMs`
 * (a server freeing its start-up memory), at most `timeoutMs`. @returns the last VmRSS.
 */
export async function waitForSteadyRss(
  pid: number,
  options: { windowMs?: number; toleranceBytes?: number; timeoutMs?: number } = {},
): Promise<number> {
  const windowMs = options.windowMs ?? 1_000;
  const toleranceBytes = options.toleranceBytes ?? 2e6;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const samples: Array<{ atMs: number; rssBytes: number }> = [];
  for (;;) {
    const atMs = Date.now();
    const { rssBytes } = await readStatus(pid);
    samples.push({ atMs, rssBytes });
    while (samples.length > 0 && (samples[0] as { atMs: number }).atMs < atMs - windowMs) samples.shift();
    const values = samples.map((sample) => sample.rssBytes);
    const spanMs = atMs - (samples[0] as { atMs: number }).atMs;
    if ((spanMs >= windowMs * 0.9 && Math.max(...values) - Math.min(...values) < toleranceBytes) || atMs > deadline) return rssBytes;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startRssSampler(pid: number, intervalMs = 50): Promise<RssSampler> {
  let hwmWasReset = true;
  try {
    // "5" resets the peak RSS (VmHWM) to the current RSS (Linux ≥ 4.0).
    await writeFile(`/proc/${pid}/clear_refs`, "5");
  } catch {
    hwmWasReset = false;
  }
  const first = await readStatus(pid);
  let peakSampledBytes = first.rssBytes;
  let samples = 1;
  let sampling: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(async () => {
      const { rssBytes } = await readStatus(pid);
      peakSampledBytes = Math.max(peakSampledBytes, rssBytes);
      samples += 1;
    });
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      const last = await readStatus(pid);
      peakSampledBytes = Math.max(peakSampledBytes, last.rssBytes);
      return {
        baselineBytes: first.rssBytes,
        peakSampledBytes,
        highWaterMarkBytes: last.hwmBytes,
        hwmWasReset,
        samples: samples + 1,
      };
    },
  };
}

/** The window's peak RSS: the largest sample, or VmHWM when it was reset at the start (it catches peaks between samples). */
export function peakRssBytes(figures: RssFigures): number {
  return Math.max(figures.peakSampledBytes, figures.hwmWasReset ? figures.highWaterMarkBytes : 0);
}
