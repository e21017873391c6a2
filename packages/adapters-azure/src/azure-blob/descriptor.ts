import type { AdapterDescriptor, BlobStore } from "@confide/core/ports";
import { azureBlobSettings, type AzureBlobVariables } from "./settings.ts";

/** Recordings as block blobs in one container of Azure Blob Storage (`CONFIDE_STORAGE=azure-blob`). */
export const azureBlobDescriptor = {
  port: "storage",
  name: "azure-blob",
  settings: azureBlobSettings,
  async create(settings) {
    const { createAzureBlobStore } = await import("./azure-blob-store.ts");
    const connectionString = settings.CONFIDE_AZURE_STORAGE_CONNECTION_STRING;
    return createAzureBlobStore({
      ...(connectionString === undefined ? { accountUrl: settings.CONFIDE_AZURE_STORAGE_ACCOUNT_URL as string } : { connectionString }),
      containerName: settings.CONFIDE_AZURE_STORAGE_CONTAINER,
    });
  },
} satisfies AdapterDescriptor<BlobStore, AzureBlobVariables>;
