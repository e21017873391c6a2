import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "../../domain/session.ts";
import type { NoteWriter } from "../../ports/note-writer.ts";
import type { RiskScreen } from "../../ports/risk-screen.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { sampleTranscript, storeSession } from "../sessions/session-fixture.test-support.ts";
import { writeNotesStep } from "./write-notes-step.ts";

/** A provider call the test ends when it wants; it gives up when its signal aborts, as a provider does. */
function held<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: unknown) => void };
  const done = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let called!: () => void;
  const started = new Promise<void>((resolve) => {
    called = resolve;
  });
  return {
    call(options?: { signal?: AbortSignal }): Promise<T> {
      options?.signal?.addEventListener("abort", () => settle.reject(options.signal?.reason));
      called();
      return done;
    },
    started,
    ...settle,
  };
}

// The lease is renewed on a timer: the test moves fake timers, never sleeps.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function inWritingNotes(deps: TestDeps, withTranscript = true): Promise<Session> {
  return storeSession(deps, { status: "writing_notes", ...(withTranscript ? { transcript: sampleTranscript() } : {}) });
}

describe("the writing_notes step's rules", () => {
  it("fails a session that reached it with no transcript for good (internal, not retried), calling no provider", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps, { status: "writing_notes", transcript: null });
    expect(session.transcript).toBeNull();
    await writeNotesStep(deps, session, undefined);
    const stored = (await deps.sessions.get(session.id)) as Session;
    expect(stored.status).toBe("failed");
    expect(stored.processing.lastError).toMatchObject({ code: "internal", message: "The session has no transcript to write notes from.", retryable: false });
    expect(deps.notes.inputs).toHaveLength(0);
    expect(deps.queue.pending()).toHaveLength(0);
  });

  it("writes nothing when the lease is lost during the risk screen: no notes, no risk result, no push", async () => {
    const deps = createTestDeps({ settings: { leaseMs: 30 } });
    const screen = held<Awaited<ReturnType<RiskScreen["screen"]>>>();
    const stepDeps = { ...deps, risk: { ...deps.risk, screen: (_input: unknown, options?: { signal?: AbortSignal }) => screen.call(options) } };
    const session = await inWritingNotes(deps);
    const running = writeNotesStep(stepDeps, session, undefined);
    await screen.started;
    const takenOver = await deps.sessions.update({ ...session, title: "Taken over" }, session.version);
    await vi.advanceTimersByTimeAsync(20);
    expect(await running).toBeNull();
    expect(await deps.sessions.get(session.id)).toEqual(takenOver);
    expect(deps.notes.inputs).toHaveLength(0);
    expect(deps.push.sent()).toHaveLength(0);
  });

  it("writes nothing when the lease is lost during the notes call: the screen's result is not written either", async () => {
    const deps = createTestDeps({ settings: { leaseMs: 30 } });
    const write = held<Awaited<ReturnType<NoteWriter["write"]>>>();
    const stepDeps = { ...deps, notes: { ...deps.notes, write: (_input: unknown, options?: { signal?: AbortSignal }) => write.call(options) } };
    const session = await inWritingNotes(deps);
    const running = writeNotesStep(stepDeps, session, undefined);
    await write.started;
    const current = (await deps.sessions.get(session.id)) as Session;
    const takenOver = await deps.sessions.update({ ...current, title: "Taken over" }, current.version);
    await vi.advanceTimersByTimeAsync(20);
    expect(await running).toBeNull();
    const stored = (await deps.sessions.get(session.id)) as Session;
    expect(stored).toEqual(takenOver);
    expect(stored.notes ?? null).toBeNull();
    expect(stored.status).toBe("writing_notes");
    expect(deps.push.sent()).toHaveLength(0);
  });

  it("logs that notes were written with their quality and the number of risk flags, and nothing of the session's words", async () => {
    const logger = createRecordingLogger();
    const deps = createTestDeps({ logger });
    const session = await inWritingNotes(deps);
    await writeNotesStep(deps, session, undefined);
    const stored = (await deps.sessions.get(session.id)) as Session;
    expect(stored.status).toBe("ready");
    const line = logger.entries.find((entry) => entry.message === "session.notes_written");
    expect(line).toEqual({
      level: "info",
      message: "session.notes_written",
      fields: { sessionId: session.id, ...stored.notes?.quality, riskFlags: stored.risk?.flags.length },
    });
    expect(line?.fields).toHaveProperty("riskFlags", 0);
    expect(line?.fields).toHaveProperty("grounded");
  });
});
