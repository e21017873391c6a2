import { z } from "zod";

/** S3's own limits on a multipart upload's parts (S3 refuses a part under 5 MiB but the last). */
const smallestPartMiB = 5;
const largestPartMiB = 5 * 1024;

/** The environment variables of the S3 blob store. Credentials are not among them: the SDK's default chain finds them. */
export const s3Settings = z
  .object({
    CONFIDE_S3_BUCKET: z.string().trim().min(1).describe("bucket holding the recordings (it must exist)"),
    CONFIDE_S3_REGION: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("the bucket's region, e.g. `eu-central-1`")
      .meta({ shownDefault: "the SDK's (`AWS_REGION`, the profile)" }),
    CONFIDE_S3_ENDPOINT: z
      .url()
      .optional()
      .describe("URL of an S3-compatible store (MinIO, Ceph, Garage); unset for Amazon S3"),
    CONFIDE_S3_FORCE_PATH_STYLE: z
      .stringbool()
      .default(false)
      .describe("`true`: objects at `<endpoint>/<bucket>/<key>` rather than `<bucket>.<endpoint>` (most S3-compatible stores need it)"),
    CONFIDE_S3_SSE: z
      .enum(["AES256", "aws:kms", "none"])
      .default("AES256")
      .describe(
        "server-side encryption of new objects: `AES256` (SSE-S3), `aws:kms` (SSE-KMS), `none` (the bucket's default, for stores without SSE); URLs signed for writing rely on the bucket's default encryption",
      ),
    CONFIDE_S3_KMS_KEY_ID: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("KMS key id or ARN for `aws:kms`; needs `CONFIDE_S3_SSE=aws:kms`")
      .meta({ shownDefault: "— (the account's `aws/s3` key)" }),
    CONFIDE_S3_PART_SIZE_MIB: z.coerce
      .number()
      .int()
      .min(smallestPartMiB)
      .max(largestPartMiB)
      .default(5)
      .describe("MiB per part of a multipart upload (5–5120; at most 10,000 parts, so 5 MiB allows 48.8 GiB)"),
    CONFIDE_S3_QUEUE_SIZE: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .default(2)
      .describe(
        "parts of one upload sent at once; an upload holds at most part size × (queue size + 1) in memory: the parts in flight and the one being filled (15 MiB by default)",
      ),
  })
  .superRefine((variables, context) => {
    if (variables.CONFIDE_S3_KMS_KEY_ID !== undefined && variables.CONFIDE_S3_SSE !== "aws:kms") {
      context.addIssue({ code: "custom", path: ["CONFIDE_S3_KMS_KEY_ID"], message: "needs CONFIDE_S3_SSE=aws:kms" });
    }
  })
  .describe("Amazon S3 or an S3-compatible store");

export type S3Variables = z.output<typeof s3Settings>;
