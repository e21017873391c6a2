import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import type { SessionRepository } from "../../ports/session-repository.ts";
import { createInMemorySessionRepository } from "../../testing/in-memory-session-repository.ts";
import { createRecordingLogger, type RecordingLogger } from "../../testing/recording-logger.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { storeSession } from "../sessions/session-fixture.test-support.ts";
import { callProvider } from "./provider-call.ts";

/** A provider call the test ends when it wants, seeing the signal it was given. */
function heldCall<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: unknown) => void };
  let signal: AbortSignal | undefined;
  const done = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return {
    call: (given: AbortSignal) => {
      signal = given;
      given.addEventListener("abort", () => settle.reject(given.reason));
      return done;
    },
    signal: () => signal as AbortSignal,
    ...settle,
  };
}

// The lease is renewed on a timer: the test moves fake timers (and the manual clock), never sleeps.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function setUp(leaseMs: number, sessions: SessionRepository = createInMemorySessionRepository()): Promise<{ deps: TestDeps; session: Session; logger: RecordingLogger }> {
  const logger = createRecordingLogger();
  const deps = createTestDeps({ sessions, logger, settings: { leaseMs } });
  const session = await storeSession(deps, { status: "transcribing" });
  return { deps, session, logger };
}

describe("a provider call holds the session's lease", () => {
  it("rewrites the session every leaseMs / 3 while the call runs, and not after it ended", async () => {
    const { deps, session } = await setUp(30);
    const held = heldCall<string>();
    const running = callProvider(deps, session, undefined, held.call);
    await vi.advanceTimersByTimeAsync(9);
    expect((await deps.sessions.get(session.id))?.version).toBe(session.version);
    deps.clock.advance(5_000);
    await vi.advanceTimersByTimeAsync(1);
    const renewed = (await deps.sessions.get(session.id)) as Session;
    expect(renewed.version).toBe(session.version + 1);
    expect(renewed.updatedAt).toEqual(deps.clock.now());
    await vi.advanceTimersByTimeAsync(20);
    expect((await deps.sessions.get(session.id))?.version).toBe(session.version + 3);
    held.resolve("transcript");
    const outcome = await running;
    expect(outcome).toEqual({ kind: "ok", value: "transcript", session: await deps.sessions.get(session.id) });
    await vi.advanceTimersByTimeAsync(100);
    expect((await deps.sessions.get(session.id))?.version).toBe(session.version + 3);
  });

  it("renews at least every millisecond however short the lease", async () => {
    const { deps, session } = await setUp(2);
    const held = heldCall<string>();
    const running = callProvider(deps, session, undefined, held.call);
    await vi.advanceTimersByTimeAsync(3);
    expect((await deps.sessions.get(session.id))?.version).toBe(session.version + 3);
    held.resolve("done");
    await running;
  });

  it("answers a failed call with its error and the session as last written", async () => {
    const { deps, session } = await setUp(30);
    const held = heldCall<string>();
    const running = callProvider(deps, session, undefined, held.call);
    await vi.advanceTimersByTimeAsync(10);
    const rejected = new ConfideError("provider.rejected", "Bad audio.");
    held.reject(rejected);
    expect(await running).toEqual({ kind: "failed", error: rejected, session: await deps.sessions.get(session.id) });
    expect(held.signal().aborted).toBe(false);
  });

  it("a renewal that finds the session written by someone else aborts the call and answers lost, writing nothing more", async () => {
    const { deps, session, logger } = await setUp(30);
    const held = heldCall<string>();
    const running = callProvider(deps, session, undefined, held.call);
    const takenOver = await deps.sessions.update({ ...session, title: "Taken over" }, session.version);
    await vi.advanceTimersByTimeAsync(10);
    expect(held.signal().aborted).toBe(true);
    expect(held.signal().reason).toMatchObject({ code: "session.version_conflict", message: "Another delivery took over the session." });
    expect(await running).toEqual({ kind: "lost" });
    expect(await deps.sessions.get(session.id)).toEqual(takenOver);
    expect(logger.entries).toContainEqual({ level: "info", message: "session.lease.lost", fields: { sessionId: session.id, code: "session.version_conflict" } });
  });

  it("a renewal that fails for another reason is logged and the call goes on", async () => {
    const inner = createInMemorySessionRepository();
    let down = false;
    const flaky: SessionRepository = {
      ...inner,
      update: async (next, expectedVersion) => {
        if (down) throw new ConfideError("dependency.unavailable", "Database down.");
        return inner.update(next, expectedVersion);
      },
    };
    const { deps, session, logger } = await setUp(30, flaky);
    const held = heldCall<string>();
    const running = callProvider(deps, session, undefined, held.call);
    down = true;
    await vi.advanceTimersByTimeAsync(10);
    expect(logger.entries).toContainEqual({ level: "warn", message: "session.lease.renew_failed", fields: { sessionId: session.id, code: "dependency.unavailable" } });
    down = false;
    await vi.advanceTimersByTimeAsync(10);
    held.resolve("transcript");
    const outcome = await running;
    expect(outcome).toMatchObject({ kind: "ok", value: "transcript", session: { version: session.version + 1 } });
    expect(held.signal().aborted).toBe(false);
  });

  it("a worker stopping mid-call leaves the job for redelivery: dependency.unavailable, retryable, nothing recorded", async () => {
    const { deps, session, logger } = await setUp(30);
    const shutdown = new AbortController();
    const held = heldCall<string>();
    const running = callProvider(deps, session, shutdown.signal, held.call);
    shutdown.abort(new Error("SIGTERM"));
    const error = await running.then(() => null, (caught: unknown) => caught);
    expect(error).toMatchObject({ code: "dependency.unavailable", retryable: true, message: "The worker stopped during a provider call." });
    expect((error as ConfideError).cause).toEqual(new Error("SIGTERM"));
    expect(logger.entries).toContainEqual({ level: "info", message: "session.process.interrupted", fields: { sessionId: session.id, by: "worker" } });
    expect(await deps.sessions.get(session.id)).toEqual(session);
  });

  it("an engine stopped from outside is an interruption too, not a failure of the recording", async () => {
    const { deps, session, logger } = await setUp(30);
    const worker = new AbortController();
    const held = heldCall<string>();
    const running = callProvider(deps, session, worker.signal, held.call);
    held.reject(new ConfideError("provider.interrupted", "Engine stopped."));
    await expect(running).rejects.toMatchObject({ code: "dependency.unavailable", retryable: true });
    expect(logger.entries).toContainEqual({ level: "info", message: "session.process.interrupted", fields: { sessionId: session.id, by: "engine" } });
  });

  it("gives the lease up once lost: a call that ignores the abort is not followed by more renewals", async () => {
    const { deps, session, logger } = await setUp(30);
    let finish!: (value: string) => void;
    const stubborn = () => new Promise<string>((resolve) => (finish = resolve));
    const running = callProvider(deps, session, undefined, stubborn);
    const takenOver = await deps.sessions.update({ ...session, title: "Taken over" }, session.version);
    await vi.advanceTimersByTimeAsync(50);
    finish("late");
    expect(await running).toEqual({ kind: "lost" });
    expect(logger.entries.filter((entry) => entry.message === "session.lease.lost")).toHaveLength(1);
    expect(await deps.sessions.get(session.id)).toEqual(takenOver);
  });
});
