/**
 * `CONFIDE_REPOSITORY=cosmos` on the real `confide` process (embedded profile otherwise) against
 * the Cosmos DB stand-in: `confide migrate` creates the database and its containers (and changes
 * nothing the second time), `confide serve` is ready with its repository check, and an upload
 * is stored as a session item a listing finds, processed and erased.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CosmosClient } from "@azure/cosmos";
import { startCosmosServer, type CosmosServer } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSession, listAllSessions, uploadSession, waitFor } from "../support/confide-api-client.ts";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server.ts";
import { runCli } from "../support/server-process.ts";
import { makeToneWav } from "../support/tone-wav.ts";

describe("Cosmos DB as the server's repositories", () => {
  let cosmos: CosmosServer;
  let folder: string;
  let env: Record<string, string>;
  let client: CosmosClient;
  let server: EmbeddedServer | undefined;

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    folder = await mkdtemp(join(tmpdir(), "confide-cosmos-e2e-"));
    const caFile = join(folder, "cosmos-ca.pem");
    await writeFile(caFile, cosmos.certificate.cert);
    env = {
      CONFIDE_REPOSITORY: "cosmos",
      CONFIDE_COSMOS_ENDPOINT: cosmos.endpoint,
      CONFIDE_COSMOS_KEY: cosmos.key,
      CONFIDE_COSMOS_DATABASE: "e2e",
      CONFIDE_COSMOS_CA_FILE: caFile,
      CONFIDE_COSMOS_ENDPOINT_DISCOVERY: "false",
    };
    client = new CosmosClient(cosmos.clientOptions);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    client?.dispose();
    await cosmos?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  const containerIds = async () => (await client.database("e2e").containers.readAll().fetchAll()).resources.map((container) => container.id).sort();

  it("confide migrate creates the database and its containers, and again changes nothing", async () => {
    const dataDir = join(folder, "migrate");
    expect(await runCli(["migrate"], { CONFIDE_DATA_DIR: dataDir, ...env })).toContain("migrations applied");
    const created = await containerIds();
    expect(created).toEqual(expect.arrayContaining(["sessions", "users", "audit-events"]));

    expect(await runCli(["migrate"], { CONFIDE_DATA_DIR: dataDir, ...env })).toContain("migrations applied");
    expect(await containerIds()).toEqual(created);
  }, 60_000);

  it("serves with its sessions in Cosmos DB: ready, an upload listed, processed and erased", async () => {
    server = await startEmbeddedServer(env);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: Array<{ name: string; ok: boolean }> }).checks).toContainEqual({ name: "database:cosmos", ok: true });

    const session = await uploadSession(server.baseUrl, server.tokens.therapist, {
      patientId: server.accounts.patient.user.id,
      title: "stored in Cosmos",
      audio: makeToneWav({ durationMs: 1500 }),
    });
    const { resource } = await client.database("e2e").container("sessions").item(session.id, session.id).read<{ kind: string; title?: string }>();
    expect(resource?.kind).toBe("session");
    expect((await listAllSessions(server.baseUrl, server.tokens.therapist)).map((listed) => listed.id)).toContain(session.id);

    await waitFor(
      async () => {
        const status = (await getSession(server!.baseUrl, server!.tokens.therapist, session.id)).status;
        return status === "ready" || status === "failed" ? status : undefined;
      },
      { timeoutMs: 60_000, describe: () => "the session's processing to settle" },
    );
    const deleted = await fetch(`${server.baseUrl}/v1/sessions/${session.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${server.tokens.therapist}` },
    });
    expect(deleted.status).toBe(204);
    await waitFor(
      async () => {
        const { statusCode } = await client.database("e2e").container("sessions").item(session.id, session.id).read();
        return statusCode === 404 ? true : undefined;
      },
      { timeoutMs: 15_000, describe: () => "the session item to be deleted" },
    );
  }, 120_000);
});
