import { describe, expect, it } from "vitest";
import { createInMemorySessionEvents } from "../testing/in-memory-session-events.ts";
import { createRecordingLogger } from "../testing/recording-logger.ts";
import { createTestDeps } from "../testing/test-deps.ts";
import { storeSession, therapist } from "../use-cases/sessions/session-fixture.test-support.ts";
import { deleteSession } from "../use-cases/sessions/delete-session.ts";

/** Settles what was started without being awaited (the publication). */
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("session writes announce their changes (createConfideDeps' session repository)", () => {
  it("announces a create, each update and a deletion, with the stored version and status, after they are stored", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps, { status: "queued", therapistId: therapist.userId });
    deps.clock.advance(1_000);
    const updated = await deps.sessions.update({ ...session, status: "transcribing", updatedAt: deps.clock.now() }, session.version);
    deps.clock.advance(1_000);
    await deps.sessions.delete(session.id);

    expect(deps.events.published).toEqual([
      { sessionId: session.id, therapistId: therapist.userId, version: 1, status: "queued", updatedAt: session.updatedAt },
      { sessionId: session.id, therapistId: therapist.userId, version: 2, status: "transcribing", updatedAt: updated.updatedAt },
      { sessionId: session.id, therapistId: therapist.userId, version: 2, status: "deleted", updatedAt: deps.clock.now() },
    ]);
  });

  it("announces the writes of use cases without their help: a therapist's deletion", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps, { therapistId: therapist.userId });
    await deleteSession(deps, therapist, { sessionId: session.id });
    expect(deps.events.published.at(-1)).toMatchObject({ sessionId: session.id, status: "deleted" });
  });

  it("announces nothing for a write that was refused, or the deletion of a missing session", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps, { status: "queued" });
    const before = deps.events.published.length;

    await expect(deps.sessions.update({ ...session, status: "failed" }, session.version + 5)).rejects.toMatchObject({ code: "session.version_conflict" });
    await expect(deps.sessions.create(session)).rejects.toMatchObject({ code: "session.version_conflict" });
    await deps.sessions.delete("session-missing");
    expect(deps.events.published).toHaveLength(before);
  });

  it("keeps the write when the announcement fails (rejected or thrown): it is logged, never thrown at the writer", async () => {
    const logger = createRecordingLogger();
    const deps = createTestDeps({
      events: {
        ...createInMemorySessionEvents(),
        publish: async () => {
          throw Object.assign(new Error("Redis is down"), { name: "ConnectionError" });
        },
      },
      logger,
    });
    const session = await storeSession(deps, { status: "queued" });
    const updated = await deps.sessions.update({ ...session, status: "transcribing" }, session.version);
    await flush();

    expect(await deps.sessions.get(session.id)).toMatchObject({ status: "transcribing", version: updated.version });
    expect(logger.entries).toEqual([
      { level: "warn", message: "session.change.publish_failed", fields: { sessionId: session.id, version: 1, code: "ConnectionError" } },
      { level: "warn", message: "session.change.publish_failed", fields: { sessionId: session.id, version: 2, code: "ConnectionError" } },
    ]);

    const throwing = createTestDeps({
      events: {
        ...createInMemorySessionEvents(),
        publish: () => {
          throw new TypeError("not even a promise");
        },
      },
      logger,
    });
    const stored = await storeSession(throwing, { status: "queued" });
    await throwing.sessions.delete(stored.id);
    await flush();
    expect(await throwing.sessions.get(stored.id)).toBeNull();
    expect(logger.entries.at(-1)).toEqual({ level: "warn", message: "session.change.publish_failed", fields: { sessionId: stored.id, version: 1, code: "TypeError" } });
  });
});
