import * as sdk from "@azure/storage-blob";
import type { BlobServiceClient, ServiceGetUserDelegationKeyResponse } from "@azure/storage-blob";
import { describe, expect, it } from "vitest";
import { blobUrlSigner, maxSignedUrlSeconds } from "./azure-blob-signer.ts";

const dayMs = 24 * 3600_000;

/**
 * A BlobServiceClient signed in with Entra ID whose Get User Delegation Key refuses what Azure
 * refuses: an expiry more than 7 days from the current time ("must be within seven days of the
 * current time"), with Azure's clock one minute ahead of ours.
 */
function entraService(asked: Array<{ startsOn: Date; expiresOn: Date }>): BlobServiceClient {
  return {
    url: "https://account.blob.core.windows.net",
    accountName: "account",
    credential: { getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3600_000 }) },
    async getUserDelegationKey(startsOn: Date, expiresOn: Date) {
      asked.push({ startsOn, expiresOn });
      const azureNow = Date.now() + 60_000;
      if (expiresOn.getTime() - azureNow > 7 * dayMs) {
        throw new sdk.RestError("The expiry time of the key must be within seven days of the current time.", { statusCode: 400, code: "InvalidQueryParameterValue" });
      }
      return {
        signedObjectId: "oid",
        signedTenantId: "tid",
        signedStartsOn: startsOn,
        signedExpiresOn: expiresOn,
        signedService: "b",
        signedVersion: "2025-01-05",
        value: Buffer.from("a delegation key of 32 bytes....").toString("base64"),
      } as ServiceGetUserDelegationKeyResponse;
    },
  } as unknown as BlobServiceClient;
}

describe("user-delegation SAS", () => {
  it("asks for a key a few minutes under 7 days, so a 7-day URL is signed, ending with its key", async () => {
    const asked: Array<{ startsOn: Date; expiresOn: Date }> = [];
    const sign = blobUrlSigner(sdk, entraService(asked), "recordings")!;

    const url = new URL(await sign("https://account.blob.core.windows.net/recordings/a.wav", "a.wav", { expiresInSeconds: maxSignedUrlSeconds, access: "read" }));

    expect(asked).toHaveLength(1);
    const keyLifetimeMs = asked[0]!.expiresOn.getTime() - Date.now();
    expect(keyLifetimeMs).toBeLessThanOrEqual(7 * dayMs - 9 * 60_000);
    expect(keyLifetimeMs).toBeGreaterThan(7 * dayMs - 11 * 60_000);
    // The URL is valid as long as its key, never longer.
    expect(Date.parse(url.searchParams.get("se")!)).toBeLessThanOrEqual(Date.parse(url.searchParams.get("ske")!));
    expect(url.searchParams.get("sp")).toBe("r");
  });

  it("keeps one key for the URLs it covers and asks again only for a URL that would outlive it", async () => {
    const asked: Array<{ startsOn: Date; expiresOn: Date }> = [];
    const sign = blobUrlSigner(sdk, entraService(asked), "recordings")!;

    await sign("https://account.blob.core.windows.net/recordings/a.wav", "a.wav", { expiresInSeconds: 600, access: "read" });
    await sign("https://account.blob.core.windows.net/recordings/b.wav", "b.wav", { expiresInSeconds: 1800, access: "read" });
    await sign("https://account.blob.core.windows.net/recordings/c.wav", "c.wav", { expiresInSeconds: 2 * 24 * 3600, access: "read" });

    expect(asked).toHaveLength(2);
  });
});
