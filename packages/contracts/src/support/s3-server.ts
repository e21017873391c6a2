/**
 * `s3rver` as a stand-in for Amazon S3, one per test file, in a child process:
 * `node --openssl-legacy-provider` (s3rver encrypts ListObjectsV2 continuation tokens with DES,
 * which OpenSSL 3 only offers through its legacy provider: without the flag ListObjectsV2
 * answers 500 `ERR_OSSL_EVP_UNSUPPORTED`), listening on 127.0.0.1 at a free port, objects in a
 * temporary directory that is removed when the server stops (by the child on SIGTERM, and by
 * `stop()` again in case it had to be killed). See stand-in-process.ts for how the process is
 * stopped and why it cannot outlive the test process.
 *
 * Why s3rver and not fauxqs (both checked here with @aws-sdk/client-s3 3.11xx, see
 * ../fakes/AWS-NOTES.md): fauxqs keeps every object in memory (a 512 MiB upload took its RSS
 * to 1.1 GB; s3rver streams to disk and grew by 80 MB), refuses any request body over 11 MiB
 * with a non-S3 413 (so no single PUT or part above 11 MiB), does not expire presigned URLs and
 * lists keys out of byte order. s3rver's own flaws are known and pinned by tests in
 * s3-server.test.ts: it keeps the aws-chunked framing of a streamed PutObject sent with the
 * SDK's default checksums (clientConfig turns them off), answers a suffix range (`bytes=-N`)
 * with the first N+1 bytes, gives multipart objects a plain MD5 ETag, and does not enforce the
 * 5 MiB minimum part size. One flaw the launcher mends (see the script below): concurrent
 * deletes under one key prefix answered 500.
 *
 * Neither checks signatures: s3rver only requires the access key id `S3RVER` (another id →
 * 403 InvalidAccessKeyId). Assert stored bytes (sha256 of what GetObject returns), never a 200.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { probeHttp } from "./probe-http.ts";
import { startStandInProcess } from "./stand-in-process.ts";

/** The only credentials s3rver accepts (its built-in account; the signature is not checked). */
export const s3rverCredentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

/**
 * What `new S3Client(...)` needs to talk to the stand-in, and nothing that makes the SDK look
 * elsewhere: explicit region and credentials (no environment, profile or instance-metadata
 * look-ups), path-style URLs (no `<bucket>.127.0.0.1` host names), and request checksums only
 * where an operation requires them (default checksums corrupt streamed uploads on s3rver and
 * put a checksum of an empty body into presigned PUT URLs, which real S3 then refuses).
 */
export interface LocalS3ClientConfig {
  endpoint: string;
  region: string;
  forcePathStyle: true;
  credentials: { accessKeyId: string; secretAccessKey: string };
  requestChecksumCalculation: "WHEN_REQUIRED";
  responseChecksumValidation: "WHEN_REQUIRED";
}

export interface S3Server {
  /** e.g. http://127.0.0.1:41234 (path-style: objects at `${endpoint}/${bucket}/${key}`). */
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The buckets that exist at start. */
  buckets: string[];
  /** Spread into `new S3Client(...)`; add `maxAttempts` or a request handler as a test needs. */
  clientConfig: LocalS3ClientConfig;
  /** Where s3rver keeps the objects (removed on stop). */
  directory: string;
  pid: number;
  stop(): Promise<void>;
}

export interface S3ServerOptions {
  /** Buckets to create before the server answers (default `["confide-test"]`). */
  buckets?: string[];
  /** Default us-east-1; s3rver ignores it, the SDK signs with it. */
  region?: string;
}

const requireFromHere = createRequire(import.meta.url);

/** Runs in the child (CommonJS): paths and bucket names come in the environment. */
const serverScript = `
const { rmSync } = require("node:fs");
const S3rver = require(process.env.S3RVER_MODULE);
const directory = process.env.S3RVER_DIRECTORY;
const server = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory,
  configureBuckets: JSON.parse(process.env.S3RVER_BUCKETS).map((name) => ({ name })),
});
// s3rver removes emptied "directories" after a delete, and two deletes under one prefix race in
// that clean-up (readdir/rmdir of a directory the other just removed): DeleteObjects of two keys
// or parallel DeleteObject calls answer 500 although the objects are gone. S3 has no
// directories; a clean-up that finds its directory gone or refilled has nothing left to do.
const deleteObject = server.store.deleteObject.bind(server.store);
server.store.deleteObject = (bucket, key) =>
  deleteObject(bucket, key).catch((error) => {
    if (error.code !== "ENOENT" && error.code !== "ENOTEMPTY") throw error;
  });
server.run().then((address) => console.log("s3rver listening on port " + address.port));
process.on("SIGTERM", () => {
  server.httpServer?.closeAllConnections();
  server.close().finally(() => {
    rmSync(directory, { recursive: true, force: true });
    process.exit(0);
  });
});
`;

export async function startS3Server(options: S3ServerOptions = {}): Promise<S3Server> {
  const buckets = options.buckets ?? ["confide-test"];
  const region = options.region ?? "us-east-1";
  const directory = await mkdtemp(join(tmpdir(), "confide-s3rver-"));
  try {
    const { process: server, match } = await startStandInProcess({
      name: "s3rver",
      nodeArgs: ["--openssl-legacy-provider", "--input-type=commonjs", "-e", serverScript],
      cwd: tmpdir(),
      env: {
        ...process.env,
        S3RVER_MODULE: requireFromHere.resolve("s3rver"),
        S3RVER_DIRECTORY: directory,
        S3RVER_BUCKETS: JSON.stringify(buckets),
      },
      ready: /s3rver listening on port (\d+)/,
    });
    const endpoint = `http://127.0.0.1:${match[1]}`;
    const stop = async () => {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    };
    try {
      await probeHttp(endpoint);
    } catch (error) {
      await stop();
      throw error;
    }
    const credentials = { ...s3rverCredentials };
    return {
      endpoint,
      region,
      credentials,
      buckets: [...buckets],
      clientConfig: {
        endpoint,
        region,
        forcePathStyle: true,
        credentials,
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      },
      directory,
      pid: server.pid,
      stop,
    };
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
