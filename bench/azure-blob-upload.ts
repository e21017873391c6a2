/**
 * The Azure Blob store's upload against the SDK's own: recordings of the same size streamed into
 * the same Azurite (started here, in memory) through
 * - **server**: `confide serve` (embedded profile, `CONFIDE_STORAGE=azure-blob`), a WAV posted as
 *   multipart to `POST /v1/sessions`; RSS sampled from the server process (the upload benchmark's measure);
 * - **confide**: `createAzureBlobStore(…).put(key, ReadableStream)` with its defaults (4 MiB blocks,
 *   4 held at a time);
 * - **sdk**: `BlockBlobClient.uploadStream(Readable, 4 MiB, 4)` straight from @azure/storage-blob.
 * Prints MiB/s and RSS growth per run and as medians. confide and sdk run each in a fresh child
 * process (`--max-semi-space-size=4`, as the `confide` bin), their growth VmHWM (reset before the
 * upload) minus the RSS at its start; server's is the server's peak (sampled every 50 ms and
 * VmHWM) over its settled RSS. The modes take turns going first. Azurite's own memory is not
 * counted (another process). The adapter's bound is (blocks + 1) × block size = 20 MiB of
 * buffers; the rest is the SDK's and V8's.
 *
 * Run: node --conditions=source bench/azure-blob-upload.ts
 * Environment: BENCH_AZURE_BLOB_MIB (default 256), BENCH_REPEATS (default 3).
 */
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { BlobServiceClient } from "@azure/storage-blob";
import { startAzurite } from "../packages/contracts/src/support/azurite.ts";
import { createAzureBlobStore } from "../packages/adapters-azure/src/azure-blob/azure-blob-store.ts";
import { defaultUploadBlockBytes, defaultUploadBlocks } from "../packages/adapters-azure/src/azure-blob/settings.ts";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { runAlternating } from "./support/alternating-runs.ts";
import { runJsonChild } from "./support/json-child.ts";
import { measurePhase } from "./support/measure-phase.ts";
import { measureServerUpload, type UploadFigures } from "./support/server-upload.ts";

const mebibyte = 1024 * 1024;
const sizeMib = Number(process.env.BENCH_AZURE_BLOB_MIB ?? 256);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const modes = ["server", "confide", "sdk"] as const;
type Mode = (typeof modes)[number];
const containerName = "bench-recordings";

/**
 * `sizeMib` MiB in 64 KiB chunks from a ring of 256 refilled buffers: the source holds 16 MiB and
 * makes no garbage; more than the 4 MiB of chunks the SDK keeps by reference until a block is full.
 */
async function* recording(): AsyncGenerator<Uint8Array> {
  const chunkBytes = 64 * 1024;
  const ring = Array.from({ length: 256 }, () => randomBytes(chunkBytes));
  for (let index = 0; index < (sizeMib * mebibyte) / chunkBytes; index += 1) {
    const chunk = ring[index % ring.length] as Buffer;
    chunk.writeUInt32LE(index, 0);
    yield chunk;
  }
}

/** One upload in this (child) process. */
async function runChild(mode: Mode, connectionString: string): Promise<UploadFigures> {
  const key = `bench/${mode}-${Date.now()}.wav`;
  const container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
  let upload: () => Promise<void>;
  if (mode === "confide") {
    const store = await createAzureBlobStore({ connectionString, containerName });
    await store.check();
    upload = () => store.put(key, ReadableStream.from(recording()), { contentType: "audio/wav" });
  } else {
    await container.createIfNotExists();
    upload = async () => {
      await container.getBlockBlobClient(key).uploadStream(Readable.from(recording()), defaultUploadBlockBytes, defaultUploadBlocks, {
        blobHTTPHeaders: { blobContentType: "audio/wav" },
      });
    };
  }
  const phase = await measurePhase(upload);
  const stored = await container.getBlobClient(key).getProperties();
  if (stored.contentLength !== sizeMib * mebibyte) throw new Error(`stored ${stored.contentLength} bytes, expected ${sizeMib * mebibyte}`);
  // Azurite keeps blobs in memory: free it for the next run.
  await container.getBlobClient(key).delete();
  return { mibPerSecond: sizeMib / (phase.durationMs / 1000), rssGrowthBytes: phase.rssGrowthBytes };
}

/** One upload through `confide serve` storing into Azurite; RSS is the server process's. */
async function runServer(connectionString: string): Promise<UploadFigures> {
  const storage = {
    CONFIDE_STORAGE: "azure-blob",
    CONFIDE_AZURE_STORAGE_CONNECTION_STRING: connectionString,
    CONFIDE_AZURE_STORAGE_CONTAINER: containerName,
  };
  try {
    // PGlite's first write (the embedded profile's, ~25–30 MB, once per server) is not the upload's.
    return await measureServerUpload(storage, sizeMib * mebibyte, process.env.BENCH_AZURE_BLOB_COLD === "1" ? {} : { warmUpBytes: 256 * 1024 });
  } finally {
    // Azurite keeps blobs in memory: free it for the next run.
    const container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
    for await (const blob of container.listBlobsFlat()) await container.getBlobClient(blob.name).delete();
  }
}

const describeRun = (mode: Mode, figures: UploadFigures) =>
  `${mode.padEnd(8)} ${figures.mibPerSecond.toFixed(0).padStart(5)} MiB/s, RSS growth ${(figures.rssGrowthBytes / 1e6).toFixed(1)} MB`;

if (process.argv[2] === "--child") {
  process.stdout.write(JSON.stringify(await runChild(process.argv[3] as Mode, process.argv[4] as string)));
} else {
  try {
    console.log(machineLoadLine());
    const azurite = await startAzurite();
    deferCleanup(() => azurite.stop());
    console.log(`${sizeMib} MiB streamed into Azurite (in memory, one for every mode), ${repeats} runs per mode:`);
    const medians = await runAlternating(
      modes,
      repeats,
      (mode) =>
        mode === "server"
          ? runServer(azurite.connectionString)
          : runJsonChild<UploadFigures>(fileURLToPath(import.meta.url), ["--child", mode, azurite.connectionString], {
              // As the `confide` bin runs the server.
              nodeArgs: ["--max-semi-space-size=4"],
              label: mode,
            }),
      describeRun,
    );
    const sdk = (medians.get("sdk") as UploadFigures).mibPerSecond;
    const ratio = (mode: Mode) => ((medians.get(mode) as UploadFigures).mibPerSecond / sdk).toFixed(2);
    console.log(`throughput / sdk's: server ${ratio("server")}, confide ${ratio("confide")} (target ≥ 0.9); server RSS growth target < 80 MB`);
    console.log(machineLoadLine());
  } finally {
    await runCleanup();
  }
}
