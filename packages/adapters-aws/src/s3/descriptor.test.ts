import { createHash } from "node:crypto";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { byteStream } from "@confide/core/testing";
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

const issuesOf = (variables: Record<string, string>) =>
  s3Descriptor.settings.safeParse(variables).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("s3 descriptor", () => {
  it("needs a bucket; documents its defaults", () => {
    expect(issuesOf({})?.map(([path]) => path)).toEqual(["CONFIDE_S3_BUCKET"]);
    expect(s3Descriptor.settings.parse({ CONFIDE_S3_BUCKET: "recordings" })).toEqual({
      CONFIDE_S3_BUCKET: "recordings",
      CONFIDE_S3_FORCE_PATH_STYLE: false,
      CONFIDE_S3_SSE: "AES256",
      CONFIDE_S3_PART_SIZE_MIB: 5,
      CONFIDE_S3_QUEUE_SIZE: 2,
    });
  });

  it("refuses a KMS key without aws:kms, parts below S3's 5 MiB and an unknown encryption", () => {
    expect(issuesOf({ CONFIDE_S3_BUCKET: "b", CONFIDE_S3_KMS_KEY_ID: "alias/x" })).toEqual([["CONFIDE_S3_KMS_KEY_ID", "needs CONFIDE_S3_SSE=aws:kms"]]);
    expect(issuesOf({ CONFIDE_S3_BUCKET: "b", CONFIDE_S3_PART_SIZE_MIB: "4" })?.map(([path]) => path)).toEqual(["CONFIDE_S3_PART_SIZE_MIB"]);
    expect(issuesOf({ CONFIDE_S3_BUCKET: "b", CONFIDE_S3_SSE: "aws:kms:dsse" })?.map(([path]) => path)).toEqual(["CONFIDE_S3_SSE"]);
    expect(issuesOf({ CONFIDE_S3_BUCKET: "b", CONFIDE_S3_FORCE_PATH_STYLE: "maybe" })?.map(([path]) => path)).toEqual(["CONFIDE_S3_FORCE_PATH_STYLE"]);
  });

  it("reaches the bucket through the endpoint with credentials from the SDK's chain and asks for the configured encryption", async () => {
    // The SDK's default chain reads these (Confide's variables hold no keys).
    vi.stubEnv("AWS_ACCESS_KEY_ID", s3.credentials.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", s3.credentials.secretAccessKey);
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    const settings = s3Descriptor.settings.parse({
      CONFIDE_S3_BUCKET: "recordings",
      CONFIDE_S3_REGION: "eu-central-1",
      CONFIDE_S3_ENDPOINT: proxy.endpoint,
      CONFIDE_S3_FORCE_PATH_STYLE: "true",
      CONFIDE_S3_SSE: "aws:kms",
      CONFIDE_S3_KMS_KEY_ID: "alias/confide-recordings",
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
