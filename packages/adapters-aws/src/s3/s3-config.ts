import { ConfideError, invalidSetting, wholeNumberSetting } from "@confide/core/ports";

export type S3ServerSideEncryption = "AES256" | "aws:kms" | "none";

/** Settings of the S3 blob store (Amazon S3 or an S3-compatible store). */
export interface S3BlobStoreSettings {
  /** The bucket holding the objects; it must exist (`check()` says when it does not). */
  bucket: string;
  /** The bucket's region; default: the SDK's (`AWS_REGION`, the shared config's profile). */
  region?: string;
  /** An S3-compatible store's URL (MinIO, Ceph, Garage); default: Amazon S3's endpoint for the region. */
  endpoint?: string;
  /** `<endpoint>/<bucket>/<key>` URLs instead of `<bucket>.<endpoint>/<key>`. Default false. */
  forcePathStyle?: boolean;
  /**
   * Server-side encryption asked for on every object written through `put`: `AES256` (SSE-S3,
   * default), `aws:kms` (SSE-KMS with `kmsKeyId`, or the account's `aws/s3` key), `none` (the
   * bucket's default encryption, for stores that refuse the header). URLs signed for writing
   * carry no encryption header (S3 only honours it as a signed header the uploader would have
   * to send): objects written through them get the bucket's default encryption.
   */
  serverSideEncryption?: S3ServerSideEncryption;
  /** KMS key id or ARN; only with `aws:kms`. */
  kmsKeyId?: string;
  /** Bytes per part of a multipart upload, ≥ 5 MiB (S3's minimum). Default 5 MiB (objects up to 48.8 GiB: 10,000 parts). */
  partSizeBytes?: number;
  /**
   * Parts of one upload sent at once. Default 2. An upload holds at most
   * `partSizeBytes × (queueSize + 1)` bytes of the body in memory (15 MiB by default): the parts
   * in flight and the one being filled, in buffers allocated once per upload and reused.
   */
  queueSize?: number;
  /** Static credentials (tests, S3-compatible stores); default: the SDK's default provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Attempts per request, the SDK retrying throttling, 5xx and network errors. Default 3. */
  maxAttempts?: number;
  /** How long to wait for a connection. Default 5000. */
  connectionTimeoutMs?: number;
  /**
   * How long a request may wait for S3's answer, the sending of one part included (5 MiB
   * within the default 120 s needs ≥ 70 KB/s); past it the request fails as a timeout.
   */
  requestTimeoutMs?: number;
}

export interface ResolvedS3Settings {
  bucket: string;
  region: string | undefined;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  serverSideEncryption: S3ServerSideEncryption;
  kmsKeyId: string | undefined;
  partSizeBytes: number;
  queueSize: number;
  credentials: S3BlobStoreSettings["credentials"];
  maxAttempts: number;
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
}

const mebibyte = 1024 * 1024;
/**
 * Defaults chosen for the memory of a server taking uploads (bench/s3-upload.ts): 5 MiB × (2 + 1)
 * = 15 MiB per upload. Larger parts or more of them in flight add their size to the server's RSS
 * growth one for one while S3 is slower than the client (1 GiB through `confide serve`: 8 MiB × 4
 * grew it by 94–100 MB, 8 MiB × 1 by 63–67 MB).
 */
export const defaultPartSizeBytes = 5 * mebibyte;
export const defaultQueueSize = 2;
/** S3's smallest part (all but the last). */
export const minimumPartSizeBytes = 5 * mebibyte;
/** S3's largest part. */
const maximumPartSizeBytes = 5 * 1024 * mebibyte;

/** Fills defaults and checks the settings. @throws ConfideError `validation.invalid_input` naming the setting. */
export function resolveS3Settings(settings: S3BlobStoreSettings): ResolvedS3Settings {
  if (typeof settings.bucket !== "string" || settings.bucket.trim() === "") throw invalidSetting("bucket", "The S3 bucket is required.");
  if (settings.endpoint !== undefined && !URL.canParse(settings.endpoint)) throw invalidSetting("endpoint", "The S3 endpoint must be a URL.");
  const serverSideEncryption = settings.serverSideEncryption ?? "AES256";
  if (!["AES256", "aws:kms", "none"].includes(serverSideEncryption)) {
    throw invalidSetting("serverSideEncryption", "The S3 server-side encryption is AES256, aws:kms or none.");
  }
  if (settings.kmsKeyId !== undefined && serverSideEncryption !== "aws:kms") {
    throw invalidSetting("kmsKeyId", "A KMS key id needs the aws:kms server-side encryption.");
  }
  return {
    bucket: settings.bucket,
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle ?? false,
    serverSideEncryption,
    kmsKeyId: settings.kmsKeyId,
    partSizeBytes: wholeNumberSetting("partSizeBytes", settings.partSizeBytes, defaultPartSizeBytes, minimumPartSizeBytes, maximumPartSizeBytes),
    queueSize: wholeNumberSetting("queueSize", settings.queueSize, defaultQueueSize, 1, 64),
    credentials: settings.credentials,
    maxAttempts: wholeNumberSetting("maxAttempts", settings.maxAttempts, 3, 1, 10),
    connectionTimeoutMs: wholeNumberSetting("connectionTimeoutMs", settings.connectionTimeoutMs, 5_000, 1, 600_000),
    requestTimeoutMs: wholeNumberSetting("requestTimeoutMs", settings.requestTimeoutMs, 120_000, 1, 3_600_000),
  };
}
