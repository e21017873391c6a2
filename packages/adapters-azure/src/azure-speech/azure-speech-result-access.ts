import type { z } from "zod";
import { azureTokenSource } from "../entra-id/azure-token-source.ts";
import type { azureSpeechSettings } from "./settings.ts";

/** The Microsoft Entra ID scope of Azure Storage. */
export const storageScope = "https://storage.azure.com/.default";
/** The Blob service version sent with a token (bearer reads need 2017-11-09 or later). */
const storageApiVersion = "2024-11-04";

/** True when a result URL carries a SAS (its `sig`): it is read as it is, with nothing added. */
export function isSignedUrl(url: string): boolean {
  return new URL(url).searchParams.has("sig");
}

export interface ResultAccess {
  /**
   * The headers that read a result file: none for a signed URL; for an unsigned one — a Speech
   * resource with its own storage account (BYOS) returns result URLs without a SAS (2024-11-15,
   * `sasLifetimeQueryParameter`) — a Storage bearer token and `x-ms-version`.
   * @throws ConfideError `provider.unavailable` when no token can be had.
   */
  headersFor(url: string, signal: AbortSignal | undefined): Promise<Record<string, string>>;
}

/**
 * Reads result files of BYOS Speech resources with the storage account's credentials: a token
 * of `storageCredential` (else `credential`, else `DefaultAzureCredential`, loaded on first
 * need) for `https://storage.azure.com/.default`; the identity needs Storage Blob Data Reader
 * on the BYOS account.
 */
export function createResultAccess(settings: Pick<z.output<typeof azureSpeechSettings>, "credential" | "storageCredential">): ResultAccess {
  const storageToken = azureTokenSource(settings.storageCredential ?? settings.credential, storageScope, "the Speech resource's own storage (bring-your-own-storage)");
  return {
    async headersFor(url, signal): Promise<Record<string, string>> {
      if (isSignedUrl(url)) return {};
      return { authorization: `Bearer ${(await storageToken(signal)).token}`, "x-ms-version": storageApiVersion };
    },
  };
}
