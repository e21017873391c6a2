import { BlobServiceClient } from "@azure/storage-blob";
import { byteStream } from "@confide/core/testing";
import { startAzurite, type AzuriteBlob } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { azureBlobDescriptor } from "./descriptor.ts";

describe("azure-blob descriptor", () => {
  let azurite: AzuriteBlob;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(() => azurite?.stop());

  const parse = (variables: Record<string, string>) => azureBlobDescriptor.settings.safeParse(variables);
  const problems = (variables: Record<string, string>) =>
    parse(variables).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
  const create = (variables: Record<string, string>) =>
    azureBlobDescriptor.create(azureBlobDescriptor.settings.parse(variables));
  const containerExists = (name: string) => BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(name).exists();

  it("stores into the container confide-recordings by default, signing URLs with the connection string's key", async () => {
    const store = await create({ CONFIDE_AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString });
    await store.put("sessions/s1/audio.wav", byteStream(new TextEncoder().encode("RIFF"), 4), { contentType: "audio/wav" });

    expect(await containerExists("confide-recordings")).toBe(true);
    const url = await store.signedUrl!("sessions/s1/audio.wav", { expiresInSeconds: 60, access: "read" });
    expect(new URL(url).pathname).toBe("/devstoreaccount1/confide-recordings/sessions/s1/audio.wav");
    expect(await (await fetch(url)).text()).toBe("RIFF");
  });

  it("stores into the container CONFIDE_AZURE_STORAGE_CONTAINER names", async () => {
    const store = await create({ CONFIDE_AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, CONFIDE_AZURE_STORAGE_CONTAINER: "clinic-a" });
    await store.check();

    expect(await containerExists("clinic-a")).toBe(true);
  });

  it("signs in with DefaultAzureCredential for CONFIDE_AZURE_STORAGE_ACCOUNT_URL, making no request until used", async () => {
    const store = await create({ CONFIDE_AZURE_STORAGE_ACCOUNT_URL: "https://clinic.blob.core.windows.net" });

    // A token credential signs user-delegation SAS.
    expect(typeof store.signedUrl).toBe("function");
    await store.close();
  });

  it("requires a connection string or an account URL, not both", () => {
    expect(problems({})).toEqual([
      ["CONFIDE_AZURE_STORAGE_CONNECTION_STRING", "required by the azure-blob storage adapter, or CONFIDE_AZURE_STORAGE_ACCOUNT_URL instead"],
    ]);
    expect(
      problems({
        CONFIDE_AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        CONFIDE_AZURE_STORAGE_ACCOUNT_URL: "https://clinic.blob.core.windows.net",
      }),
    ).toEqual([["CONFIDE_AZURE_STORAGE_CONNECTION_STRING", "give either this or CONFIDE_AZURE_STORAGE_ACCOUNT_URL, not both"]]);
    expect(parse({ CONFIDE_AZURE_STORAGE_ACCOUNT_URL: "https://clinic.blob.core.windows.net" }).success).toBe(true);
  });

  it("refuses a value that is not a connection string without repeating it, and a container name Azure refuses", () => {
    const secret = "AccountKey=c2VjcmV0;nothing else";
    const refused = problems({ CONFIDE_AZURE_STORAGE_CONNECTION_STRING: secret });
    expect(refused?.[0]?.[0]).toBe("CONFIDE_AZURE_STORAGE_CONNECTION_STRING");
    expect(JSON.stringify(refused)).not.toContain("c2VjcmV0");

    expect(problems({ CONFIDE_AZURE_STORAGE_ACCOUNT_URL: "https://a.blob.core.windows.net", CONFIDE_AZURE_STORAGE_CONTAINER: "Recordings" })?.[0]?.[0]).toBe(
      "CONFIDE_AZURE_STORAGE_CONTAINER",
    );
    expect(problems({ CONFIDE_AZURE_STORAGE_ACCOUNT_URL: "ftp://a.blob.core.windows.net" })?.[0]?.[0]).toBe("CONFIDE_AZURE_STORAGE_ACCOUNT_URL");
  });
});
