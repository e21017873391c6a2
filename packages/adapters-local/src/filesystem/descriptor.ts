import { join } from "node:path";
import type { AdapterDescriptor, BlobStore } from "@confide/core/ports";
import { filesystemSettings, type FilesystemSettings } from "./settings.ts";

/** Recordings as files under `<data dir>/blobs`, encrypted when a data key is set (`CONFIDE_STORAGE=filesystem`). */
export const filesystemDescriptor = {
  port: "storage",
  name: "filesystem",
  settings: filesystemSettings,
  async create(settings, context) {
    const { createFilesystemBlobStore } = await import("./filesystem-blob-store.ts");
    return createFilesystemBlobStore({ ...settings, root: join(context.dataDir, "blobs") });
  },
} satisfies AdapterDescriptor<BlobStore, FilesystemSettings>;
