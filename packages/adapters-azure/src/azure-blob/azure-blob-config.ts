import { ConfideError, invalidSetting } from "@confide/core/ports";
import type { TokenCredential } from "@azure/identity";
import type { BlobServiceClient, StoragePipelineOptions } from "@azure/storage-blob";

export const defaultContainerName = "confide-recordings";

/** Bytes staged per block of an upload. */
export const defaultUploadBlockBytes = 4 * 1024 * 1024;
/** Block buffers of one upload: one filling, the others staging. */
export const defaultUploadBlocks = 4;

/**
 * Settings of the Azure Blob Storage blob store. Give exactly one of `connectionString`,
 * `accountUrl` and `client`.
 */
export interface AzureBlobStoreSettings {
  /**
   * A storage account connection string. With `AccountKey`, URLs are signed with the key
   * (service SAS of the one blob); with only `SharedAccessSignature`, the store signs no URLs.
   */
  connectionString?: string;
  /** `https://<account>.blob.core.windows.net`, signed in with `credential`. */
  accountUrl?: string;
  /** With `accountUrl`. Default: `DefaultAzureCredential` of `@azure/identity`, loaded when needed. */
  credential?: TokenCredential;
  /**
   * A ready client (tests, custom pipelines). How it signs URLs follows its credential: a shared
   * key signs service SAS, a token credential user-delegation SAS, anything else none.
   */
  client?: BlobServiceClient;
  /** Options of the client made from `connectionString` or `accountUrl` (retries, `tlsOptions`, proxy). */
  clientOptions?: StoragePipelineOptions;
  /** Default `confide-recordings`. */
  containerName?: string;
  /** Bytes per staged block of an upload. Default 4 MiB. */
  uploadBlockBytes?: number;
  /** Block buffers one upload holds (one filling, the others staging). Default 4. */
  uploadBlocks?: number;
}

export type AzureBlobCredentialSource =
  | { kind: "connection-string"; connectionString: string }
  | { kind: "account-url"; accountUrl: string; credential: TokenCredential | undefined }
  | { kind: "client"; client: BlobServiceClient };

export interface ResolvedAzureBlobSettings {
  source: AzureBlobCredentialSource;
  clientOptions: StoragePipelineOptions;
  containerName: string;
  uploadBlockBytes: number;
  uploadBlocks: number;
}

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

function positiveInteger(value: number | undefined, fallback: number, setting: string): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < 1) throw invalidSetting(setting, `${setting} must be a whole number of at least 1.`);
  return resolved;
}

/** Fills the defaults and checks the settings. @throws ConfideError `validation.invalid_input` naming the setting. */
export function resolveAzureBlobSettings(settings: AzureBlobStoreSettings): ResolvedAzureBlobSettings {
  const given = (["connectionString", "accountUrl", "client"] as const).filter((name) => settings[name] !== undefined);
  if (given.length !== 1) {
    throw invalidSetting(
      "connectionString",
      given.length === 0
        ? "Azure Blob Storage needs a connection string, an account URL or a client."
        : `Azure Blob Storage takes one of connectionString, accountUrl and client; got ${given.join(", ")}.`,
    );
  }
  let source: AzureBlobCredentialSource;
  if (settings.connectionString !== undefined) {
    const problem = connectionStringProblem(settings.connectionString);
    if (problem !== undefined) throw invalidSetting("connectionString", `The connection string ${problem}.`);
    source = { kind: "connection-string", connectionString: settings.connectionString };
  } else if (settings.accountUrl !== undefined) {
    if (!URL.canParse(settings.accountUrl) || !/^https?:$/.test(new URL(settings.accountUrl).protocol)) {
      throw invalidSetting("accountUrl", "The account URL must be an http(s) URL such as https://<account>.blob.core.windows.net.");
    }
    source = { kind: "account-url", accountUrl: settings.accountUrl, credential: settings.credential };
  } else {
    source = { kind: "client", client: settings.client as BlobServiceClient };
  }
  const containerName = settings.containerName ?? defaultContainerName;
  const containerProblem = containerNameProblem(containerName);
  if (containerProblem !== undefined) throw invalidSetting("containerName", `The container name ${containerProblem}.`);
  const uploadBlockBytes = positiveInteger(settings.uploadBlockBytes, defaultUploadBlockBytes, "uploadBlockBytes");
  if (uploadBlockBytes > 4000 * 1024 * 1024) throw invalidSetting("uploadBlockBytes", "uploadBlockBytes must be at most 4000 MiB (Azure's block limit).");
  return {
    source,
    clientOptions: settings.clientOptions ?? {},
    containerName,
    uploadBlockBytes,
    uploadBlocks: positiveInteger(settings.uploadBlocks, defaultUploadBlocks, "uploadBlocks"),
  };
}
