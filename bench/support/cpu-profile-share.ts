/**
 * Where a process's CPU went, from the V8 CPU profile `node --cpu-prof` writes when it exits:
 * each sample is charged to the nearest frame of the stack that is not Node's own or native
 * (`node:…`, `(program)`…), classified by that frame's file. So a sample spent in `JSON.stringify`
 * or an `AsyncLocalStorage` method is charged to whoever called it. The shares are of the busy
 * time (idle samples left out), which the machine's other work inflates alike for every part:
 * on shared cores they are steadier than any rate. Samples can be limited to windows of time
 * taken by another process (the profile's clock is the machine's monotonic clock).
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  /** Microseconds on the monotonic clock (CLOCK_MONOTONIC on Linux: `process.hrtime` of any process on the machine). */
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuShares {
  busyMs: number;
  /** Milliseconds by category, "garbage collection" and "other" included. */
  byCategory: Map<string, number>;
  /** Milliseconds by the frame charged (`function file:line`), within each category. */
  byFrame: Map<string, Map<string, number>>;
}

/** The categories: the first whose test matches a frame's URL wins; else "other". */
export type Categories = Record<string, (url: string) => boolean>;

/** A span of time on the monotonic clock, in microseconds (`process.hrtime.bigint() / 1000n`). */
export type TimeWindow = readonly [startUs: number, endUs: number];

/** The monotonic clock now, in microseconds, as a profile's timestamps count it. */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** The shares of the samples taken within `windows` (all of them when none are given). */
export function cpuShares(profile: CpuProfile, categories: Categories, windows?: readonly TimeWindow[]): CpuShares {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  /** The category and the frame charged, per node; null for idle. */
  const chargeOfNode = new Map<number, { category: string; frame: string } | null>();

  const charge = (id: number): { category: string; frame: string } | null => {
    const known = chargeOfNode.get(id);
    if (known !== undefined) return known;
    const { functionName, url, lineNumber } = (byId.get(id) as ProfileNode).callFrame;
    let charged: { category: string; frame: string } | null;
    if (functionName === "(idle)") charged = null;
    else if (functionName === "(garbage collector)") charged = { category: "garbage collection", frame: functionName };
    else if (url !== "" && !url.startsWith("node:")) {
      const category = Object.entries(categories).find(([, test]) => test(url))?.[0] ?? "other";
      charged = { category, frame: `${functionName || "(anonymous)"} ${url.slice(url.lastIndexOf("/") + 1)}:${lineNumber + 1}` };
    } else {
      const parent = parentOf.get(id);
      charged = (parent === undefined ? null : charge(parent)) ?? { category: "other", frame: functionName };
    }
    chargeOfNode.set(id, charged);
    return charged;
  };

  const byCategory = new Map<string, number>();
  const byFrame = new Map<string, Map<string, number>>();
  let busyMs = 0;
  let atUs = profile.startTime;
  profile.samples.forEach((id, index) => {
    atUs += profile.timeDeltas[index] ?? 0;
    if (windows && !windows.some(([startUs, endUs]) => atUs >= startUs && atUs <= endUs)) return;
    const charged = charge(id);
    if (charged === null) return;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    busyMs += ms;
    byCategory.set(charged.category, (byCategory.get(charged.category) ?? 0) + ms);
    const frames = byFrame.get(charged.category) ?? new Map<string, number>();
    frames.set(charged.frame, (frames.get(charged.frame) ?? 0) + ms);
    byFrame.set(charged.category, frames);
  });
  return { busyMs, byCategory, byFrame };
}

/** The shares of the one `.cpuprofile` in `directory` (written when the profiled process exited). */
export async function cpuSharesOfDirectory(directory: string, categories: Categories, windows?: readonly TimeWindow[]): Promise<CpuShares> {
  const files = (await readdir(directory)).filter((name) => name.endsWith(".cpuprofile"));
  if (files.length !== 1) throw new Error(`expected one .cpuprofile in ${directory}, found ${files.length}: did the process exit normally?`);
  const shares = cpuShares(JSON.parse(await readFile(join(directory, files[0] as string), "utf8")) as CpuProfile, categories, windows);
  if (windows && windows.length > 0 && shares.busyMs === 0) throw new Error(`no sample of ${directory}'s profile falls in the windows asked: not the same clock?`);
  return shares;
}
