import { ConfideError, type Session } from "@confide/core/ports";
import { buildSession, expectConfideError } from "@confide/contracts";
import { cosmosItemLimitBytes } from "@confide/contracts/fakes";
import { describe, expect, it } from "vitest";
import type { CosmosContext } from "./cosmos-client.ts";
import { sessionsContainerId } from "./cosmos-containers.ts";
import { createCosmosSessionRepository } from "./cosmos-session-repository.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";
import { buildThreeHourSession } from "./three-hour-session.test-support.ts";

const standIn = useCosmosStandIn();

interface StoredItem {
  id: string;
  kind: "session" | "content";
  generation?: string;
}

/** Every item of the session's partition, with its size as stored (JSON bytes, system properties included). */
async function partitionOf(context: CosmosContext, sessionId: string): Promise<Array<StoredItem & { bytes: number }>> {
  const { resources } = await context
    .container(sessionsContainerId)
    .items.query<StoredItem>({ query: "SELECT * FROM c WHERE c.sessionId = @id", parameters: [{ name: "@id", value: sessionId }] }, { partitionKey: sessionId })
    .fetchAll();
  return resources.map((item) => ({ ...item, bytes: Buffer.byteLength(JSON.stringify(item)) })).sort((a, b) => a.id.localeCompare(b.id));
}

/** Through the fault proxy, which answers 413 to any item write over 2 MiB as Cosmos DB does. */
async function repositoryWithLimit() {
  const context = await standIn.freshContext({ proxy: true });
  return { context, sessions: createCosmosSessionRepository(context, { close: async () => {} }) };
}

