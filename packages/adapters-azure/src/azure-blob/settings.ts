import { isPassedObject } from "@confide/core/adapter-kit";
import type { TokenCredential } from "@azure/identity";
import type { BlobServiceClient, StoragePipelineOptions } from "@azure/storage-blob";
import { z } from "zod";

export const defaultContainerName = "confide-recordings";

/** Bytes staged per block of an upload. */
export const defaultUploadBlockBytes = 4 * 1024 * 1024;
/** Block buffers of one upload: one filling, the others staging. */
export const defaultUploadBlocks = 4;

/** Why `value` is not a storage connection string, in words that do not repeat it; undefined when it is one. */
export function connectionStringProblem(value: string): string | undefined {
  const fields = new Map(
    value
      .split(";")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => {
        const at = part.indexOf("=");
        return [at < 0 ? part : part.slice(0, at), at < 0 ? "" : part.slice(at + 1)] as const;
      }),
  );
  if (fields.get("UseDevelopmentStorage") === "true") return undefined;
  const hasKey = fields.has("AccountName") && fields.has("AccountKey");
  const hasSas = fields.has("SharedAccessSignature") && fields.has("BlobEndpoint");
  if (hasKey || hasSas) return undefined;
  return "must be a storage account connection string: AccountName=…;AccountKey=… (optionally BlobEndpoint=…), or BlobEndpoint=…;SharedAccessSignature=…";
}

/** Why `name` is not a container name Azure accepts; undefined when it is one. */
export function containerNameProblem(name: string): string | undefined {
  return /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/.test(name)
    ? undefined
    : "must be 3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit";
}

/** A string `problem` refuses is reported in its words, never echoed (a connection string holds a key). */
export function checkedBy(problem: (value: string) => string | undefined) {
  return z.string().superRefine((value, context) => {
    const message = problem(value);
    if (message !== undefined) context.addIssue({ code: "custom", message });
  });
}

/**
 * The settings of the Azure Blob Storage blob store: what `createAzureBlobStore` takes and what
 * its environment variables set (each setting's `env`). Exactly one of `connectionString`,
 * `accountUrl` and `client` (the last for code only).
 */
export const azureBlobSettings = z
  .object({
    /**
     * A storage account connection string. With `AccountKey`, URLs are signed with the key
     * (service SAS of the one blob); with only `SharedAccessSignature`, the store signs no URLs.
     */
    connectionString: checkedBy(connectionStringProblem)
      .optional()
      .describe(
        "the storage account's connection string (`AccountName=…;AccountKey=…`): signs read/write URLs with the key; give it or `CONFIDE_AZURE_STORAGE_ACCOUNT_URL`",
      )
      .meta({ env: "CONFIDE_AZURE_STORAGE_CONNECTION_STRING", shownDefault: "— (one of the two is required)" }),
    /** `https://<account>.blob.core.windows.net`, signed in with `credential`. */
    accountUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        "`https://<account>.blob.core.windows.net`: signs in with Microsoft Entra ID (`DefaultAzureCredential`: managed identity, `AZURE_*` variables, developer sign-in) and signs URLs as user-delegation SAS",
      )
      .meta({ env: "CONFIDE_AZURE_STORAGE_ACCOUNT_URL", shownDefault: "— (one of the two is required)" }),
    containerName: checkedBy(containerNameProblem)
      .default(defaultContainerName)
      .describe("the container holding the recordings; created on first use when missing")
      .meta({ env: "CONFIDE_AZURE_STORAGE_CONTAINER" }),
    /** With `accountUrl`. Default: `DefaultAzureCredential` of `@azure/identity`, loaded when needed. */
    credential: z.custom<TokenCredential>(isPassedObject).optional(),
    /**
     * A ready client (tests, custom pipelines). How it signs URLs follows its credential: a shared
     * key signs service SAS, a token credential user-delegation SAS, anything else none.
     */
    client: z.custom<BlobServiceClient>(isPassedObject).optional(),
    /** Options of the client made from `connectionString` or `accountUrl` (retries, `tlsOptions`, proxy). */
    clientOptions: z.custom<StoragePipelineOptions>(isPassedObject).optional(),
    /** Bytes per staged block of an upload, at most 4000 MiB (Azure's block limit). Default 4 MiB. */
    uploadBlockBytes: z
      .number()
      .int()
      .min(1)
      .max(4000 * 1024 * 1024, "must be at most 4000 MiB (Azure's block limit)")
      .default(defaultUploadBlockBytes),
    /** Block buffers one upload holds (one filling, the others staging). Default 4. */
    uploadBlocks: z.number().int().min(1).default(defaultUploadBlocks),
  })
  .superRefine((settings, context) => {
    const given = (["connectionString", "accountUrl", "client"] as const).filter((name) => settings[name] !== undefined);
    if (given.length === 1) return;
    context.addIssue({
      code: "custom",
      path: ["connectionString"],
      message:
        given.length === 0
          ? "required by the azure-blob storage adapter, or CONFIDE_AZURE_STORAGE_ACCOUNT_URL instead"
          : given.includes("client")
            ? `give one of connectionString, accountUrl and client; got ${given.join(", ")}`
            : "give either this or CONFIDE_AZURE_STORAGE_ACCOUNT_URL, not both",
    });
  })
  .describe("block blobs in an Azure Blob Storage container");

/** What code creating the store passes (defaults may be left out). */
export type AzureBlobSettings = z.input<typeof azureBlobSettings>;
