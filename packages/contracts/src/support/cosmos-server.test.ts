import { CosmosClient, type Container } from "@azure/cosmos";
import { Agent } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCosmosServer, type CosmosServer } from "./cosmos-server.ts";

interface SessionItem {
  id: string;
  therapistId: string;
  title: string;
  startedAt: string;
}

describe("Cosmos DB protocol server (@vercel/cosmosdb-server) with the real @azure/cosmos client", () => {
  let server: CosmosServer;
  let client: CosmosClient;
  let sessions: Container;

  beforeAll(async () => {
    server = await startCosmosServer();
    client = new CosmosClient(server.clientOptions);
    const { database } = await client.databases.createIfNotExists({ id: "confide" });
    ({ container: sessions } = await database.containers.createIfNotExists({ id: "sessions", partitionKey: { paths: ["/therapistId"] } }));
  });

  afterAll(async () => {
    client.dispose();
    await server.stop();
  });

  it("is reached over HTTPS on 127.0.0.1, trusted by its certificate alone", () => {
    expect(server.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
    expect(server.clientOptions.connectionPolicy.enableEndpointDiscovery).toBe(false);
  });

  it("creates, reads (a missing item is statusCode 404, no throw) and replaces with the etag", async () => {
    const { resource: created, etag } = await sessions.items.create<SessionItem>({
      id: "s1",
      therapistId: "t1",
      title: "Intake",
      startedAt: "2026-01-05T10:00:00Z",
    });
    expect(created!.id).toBe("s1");
    const read = await sessions.item("s1", "t1").read<SessionItem>();
    expect(read.resource!.title).toBe("Intake");
    expect(read.etag).toBe(etag);
    expect((await sessions.item("missing", "t1").read()).statusCode).toBe(404);

    const replaced = await sessions.item("s1", "t1").replace({ ...read.resource!, title: "Intake (edited)" }, { accessCondition: { type: "IfMatch", condition: etag! } });
    expect(replaced.resource!.title).toBe("Intake (edited)");
    expect(replaced.etag).not.toBe(etag);
  });

  it("answers a replace with a stale IfMatch etag with 412, leaving the stored item alone", async () => {
    const { etag } = await sessions.items.create<SessionItem>({ id: "s2", therapistId: "t1", title: "First", startedAt: "2026-01-06T10:00:00Z" });
    await sessions.item("s2", "t1").replace({ id: "s2", therapistId: "t1", title: "Second", startedAt: "2026-01-06T10:00:00Z" });
    await expect(
      sessions.item("s2", "t1").replace({ id: "s2", therapistId: "t1", title: "Lost update", startedAt: "2026-01-06T10:00:00Z" }, { accessCondition: { type: "IfMatch", condition: etag! } }),
    ).rejects.toMatchObject({ code: 412 });
    expect((await sessions.item("s2", "t1").read<SessionItem>()).resource!.title).toBe("Second");
  });

  it("answers a second create of the same id in the same partition with 409", async () => {
    await sessions.items.create({ id: "s3", therapistId: "t2", title: "A", startedAt: "2026-01-07T10:00:00Z" });
    await expect(sessions.items.create({ id: "s3", therapistId: "t2", title: "B", startedAt: "2026-01-07T10:00:00Z" })).rejects.toMatchObject({ code: 409 });
  });

  it("pages a parameterised ORDER BY query by continuation token, also from a new iterator", async () => {
    for (let index = 0; index < 7; index += 1) {
      await sessions.items.create({ id: `p${index}`, therapistId: "t3", title: `Session ${index}`, startedAt: `2026-02-0${index + 1}T10:00:00Z` });
    }
    const query = {
      query: "SELECT c.id FROM c WHERE c.therapistId = @therapist ORDER BY c.startedAt DESC",
      parameters: [{ name: "@therapist", value: "t3" }],
    };
    const first = await sessions.items.query<{ id: string }>(query, { maxItemCount: 3, partitionKey: "t3" }).fetchNext();
    expect(first.resources.map((item) => item.id)).toEqual(["p6", "p5", "p4"]);
    expect(first.continuationToken).toBeTruthy();
    const ids = [...first.resources.map((item) => item.id)];
    let continuationToken = first.continuationToken;
    while (continuationToken) {
      const page = await sessions.items.query<{ id: string }>(query, { maxItemCount: 3, partitionKey: "t3", continuationToken }).fetchNext();
      ids.push(...page.resources.map((item) => item.id));
      continuationToken = page.continuationToken;
    }
    expect(ids).toEqual(["p6", "p5", "p4", "p3", "p2", "p1", "p0"]);
  });

  it("is refused by a client that does not trust its certificate", async () => {
    const untrusted = new CosmosClient({ ...server.clientOptions, agent: new Agent({ keepAlive: false }) });
    await expect(untrusted.database("confide").read()).rejects.toThrow(/self[- ]signed certificate/i);
    untrusted.dispose();
  });

  it("stop ends its process group", async () => {
    const probe = await startCosmosServer();
    process.kill(-probe.pid, 0);
    await probe.stop();
    expect(() => process.kill(-probe.pid, 0)).toThrow(expect.objectContaining({ code: "ESRCH" }));
  });
});