describe("Cosmos sessions: a 3-hour transcript in chunk items", () => {
  it("round-trips a 3-hour session (27,000 timed words) exactly, every item under 2 MiB", async () => {
    const { context, sessions } = await repositoryWithLimit();
    const session = buildThreeHourSession();
    expect(session.transcript?.segments.flatMap((segment) => segment.words ?? [])).toHaveLength(27_000);
    // Whole, the session is too large for one item: this is what the chunking is for.
    expect(Buffer.byteLength(JSON.stringify(session))).toBeGreaterThan(cosmosItemLimitBytes);

    await sessions.create(session);

    expect(await sessions.get(session.id)).toEqual(session);
    const items = await partitionOf(context, session.id);
    const chunks = items.filter((item) => item.kind === "content");
    expect(items.filter((item) => item.kind === "session")).toHaveLength(1);
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(chunks.map((chunk) => chunk.generation)).size).toBe(1);
    for (const item of items) expect(item.bytes).toBeLessThan(cosmosItemLimitBytes);
    console.log(
      `3-hour session: ${items.length} items — ${items.map((item) => `${item.kind} ${(item.bytes / 1024).toFixed(0)} KiB`).join(", ")}`,
    );
  });

  it("an update that changes the transcript writes a new generation and removes the old one; a status step keeps the chunks", async () => {
    const { context, sessions } = await repositoryWithLimit();
    const session = buildThreeHourSession({ version: 1 });
    await sessions.create(session);
    const before = await partitionOf(context, session.id);

    const statusOnly = await sessions.update({ ...session, status: "finalized", updatedAt: new Date(session.updatedAt.getTime() + 1_000) }, 1);
    const afterStatus = await partitionOf(context, session.id);
    expect(afterStatus.filter((item) => item.kind === "content").map((item) => item.id)).toEqual(
      before.filter((item) => item.kind === "content").map((item) => item.id),
    );

    const transcript = statusOnly.transcript!;
    const [first, ...rest] = transcript.segments;
    const edited: Session = {
      ...statusOnly,
      transcript: {
        ...transcript,
        revision: 2,
        segments: [{ ...first!, text: "Edited.", words: [{ text: "Edited.", startMs: 0, endMs: 500, confidence: 1 }] }, ...rest],
      },
    };
    const stored = await sessions.update(edited, 2);

    expect(stored).toEqual({ ...edited, version: 3 });
    expect(await sessions.get(session.id)).toEqual({ ...edited, version: 3 });
    const after = await partitionOf(context, session.id);
    const generations = new Set(after.filter((item) => item.kind === "content").map((item) => item.generation));
    expect(generations.size).toBe(1);
    expect(generations.has(before.find((item) => item.kind === "content")!.generation)).toBe(false);
    expect(after.filter((item) => item.kind === "content").length).toBe(before.filter((item) => item.kind === "content").length);
  });

  it("a session without transcript and sentiment has no chunk items; dropping them removes the chunks", async () => {
    const { context, sessions } = await repositoryWithLimit();
    const session = buildSession({ version: 1 });
    await sessions.create(session);
    expect((await partitionOf(context, session.id)).map((item) => item.kind)).toEqual(["session", "content"]);

    const reset: Session = { ...session, status: "uploaded", transcript: null, sentiment: null };
    await sessions.update(reset, 1);

    expect((await partitionOf(context, session.id)).map((item) => item.kind)).toEqual(["session"]);
    expect(await sessions.get(session.id)).toEqual({ ...reset, version: 2 });
  });

  it("keeps a segment's empty word list apart from a segment without one", async () => {
    const { sessions } = await repositoryWithLimit();
    const base = buildSession();
    const session: Session = {
      ...base,
      transcript: { ...base.transcript!, segments: base.transcript!.segments.map((segment, index) => (index === 1 ? { ...segment, words: [] } : segment)) },
    };
    await sessions.create(session);

    const stored = await sessions.get(session.id);
    expect(stored?.transcript?.segments.map((segment) => segment.words?.length)).toEqual([5, 0, undefined]);
    expect(stored).toEqual(session);
  });

  it("20 updates from the same version at once: exactly one wins, the others get session.version_conflict and leave no chunks", async () => {
    const { context, sessions } = await repositoryWithLimit();
    const session = buildSession({ version: 4 });
    await sessions.create(session);

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) => {
        const transcript = session.transcript!;
        const words = [{ text: `writer-${index}`, startMs: 0, endMs: 10 }];
        return sessions.update(
          { ...session, title: `Writer ${index}`, transcript: { ...transcript, segments: [{ ...transcript.segments[0]!, words }, ...transcript.segments.slice(1)] } },
          4,
        );
      }),
    );

    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    for (const result of lost) expect(ConfideError.is(result.reason, "session.version_conflict")).toBe(true);
    const winner = won[0]!.value;
    const stored = await sessions.get(session.id);
    expect(stored).toEqual(winner);
    expect(stored?.version).toBe(5);
    const items = await partitionOf(context, session.id);
    expect(items.filter((item) => item.kind === "content")).toHaveLength(1);
    await expectConfideError(sessions.update({ ...session, title: "Late" }, 4), "session.version_conflict");
  });

  it("a session item over 2 MiB (thousands of long review edits) is refused: dependency.unavailable, not retryable, nothing stored", async () => {
    const { context, sessions } = await repositoryWithLimit();
    const base = buildThreeHourSession();
    const edit = base.review.edits[0]!;
    const session: Session = {
      ...base,
      review: { ...base.review, edits: Array.from({ length: 6_000 }, (_, index) => ({ ...edit, target: `seg-${index + 1}`, before: "b".repeat(200), after: "a".repeat(200) })) },
    };

    const error = await expectConfideError(sessions.create(session), "dependency.unavailable");

    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/2 MB/);
    expect(error.details).toMatchObject({ dependency: "cosmos", status: 413, reason: "RequestEntityTooLarge" });
    // The content chunks it wrote first were removed again.
    expect(await partitionOf(context, session.id)).toEqual([]);
  });

  it("delete removes the session, its content and chunks a failed writer left behind", async () => {
    const { context, sessions } = await repositoryWithLimit();
    const session = buildSession();
    await sessions.create(session);
    await context.container(sessionsContainerId).items.create({ id: `${session.id}.content.orphan.0`, sessionId: session.id, kind: "content", generation: "orphan", index: 0, text: "" });

    await sessions.delete(session.id);

    expect(await partitionOf(context, session.id)).toEqual([]);
    expect(await sessions.get(session.id)).toBeNull();
  });
});
