import { describe, expect, it } from "vitest";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import { createKeywordLanguageAnalyzer } from "../../testing/keyword-language-analyzer.ts";
import { createInMemoryJobQueue, type InMemoryJobQueue } from "../../testing/in-memory-job-queue.ts";
import { createManualClock } from "../../testing/manual-clock.ts";
import { createScriptedSpeechToText, type ScriptedSpeechToText } from "../../testing/scripted-speech-to-text.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { createJobHandlers } from "./job-handlers.ts";
import { runUntilIdle, seedCareTeam, uploadSample, type CareTeam } from "./pipeline-fixture.test-support.ts";
import { recoverStaleSessions } from "./recover-stale-sessions.ts";
import { storeSession } from "../sessions/session-fixture.test-support.ts";

const leaseMs = 15 * 60_000;

async function setUp(overrides: Parameters<typeof createTestDeps>[0] = {}) {
  const deps = createTestDeps({ ...overrides, settings: { leaseMs, ...overrides.settings } });
  const team = await seedCareTeam(deps);
  return { deps, team };
}

/** Uploads, then loses the process job, as when a worker crashed or Redis was flushed. */
async function uploadAndLoseJob(deps: TestDeps, team: CareTeam): Promise<Session> {
  const session = await uploadSample(deps, team);
  // No handlers are started yet: the due job is taken and dropped.
  await deps.queue.runDue();
  expect(deps.queue.pending()).toEqual([]);
  return session;
}

const recoveryJobs = (deps: TestDeps) => deps.queue.accepted().filter((jobId) => jobId.startsWith("recover-"));

async function stored(deps: TestDeps, id: string): Promise<Session> {
  const session = await deps.sessions.get(id);
  if (!session) throw new Error(`Session ${id} is gone.`);
  return session;
}

