import { switchText } from "@confide/core/adapter-kit";
import { z } from "zod";

/** S3's own limits on a multipart upload's parts (S3 refuses a part under 5 MiB but the last). */
const smallestPartMiB = 5;
const largestPartMiB = 5 * 1024;

export const mebibyte = 1024 * 1024;
/**
 * Defaults chosen for the memory of a server taking uploads (bench/s3-upload.ts): 5 MiB × (2 + 1)
 * = 15 MiB per upload. Larger parts or more of them in flight add their size to the server's RSS
 * growth one for one while S3 is slower than the client (1 GiB through `confide serve`: 8 MiB × 4
 * grew it by 94–100 MB, 8 MiB × 1 by 63–67 MB).
 */
export const defaultPartSizeMiB = 5;
export const defaultQueueSize = 2;

/** `true` or `false` from code, or the words a variable gives (`true`, `1`, `yes`… `false`, `0`, `no`…). */
const flag = z.preprocess(switchText, z.stringbool());

/**
 * The settings of the S3 blob store: what `createS3BlobStore` takes and what its environment
 * variables set (each setting's `env`). Credentials are not among the variables: the SDK's
 * default provider chain finds them (role, SSO, profile, environment).
 */
export const s3Settings = z
  .object({
    bucket: z.string().trim().min(1).describe("bucket holding the recordings (it must exist)").meta({ env: "CONFIDE_S3_BUCKET" }),
    region: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("the bucket's region, e.g. `eu-central-1`")
      .meta({ env: "CONFIDE_S3_REGION", shownDefault: "the SDK's (`AWS_REGION`, the profile)" }),
    endpoint: z
      .url()
      .optional()
      .describe("URL of an S3-compatible store (MinIO, Ceph, Garage); unset for Amazon S3")
      .meta({ env: "CONFIDE_S3_ENDPOINT" }),
    forcePathStyle: flag
      .default(false)
      .describe("`true`: objects at `<endpoint>/<bucket>/<key>` rather than `<bucket>.<endpoint>` (most S3-compatible stores need it)")
      .meta({ env: "CONFIDE_S3_FORCE_PATH_STYLE" }),
    /**
     * Server-side encryption asked for on every object written through `put`. URLs signed for
     * writing carry no encryption header (S3 only honours it as a signed header the uploader
     * would have to send): objects written through them get the bucket's default encryption.
     */
    serverSideEncryption: z
      .enum(["AES256", "aws:kms", "none"])
      .default("AES256")
      .describe(
        "server-side encryption of new objects: `AES256` (SSE-S3), `aws:kms` (SSE-KMS), `none` (the bucket's default, for stores without SSE); URLs signed for writing rely on the bucket's default encryption",
      )
      .meta({ env: "CONFIDE_S3_SSE" }),
    kmsKeyId: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("KMS key id or ARN for `aws:kms`; needs `CONFIDE_S3_SSE=aws:kms`")
      .meta({ env: "CONFIDE_S3_KMS_KEY_ID", shownDefault: "— (the account's `aws/s3` key)" }),
    partSizeMiB: z.coerce
      .number<number>()
      .int()
      .min(smallestPartMiB)
      .max(largestPartMiB)
      .default(defaultPartSizeMiB)
      .describe("MiB per part of a multipart upload (5–5120; at most 10,000 parts, so 5 MiB allows 48.8 GiB)")
      .meta({ env: "CONFIDE_S3_PART_SIZE_MIB" }),
    /**
     * An upload holds at most `partSizeMiB × (queueSize + 1)` of the body in memory, in buffers
     * allocated once per upload and reused.
     */
    queueSize: z.coerce
      .number<number>()
      .int()
      .min(1)
      .max(64)
      .default(defaultQueueSize)
      .describe(
        "parts of one upload sent at once; an upload holds at most part size × (queue size + 1) in memory: the parts in flight and the one being filled (15 MiB by default)",
      )
      .meta({ env: "CONFIDE_S3_QUEUE_SIZE" }),
    /** Static credentials (tests, S3-compatible stores); default: the SDK's default provider chain. */
    credentials: z.object({ accessKeyId: z.string(), secretAccessKey: z.string(), sessionToken: z.string().optional() }).optional(),
    /** Attempts per request, the SDK retrying throttling, 5xx and network errors. */
    maxAttempts: z.number().int().min(1).max(10).default(3),
    /** Milliseconds to wait for a connection. */
    connectionTimeoutMs: z.number().int().min(1).max(600_000).default(5_000),
    /**
     * Milliseconds a request may wait for S3's answer, the sending of one part included (5 MiB
     * within the default 120 s needs ≥ 70 KB/s); past it the request fails as a timeout.
     */
    requestTimeoutMs: z.number().int().min(1).max(3_600_000).default(120_000),
  })
  .superRefine((settings, context) => {
    if (settings.kmsKeyId !== undefined && settings.serverSideEncryption !== "aws:kms") {
      context.addIssue({ code: "custom", path: ["kmsKeyId"], message: "needs CONFIDE_S3_SSE=aws:kms" });
    }
  })
  .describe("Amazon S3 or an S3-compatible store");

/** What code creating the store passes (defaults may be left out). */
export type S3Settings = z.input<typeof s3Settings>;
