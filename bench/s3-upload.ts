/**
 * The S3 blob store's upload against lib-storage's `Upload` alone: the same bytes (a generated
 * recording, never held whole in memory) streamed into the same S3 stand-in (s3rver, started
 * here), with the same part size and queue size, through
 * - **server**: `confide serve` (embedded profile, `CONFIDE_STORAGE=s3`), a WAV posted as
 *   multipart to `POST /v1/sessions`; RSS growth is the server's peak (sampled every 50 ms, and
 *   VmHWM) over its settled RSS;
 * - **adapter**: the `s3` store's `put` in a fresh child process;
 * - **lib-storage**: `new Upload(…).done()` in a fresh child process.
 * adapter and lib-storage: RSS growth during the upload is VmHWM (reset first) minus the RSS at
 * the start; a one-byte upload first loads the SDK's lazy parts. Prints MiB/s and RSS growth per
 * run and as medians, with the adapter's memory bound (part size × (queue size + 1)) next to it.
 * s3rver writes to disk in another process: every mode shares its speed.
 *
 * Run: node --conditions=source bench/s3-upload.ts
 * Environment: BENCH_S3_MIB (default 512), BENCH_REPEATS (default 3), BENCH_S3_PART_MIB and
 * BENCH_S3_QUEUE (default: the adapter's, 5 and 2), BENCH_S3_MODES (default `server,adapter,lib-storage`).
 */
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { createS3BlobStore } from "../packages/adapters-aws/src/s3/s3-blob-store.ts";
import { defaultPartSizeMiB, defaultQueueSize } from "../packages/adapters-aws/src/s3/settings.ts";
import { startS3Server } from "../packages/contracts/src/support/s3-server.ts";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { runJsonChild } from "./support/json-child.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { measurePhase } from "./support/measure-phase.ts";
import { runAlternating } from "./support/alternating-runs.ts";
import { measureServerUpload, type UploadFigures } from "./support/server-upload.ts";

const mebibyte = 1024 * 1024;
const sizeMib = Number(process.env.BENCH_S3_MIB ?? 512);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const partSizeMiB = process.env.BENCH_S3_PART_MIB === undefined ? defaultPartSizeMiB : Number(process.env.BENCH_S3_PART_MIB);
const partSizeBytes = partSizeMiB * mebibyte;
const queueSize = process.env.BENCH_S3_QUEUE === undefined ? defaultQueueSize : Number(process.env.BENCH_S3_QUEUE);
const allModes = ["server", "adapter", "lib-storage"] as const;
type Mode = (typeof allModes)[number];
const modes = (process.env.BENCH_S3_MODES?.split(",") ?? allModes) as Mode[];

/** The recording: a ring of pseudo-random 64 KiB chunks, each stamped with its index. */
function recording(): ReadableStream<Uint8Array> {
  const chunkBytes = 64 * 1024;
  const chunkCount = (sizeMib * mebibyte) / chunkBytes;
  const ring = Array.from({ length: 64 }, () => randomBytes(chunkBytes));
  let index = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (index === chunkCount) {
          controller.close();
          return;
        }
        // A copy: lib-storage keeps chunks until their part is sent, so a reused buffer would change under it.
        const chunk = Buffer.from(ring[index % ring.length] as Buffer);
        chunk.writeUInt32LE(index, 0);
        index += 1;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
}

