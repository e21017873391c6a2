import { CosmosClient, type Container } from "@azure/cosmos";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCosmosServer, type CosmosServer } from "../support/cosmos-server.ts";
import { startCosmosFaultProxy, type CosmosFaultProxy, type CosmosProxyRequest } from "./cosmos-fault-proxy.ts";

const items = (request: CosmosProxyRequest) => request.resourceType === "docs";

/** What @azure/cosmos 4.x puts on its errors: the HTTP status is in `code`, not `statusCode`. */
interface CosmosErrorShape {
  code: number | string;
  substatus?: number;
  retryAfterInMs?: number;
}

async function failure(promise: Promise<unknown>): Promise<CosmosErrorShape> {
  return promise.then(
    () => {
      throw new Error("expected the operation to fail");
    },
    (error: unknown) => error as CosmosErrorShape,
  );
}

describe("Cosmos fault proxy between @azure/cosmos and the protocol server", () => {
  let server: CosmosServer;
  let proxy: CosmosFaultProxy;
  let client: CosmosClient;
  /** Throttling retries off: what an adapter sees when it wants core to own the retry policy. */
  let strictClient: CosmosClient;
  let container: Container;
  let strictContainer: Container;

  beforeAll(async () => {
    server = await startCosmosServer();
    proxy = await startCosmosFaultProxy(server);
    client = new CosmosClient(proxy.clientOptions);
    strictClient = new CosmosClient({
      ...proxy.clientOptions,
      connectionPolicy: { ...proxy.clientOptions.connectionPolicy, retryOptions: { maxRetryAttemptCount: 0 } },
    });
    const { database } = await client.databases.createIfNotExists({ id: "confide" });
    ({ container } = await database.containers.createIfNotExists({ id: "sessions", partitionKey: { paths: ["/id"] } }));
    strictContainer = strictClient.database("confide").container("sessions");
    await container.items.create({ id: "s1", title: "Intake" });
  });

  afterAll(async () => {
    client.dispose();
    strictClient.dispose();
    await proxy.close();
    await server.stop();
  });

  beforeEach(() => {
    proxy.clearFaults();
  });

  function exchangesDuring<T>(action: () => Promise<T>) {
    const before = proxy.exchanges.length;
    return action().then(
      (value) => ({ value, exchanges: proxy.exchanges.slice(before) }),
      (error: unknown) => Promise.reject(Object.assign(error as object, { exchanges: proxy.exchanges.slice(before) })),
    );
  }

  it("passes requests and answers through unchanged", async () => {
    const { value: read, exchanges } = await exchangesDuring(() => container.item("s1", "s1").read<{ title: string }>());
    expect(read.resource!.title).toBe("Intake");
    expect(exchanges).toEqual([expect.objectContaining({ method: "GET", resourceType: "docs", status: 200, fault: undefined })]);
  });

  describe("429 with x-ms-retry-after-ms", () => {
    it("the SDK retries throttled requests by itself, waiting the given time", async () => {
      proxy.inject({ kind: "throttle", retryAfterMs: 60 }, { times: 2, match: items });
      const startedAt = Date.now();
      const { value: read, exchanges } = await exchangesDuring(() => container.item("s1", "s1").read());
      expect(read.statusCode).toBe(200);
      expect(exchanges.map((exchange) => exchange.status)).toEqual([429, 429, 200]);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(110);
    });

    it("the SDK gives up after 9 retries by default and reports 429 with substatus 3200 and retryAfterInMs", async () => {
      proxy.inject({ kind: "throttle", retryAfterMs: 10 }, { times: Infinity, match: items });
      const before = proxy.exchanges.length;
      const error = await failure(container.item("s1", "s1").read());
      expect(error).toMatchObject({ code: 429, substatus: 3200, retryAfterInMs: 10 });
      expect(proxy.exchanges.length - before).toBe(10);
    });

    it("retryOptions.maxRetryAttemptCount 0 surfaces the first 429 at once", async () => {
      proxy.inject({ kind: "throttle", retryAfterMs: 250 }, { times: 1, match: items });
      const before = proxy.exchanges.length;
      const startedAt = Date.now();
      const error = await failure(strictContainer.item("s1", "s1").read());
      expect(error).toMatchObject({ code: 429, retryAfterInMs: 250 });
      expect(proxy.exchanges.length - before).toBe(1);
      expect(Date.now() - startedAt).toBeLessThan(250);
    });
  });

  describe("413 for items over 2 MB, which the server itself stores", () => {
    it("refuses a create or upsert of an item over 2 MiB and lets one under it through", async () => {
      const large = { id: "large", words: "w".repeat(2 * 1024 * 1024) };
      expect(await failure(container.items.create(large))).toMatchObject({ code: 413 });
      expect(await failure(container.items.upsert(large))).toMatchObject({ code: 413 });
      expect(proxy.exchanges.at(-1)).toMatchObject({ status: 413, fault: "too-large" });
      expect((await container.item("large", "large").read()).statusCode).toBe(404);

      const fits = await container.items.create({ id: "fits", words: "w".repeat(2 * 1024 * 1024 - 200) });
      expect(fits.statusCode).toBe(201);
    });

    it("does not emulate it when the limit is lifted (the server alone stores 3 MB)", async () => {
      proxy.maxRequestBytes = Infinity;
      try {
        expect((await container.items.create({ id: "unlimited", words: "w".repeat(3 * 1024 * 1024) })).statusCode).toBe(201);
      } finally {
        proxy.maxRequestBytes = 2 * 1024 * 1024;
      }
    });
  });

  it("503: the SDK does not retry it against a single region and reports code 503", async () => {
    proxy.inject({ kind: "unavailable" }, { times: Infinity, match: items });
    const before = proxy.exchanges.length;
    expect(await failure(container.item("s1", "s1").read())).toMatchObject({ code: 503 });
    expect(await failure(container.items.create({ id: "during-outage" }))).toMatchObject({ code: 503 });
    expect(proxy.exchanges.length - before).toBe(2);
    proxy.clearFaults();
    expect((await container.item("s1", "s1").read()).statusCode).toBe(200);
  });

  describe("dropped connections", () => {
    it("a read is retried by the SDK after a dropped connection (1 s later) and succeeds", async () => {
      proxy.inject({ kind: "drop" }, { times: 1, match: items });
      const { value: read, exchanges } = await exchangesDuring(() => container.item("s1", "s1").read());
      expect(read.statusCode).toBe(200);
      expect(exchanges.map((exchange) => [exchange.status, exchange.fault])).toEqual([
        [0, "drop"],
        [200, undefined],
      ]);
    });

    it("a write is not retried: the create fails with ECONNRESET and nothing is stored", async () => {
      proxy.inject({ kind: "drop" }, { times: 1, match: items });
      expect(await failure(container.items.create({ id: "dropped" }))).toMatchObject({ code: "ECONNRESET" });
      expect((await container.item("dropped", "dropped").read()).statusCode).toBe(404);
    });

    it("an abort signal ends a read's connection retries at the SDK's next 1 s retry step, not after 10 of them", async () => {
      proxy.inject({ kind: "drop" }, { times: Infinity, match: items });
      const startedAt = Date.now();
      await expect(container.item("s1", "s1").read({ abortSignal: AbortSignal.timeout(300) })).rejects.toThrow(/abort/i);
      expect(Date.now() - startedAt).toBeLessThan(1500);
    });
  });

  it("matches faults to requests: only the query is throttled, the point read passes", async () => {
    proxy.inject({ kind: "throttle", retryAfterMs: 5 }, { times: 1, match: (request) => request.method === "POST" && request.headers["x-ms-documentdb-isquery"] === "true" });
    const { exchanges } = await exchangesDuring(async () => {
      await strictContainer.item("s1", "s1").read();
      return failure(strictContainer.items.query("SELECT * FROM c").fetchAll());
    });
    expect(exchanges.map((exchange) => exchange.status)).toContain(429);
    expect(exchanges[0]).toMatchObject({ method: "GET", status: 200 });
  });

  describe("empty query pages while more remain", () => {
    it("answers a query page with no items and a continuation that resumes where it started: nothing is lost or repeated", async () => {
      for (const id of ["p1", "p2", "p3"]) await container.items.upsert({ id, title: "Paged" });
      proxy.inject({ kind: "empty-page" }, { times: 2 });
      const iterator = container.items.query<{ id: string }>(
        { query: "SELECT c.id FROM c WHERE c.title = 'Paged' ORDER BY c.id" },
        { maxItemCount: 1 },
      );
      const { value: pages, exchanges } = await exchangesDuring(async () => {
        const seen: string[][] = [];
        while (iterator.hasMoreResults()) seen.push((await iterator.fetchNext()).resources.map((item) => item.id));
        return seen;
      });

      expect(pages.flat()).toEqual(["p1", "p2", "p3"]);
      // The SDK hands the empty pages on as they came: a caller must go on while hasMoreResults().
      expect(pages.filter((page) => page.length === 0).length).toBeGreaterThan(0);
      expect(exchanges.filter((exchange) => exchange.fault === "empty-page")).toHaveLength(2);
      // Only query pages get it: the query plan before them passed.
      expect(exchanges.find((exchange) => exchange.headers["x-ms-cosmos-is-query-plan-request"] !== undefined)?.fault).toBeUndefined();
    });
  });

  it("delays a request by the given time, then forwards it unchanged", async () => {
    proxy.inject({ kind: "delay", ms: 300 });
    const started = Date.now();
    const { value: read, exchanges } = await exchangesDuring(() => container.item("s1", "s1").read<{ title: string }>());
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(read.resource!.title).toBe("Intake");
    expect(exchanges).toEqual([expect.objectContaining({ status: 200, fault: "delay" })]);
  });
});
