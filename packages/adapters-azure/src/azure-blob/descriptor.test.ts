import { BlobServiceClient } from "@azure/storage-blob";
import { byteStream } from "@confide/core/testing";
import { expectConfideError } from "@confide/contracts";
import { startAzurite, type AzuriteBlob } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAzureBlobStore } from "./azure-blob-store.ts";
import { azureBlobDescriptor } from "./descriptor.ts";

describe("azure-blob descriptor", () => {
  let azurite: AzuriteBlob;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(() => azurite?.stop());

  const parse = (settings: Record<string, unknown>) => azureBlobDescriptor.settings.safeParse(settings);
  const problems = (settings: Record<string, unknown>) =>
    parse(settings).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
  const create = (settings: Record<string, unknown>) =>
    azureBlobDescriptor.create(azureBlobDescriptor.settings.parse(settings));
  const containerExists = (name: string) => BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(name).exists();

  it("stores into the container confide-recordings by default, signing URLs with the connection string's key", async () => {
    const store = await create({ connectionString: azurite.connectionString });
    await store.put("sessions/s1/audio.wav", byteStream(new TextEncoder().encode("RIFF"), 4), { contentType: "audio/wav" });

    expect(await containerExists("confide-recordings")).toBe(true);
    const url = await store.signedUrl!("sessions/s1/audio.wav", { expiresInSeconds: 60, access: "read" });
    expect(new URL(url).pathname).toBe("/devstoreaccount1/confide-recordings/sessions/s1/audio.wav");
    expect(await (await fetch(url)).text()).toBe("RIFF");
  });

  it("stores into the container containerName (CONFIDE_AZURE_STORAGE_CONTAINER) names", async () => {
    const store = await create({ connectionString: azurite.connectionString, containerName: "clinic-a" });
    await store.check();

    expect(await containerExists("clinic-a")).toBe(true);
  });

  it("signs in with DefaultAzureCredential for accountUrl (CONFIDE_AZURE_STORAGE_ACCOUNT_URL), making no request until used", async () => {
    const store = await create({ accountUrl: "https://clinic.blob.core.windows.net" });

    // A token credential signs user-delegation SAS.
    expect(typeof store.signedUrl).toBe("function");
    await store.close();
  });

  it("requires a connection string or an account URL, not both", () => {
    expect(problems({})).toEqual([
      ["connectionString", "required by the azure-blob storage adapter, or CONFIDE_AZURE_STORAGE_ACCOUNT_URL instead"],
    ]);
    expect(
      problems({
        connectionString: azurite.connectionString,
        accountUrl: "https://clinic.blob.core.windows.net",
      }),
    ).toEqual([["connectionString", "give either this or CONFIDE_AZURE_STORAGE_ACCOUNT_URL, not both"]]);
    expect(parse({ accountUrl: "https://clinic.blob.core.windows.net" }).success).toBe(true);
  });

  it("refuses a value that is not a connection string without repeating it, and a container name Azure refuses", () => {
    const secret = "AccountKey=c2VjcmV0;nothing else";
    const refused = problems({ connectionString: secret });
    expect(refused?.[0]?.[0]).toBe("connectionString");
    expect(JSON.stringify(refused)).not.toContain("c2VjcmV0");

    expect(problems({ accountUrl: "https://a.blob.core.windows.net", containerName: "Recordings" })?.[0]?.[0]).toBe("containerName");
    expect(problems({ accountUrl: "ftp://a.blob.core.windows.net" })?.[0]?.[0]).toBe("accountUrl");
  });

  it("fills the defaults; counts a ready client as the one way in; refuses a block larger than Azure takes", () => {
    expect(parse({ accountUrl: "https://clinic.blob.core.windows.net" }).data).toEqual({
      accountUrl: "https://clinic.blob.core.windows.net",
      containerName: "confide-recordings",
      uploadBlockBytes: 4 * 1024 * 1024,
      uploadBlocks: 4,
    });
    const client = BlobServiceClient.fromConnectionString(azurite.connectionString);
    expect(parse({ client }).success).toBe(true);
    expect(problems({ client, connectionString: azurite.connectionString })).toEqual([
      ["connectionString", "give one of connectionString, accountUrl and client; got connectionString, client"],
    ]);
    expect(problems({ client, uploadBlockBytes: 4001 * 1024 * 1024 })).toEqual([["uploadBlockBytes", "must be at most 4000 MiB (Azure's block limit)"]]);
    expect(problems({ client, uploadBlocks: 0 })?.[0]?.[0]).toBe("uploadBlocks");
  });

  it("the factory refuses bad settings as validation.invalid_input naming the setting", async () => {
    const missing = await expectConfideError(createAzureBlobStore({}), "validation.invalid_input");
    expect(missing.details).toEqual({ setting: "connectionString" });
    const container = await expectConfideError(createAzureBlobStore({ connectionString: azurite.connectionString, containerName: "A" }), "validation.invalid_input");
    expect(container.details).toEqual({ setting: "containerName" });
  });
});