describe("recoverStaleSessions", () => {
  it("re-enqueues a stuck session exactly once, and the job finishes it", async () => {
    const { deps, team } = await setUp();
    const stuck = await uploadAndLoseJob(deps, team);

    deps.clock.advance(leaseMs);
    expect(await recoverStaleSessions(deps)).toBe(0);
    deps.clock.advance(1);
    expect(await recoverStaleSessions(deps)).toBe(1);
    expect(await recoverStaleSessions(deps)).toBe(0);
    expect(recoveryJobs(deps)).toEqual([`recover-${stuck.id}-v3`]);

    await deps.queue.start(createJobHandlers(deps));
    await deps.queue.runDue();
    expect((await stored(deps, stuck.id)).status).toBe("ready");
    expect(deps.push.sent()).toHaveLength(1);
  });

  it("leaves a session written within the lease alone", async () => {
    const { deps, team } = await setUp();
    const old = await uploadAndLoseJob(deps, team);
    deps.clock.advance(leaseMs + 1);
    const fresh = await uploadAndLoseJob(deps, team);

    expect(await recoverStaleSessions(deps)).toBe(1);
    expect(recoveryJobs(deps)).toEqual([`recover-${old.id}-v3`]);
    expect(recoveryJobs(deps).some((jobId) => jobId.includes(fresh.id))).toBe(false);
  });

  it("finishes a session whose upload crashed before queueing it", async () => {
    const { deps, team } = await setUp();
    const session = await uploadAndLoseJob(deps, team);
    const current = await stored(deps, session.id);
    await deps.sessions.update({ ...current, status: "uploaded" }, current.version);

    deps.clock.advance(leaseMs + 1);
    expect(await recoverStaleSessions(deps)).toBe(1);
    await deps.queue.start(createJobHandlers(deps));
    await deps.queue.runDue();
    expect((await stored(deps, session.id)).status).toBe("ready");
  });

  it("resumes a session whose worker died mid-transcription", async () => {
    const { deps, team } = await setUp();
    const session = await uploadAndLoseJob(deps, team);
    const current = await stored(deps, session.id);
    await deps.sessions.update({ ...current, status: "transcribing" }, current.version);

    deps.clock.advance(leaseMs + 1);
    expect(await recoverStaleSessions(deps)).toBe(1);
    await deps.queue.start(createJobHandlers(deps));
    await deps.queue.runDue();
    expect((await stored(deps, session.id)).status).toBe("ready");
  });

  it("ignores sessions that are not in flight", async () => {
    const { deps, team } = await setUp();
    await deps.queue.start(createJobHandlers(deps));
    const ready = await uploadSample(deps, team);
    await deps.queue.runDue();
    expect((await stored(deps, ready.id)).status).toBe("ready");
    deps.clock.advance(10 * leaseMs);
    expect(await recoverStaleSessions(deps)).toBe(0);
  });

  it("goes through every page of stuck sessions", async () => {
    const { deps, team } = await setUp();
    const template = await uploadAndLoseJob(deps, team);
    const stuck = await stored(deps, template.id);
    for (let index = 0; index < 249; index += 1) {
      await deps.sessions.create({ ...structuredClone(stuck), id: `stuck-${String(index).padStart(3, "0")}` });
    }
    deps.clock.advance(leaseMs + 1);

    expect(await recoverStaleSessions(deps)).toBe(250);
    expect(new Set(recoveryJobs(deps)).size).toBe(250);
    expect(await recoverStaleSessions(deps)).toBe(0);
  });

  it("retires the delayed poll of the worker it took over from, so polling does not fork", async () => {
    // The provider asks to be polled later than the lease: the sweep takes the session.
    const { deps, team } = await setUp({
      speech: createScriptedSpeechToText({ pendingPolls: 1, retryAfterMs: 2 * leaseMs }),
    });
    await deps.queue.start(createJobHandlers(deps));
    const session = await uploadSample(deps, team);
    await deps.queue.runDue();
    expect(deps.queue.pending()).toMatchObject([{ jobId: `process-${session.id}-r0-p0` }]);

    deps.clock.advance(leaseMs + 1);
    expect(await recoverStaleSessions(deps)).toBe(1);
    await deps.queue.runDue();
    expect(deps.speech.calls().poll).toBe(1);

    // The old worker's p0 poll comes due: the session has moved on, so it stands down.
    deps.clock.advance(leaseMs - 1);
    expect(await deps.queue.runDue()).toBe(1);
    expect(deps.speech.calls().poll).toBe(1);
    expect(deps.queue.pending()).toMatchObject([{ jobId: `process-${session.id}-r0-p1` }]);

    deps.clock.advance(leaseMs + 1);
    await deps.queue.runDue();
    expect((await stored(deps, session.id)).status).toBe("ready");
    expect(deps.speech.calls().poll).toBe(2);
    expect(deps.push.sent()).toHaveLength(1);
  });

  it("finishes a session whose recovery job starts at once, before the sweep has moved on", async () => {
    // The in-process queue and BullMQ run a job as soon as it is enqueued: the job reads the
    // session while the sweep is still busy with it. Its first transcription waits in the engine.
    const clock = createManualClock();
    const gate = gatedSpeech(createScriptedSpeechToText());
    const inner = createInMemoryJobQueue({ clock, manual: true });
    const started: Array<Promise<number>> = [];
    const queue: InMemoryJobQueue = {
      ...inner,
      async enqueue(name, payload, options) {
        await inner.enqueue(name, payload, options);
        if (!options.jobId.startsWith("recover-")) return;
        const running = inner.runDue();
        started.push(running);
        await Promise.race([gate.entered, running]);
      },
    };
    const { deps, team } = await setUp({ clock, queue, speech: gate.speech });
    const stuck = await uploadAndLoseJob(deps, team);
    const current = await stored(deps, stuck.id);
    await deps.sessions.update({ ...current, status: "transcribing" }, current.version);
    await deps.queue.start(createJobHandlers(deps));

    deps.clock.advance(leaseMs + 1);
    expect(await recoverStaleSessions(deps)).toBe(1);
    gate.release();
    await Promise.all(started);
    await deps.queue.runDue();

    const finished = await stored(deps, stuck.id);
    expect(finished.status).toBe("ready");
    expect(finished.transcript?.revision).toBe(1);
    expect(deps.speech.calls().submit).toBe(1);
    expect(deps.push.sent()).toHaveLength(1);
    // Nothing is left for a later sweep to take over again.
    deps.clock.advance(10 * leaseMs);
    expect(await recoverStaleSessions(deps)).toBe(0);
  });

  it("gives each takeover its own job, so a second sweep after a lost job still finishes the session", async () => {
    const { deps, team } = await setUp();
    const stuck = await uploadAndLoseJob(deps, team);

    deps.clock.advance(leaseMs + 1);
    expect(await recoverStaleSessions(deps)).toBe(1);
    // The recovery job is lost too (the worker died again before running it).
    await deps.queue.runDue();
    deps.clock.advance(leaseMs + 1);
    expect(await recoverStaleSessions(deps)).toBe(1);
    expect(recoveryJobs(deps)).toEqual([`recover-${stuck.id}-v3`, `recover-${stuck.id}-v4`]);

    await deps.queue.start(createJobHandlers(deps));
    await deps.queue.runDue();
    expect((await stored(deps, stuck.id)).status).toBe("ready");
    expect(deps.push.sent()).toHaveLength(1);
  });
});

