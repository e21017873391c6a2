import { join } from "node:path";
import type { AdapterDescriptor, BlobStore } from "@confide/core/ports";
import { filesystemSettings, type FilesystemVariables } from "./settings.ts";

/** Recordings as files under `<data dir>/blobs`, encrypted when a data key is set (`CONFIDE_STORAGE=filesystem`). */
export const filesystemDescriptor = {
  port: "storage",
  name: "filesystem",
  settings: filesystemSettings,
  async create(settings, context) {
    const { createFilesystemBlobStore } = await import("./filesystem-blob-store.ts");
    const key = settings.CONFIDE_DATA_KEY;
    return createFilesystemBlobStore({
      root: join(context.dataDir, "blobs"),
      ...(key === undefined ? {} : { encryption: { key, previousKeys: settings.CONFIDE_DATA_KEYS_PREVIOUS ?? [] } }),
    });
  },
} satisfies AdapterDescriptor<BlobStore, FilesystemVariables>;
