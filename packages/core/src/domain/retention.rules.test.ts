import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Session } from "./session.ts";
import { ConfideError } from "../errors.ts";
import { holdsCovering, isActiveHold, type LegalHold } from "./legal-hold.ts";
import { assertRetentionLimit, maxRetentionBatch, retentionCandidateOf } from "../ports/retention-candidates.ts";
import { retentionCutoff, retentionDays, retentionPolicyProblems, retentionRules } from "./retention.ts";

const dayMs = 24 * 3600_000;

describe("the retention policy", () => {
  it("each rule reads its own number of days, and an unset rule keeps forever", () => {
    const policy = { audioAfterFinalizeDays: 30, sessionAfterFinalizeDays: 365, failedAfterDays: 7 };
    expect(retentionDays(policy, "audio")).toBe(30);
    expect(retentionDays(policy, "session")).toBe(365);
    expect(retentionDays(policy, "failed")).toBe(7);
    for (const rule of retentionRules) expect(retentionCutoff({}, rule, new Date())).toBeUndefined();
  });

  it("the cutoff is exactly the rule's days before now (property over dates and days)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), fc.integer({ min: 1, max: 3650 }), (now, days) => {
        expect(retentionCutoff({ audioAfterFinalizeDays: days }, "audio", now)?.getTime()).toBe(now.getTime() - days * dayMs);
        expect(retentionCutoff({ sessionAfterFinalizeDays: days }, "session", now)?.getTime()).toBe(now.getTime() - days * dayMs);
        expect(retentionCutoff({ failedAfterDays: days }, "failed", now)?.getTime()).toBe(now.getTime() - days * dayMs);
      }),
    );
  });

  it("whole sessions go first, then failed ones, then recordings", () => {
    expect(retentionRules).toEqual(["session", "failed", "audio"]);
  });

  it("is coherent with whole numbers of days from 1, the recording kept no longer than its session", () => {
    expect(retentionPolicyProblems({})).toEqual([]);
    expect(retentionPolicyProblems({ audioAfterFinalizeDays: 1, sessionAfterFinalizeDays: 1, failedAfterDays: 1 })).toEqual([]);
    expect(retentionPolicyProblems({ audioAfterFinalizeDays: 30, sessionAfterFinalizeDays: 30 })).toEqual([]);
    expect(retentionPolicyProblems({ audioAfterFinalizeDays: 0, failedAfterDays: 1.5, sessionAfterFinalizeDays: 2.5 })).toEqual([
      "audioAfterFinalizeDays must be a whole number of days, at least 1",
      "failedAfterDays must be a whole number of days, at least 1",
      "sessionAfterFinalizeDays must be a whole number of days, at least 1",
    ]);
    expect(retentionPolicyProblems({ audioAfterFinalizeDays: 31, sessionAfterFinalizeDays: 30 })).toEqual([
      "the recording would outlive its session: audio is kept 31 days, the whole session 30",
    ]);
    expect(retentionPolicyProblems({ audioAfterFinalizeDays: 31 })).toEqual([]);
    expect(retentionPolicyProblems({ failedAfterDays: -1 })).toEqual(["failedAfterDays must be a whole number of days, at least 1"]);
    expect(retentionPolicyProblems({ sessionAfterFinalizeDays: 3, audioAfterFinalizeDays: undefined })).toEqual([]);
  });
});

describe("which sessions a retention rule reaches", () => {
  const finalizedAt = new Date("2026-03-01T00:00:00Z");
  const updatedAt = new Date("2026-04-01T00:00:00Z");
  const session = (fields: Partial<Session>): Session =>
    ({
      id: "s-1",
      therapistId: "t-1",
      patientId: "p-1",
      status: "finalized",
      updatedAt,
      audio: { blobKey: "k" },
      review: { edits: [], finalizedAt, finalizedBy: "t-1" },
      ...fields,
    }) as Session;
  const candidate = { id: "s-1", therapistId: "t-1", patientId: "p-1" };

  it("a failed session, from its last write, under the failed rule only", () => {
    const failed = session({ status: "failed", review: { edits: [], finalizedAt: null, finalizedBy: null } });
    expect(retentionCandidateOf(failed, "failed")).toEqual({ ...candidate, status: "failed", at: updatedAt });
    expect(retentionCandidateOf(failed, "session")).toBeNull();
    expect(retentionCandidateOf(failed, "audio")).toBeNull();
  });

  it("a finalized session, from when it was finalized, under the session and audio rules", () => {
    const finalized = session({});
    expect(retentionCandidateOf(finalized, "session")).toEqual({ ...candidate, status: "finalized", at: finalizedAt });
    expect(retentionCandidateOf(finalized, "audio")).toEqual({ ...candidate, status: "finalized", at: finalizedAt });
    expect(retentionCandidateOf(finalized, "failed")).toBeNull();
  });

  it("a session not finalized, or without a finalize date, is reached by neither", () => {
    for (const status of ["ready", "queued", "transcribing", "uploaded"] as const) {
      expect(retentionCandidateOf(session({ status }), "session")).toBeNull();
      expect(retentionCandidateOf(session({ status }), "audio")).toBeNull();
    }
    const undated = session({ review: { edits: [], finalizedAt: null, finalizedBy: null } });
    expect(retentionCandidateOf(undated, "session")).toBeNull();
    expect(retentionCandidateOf(undated, "audio")).toBeNull();
  });

  it("a recording already removed is not reached again by the audio rule, the session still is", () => {
    const removed = session({ audio: { blobKey: "k", removed: { at: updatedAt, rule: "audio" } } as Session["audio"] });
    expect(retentionCandidateOf(removed, "audio")).toBeNull();
    expect(retentionCandidateOf(removed, "session")).toMatchObject({ at: finalizedAt });
  });

  it("a batch is a whole number from 1 to 1000", () => {
    expect(maxRetentionBatch).toBe(1000);
    for (const limit of [1, 500, 1000]) expect(() => assertRetentionLimit(limit)).not.toThrow();
    for (const limit of [0, -1, 1001, 1.5, Number.NaN]) {
      let caught: unknown;
      try {
        assertRetentionLimit(limit);
      } catch (error) {
        caught = error;
      }
      expect(ConfideError.is(caught, "validation.invalid_input")).toBe(true);
      expect(caught).toMatchObject({ message: "The limit must be a whole number from 1 to 1000.", details: { field: "limit" } });
    }
  });
});

describe("which holds cover a session", () => {
  const hold = (id: string, sessionId: string | null, released: boolean): LegalHold => ({
    id,
    patientId: "p-1",
    sessionId,
    reason: "case",
    setAt: new Date(0),
    setBy: "admin-1",
    setByRole: "admin",
    releasedAt: released ? new Date(1) : null,
    releasedBy: released ? "admin-1" : null,
  });

  it("an active hold on the patient or on that session covers it; a released one, or one on another session, does not (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom<string | null>(null, "s-1", "s-2"), fc.boolean()), { maxLength: 6 }),
        (specs) => {
          const holds = specs.map(([sessionId, released], index) => hold(`h-${index}`, sessionId, released));
          const covering = holdsCovering(holds, "s-1").map((covered) => covered.id);
          expect(covering).toEqual(holds.filter((candidate) => candidate.releasedAt === null && candidate.sessionId !== "s-2").map((candidate) => candidate.id));
        },
      ),
    );
    expect(isActiveHold(hold("h", null, false))).toBe(true);
    expect(isActiveHold(hold("h", null, true))).toBe(false);
  });
});
