import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import { createServer as createTcpServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { ConfideError, type BlobStore } from "@confide/core/ports";
import { byteStream } from "@confide/core/testing";
import { describeBlobStoreContract } from "@confide/contracts";
import { startS3Server, type S3Server } from "@confide/contracts/support";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startRecordingProxy, type RecordedRequest, type RecordingProxy } from "./recording-proxy.test-support.ts";
import { createS3BlobStore } from "./s3-blob-store.ts";
import type { S3Settings } from "./settings.ts";

const mebibyte = 1024 * 1024;
let s3: S3Server;
let proxy: RecordingProxy;
/** Reads what the stand-in holds, past the adapter. */
let raw: S3Client;
let buckets = 0;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: ["recordings"] });
  proxy = await startRecordingProxy(s3.endpoint);
  raw = new S3Client({ ...s3.clientConfig, maxAttempts: 1 });
});

afterAll(async () => {
  raw?.destroy();
  await proxy?.close();
  await s3?.stop();
});

/** The adapter on the stand-in, through the recording proxy, without retries. */
function localSettings(overrides: Partial<S3Settings> = {}): S3Settings {
  return {
    bucket: "recordings",
    endpoint: proxy.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: s3.credentials,
    maxAttempts: 1,
    ...overrides,
  };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function generatedBytes(sizeBytes: number, seed: number): Buffer {
  const bytes = Buffer.allocUnsafe(sizeBytes);
  let state = seed;
  for (let index = 0; index < sizeBytes; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

/** The object's bytes and content type as the stand-in stores them. */
async function stored(key: string, bucket = "recordings"): Promise<{ bytes: Buffer; contentType: string | undefined }> {
  const response = await raw.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return { bytes: Buffer.from(await response.Body!.transformToByteArray()), contentType: response.ContentType };
}

async function keysIn(bucket: string, prefix: string): Promise<string[]> {
  const listed = await raw.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key!);
}

/** The requests recorded while `action` ran. */
async function recorded(action: () => Promise<unknown>): Promise<RecordedRequest[]> {
  const from = proxy.requests.length;
  await action();
  return proxy.requests.slice(from);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describeBlobStoreContract({
  name: "s3 (s3rver)",
  async create() {
    // A fresh, empty bucket per test.
    buckets += 1;
    const bucket = `contract-${buckets}`;
    await raw.send(new CreateBucketCommand({ Bucket: bucket }));
    return createS3BlobStore(localSettings({ bucket }));
  },
});

describe("S3 blob store on the stand-in", () => {
  let store: BlobStore;
  afterEach(async () => {
    proxy.onRequest = undefined;
    vi.useRealTimers();
    await store?.close();
  });

  it("stores the bytes sent, compared by sha256 of what S3 holds, with the content type and the SSE-S3 header", async () => {
    store = await createS3BlobStore(localSettings());
    const bytes = generatedBytes(mebibyte + 3, 1);
    const requests = await recorded(() => store.put("sha/audio.wav", byteStream(bytes, 64 * 1024), { contentType: "audio/wav" }));

    const back = await stored("sha/audio.wav");
    expect(back.bytes.byteLength).toBe(bytes.byteLength);
    expect(sha256(back.bytes)).toBe(sha256(bytes));
    expect(back.contentType).toBe("audio/wav");
    // One PutObject (shorter than a part), sent plainly: no aws-chunked framing, no checksum trailer.
    expect(requests.map((request) => request.method)).toEqual(["PUT"]);
    expect(requests[0]?.headers["x-amz-server-side-encryption"]).toBe("AES256");
    expect(requests[0]?.headers["content-encoding"]).toBeUndefined();
    expect(Object.keys(requests[0]?.headers ?? {}).filter((name) => name.startsWith("x-amz-checksum"))).toEqual([]);
  });

  it("asks for SSE-KMS with the key id, or for nothing with none", async () => {
    store = await createS3BlobStore(localSettings({ serverSideEncryption: "aws:kms", kmsKeyId: "alias/confide" }));
    const [kms] = await recorded(() => store.put("sse/kms.wav", byteStream(generatedBytes(100, 2)), { contentType: "audio/wav" }));
    expect(kms?.headers["x-amz-server-side-encryption"]).toBe("aws:kms");
    expect(kms?.headers["x-amz-server-side-encryption-aws-kms-key-id"]).toBe("alias/confide");
    await store.close();

    store = await createS3BlobStore(localSettings({ serverSideEncryption: "none" }));
    const [plain] = await recorded(() => store.put("sse/none.wav", byteStream(generatedBytes(100, 3)), { contentType: "audio/wav" }));
    expect(Object.keys(plain?.headers ?? {}).filter((name) => name.startsWith("x-amz-server-side-encryption"))).toEqual([]);
  });

  it("uploads a long recording in small parts, never more than queueSize at once, byte for byte", async () => {
    store = await createS3BlobStore(localSettings({ partSizeMiB: 5, queueSize: 2 }));
    const bytes = generatedBytes(23 * mebibyte + 17, 4);
    const requests = await recorded(() => store.put("multi/audio.wav", byteStream(bytes, 64 * 1024), { contentType: "audio/wav" }));

    const create = requests.filter((request) => request.method === "POST" && request.query.has("uploads"));
    const parts = requests.filter((request) => request.method === "PUT" && request.query.has("partNumber"));
    const complete = requests.filter((request) => request.method === "POST" && request.query.has("uploadId"));
    expect(create).toHaveLength(1);
    expect(create[0]?.headers["x-amz-server-side-encryption"]).toBe("AES256");
    expect(create[0]?.headers["content-type"]).toBe("audio/wav");
    expect(parts.map((part) => Number(part.query.get("partNumber"))).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(parts.map((part) => Number(part.headers["content-length"])).sort((a, b) => b - a)).toEqual([
      5 * mebibyte,
      5 * mebibyte,
      5 * mebibyte,
      5 * mebibyte,
      3 * mebibyte + 17,
    ]);
    expect(complete).toHaveLength(1);
    expect(proxy.mostInFlight).toBeLessThanOrEqual(2);
    const back = await stored("multi/audio.wav");
    expect(sha256(back.bytes)).toBe(sha256(bytes));
    expect(back.contentType).toBe("audio/wav");
  });

  it("aborts the multipart upload when the signal aborts midway: the abort reason, no object, no parts left", async () => {
    store = await createS3BlobStore(localSettings({ partSizeMiB: 5, queueSize: 1 }));
    const controller = new AbortController();
    const reason = new ConfideError("upload.aborted", "The client went away.");
    let sent = 0;
    // Endless unless the store stops reading; aborts once two parts have gone out.
    const body = new ReadableStream<Uint8Array>(
      {
        pull(stream) {
          sent += 1;
          if (sent === 12 * 16) controller.abort(reason);
          stream.enqueue(generatedBytes(64 * 1024, sent));
        },
      },
      { highWaterMark: 0 },
    );
    let caught: unknown;
    const requests = await recorded(async () => {
      caught = await rejection(store.put("aborted/audio.wav", body, { contentType: "audio/wav", signal: controller.signal }));
    });

    expect(caught).toBe(reason);
    expect(requests.filter((request) => request.query.has("partNumber")).length).toBeGreaterThanOrEqual(2);
    expect(requests.filter((request) => request.method === "DELETE" && request.query.has("uploadId"))).toHaveLength(1);
    expect(requests.filter((request) => request.method === "POST" && request.query.has("uploadId"))).toEqual([]);
    expect(await store.head("aborted/audio.wav")).toBeNull();
    expect(await keysIn("recordings", "aborted/")).toEqual([]);
  });

  it("takes the object back when the signal aborts while S3 is storing the last bytes", async () => {
    store = await createS3BlobStore(localSettings());
    const controller = new AbortController();
    proxy.onRequest = (request) => {
      if (request.method === "PUT") controller.abort(new ConfideError("upload.aborted", "The client went away."));
    };

    const caught = await rejection(
      store.put("late/audio.wav", byteStream(generatedBytes(1000, 5)), { contentType: "audio/wav", signal: controller.signal }),
    );

    expect(ConfideError.is(caught, "upload.aborted")).toBe(true);
    expect(await store.head("late/audio.wav")).toBeNull();
  });

  it("signs a PUT URL without checksum or encryption parameters that stores the bytes exactly", async () => {
    store = await createS3BlobStore(localSettings());
    const url = await store.signedUrl!("signed/upload.wav", { expiresInSeconds: 300, access: "write" });

    const parameters = [...new URL(url).searchParams.keys()];
    expect(parameters.filter((name) => /checksum|server-side-encryption/i.test(name))).toEqual([]);
    expect(parameters).toContain("X-Amz-Signature");
    const bytes = generatedBytes(300_000, 6);
    const response = await fetch(url, { method: "PUT", body: bytes, headers: { "content-type": "audio/wav" } });
    expect(response.status).toBe(200);
    expect(sha256((await stored("signed/upload.wav")).bytes)).toBe(sha256(bytes));
  });

  it("signs a GET URL that reads the object (with Range) until it expires", async () => {
    store = await createS3BlobStore(localSettings());
    const bytes = generatedBytes(5000, 7);
    await store.put("signed/read.wav", byteStream(bytes), { contentType: "audio/wav" });

    const url = await store.signedUrl!("signed/read.wav", { expiresInSeconds: 60, access: "read" });
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(sha256(Buffer.from(await whole.arrayBuffer()))).toBe(sha256(bytes));
    const ranged = await fetch(url, { headers: { range: "bytes=10-19" } });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);

    // Signed two minutes ago for one minute: expired.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 120_000 });
    const expired = await store.signedUrl!("signed/read.wav", { expiresInSeconds: 60, access: "read" });
    vi.useRealTimers();
    const refused = await fetch(expired);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("<Code>AccessDenied</Code>");
  });

  it("refuses signed URLs outside S3's 1 s to 7 days", async () => {
    store = await createS3BlobStore(localSettings());
    for (const expiresInSeconds of [0, 1.5, 7 * 24 * 3600 + 1]) {
      const caught = await rejection(store.signedUrl!("a.wav", { expiresInSeconds, access: "read" }));
      expect(ConfideError.is(caught, "validation.invalid_input")).toBe(true);
    }
  });

  it("maps NoSuchKey to blob.not_found", async () => {
    store = await createS3BlobStore(localSettings());
    const caught = await rejection(store.get("never/written.wav"));
    expect(ConfideError.is(caught, "blob.not_found")).toBe(true);
    expect(((caught as ConfideError).cause as Error).name).toBe("NoSuchKey");
  });

  it("refused credentials are dependency.unavailable, not retryable", async () => {
    store = await createS3BlobStore(localSettings({ credentials: { accessKeyId: "AKIASTRANGER", secretAccessKey: "x" } }));
    const attempts = [
      () => store.check(),
      () => store.head("a.wav"),
      () => store.put("a.wav", byteStream(generatedBytes(10, 8)), { contentType: "audio/wav" }),
    ];
    for (const attempt of attempts) {
      const caught = await rejection(attempt());
      expect(ConfideError.is(caught, "dependency.unavailable")).toBe(true);
      expect((caught as ConfideError).retryable).toBe(false);
      expect((caught as ConfideError).details).toMatchObject({ dependency: "s3", status: 403 });
    }
  });

  it("stops reading the body when S3 refuses the upload", async () => {
    store = await createS3BlobStore(localSettings({ credentials: { accessKeyId: "AKIASTRANGER", secretAccessKey: "x" }, partSizeMiB: 5 }));
    let pulls = 0;
    let cancelled: unknown;
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(stream) {
          pulls += 1;
          stream.enqueue(generatedBytes(64 * 1024, pulls));
        },
        cancel(reason) {
          cancelled = reason;
        },
      },
      { highWaterMark: 0 },
    );

    const caught = await rejection(store.put("refused/audio.wav", endless, { contentType: "audio/wav" }));

    expect(ConfideError.is(caught, "dependency.unavailable")).toBe(true);
    expect(cancelled).toBe(caught);
    const pullsThen = pulls;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pulls).toBe(pullsThen);
  });

  it("a missing bucket fails the check, not retryable", async () => {
    store = await createS3BlobStore(localSettings({ bucket: "no-such-bucket" }));
    const caught = await rejection(store.check());
    expect(ConfideError.is(caught, "dependency.unavailable")).toBe(true);
    expect((caught as ConfideError).retryable).toBe(false);
    expect((caught as ConfideError).details).toMatchObject({ reason: "NoSuchBucket" });
  });
});

