/**
 * Cost of encryption at rest in the filesystem blob store: a 1 GiB recording streamed into the
 * store (put: written in batches, fsynced) and streamed back out (get, read to the end),
 * unencrypted and encrypted (AES-256-GCM in 64 KiB chunks, CONFIDE_DATA_KEY). Prints MiB/s of
 * each direction and the process's RSS growth during it (VmHWM, the kernel's own peak, reset
 * before each phase, minus the RSS at its start), as the median of BENCH_REPEATS runs; each run
 * is a fresh child process, so one mode's garbage does not weigh on the other's figures, and the
 * modes take turns going first. Every run prints its own figures too (the disk is noisy).
 *
 * Run: node --conditions=source bench/encryption.ts
 * Environment: BENCH_ENCRYPTION_MIB (default 1024), BENCH_REPEATS (default 3).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createFilesystemBlobStore } from "../packages/adapters-local/src/filesystem/filesystem-blob-store.ts";
import { runCleanup } from "./support/cleanup.ts";
import { runJsonChild } from "./support/json-child.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { measurePhase } from "./support/measure-phase.ts";
import { median } from "./support/median.ts";

const mebibyte = 1024 * 1024;
const sizeMib = Number(process.env.BENCH_ENCRYPTION_MIB ?? 1024);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const modes = ["plain", "encrypted"] as const;
type Mode = (typeof modes)[number];

interface PhaseFigures {
  mibPerSecond: number;
  rssGrowthBytes: number;
}

interface RunFigures {
  put: PhaseFigures;
  get: PhaseFigures;
}

/** One run in this (child) process: put then get of `sizeMib` MiB through a fresh store. */
async function runChild(mode: Mode): Promise<RunFigures> {
  const root = await mkdtemp(join(tmpdir(), "confide-bench-encryption-"));
  try {
    const store = createFilesystemBlobStore({ root, ...(mode === "encrypted" ? { dataKey: randomBytes(32) } : {}) });
    const chunkBytes = 64 * 1024;
    const chunkCount = (sizeMib * mebibyte) / chunkBytes;
    // A ring of pseudo-random chunks, refilled in turn: the source itself holds 4 MiB and makes no garbage.
    const ring = Array.from({ length: 64 }, () => randomBytes(chunkBytes));
    async function* recording(): AsyncGenerator<Uint8Array> {
      for (let index = 0; index < chunkCount; index += 1) {
        const chunk = ring[index % ring.length] as Buffer;
        chunk.writeUInt32LE(index, 0);
        yield chunk;
      }
    }
    const put = await measurePhase(async () => {
      await store.put("bench/recording.wav", ReadableStream.from(recording()), { contentType: "audio/wav" });
    });
    let readBytes = 0;
    const get = await measurePhase(async () => {
      const read = await store.get("bench/recording.wav");
      for await (const chunk of read.body as unknown as AsyncIterable<Uint8Array>) readBytes += chunk.byteLength;
    });
    if (readBytes !== sizeMib * mebibyte) throw new Error(`read ${readBytes} bytes back, expected ${sizeMib * mebibyte}`);
    await store.close();
    const perSecond = (durationMs: number) => sizeMib / (durationMs / 1000);
    return {
      put: { mibPerSecond: perSecond(put.durationMs), rssGrowthBytes: put.rssGrowthBytes },
      get: { mibPerSecond: perSecond(get.durationMs), rssGrowthBytes: get.rssGrowthBytes },
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const describeRun = (mode: Mode, figures: RunFigures) =>
  `${mode.padEnd(10)} put ${figures.put.mibPerSecond.toFixed(0).padStart(5)} MiB/s (RSS growth ${(figures.put.rssGrowthBytes / 1e6).toFixed(1)} MB)` +
  `   get ${figures.get.mibPerSecond.toFixed(0).padStart(5)} MiB/s (RSS growth ${(figures.get.rssGrowthBytes / 1e6).toFixed(1)} MB)`;

function runInChild(mode: Mode): Promise<RunFigures> {
  return runJsonChild<RunFigures>(fileURLToPath(import.meta.url), ["--child", mode], { label: mode });
}

if (process.argv[2] === "--child") {
  process.stdout.write(JSON.stringify(await runChild(process.argv[3] as Mode)));
} else {
  try {
    console.log(machineLoadLine());
    console.log(`${sizeMib} MiB streamed into the filesystem blob store and back, ${repeats} runs per mode:`);
    const results = new Map<Mode, RunFigures[]>(modes.map((mode) => [mode, []]));
    for (let run = 0; run < repeats; run += 1) {
      // Alternating which mode goes first, so the disk's leftover work from one run weighs on both alike.
      for (const mode of run % 2 === 0 ? modes : [...modes].reverse()) {
        const figures = await runInChild(mode);
        console.log(`  run ${run + 1}: ${describeRun(mode, figures)}`);
        results.get(mode)?.push(figures);
      }
    }
    const medians = new Map<Mode, { put: PhaseFigures; get: PhaseFigures }>();
    for (const mode of modes) {
      const runs = results.get(mode) as RunFigures[];
      const phase = (name: "put" | "get"): PhaseFigures => ({
        mibPerSecond: median(runs.map((run) => run[name].mibPerSecond)),
        rssGrowthBytes: median(runs.map((run) => run[name].rssGrowthBytes)),
      });
      medians.set(mode, { put: phase("put"), get: phase("get") });
      console.log(`median ${describeRun(mode, medians.get(mode) as RunFigures)}`);
    }
    const plain = medians.get("plain") as RunFigures;
    const encrypted = medians.get("encrypted") as RunFigures;
    console.log(
      `encrypted / plain: put ${(encrypted.put.mibPerSecond / plain.put.mibPerSecond).toFixed(2)}, ` +
        `get ${(encrypted.get.mibPerSecond / plain.get.mibPerSecond).toFixed(2)}`,
    );
    console.log(machineLoadLine());
  } finally {
    await runCleanup();
  }
}