/** One upload in this (child) process. */
async function runChild(mode: Mode, endpoint: string): Promise<UploadFigures> {
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const key = `bench/${mode}-${process.pid}.wav`;
  let upload: () => Promise<void>;
  let warmUp: () => Promise<void>;
  let close: () => Promise<void>;
  if (mode === "adapter") {
    const store = await createS3BlobStore({ bucket: "bench", endpoint, region: "us-east-1", forcePathStyle: true, credentials, partSizeMiB, queueSize });
    upload = () => store.put(key, recording(), { contentType: "audio/wav" });
    warmUp = () => store.put(`${key}.warm-up`, ReadableStream.from([new Uint8Array(1)]), { contentType: "audio/wav" });
    close = () => store.close();
  } else {
    const client = new S3Client({
      endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials,
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    upload = async () => {
      await new Upload({ client, params: { Bucket: "bench", Key: key, Body: recording(), ContentType: "audio/wav" }, partSize: partSizeBytes, queueSize }).done();
    };
    warmUp = async () => {
      await new Upload({ client, params: { Bucket: "bench", Key: `${key}.warm-up`, Body: new Uint8Array(1) } }).done();
    };
    close = async () => client.destroy();
  }
  // A first small upload loads the SDK's lazily imported parts, which are not the upload's cost.
  await warmUp();
  const { durationMs, rssGrowthBytes } = await measurePhase(upload);
  await close();
  return { mibPerSecond: sizeMib / (durationMs / 1000), rssGrowthBytes };
}

const describeRun = (mode: Mode, figures: UploadFigures) =>
  `${mode.padEnd(12)} ${figures.mibPerSecond.toFixed(0).padStart(5)} MiB/s (RSS growth ${(figures.rssGrowthBytes / 1e6).toFixed(1)} MB)`;

/** One upload through `confide serve` storing into the stand-in; RSS is the server process's. */
async function runServer(endpoint: string): Promise<UploadFigures> {
  const storage = {
    CONFIDE_STORAGE: "s3",
    CONFIDE_S3_BUCKET: "bench",
    CONFIDE_S3_ENDPOINT: endpoint,
    CONFIDE_S3_REGION: "us-east-1",
    CONFIDE_S3_FORCE_PATH_STYLE: "true",
    CONFIDE_S3_PART_SIZE_MIB: String(partSizeMiB),
    CONFIDE_S3_QUEUE_SIZE: String(queueSize),
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
  };
  // PGlite's first write (the embedded profile's, ~25–30 MB, once per server) is not the upload's;
  // as in azure-blob-upload.ts. BENCH_S3_COLD=1 measures the server's first upload.
  return measureServerUpload(storage, sizeMib * mebibyte, process.env.BENCH_S3_COLD === "1" ? {} : { warmUpBytes: 256 * 1024 });
}

function runInChild(mode: Mode, endpoint: string): Promise<UploadFigures> {
  if (mode === "server") return runServer(endpoint);
  return runJsonChild<UploadFigures>(fileURLToPath(import.meta.url), ["--child", mode, endpoint], { nodeArgs: ["--max-semi-space-size=4"], label: mode });
}

if (process.argv[2] === "--child") {
  process.stdout.write(JSON.stringify(await runChild(process.argv[3] as Mode, process.argv[4] as string)));
} else {
  try {
    console.log(machineLoadLine());
    const s3 = await startS3Server({ buckets: ["bench"] });
    deferCleanup(() => s3.stop());
    console.log(
      `${sizeMib} MiB into s3rver, parts of ${partSizeBytes / mebibyte} MiB, ${queueSize} at once ` +
        `(the adapter's bound: ${(partSizeBytes * (queueSize + 1)) / mebibyte} MiB), ${repeats} runs per mode:`,
    );
    const medians = await runAlternating(modes, repeats, (mode) => runInChild(mode, s3.endpoint), describeRun);
    const libStorage = medians.get("lib-storage")?.mibPerSecond;
    const ratio = (mode: Mode) => {
      const figures = medians.get(mode);
      return figures === undefined || libStorage === undefined ? "—" : (figures.mibPerSecond / libStorage).toFixed(2);
    };
    console.log(
      `throughput / lib-storage's: server ${ratio("server")}, adapter ${ratio("adapter")} (target ≥ 0.9); server RSS growth target < 80 MB`,
    );
    console.log(machineLoadLine());
  } finally {
    await runCleanup();
  }
}
