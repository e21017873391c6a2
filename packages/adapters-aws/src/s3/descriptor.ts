import type { AdapterDescriptor, BlobStore } from "@confide/core/ports";
import { s3Settings, type S3Variables } from "./settings.ts";

const mebibyte = 1024 * 1024;

/** Recordings in an S3 bucket, Amazon's or an S3-compatible store's (`CONFIDE_STORAGE=s3`). */
export const s3Descriptor = {
  port: "storage",
  name: "s3",
  settings: s3Settings,
  async create(settings) {
    const { createS3BlobStore } = await import("./s3-blob-store.ts");
    return createS3BlobStore({
      bucket: settings.CONFIDE_S3_BUCKET,
      region: settings.CONFIDE_S3_REGION,
      endpoint: settings.CONFIDE_S3_ENDPOINT,
      forcePathStyle: settings.CONFIDE_S3_FORCE_PATH_STYLE,
      serverSideEncryption: settings.CONFIDE_S3_SSE,
      kmsKeyId: settings.CONFIDE_S3_KMS_KEY_ID,
      partSizeBytes: settings.CONFIDE_S3_PART_SIZE_MIB * mebibyte,
      queueSize: settings.CONFIDE_S3_QUEUE_SIZE,
    });
  },
} satisfies AdapterDescriptor<BlobStore, S3Variables>;
