import type { SessionRepository } from "@confide/core/ports";
import { buildSession, buildUploadedSession, collectPages, expectConfideError } from "@confide/contracts";
import type { CosmosProxyExchange, CosmosProxyRequest } from "@confide/contracts/fakes";
import { beforeEach, describe, expect, it } from "vitest";
import type { CosmosContext } from "./cosmos-client.ts";
import { sessionsContainerId } from "./cosmos-containers.ts";
import { createCosmosSessionRepository } from "./cosmos-session-repository.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";

const standIn = useCosmosStandIn();

const isQuery = (request: CosmosProxyRequest) => request.headers["x-ms-documentdb-isquery"] !== undefined;
const isQueryPage = (request: CosmosProxyRequest) =>
  request.headers["x-ms-documentdb-isquery"] === "true" && request.headers["x-ms-cosmos-is-query-plan-request"] === undefined;
const isContentChunk = (request: CosmosProxyRequest) => request.path.includes(".content.");

async function during<T>(action: () => Promise<T>): Promise<{ value: T; exchanges: CosmosProxyExchange[] }> {
  const before = standIn.proxy().exchanges.length;
  const value = await action();
  return { value, exchanges: standIn.proxy().exchanges.slice(before) };
}

describe("Cosmos sessions through the fault proxy", () => {
  let sessions: SessionRepository;
  let context: CosmosContext;
  beforeEach(async () => {
    standIn.proxy().clearFaults();
    context = await standIn.freshContext({ proxy: true });
    sessions = createCosmosSessionRepository(context, { queryPageSize: 2, close: async () => {} });
  });

  describe("query pages that come back short or empty while more remain", () => {
    it("list goes on until its page is full, across empty pages, and pages on without losing or repeating a session", async () => {
      const therapistId = "therapist-paged";
      const created = Array.from({ length: 9 }, (_, index) =>
        buildSession({ id: `paged-${index}`, therapistId, recordedAt: new Date(Date.UTC(2026, 0, 1 + index)) }),
      );
      for (const session of created) await sessions.create(session);
      standIn.proxy().inject({ kind: "empty-page" }, { times: 3 });

      const { value: first, exchanges } = await during(() => sessions.list({ therapistId, limit: 5 }));

      expect(exchanges.filter((exchange) => exchange.fault === "empty-page")).toHaveLength(3);
      expect(first.items.map((summary) => summary.id)).toEqual(["paged-8", "paged-7", "paged-6", "paged-5", "paged-4"]);
      expect(first.nextCursor).not.toBeNull();
      standIn.proxy().inject({ kind: "empty-page" }, { times: 2 });
      const rest = await sessions.list({ therapistId, limit: 5, cursor: first.nextCursor! });
      expect(rest.items.map((summary) => summary.id)).toEqual(["paged-3", "paged-2", "paged-1", "paged-0"]);
      expect(rest.nextCursor).toBeNull();
    });

    it("findStale fills its limit across empty pages", async () => {
      const stale = Array.from({ length: 4 }, (_, index) =>
        buildUploadedSession({ id: `stale-${index}`, updatedAt: new Date(Date.UTC(2026, 0, 1, 0, index)) }),
      );
      for (const session of stale) await sessions.create(session);
      standIn.proxy().inject({ kind: "empty-page" }, { times: 2 });

      const found = await sessions.findStale({ statuses: ["uploaded"], updatedBefore: new Date(Date.UTC(2027, 0, 1)), limit: 3 });

      expect(found.map((session) => session.id)).toEqual(["stale-0", "stale-1", "stale-2"]);
    });

    it("collects every session over many pages", async () => {
      const therapistId = "therapist-many";
      for (let index = 0; index < 7; index += 1) await sessions.create(buildSession({ id: `many-${index}`, therapistId, recordedAt: new Date(Date.UTC(2025, 5, 1 + index)) }));
      standIn.proxy().inject({ kind: "empty-page" }, { times: 4 });

      const all = await collectPages((cursor) => sessions.list({ therapistId, limit: 3, ...(cursor === undefined ? {} : { cursor }) }));

      expect(all.map((page) => page.items.length)).toEqual([3, 3, 1]);
      expect(all.flatMap((page) => page.items).map((summary) => summary.id)).toEqual(["many-6", "many-5", "many-4", "many-3", "many-2", "many-1", "many-0"]);
    });
  });

  describe("what list, getStatus and findStale read", () => {
    it("list and getStatus never read the content's chunk items; getStatus is one point read", async () => {
      const session = buildSession({ therapistId: "therapist-cheap" });
      await sessions.create(session);

      const { exchanges } = await during(async () => {
        await sessions.list({ therapistId: "therapist-cheap", limit: 10 });
        await sessions.getStatus(session.id);
      });

      expect(exchanges.length).toBeGreaterThan(0);
      expect(exchanges.filter(isContentChunk)).toEqual([]);
      // getStatus is one point read of the session item (its transcript and sentiment are elsewhere).
      expect(exchanges.filter((exchange) => exchange.method === "GET").map((exchange) => exchange.path.split("/").at(-1))).toEqual([session.id]);
    });

    it("get reads the session item and its chunks by id (point reads), no query", async () => {
      const session = buildSession();
      await sessions.create(session);

      const { exchanges } = await during(() => sessions.get(session.id));

      expect(exchanges.map((exchange) => exchange.method)).toEqual(["GET", "GET"]);
      expect(exchanges.filter(isQueryPage)).toEqual([]);
      expect(exchanges.map((exchange) => exchange.path.split("/").at(-1))).toEqual([session.id, expect.stringMatching(new RegExp(`^${session.id}\\.content\\.`))]);
    });
  });

  it("a read whose content was replaced while it read it follows the session item to the new generation", async () => {
    const session = buildSession({ version: 1 });
    await sessions.create(session);
    // The read's chunk request waits until the update has switched generations and removed the old chunks.
    standIn.proxy().inject({ kind: "delay", ms: 1_500 }, { match: (request) => request.method === "GET" && isContentChunk(request) });
    const transcript = session.transcript!;
    const changed = {
      ...session,
      transcript: { ...transcript, segments: [{ ...transcript.segments[0]!, words: [{ text: "Changed", startMs: 0, endMs: 9 }] }, ...transcript.segments.slice(1)] },
    };

    const reading = sessions.get(session.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const written = await sessions.update(changed, 1);

    expect(written.version).toBe(2);
    expect(await reading).toEqual(written);
  });

  describe("failures of Cosmos DB", () => {
    it("a request slower than the request timeout → dependency.unavailable, retryable", async () => {
      const slow = createCosmosSessionRepository(await standIn.freshContext({ proxy: true, requestTimeoutMs: 300 }), { close: async () => {} });
      const session = buildSession();
      await slow.create(session);
      standIn.proxy().inject({ kind: "delay", ms: 2_000 }, { match: (request) => request.method === "PUT" });

      const error = await expectConfideError(slow.update({ ...session, title: "Slow" }, session.version), "dependency.unavailable");

      expect(error.retryable).toBe(true);
      expect(error.details).toMatchObject({ dependency: "cosmos", reason: "TimeoutError" });
    });

    it("429 with x-ms-retry-after-ms → dependency.unavailable, retryable after that time; the client does not retry by itself", async () => {
      const session = buildSession();
      await sessions.create(session);
      standIn.proxy().inject({ kind: "throttle", retryAfterMs: 750 });

      const before = standIn.proxy().exchanges.length;
      const error = await expectConfideError(sessions.get(session.id), "dependency.unavailable");

      expect(error.retryable).toBe(true);
      expect(error.retryAfterMs).toBe(750);
      expect(error.details).toMatchObject({ dependency: "cosmos", status: 429, reason: "throttled" });
      expect(standIn.proxy().exchanges.slice(before).map((exchange) => exchange.status)).toEqual([429]);
      expect(await sessions.get(session.id)).toEqual(session);
    });

    it("429 on a query page of list → retryable with retryAfterMs", async () => {
      standIn.proxy().inject({ kind: "throttle", retryAfterMs: 40 }, { match: isQueryPage });

      const error = await expectConfideError(sessions.list({ limit: 10 }), "dependency.unavailable");

      expect(error).toMatchObject({ retryable: true, retryAfterMs: 40 });
    });

    it("503 on an update → dependency.unavailable, retryable; the session is unchanged", async () => {
      const session = buildSession({ version: 1 });
      await sessions.create(session);
      standIn.proxy().inject({ kind: "unavailable" }, { match: (request) => request.method === "PUT" });

      const error = await expectConfideError(sessions.update({ ...session, title: "Changed" }, 1), "dependency.unavailable");

      expect(error.retryable).toBe(true);
      expect(error.details).toMatchObject({ status: 503 });
      expect(await sessions.get(session.id)).toEqual(session);
      // The update can be made again (its chunks of the failed attempt are gone).
      expect((await sessions.update({ ...session, title: "Changed" }, 1)).version).toBe(2);
    });

    it("a dropped connection on a create → dependency.unavailable, retryable; nothing is stored", async () => {
      const session = buildSession();
      standIn.proxy().inject({ kind: "drop" }, { match: (request) => request.method === "POST" && !isQueryPage(request) });

      const error = await expectConfideError(sessions.create(session), "dependency.unavailable");

      expect(error.retryable).toBe(true);
      expect(error.details).toMatchObject({ dependency: "cosmos" });
      expect(await sessions.get(session.id)).toBeNull();
      await sessions.create(session);
      expect(await sessions.get(session.id)).toEqual(session);
    });

    it("a dropped connection while the session item is written, after its content → the chunks are removed again", async () => {
      const session = buildSession();
      // buildSession's transcript and sentiment fit one chunk item: it is created, then the session item.
      let creates = 0;
      standIn.proxy().inject({ kind: "drop" }, { match: (request) => request.method === "POST" && request.resourceType === "docs" && !isQuery(request) && ++creates === 2 });

      await expectConfideError(sessions.create(session), "dependency.unavailable");

      expect(creates).toBe(2);
      const { resources } = await context
        .container(sessionsContainerId)
        .items.query({ query: "SELECT c.id FROM c WHERE c.sessionId = @id", parameters: [{ name: "@id", value: session.id }] })
        .fetchAll();
      expect(resources).toEqual([]);
    });
  });
});

