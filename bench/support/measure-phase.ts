/** This process's memory figures from /proc (Linux). */
import { readFile, writeFile } from "node:fs/promises";

async function ownMemory(): Promise<{ rssBytes: number; hwmBytes: number }> {
  const status = await readFile("/proc/self/status", "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, "m").exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rssBytes: field("VmRSS"), hwmBytes: field("VmHWM") };
}

/** Runs `work`, returning its duration and how far the process's peak RSS rose above its RSS at the start. */
export async function measurePhase(work: () => Promise<void>): Promise<{ durationMs: number; rssGrowthBytes: number }> {
  // "5" resets VmHWM to the current RSS, so the peak read afterwards is this phase's.
  await writeFile("/proc/self/clear_refs", "5");
  const before = await ownMemory();
  const startedMs = performance.now();
  await work();
  const durationMs = performance.now() - startedMs;
  const after = await ownMemory();
  return { durationMs, rssGrowthBytes: Math.max(0, after.hwmBytes - before.rssBytes) };
}
