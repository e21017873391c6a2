import { ConfideError, invalidInput } from "@confide/core/ports";
import type { BlobServiceClient, UserDelegationKey } from "@azure/storage-blob";
import { toAzureBlobError } from "./azure-blob-errors.ts";

type StorageBlobModule = typeof import("@azure/storage-blob");

/** Signs the URL of one blob: `access` read → `r`; write → `cw` (create or overwrite, one `PUT` with `x-ms-blob-type: BlockBlob`). */
export type BlobUrlSigner = (
  blobUrl: string,
  blobName: string,
  options: { expiresInSeconds: number; access: "read" | "write" },
) => Promise<string>;

/** A user-delegation SAS lives at most 7 days (Azure's limit); so does a key-signed one here. */
export const maxSignedUrlSeconds = 7 * 24 * 3600;
/** A URL is valid from a little before it was signed, for clocks running behind ours. */
const clockSkewMs = 5 * 60_000;
/** A delegation key is asked for at least this long, so one key serves many URLs. */
const delegationKeyMinimumMs = 3600_000;
/**
 * The longest a delegation key is asked for: a few minutes under 7 days. Azure refuses a key
 * whose expiry is more than 7 days from the current time (Get User Delegation Key: "The
 * expiry time … must be within seven days of the current time"); a clock ahead of Azure's by a
 * minute would make an expiry of exactly 7 days fail.
 */
export const maxDelegationKeyMs = maxSignedUrlSeconds * 1000 - 10 * 60_000;

function checkExpiry(expiresInSeconds: number): void {
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > maxSignedUrlSeconds) {
    throw invalidInput(`A signed URL expires after 1 to ${maxSignedUrlSeconds} whole seconds.`, "expiresInSeconds");
  }
}

/**
 * How the store signs URLs, read from the client's credential: a shared key (connection string
 * with `AccountKey`) signs a service SAS of the one blob — never an account SAS, which would open
 * every blob of the account; a token credential (Microsoft Entra ID) asks the service for a
 * user-delegation key (kept and reused until a URL would outlive it; asked for at most 7 days
 * less 10 minutes, `maxDelegationKeyMs`) and signs a user-delegation SAS with it, ending no later
 * than the key. Any other credential (a SAS connection string, anonymous): undefined, the store
 * signs nothing.
 */
export function blobUrlSigner(sdk: StorageBlobModule, service: BlobServiceClient, containerName: string): BlobUrlSigner | undefined {
  const credential: unknown = service.credential;
  const protocol = new URL(service.url).protocol === "https:" ? sdk.SASProtocol.Https : sdk.SASProtocol.HttpsAndHttp;
  const permissionsFor = (access: "read" | "write") => sdk.BlobSASPermissions.parse(access === "read" ? "r" : "cw");
  const window = (expiresInSeconds: number) => {
    checkExpiry(expiresInSeconds);
    const now = Date.now();
    return { startsOn: new Date(now - clockSkewMs), expiresOn: new Date(now + expiresInSeconds * 1000) };
  };

  if (credential instanceof sdk.StorageSharedKeyCredential) {
    return async (blobUrl, blobName, { expiresInSeconds, access }) => {
      const sas = sdk.generateBlobSASQueryParameters(
        { containerName, blobName, permissions: permissionsFor(access), protocol, ...window(expiresInSeconds) },
        credential,
      );
      return `${blobUrl}?${sas.toString()}`;
    };
  }

  if (typeof (credential as { getToken?: unknown } | null)?.getToken !== "function") return undefined;
  let key: Promise<UserDelegationKey> | undefined;
  async function delegationKeyFor(expiresOn: Date): Promise<UserDelegationKey> {
    const current = await key?.catch(() => undefined);
    if (current !== undefined && current.signedExpiresOn.getTime() >= expiresOn.getTime()) return current;
    const now = Date.now();
    const keyExpiresOn = new Date(Math.min(now + maxDelegationKeyMs, Math.max(expiresOn.getTime(), now + delegationKeyMinimumMs)));
    const asked = service.getUserDelegationKey(new Date(now - 2 * clockSkewMs), keyExpiresOn).then(
      (answer) => answer as UserDelegationKey,
      (error: unknown) => {
        const mapped = toAzureBlobError(error, "get a user delegation key");
        throw ConfideError.is(mapped) ? mapped : new ConfideError("dependency.unavailable", "Azure Blob Storage gave no user delegation key.", { cause: error, details: { dependency: "azure-blob" } });
      },
    );
    key = asked;
    return asked;
  }
  return async (blobUrl, blobName, { expiresInSeconds, access }) => {
    const asked = window(expiresInSeconds);
    const delegationKey = await delegationKeyFor(asked.expiresOn);
    // A SAS cannot outlive its key: a URL asked for (nearly) 7 days ends with the key, at most
    // ten minutes sooner.
    const times = { ...asked, expiresOn: new Date(Math.min(asked.expiresOn.getTime(), delegationKey.signedExpiresOn.getTime())) };
    const sas = sdk.generateBlobSASQueryParameters(
      { containerName, blobName, permissions: permissionsFor(access), protocol, ...times },
      delegationKey,
      service.accountName,
    );
    return `${blobUrl}?${sas.toString()}`;
  };
}
