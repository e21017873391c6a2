import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import type { BlobStore } from "../../ports/blob-store.ts";
import type { SessionRepository } from "../../ports/session-repository.ts";
import type { CoreSettings } from "../../settings.ts";
import { createInMemoryBlobStore } from "../../testing/in-memory-blob-store.ts";
import { createInMemorySessionRepository } from "../../testing/in-memory-session-repository.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { admin, createCareTeam, patient, storeSession, therapist } from "../sessions/session-fixture.test-support.ts";
import { retentionReportLimit, runRetentionSweep } from "./run-retention-sweep.ts";
import { retentionSweepJobId, enqueueRetentionSweep } from "./schedule-retention-sweep.ts";
import { setLegalHold } from "./set-legal-hold.ts";
import { defaultRetentionBatchSize, retentionActor, sweepRetention, type RetentionOutcome } from "./sweep-retention.ts";

const dayMs = 24 * 3600_000;
const policy: CoreSettings["retention"] = { audioAfterFinalizeDays: 30, sessionAfterFinalizeDays: 365, failedAfterDays: 7 };

function depsWith(retention: CoreSettings["retention"] = policy, overrides: Parameters<typeof createTestDeps>[0] = {}): TestDeps {
  return createTestDeps({ ...overrides, settings: { retention } });
}

const failedFields: Partial<Session> = {
  status: "failed",
  processing: { attempts: 1, lastError: { code: "provider.rejected", message: "no", retryable: false }, providerRef: null, polls: 0, notifiedAt: null, run: 0 },
};

async function sweepCollecting(deps: TestDeps, input: Parameters<typeof sweepRetention>[1] = {}) {
  const outcomes: RetentionOutcome[] = [];
  const result = await sweepRetention(deps, { ...input, onOutcome: (outcome) => outcomes.push(outcome) });
  return { result, outcomes };
}

describe("the retention boundary", () => {
  it("a session finalized exactly N days ago stays; one millisecond more and it goes (property over N and the rule)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 400 }), fc.constantFrom("audio", "session", "failed") as fc.Arbitrary<"audio" | "session" | "failed">, async (days, rule) => {
        const retention = rule === "audio" ? { audioAfterFinalizeDays: days } : rule === "session" ? { sessionAfterFinalizeDays: days } : { failedAfterDays: days };
        const deps = depsWith(retention);
        const session = await storeSession(deps, rule === "failed" ? failedFields : { status: "finalized" });
        deps.clock.advance(days * dayMs);
        const atBoundary = await sweepCollecting(deps);
        expect(atBoundary.outcomes).toEqual([]);
        expect(await deps.sessions.get(session.id)).toEqual(session);
        deps.clock.advance(1);
        const past = await sweepCollecting(deps);
        expect(past.outcomes.map((outcome) => [outcome.sessionId, outcome.rule, outcome.outcome])).toEqual([[session.id, rule, "deleted"]]);
        if (rule === "audio") expect((await deps.sessions.get(session.id))?.audio.removed).toEqual({ at: deps.clock.now(), rule: "audio" });
        else expect(await deps.sessions.get(session.id)).toBeNull();
      }),
      { numRuns: 30 },
    );
  });

  it("reports the cutoff of each rule set, and none for a rule not set", async () => {
    const deps = depsWith({ audioAfterFinalizeDays: 30, failedAfterDays: 7 });
    const now = deps.clock.now().getTime();
    const { result } = await sweepCollecting(deps);
    expect(result).toEqual({
      dryRun: false,
      cutoffs: { failed: new Date(now - 7 * dayMs), audio: new Date(now - 30 * dayMs) },
      counts: { due: 0, deleted: 0, held: 0, skipped: 0, failed: 0 },
    });
  });
});

