import {
  AccountSASPermissions,
  AccountSASResourceTypes,
  AccountSASServices,
  BlobSASPermissions,
  BlobServiceClient,
  generateAccountSASQueryParameters,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
  type ContainerClient,
} from "@azure/storage-blob";
import { createHash, randomBytes } from "node:crypto";
import { get } from "node:https";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAzurite, type AzuriteBlob } from "./azurite.ts";

/** True while any process of the group `pgid` exists. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

describe("Azurite blob over HTTP", () => {
  let azurite: AzuriteBlob;
  let container: ContainerClient;
  let credential: StorageSharedKeyCredential;

  beforeAll(async () => {
    azurite = await startAzurite();
    credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
    container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient("recordings");
    await container.create();
  });

  afterAll(async () => {
    await azurite.stop();
  });

  it("listens on 127.0.0.1 with a path-style endpoint for the development account", () => {
    expect(azurite.blobEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/);
    expect(azurite.ca).toBeUndefined();
  });

  it("stores a streamed upload with its content type and answers range reads", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const blob = container.getBlockBlobClient("session-1/audio.wav");
    await blob.uploadStream(Readable.from([bytes.subarray(0, 1_000_000), bytes.subarray(1_000_000)]), 1024 * 1024, 2, {
      blobHTTPHeaders: { blobContentType: "audio/wav" },
    });
    const properties = await blob.getProperties();
    expect(properties.contentType).toBe("audio/wav");
    expect(properties.contentLength).toBe(bytes.length);
    const whole = await blob.downloadToBuffer();
    expect(createHash("sha256").update(whole).digest("hex")).toBe(createHash("sha256").update(bytes).digest("hex"));
    const range = await blob.downloadToBuffer(1000, 24);
    expect(range.equals(bytes.subarray(1000, 1024))).toBe(true);
  });

  it("serves a read-only blob SAS to plain fetch and refuses writes, tampering and expiry", async () => {
    const blob = container.getBlockBlobClient("session-2/audio.wav");
    await blob.upload("RIFF....WAVE", 12);
    const sasFor = (permissions: string, expiresOn: Date) =>
      generateBlobSASQueryParameters(
        { containerName: container.containerName, blobName: blob.name, permissions: BlobSASPermissions.parse(permissions), expiresOn },
        credential,
      ).toString();
    const readUrl = `${blob.url}?${sasFor("r", new Date(Date.now() + 60_000))}`;

    const read = await fetch(readUrl);
    expect(read.status).toBe(200);
    expect(await read.text()).toBe("RIFF....WAVE");
    const ranged = await fetch(readUrl, { headers: { range: "bytes=4-7" } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe("....");

    const write = await fetch(readUrl, { method: "PUT", headers: { "x-ms-blob-type": "BlockBlob" }, body: "overwritten" });
    expect(write.status).toBe(403);
    const tampered = new URL(readUrl);
    tampered.searchParams.set("sig", Buffer.from("forged").toString("base64"));
    expect((await fetch(tampered)).status).toBe(403);
    expect((await fetch(`${blob.url}?${sasFor("r", new Date(Date.now() - 60_000))}`)).status).toBe(403);
  });

  it("accepts a direct client PUT with a create+write SAS", async () => {
    const blob = container.getBlockBlobClient("session-3/audio.wav");
    const sas = generateBlobSASQueryParameters(
      {
        containerName: container.containerName,
        blobName: blob.name,
        permissions: BlobSASPermissions.parse("cw"),
        expiresOn: new Date(Date.now() + 60_000),
      },
      credential,
    ).toString();
    const put = await fetch(`${blob.url}?${sas}`, {
      method: "PUT",
      headers: { "x-ms-blob-type": "BlockBlob", "content-type": "audio/wav" },
      body: "uploaded by the app",
    });
    expect(put.status).toBe(201);
    expect((await blob.downloadToBuffer()).toString()).toBe("uploaded by the app");
    expect((await blob.getProperties()).contentType).toBe("audio/wav");
  });

  it("serves an account SAS with read permission", async () => {
    const blob = container.getBlockBlobClient("session-4/audio.wav");
    await blob.upload("account sas", 11);
    const sas = generateAccountSASQueryParameters(
      {
        services: AccountSASServices.parse("b").toString(),
        resourceTypes: AccountSASResourceTypes.parse("o").toString(),
        permissions: AccountSASPermissions.parse("r"),
        expiresOn: new Date(Date.now() + 60_000),
      },
      credential,
    ).toString();
    const response = await fetch(`${blob.url}?${sas}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("account sas");
  });

  it("deletes a blob; a second delete is 404 BlobNotFound (deleteIfExists answers false)", async () => {
    const blob = container.getBlockBlobClient("session-5/audio.wav");
    await blob.upload("x", 1);
    await blob.delete();
    expect(await blob.exists()).toBe(false);
    await expect(blob.delete()).rejects.toMatchObject({ statusCode: 404, code: "BlobNotFound" });
    expect((await blob.deleteIfExists()).succeeded).toBe(false);
  });
});

describe("Azurite blob over HTTPS with --oauth basic", () => {
  let azurite: AzuriteBlob;
  let service: BlobServiceClient;

  beforeAll(async () => {
    azurite = await startAzurite({ https: true });
    // The SDK's pipeline takes `tlsOptions` (core-rest-pipeline) through the client options.
    service = new BlobServiceClient(azurite.blobEndpoint, azurite.tokenCredential, { tlsOptions: { ca: azurite.ca } } as object);
  });

  afterAll(async () => {
    await azurite.stop();
  });

  it("authenticates the SDK by bearer token and signs a user-delegation SAS that plain HTTPS reads", async () => {
    expect(azurite.blobEndpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/);
    const container = service.getContainerClient("recordings");
    await container.create();
    const blob = container.getBlockBlobClient("session-1/audio.wav");
    await blob.upload("delegated", 9);

    const startsOn = new Date(Date.now() - 60_000);
    const expiresOn = new Date(Date.now() + 10 * 60_000);
    const key = await service.getUserDelegationKey(startsOn, expiresOn);
    const sas = generateBlobSASQueryParameters(
      { containerName: "recordings", blobName: blob.name, permissions: BlobSASPermissions.parse("r"), startsOn, expiresOn },
      key,
      azurite.accountName,
    );
    expect(new URLSearchParams(sas.toString()).get("skoid")).toBe(key.signedObjectId);
    const body = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      get(`${blob.url}?${sas.toString()}`, { ca: azurite.ca }, (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      }).on("error", reject);
    });
    expect(body).toEqual({ status: 200, text: "delegated" });
  });

  it("is not trusted without the certificate", async () => {
    const untrusted = new BlobServiceClient(azurite.blobEndpoint, azurite.tokenCredential, { retryOptions: { maxTries: 1 } });
    await expect(untrusted.getContainerClient("recordings").exists()).rejects.toThrow(/self[- ]signed certificate/i);
  });

  it("stop ends the whole process group", async () => {
    expect(groupAlive(azurite.pid)).toBe(true);
    await azurite.stop();
    expect(groupAlive(azurite.pid)).toBe(false);
  });
});
