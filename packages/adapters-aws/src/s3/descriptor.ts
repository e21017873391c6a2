import type { AdapterDescriptor, BlobStore } from "@confide/core/ports";
import { s3Settings, type S3Settings } from "./settings.ts";

/** Recordings in an S3 bucket, Amazon's or an S3-compatible store's (`CONFIDE_STORAGE=s3`). */
export const s3Descriptor = {
  port: "storage",
  name: "s3",
  settings: s3Settings,
  async create(settings) {
    const { createS3BlobStore } = await import("./s3-blob-store.ts");
    return createS3BlobStore(settings);
  },
} satisfies AdapterDescriptor<BlobStore, S3Settings>;