describe("S3 blob store when S3 fails", () => {
  it("a stopped stand-in is dependency.unavailable, retryable", async () => {
    const stopped = await startS3Server();
    const store = await createS3BlobStore({ ...localSettings(), bucket: "confide-test", endpoint: stopped.endpoint });
    await store.check();
    await stopped.stop();

    const attempts = [
      () => store.check(),
      () => store.head("a.wav"),
      () => store.get("a.wav"),
      () => store.delete("a.wav"),
      () => store.put("a.wav", byteStream(generatedBytes(10, 9)), { contentType: "audio/wav" }),
    ];
    for (const attempt of attempts) {
      const caught = await rejection(attempt());
      expect(ConfideError.is(caught, "dependency.unavailable"), String(caught)).toBe(true);
      expect((caught as ConfideError).retryable).toBe(true);
      expect((caught as ConfideError).details).toMatchObject({ dependency: "s3", reason: "ECONNREFUSED" });
    }
    await store.close();
  });

  it("without a region anywhere, the SDK's failure is dependency.unavailable, not retryable", async () => {
    vi.stubEnv("AWS_REGION", undefined);
    vi.stubEnv("AWS_DEFAULT_REGION", undefined);
    vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/aws-config");
    vi.stubEnv("AWS_PROFILE", undefined);
    const { region: _region, ...withoutRegion } = localSettings();
    const store = await createS3BlobStore(withoutRegion);
    try {
      for (const attempt of [() => store.check(), () => store.put("a.wav", byteStream(generatedBytes(10, 10)), { contentType: "audio/wav" })]) {
        const caught = await rejection(attempt());
        expect(ConfideError.is(caught, "dependency.unavailable"), String(caught)).toBe(true);
        expect((caught as ConfideError).retryable).toBe(false);
        expect((caught as ConfideError).message).toMatch(/region/i);
      }
    } finally {
      await store.close();
      vi.unstubAllEnvs();
    }
  });

  it("SlowDown is dependency.unavailable, retryable after a wait", async () => {
    const server = createHttpServer((request, response) => {
      request.resume();
      response.writeHead(503, { "content-type": "application/xml" });
      response.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const store = await createS3BlobStore({ ...localSettings(), endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    try {
      const caught = await rejection(store.get("a.wav"));
      expect(ConfideError.is(caught, "dependency.unavailable")).toBe(true);
      expect((caught as ConfideError).retryable).toBe(true);
      expect((caught as ConfideError).retryAfterMs).toBeGreaterThan(0);
      expect((caught as ConfideError).details).toMatchObject({ reason: "SlowDown", status: 503 });
    } finally {
      await store.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a server that never answers times out as dependency.unavailable, retryable", async () => {
    const sockets = new Set<Socket>();
    const silent = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on("data", () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const store = await createS3BlobStore({
      ...localSettings(),
      endpoint: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      requestTimeoutMs: 300,
    });
    try {
      const started = Date.now();
      const caught = await rejection(store.check());
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(ConfideError.is(caught, "dependency.unavailable"), String(caught)).toBe(true);
      expect((caught as ConfideError).retryable).toBe(true);
    } finally {
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
