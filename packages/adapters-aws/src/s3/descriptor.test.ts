import { createHash } from "node:crypto";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { byteStream } from "@confide/core/testing";
import { expectConfideError } from "@confide/contracts";
import { startS3Server, type S3Server } from "@confide/contracts/support";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { s3Descriptor } from "./descriptor.ts";
import { startRecordingProxy, type RecordingProxy } from "./recording-proxy.test-support.ts";

let s3: S3Server;
let proxy: RecordingProxy;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: ["recordings"] });
  proxy = await startRecordingProxy(s3.endpoint);
});

afterAll(async () => {
  await proxy?.close();
  await s3?.stop();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const issuesOf = (settings: Record<string, unknown>) =>
  s3Descriptor.settings.safeParse(settings).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("s3 descriptor", () => {
  it("needs a bucket; documents its defaults", () => {
    expect(issuesOf({})?.map(([path]) => path)).toEqual(["bucket"]);
    expect(s3Descriptor.settings.parse({ bucket: "recordings" })).toEqual({
      bucket: "recordings",
      forcePathStyle: false,
      serverSideEncryption: "AES256",
      partSizeMiB: 5,
      queueSize: 2,
      maxAttempts: 3,
      connectionTimeoutMs: 5_000,
      requestTimeoutMs: 120_000,
    });
    // As the variables give them: text.
    expect(s3Descriptor.settings.parse({ bucket: "recordings", forcePathStyle: "true", partSizeMiB: "8", queueSize: "4" })).toMatchObject({
      forcePathStyle: true,
      partSizeMiB: 8,
      queueSize: 4,
    });
    // As code gives them, and as they come out of a first parse (the host's, then the factory's).
    expect(s3Descriptor.settings.parse({ bucket: "recordings", forcePathStyle: true })).toMatchObject({ forcePathStyle: true });
  });

  it("refuses a KMS key without aws:kms, parts below S3's 5 MiB and an unknown encryption", () => {
    expect(issuesOf({ bucket: "b", kmsKeyId: "alias/x" })).toEqual([["kmsKeyId", "needs CONFIDE_S3_SSE=aws:kms"]]);
    expect(issuesOf({ bucket: "b", partSizeMiB: "4" })?.map(([path]) => path)).toEqual(["partSizeMiB"]);
    expect(issuesOf({ bucket: "b", serverSideEncryption: "aws:kms:dsse" })?.map(([path]) => path)).toEqual(["serverSideEncryption"]);
    expect(issuesOf({ bucket: "b", forcePathStyle: "maybe" })?.map(([path]) => path)).toEqual(["forcePathStyle"]);
  });

  it("refuses bad settings from code as validation.invalid_input naming the setting", async () => {
    for (const [setting, value] of [
      ["bucket", " "],
      ["endpoint", "minio"],
      ["kmsKeyId", "alias/x"],
      ["partSizeMiB", 5121],
      ["queueSize", 0],
      ["maxAttempts", 11],
      ["connectionTimeoutMs", 0],
      ["requestTimeoutMs", 3_600_001],
    ] as const) {
      const error = await expectConfideError(s3Descriptor.create({ bucket: "b", [setting]: value }), "validation.invalid_input");
      expect(error.details, setting).toEqual({ setting });
    }
  });

  it("reaches the bucket through the endpoint with credentials from the SDK's chain and asks for the configured encryption", async () => {
    // The SDK's default chain reads these (Confide's variables hold no keys).
    vi.stubEnv("AWS_ACCESS_KEY_ID", s3.credentials.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", s3.credentials.secretAccessKey);
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    const settings = s3Descriptor.settings.parse({
      bucket: "recordings",
      region: "eu-central-1",
      endpoint: proxy.endpoint,
      forcePathStyle: "true",
      serverSideEncryption: "aws:kms",
      kmsKeyId: "alias/confide-recordings",
    });
    const store = await s3Descriptor.create(settings);
    const bytes = new TextEncoder().encode("RIFF a recording");
    const from = proxy.requests.length;
    await store.check();
    await store.put("sessions/s1/audio.wav", byteStream(bytes), { contentType: "audio/wav" });
    await store.close();

    const put = proxy.requests.slice(from).find((request) => request.method === "PUT");
    expect(put?.path).toBe("/recordings/sessions/s1/audio.wav");
    expect(put?.headers["x-amz-server-side-encryption"]).toBe("aws:kms");
    expect(put?.headers["x-amz-server-side-encryption-aws-kms-key-id"]).toBe("alias/confide-recordings");
    expect(put?.headers.authorization).toMatch(/Credential=S3RVER\/\d{8}\/eu-central-1\/s3\/aws4_request/);
    const raw = new S3Client({ ...s3.clientConfig, maxAttempts: 1 });
    const back = await raw.send(new GetObjectCommand({ Bucket: "recordings", Key: "sessions/s1/audio.wav" }));
    const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
    expect(sha256(await back.Body!.transformToByteArray())).toBe(sha256(bytes));
    raw.destroy();
  });
});
