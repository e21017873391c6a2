/**
 * `CONFIDE_STORAGE=azure-blob` on the real `confide serve` (embedded profile otherwise) against
 * Azurite: readiness checks the account, an upload lands as a blob with its content type (nothing
 * under the data directory's blobs), the API serves it by range, erasure removes it, and a stopped
 * Azurite makes the server unready rather than broken.
 */
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { startAzurite, type AzuriteBlob } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSession, uploadSession, waitFor } from "../support/confide-api-client.ts";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server.ts";
import { makeToneWav } from "../support/tone-wav.ts";

describe("Azure Blob Storage as the server's blob store", () => {
  let azurite: AzuriteBlob;
  let server: EmbeddedServer;
  let container: ContainerClient;

  beforeAll(async () => {
    azurite = await startAzurite();
    container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient("e2e-recordings");
    server = await startEmbeddedServer({
      CONFIDE_STORAGE: "azure-blob",
      CONFIDE_AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      CONFIDE_AZURE_STORAGE_CONTAINER: "e2e-recordings",
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await azurite?.stop();
  });

  const blobNames = async () => {
    const names: string[] = [];
    for await (const blob of container.listBlobsFlat()) names.push(blob.name);
    return names;
  };
  const readyChecks = async () => {
    const response = await fetch(`${server.baseUrl}/readyz`);
    return { status: response.status, checks: ((await response.json()) as { checks: Array<{ name: string; ok: boolean }> }).checks };
  };

  it("is ready, having made its container", async () => {
    const ready = await readyChecks();
    expect(ready.status).toBe(200);
    expect(ready.checks).toContainEqual({ name: "storage:azure-blob", ok: true });
    expect(await container.exists()).toBe(true);
  });

  it("stores an upload as a blob, serves it by range, and erases it with the session", async () => {
    const audio = makeToneWav({ durationMs: 1500 });
    const session = await uploadSession(server.baseUrl, server.tokens.therapist, {
      patientId: server.accounts.patient.user.id,
      title: "stored in Azure",
      audio,
    });

    const names = await blobNames();
    expect(names).toHaveLength(1);
    const properties = await container.getBlobClient(names[0] as string).getProperties();
    expect([properties.contentType, properties.contentLength]).toEqual(["audio/wav", audio.byteLength]);
    expect(await server.blobFiles()).toEqual([]);

    const ranged = await fetch(`${server.baseUrl}/v1/sessions/${session.id}/audio`, {
      headers: { authorization: `Bearer ${server.tokens.therapist}`, range: "bytes=0-3" },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 0-3/${audio.byteLength}`);
    expect(await ranged.text()).toBe("RIFF");

    // Processing settles (a tone has no words: ready or failed), then the session is erased.
    await waitFor(
      async () => {
        const status = (await getSession(server.baseUrl, server.tokens.therapist, session.id)).status;
        return status === "ready" || status === "failed" ? status : undefined;
      },
      { timeoutMs: 60_000, describe: () => "the session's processing to settle" },
    );
    const deleted = await fetch(`${server.baseUrl}/v1/sessions/${session.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${server.tokens.therapist}` },
    });
    expect(deleted.status).toBe(204);
    await waitFor(async () => ((await blobNames()).length === 0 ? true : undefined), {
      timeoutMs: 15_000,
      describe: () => "the recording's blob to be deleted",
    });
  }, 90_000);

  it("reports storage unready while Azurite is down, and keeps serving", async () => {
    await azurite.stop();

    const ready = await waitFor(
      async () => {
        const checks = await readyChecks();
        return checks.status === 503 ? checks : undefined;
      },
      { timeoutMs: 60_000, describe: () => "readiness to fail" },
    );
    expect(ready.checks).toContainEqual(expect.objectContaining({ name: "storage:azure-blob", ok: false, code: "dependency.unavailable" }));
    expect(ready.checks.filter((check) => !check.ok).map((check) => check.name)).toEqual(["storage:azure-blob"]);
    expect(await server.isServing()).toBe(true);
  }, 90_000);
});

describe("Azure Blob Storage with a connection string whose key is wrong", () => {
  let azurite: AzuriteBlob;
  let server: EmbeddedServer;
  const key = Buffer.from("the clinic's storage key, which no log may hold").toString("base64");

  beforeAll(async () => {
    azurite = await startAzurite();
    server = await startEmbeddedServer({
      CONFIDE_STORAGE: "azure-blob",
      CONFIDE_AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString.replace(azurite.accountKey, key),
      CONFIDE_LOG_LEVEL: "debug",
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await azurite?.stop();
  });

  it("is unready and refuses uploads, and neither its answers nor its logs hold the key", async () => {
    const ready = await fetch(`${server.baseUrl}/readyz`);
    const readyBody = await ready.text();
    expect(ready.status).toBe(503);
    expect(readyBody).toContain("storage:azure-blob");

    const upload = await uploadSession(server.baseUrl, server.tokens.therapist, {
      patientId: server.accounts.patient.user.id,
      title: "refused by storage",
      audio: makeToneWav({ durationMs: 500 }),
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(String(upload)).toMatch(/503|dependency\.unavailable/);

    // The failures were logged (so the check below looked at something)…
    const output = `${server.process.lines.join("\n")}\n${server.process.stderr()}`;
    expect(output).toContain("dependency.unavailable");
    // …and the key is in none of it.
    expect(`${readyBody}\n${String(upload)}\n${output}`).not.toContain(key);
  }, 60_000);
});
