import type { AdapterDescriptor, BlobStore } from "@confide/core/ports";
import { azureBlobSettings, type AzureBlobSettings } from "./settings.ts";

/** Recordings as block blobs in one container of Azure Blob Storage (`CONFIDE_STORAGE=azure-blob`). */
export const azureBlobDescriptor = {
  port: "storage",
  name: "azure-blob",
  settings: azureBlobSettings,
  async create(settings) {
    const { createAzureBlobStore } = await import("./azure-blob-store.ts");
    return createAzureBlobStore(settings);
  },
} satisfies AdapterDescriptor<BlobStore, AzureBlobSettings>;