describe("what each outcome says", () => {
  it("a dry run says for each due session what would go, from when, and what holds it, deleting nothing", async () => {
    const deps = depsWith();
    const team = await createCareTeam(deps);
    const finalized = await storeSession(deps, { status: "finalized" });
    const failed = await storeSession(deps, { ...failedFields, therapistId: team.therapist.userId, patientId: team.patient.userId });
    const hold = await setLegalHold(deps, admin, { sessionId: failed.id, reason: "Case 1" });
    deps.clock.advance(400 * dayMs);
    const { result, outcomes } = await sweepCollecting(deps, { dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.counts).toEqual({ due: 2, deleted: 0, held: 1, skipped: 0, failed: 0 });
    expect(outcomes).toEqual([
      {
        sessionId: finalized.id,
        therapistId: therapist.userId,
        patientId: patient.userId,
        rule: "session",
        removes: "session",
        status: "finalized",
        since: finalized.review.finalizedAt,
        outcome: "due",
        holdIds: [],
      },
      {
        sessionId: failed.id,
        therapistId: team.therapist.userId,
        patientId: team.patient.userId,
        rule: "failed",
        removes: "session",
        status: "failed",
        since: failed.updatedAt,
        outcome: "held",
        holdIds: [hold.id],
      },
      { sessionId: finalized.id, therapistId: therapist.userId, patientId: patient.userId, rule: "audio", removes: "audio", status: "finalized", since: finalized.review.finalizedAt, outcome: "due", holdIds: [] },
    ]);
    expect(await deps.sessions.get(finalized.id)).toEqual(finalized);
    expect(deps.audit.events().filter((event) => event.actorId === retentionActor.userId)).toEqual([]);
  });

  it("a failed deletion is counted with its error code, logged, and left for the next sweep", async () => {
    const blobs = createInMemoryBlobStore();
    let broken = true;
    const flaky: BlobStore = {
      ...blobs,
      delete: async (key, options) => {
        if (broken) throw new ConfideError("dependency.unavailable", "Storage is down.", { retryable: true });
        return blobs.delete(key, options);
      },
    };
    const logger = createRecordingLogger();
    const deps = depsWith({ audioAfterFinalizeDays: 30 }, { blobs: flaky as never, logger });
    const session = await storeSession(deps, { status: "finalized" });
    deps.clock.advance(31 * dayMs);
    const first = await sweepCollecting(deps);
    expect(first.outcomes).toEqual([expect.objectContaining({ sessionId: session.id, outcome: "failed", error: "dependency.unavailable", holdIds: [] })]);
    expect(first.result.counts).toMatchObject({ failed: 1, deleted: 0 });
    expect(logger.entries).toEqual([
      { level: "warn", message: "retention: a deletion failed; the next sweep tries again", fields: { sessionId: session.id, rule: "audio", code: "dependency.unavailable" } },
      { level: "info", message: "retention sweep", fields: { due: 0, deleted: 0, held: 0, skipped: 0, failed: 1 } },
    ]);
    broken = false;
    const second = await sweepCollecting(deps);
    expect(second.outcomes).toStrictEqual([
      { sessionId: session.id, therapistId: session.therapistId, patientId: session.patientId, rule: "audio", removes: "audio", status: "finalized", since: session.review.finalizedAt, outcome: "deleted", holdIds: [] },
    ]);
    expect(deps.audit.events().filter((event) => event.action === "session.audio.delete").at(-1)).toMatchObject({ actorId: "system:retention", actorRole: "admin" });
    expect(logger.entries.at(-1)).toEqual({ level: "info", message: "retention sweep", fields: { due: 0, deleted: 1, held: 0, skipped: 0, failed: 0 } });
  });

  it("logs nothing when a sweep deleted nothing and nothing failed", async () => {
    const logger = createRecordingLogger();
    const deps = depsWith(policy, { logger });
    await storeSession(deps, { status: "finalized" });
    deps.clock.advance(400 * dayMs);
    await sweepCollecting(deps, { dryRun: true });
    await sweepCollecting(deps, { dryRun: false, onOutcome: () => {} });
    expect(logger.entries.filter((entry) => entry.message === "retention sweep")).toHaveLength(1);
    await sweepCollecting(deps);
    expect(logger.entries.filter((entry) => entry.message === "retention sweep")).toHaveLength(1);
  });
});

describe("a sweep racing with other writers", () => {
  it("a hold placed after the sweep listed a session still wins: the session is kept", async () => {
    const sessions = createInMemorySessionRepository();
    let holdOnList: (() => Promise<unknown>) | undefined;
    const racing: SessionRepository = {
      ...sessions,
      findRetentionCandidates: async (query) => {
        const batch = await sessions.findRetentionCandidates(query);
        await holdOnList?.();
        holdOnList = undefined;
        return batch;
      },
    };
    const deps = depsWith({ sessionAfterFinalizeDays: 10 }, { sessions: racing });
    const first = await storeSession(deps, { status: "finalized" });
    const second = await storeSession(deps, { status: "finalized" });
    deps.clock.advance(11 * dayMs);
    holdOnList = () => setLegalHold(deps, admin, { sessionId: second.id, reason: "Placed mid-sweep" });
    const { outcomes } = await sweepCollecting(deps);
    expect(outcomes.map((outcome) => [outcome.sessionId, outcome.outcome])).toEqual([
      [first.id, "deleted"],
      [second.id, "held"],
    ]);
    expect(await deps.sessions.get(second.id)).toEqual(second);
  });

  it("a session retried after it was listed is skipped, not deleted", async () => {
    const sessions = createInMemorySessionRepository();
    let onList: (() => Promise<unknown>) | undefined;
    const racing: SessionRepository = {
      ...sessions,
      findRetentionCandidates: async (query) => {
        const batch = await sessions.findRetentionCandidates(query);
        await onList?.();
        onList = undefined;
        return batch;
      },
    };
    const deps = depsWith({ failedAfterDays: 7 }, { sessions: racing });
    const session = await storeSession(deps, failedFields);
    deps.clock.advance(8 * dayMs);
    onList = async () => {
      const current = (await deps.sessions.get(session.id)) as Session;
      await deps.sessions.update({ ...current, status: "queued", updatedAt: deps.clock.now() }, current.version);
    };
    const { outcomes, result } = await sweepCollecting(deps);
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(["skipped"]);
    expect(result.counts.skipped).toBe(1);
    expect((await deps.sessions.get(session.id))?.status).toBe("queued");
  });

  it("a session erased, or failed again, after it was listed is skipped; one still exactly at the cutoff is not due", async () => {
    const sessions = createInMemorySessionRepository();
    let onList: (() => Promise<unknown>) | undefined;
    const racing: SessionRepository = {
      ...sessions,
      findRetentionCandidates: async (query) => {
        const batch = await sessions.findRetentionCandidates(query);
        await onList?.();
        onList = undefined;
        return batch;
      },
    };
    const deps = depsWith({ failedAfterDays: 7 }, { sessions: racing });
    const erased = await storeSession(deps, failedFields);
    const refailed = await storeSession(deps, failedFields);
    const atCutoff = await storeSession(deps, failedFields);
    deps.clock.advance(8 * dayMs);
    const cutoff = new Date(deps.clock.now().getTime() - 7 * dayMs);
    onList = async () => {
      await sessions.delete(erased.id);
      for (const [session, updatedAt] of [
        [refailed, deps.clock.now()],
        [atCutoff, cutoff],
      ] as const) {
        const current = (await sessions.get(session.id)) as Session;
        await sessions.update({ ...current, updatedAt }, current.version);
      }
    };
    const { outcomes } = await sweepCollecting(deps);
    expect(outcomes.map((outcome) => [outcome.sessionId, outcome.outcome])).toEqual([
      [erased.id, "skipped"],
      [refailed.id, "skipped"],
      [atCutoff.id, "skipped"],
    ]);
    expect(await deps.sessions.get(refailed.id)).not.toBeNull();
    expect(await deps.sessions.get(atCutoff.id)).not.toBeNull();
  });

  it("a recording another sweep marked first is skipped; a repository failure on the marker fails", async () => {
    const sessions = createInMemorySessionRepository();
    let failure: ConfideError | undefined;
    const racing: SessionRepository = {
      ...sessions,
      update: async (session, expectedVersion) => {
        if (failure && session.audio.removed) throw failure;
        return sessions.update(session, expectedVersion);
      },
    };
    const deps = depsWith({ audioAfterFinalizeDays: 30 }, { sessions: racing });
    const session = await storeSession(deps, { status: "finalized" });
    deps.clock.advance(31 * dayMs);
    for (const [error, outcome] of [
      [new ConfideError("session.version_conflict", "Changed."), "skipped"],
      [new ConfideError("session.not_found", "Gone."), "skipped"],
      [new ConfideError("dependency.unavailable", "Down."), "failed"],
    ] as const) {
      failure = error;
      const { outcomes } = await sweepCollecting(deps);
      expect(outcomes.map((entry) => [entry.sessionId, entry.outcome])).toEqual([[session.id, outcome]]);
    }
  });

  it("stops before the next query once its signal is aborted", async () => {
    const deps = depsWith();
    await storeSession(deps, { status: "finalized" });
    deps.clock.advance(400 * dayMs);
    const controller = new AbortController();
    controller.abort(new ConfideError("dependency.unavailable", "Shutting down."));
    await expect(sweepRetention(deps, { signal: controller.signal })).rejects.toMatchObject({ code: "dependency.unavailable" });
    expect(deps.blobs.keys()).toHaveLength(1);
  });
});

describe("paging", () => {
  it("reads every candidate when they fill whole batches exactly, and more than one batch by default", async () => {
    for (const [count, batchSize] of [
      [6, 3],
      [7, 3],
      [defaultRetentionBatchSize + 1, undefined],
    ] as const) {
      const deps = depsWith({ failedAfterDays: 7 });
      for (let index = 0; index < count; index += 1) await storeSession(deps, failedFields);
      deps.clock.advance(8 * dayMs);
      const { result } = await sweepCollecting(deps, batchSize === undefined ? {} : { batchSize });
      expect(result.counts.deleted).toBe(count);
    }
  });
});

describe("a sweep asked for by an administrator", () => {
  it("is for administrators only", async () => {
    const deps = depsWith();
    for (const actor of [therapist, patient]) await expect(runRetentionSweep(deps, actor, { dryRun: true })).rejects.toMatchObject({ code: "auth.forbidden" });
  });

  it("reports every outcome up to the limit, then says it was truncated; the counts cover all", async () => {
    const deps = depsWith({ failedAfterDays: 7 });
    for (let index = 0; index < retentionReportLimit + 1; index += 1) await storeSession(deps, failedFields);
    deps.clock.advance(8 * dayMs);
    const report = await runRetentionSweep(deps, admin, { dryRun: true });
    expect(report.outcomes).toHaveLength(retentionReportLimit);
    expect(report.truncated).toBe(true);
    expect(report.counts.due).toBe(retentionReportLimit + 1);
    expect(report.dryRun).toBe(true);

    const exact = depsWith({ failedAfterDays: 7 });
    await storeSession(exact, failedFields);
    exact.clock.advance(8 * dayMs);
    const small = await runRetentionSweep(exact, admin, { dryRun: false });
    expect(small).toMatchObject({ truncated: false, dryRun: false, counts: { deleted: 1 } });
    expect(small.outcomes.map((outcome) => outcome.outcome)).toEqual(["deleted"]);
  });
});

describe("scheduling the sweep", () => {
  it("asks for a sweep when any one rule is set", async () => {
    for (const retention of [{ audioAfterFinalizeDays: 1 }, { sessionAfterFinalizeDays: 1 }, { failedAfterDays: 1 }]) {
      const deps = depsWith(retention);
      expect(await enqueueRetentionSweep(deps, { intervalMs: 3600_000 })).toBe(true);
      expect(deps.queue.pending()).toHaveLength(1);
    }
  });

  it("names one job per interval: the interval's number since the epoch", () => {
    expect(retentionSweepJobId(new Date(7_199_999), 3600_000)).toBe("retention-sweep-1");
    expect(retentionSweepJobId(new Date(7_200_000), 3600_000)).toBe("retention-sweep-2");
  });
});
