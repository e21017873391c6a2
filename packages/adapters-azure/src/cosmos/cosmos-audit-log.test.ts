import { buildAuditEvent, collectPages, describeAuditLogContract, expectConfideError, minutesAfterEpoch } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { createCosmosAuditLog } from "./cosmos-audit-log.ts";
import { auditEventsContainerId } from "./cosmos-containers.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";

const standIn = useCosmosStandIn();

describeAuditLogContract({
  name: "cosmos (stand-in)",
  create: async () => createCosmosAuditLog(await standIn.freshContext()),
});

describeAuditLogContract({
  name: "cosmos (stand-in), 3 items per query request",
  create: async () => createCosmosAuditLog(await standIn.freshContext(), { queryPageSize: 3 }),
});

describe("Cosmos audit log", () => {
  it("fills a page across several short query pages, filtering by session, with no gaps or repeats", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const audit = createCosmosAuditLog(context, { queryPageSize: 2 });
    const sessionId = "session-paged";
    const events = Array.from({ length: 12 }, (_, index) => buildAuditEvent({ sessionId, at: minutesAfterEpoch(index % 4) }));
    for (const [index, event] of events.entries()) {
      await audit.record(event);
      // Other sessions' events between them: query pages hold few or none of the wanted ones.
      await audit.record(buildAuditEvent({ at: minutesAfterEpoch(index % 4) }));
    }
    const proxy = standIn.proxy();
    const start = proxy.exchanges.length;

    const pages = await collectPages((cursor) => audit.list({ sessionId, limit: 5, cursor }));

    expect(pages.map((page) => page.items.length)).toEqual([5, 5, 2]);
    const listed = pages.flatMap((page) => page.items);
    expect(new Set(listed.map((event) => event.id))).toEqual(new Set(events.map((event) => event.id)));
    expect(listed.map((event) => event.at.getTime())).toEqual([...listed.map((event) => event.at.getTime())].sort((a, b) => b - a));
    const queries = proxy.exchanges.slice(start).filter((exchange) => exchange.method === "POST" && exchange.path.endsWith(`/colls/${auditEventsContainerId}/docs`));
    expect(queries.length).toBeGreaterThan(pages.length * 2);
  });

  it("goes on across empty query pages until its page is full, then pages on without gaps", async () => {
    const audit = createCosmosAuditLog(await standIn.freshContext({ proxy: true }));
    const userId = "user-empty-pages";
    const events = Array.from({ length: 7 }, (_, index) => buildAuditEvent({ actorId: userId, at: minutesAfterEpoch(index) }));
    for (const event of events) await audit.record(event);
    const proxy = standIn.proxy();
    proxy.inject({ kind: "empty-page" }, { times: 3 });

    const first = await audit.list({ userId, limit: 4 });

    expect(proxy.exchanges.filter((exchange) => exchange.fault === "empty-page")).toHaveLength(3);
    expect(first.items.map((event) => event.id)).toEqual(events.slice(3).reverse().map((event) => event.id));
    proxy.inject({ kind: "empty-page" }, { times: 2 });
    const rest = await audit.list({ userId, limit: 4, cursor: first.nextCursor ?? undefined });
    expect(rest).toEqual({ items: events.slice(0, 3).reverse(), nextCursor: null });
  });

  it("records an id twice as one event, keeping the first", async () => {
    const audit = createCosmosAuditLog(await standIn.freshContext());
    const event = buildAuditEvent();

    await audit.record(event);
    await audit.record({ ...event, action: "session.delete" });

    expect((await audit.list({ limit: 10 })).items).toEqual([event]);
  });

  it("refuses a cursor of another listing with validation.invalid_input", async () => {
    const audit = createCosmosAuditLog(await standIn.freshContext());

    await expectConfideError(audit.list({ limit: 10, cursor: Buffer.from(JSON.stringify(["users", "a", "b"])).toString("base64url") }), "validation.invalid_input");
  });

  it("answers 429 as retryable dependency.unavailable with the service's retry-after", async () => {
    const audit = createCosmosAuditLog(await standIn.freshContext({ proxy: true }));
    standIn.proxy().inject({ kind: "throttle", retryAfterMs: 300 });

    const error = await expectConfideError(audit.record(buildAuditEvent()), "dependency.unavailable");

    expect(error).toMatchObject({ retryable: true, retryAfterMs: 300 });
  });
});