describe("recoverStaleSessions in every in-flight status", () => {
  it("recovers stale sessions uploaded, queued, transcribing and analyzing, and none other", async () => {
    const { deps } = await setUp();
    const inFlight = [];
    for (const status of ["uploaded", "queued", "transcribing", "analyzing"] as const) {
      inFlight.push(await storeSession(deps, { status, transcript: null, sentiment: null }));
    }
    for (const status of ["ready", "finalized", "failed"] as const) await storeSession(deps, { status });

    deps.clock.advance(leaseMs + 1);
    expect(await recoverStaleSessions(deps)).toBe(4);

    // Each job is named after the version the sweep's takeover wrote.
    expect(recoveryJobs(deps).sort()).toEqual(inFlight.map((session) => `recover-${session.id}-v2`).sort());
  });
});

describe("a recovery job delivered again", () => {
  it("resumes from what its first delivery wrote, rather than standing down", async () => {
    // The analysis is interrupted once (the worker stopping), after the transcript was saved.
    const language = createKeywordLanguageAnalyzer();
    let interruptions = 1;
    const { deps, team } = await setUp({
      language: {
        ...language,
        async sentiment(texts, options) {
          if (interruptions > 0) {
            interruptions -= 1;
            throw new ConfideError("provider.interrupted", "The analyzer was stopped.", { retryable: true });
          }
          return language.sentiment(texts, options);
        },
      },
    });
    const stuck = await uploadAndLoseJob(deps, team);
    deps.clock.advance(leaseMs + 1);
    expect(await recoverStaleSessions(deps)).toBe(1);

    await deps.queue.start(createJobHandlers(deps));
    await runUntilIdle(deps);

    const finished = await stored(deps, stuck.id);
    expect(finished.status).toBe("ready");
    expect(deps.speech.calls().submit).toBe(1);
    expect(deps.push.sent()).toHaveLength(1);
  });
});

/** Wraps a SpeechToText so its first submit waits until `release()`; `entered` resolves when it is called. */
function gatedSpeech(inner: ScriptedSpeechToText) {
  let enter: () => void = () => {};
  let release: () => void = () => {};
  const entered = new Promise<void>((resolve) => {
    enter = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const speech: ScriptedSpeechToText = {
    ...inner,
    async submit(audio, settings, options) {
      enter();
      await released;
      return inner.submit(audio, settings, options);
    },
  };
  return { speech, entered, release: () => release() };
}
