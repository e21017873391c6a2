import { describe, expect, it } from "vitest";
import { riskFlagId } from "../../domain/risk-flag-id.ts";
import { findingOn } from "../../testing/scripted-risk-screen.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { screenRisk } from "../policies/risk-screening.ts";
import { acknowledgementUndoMs } from "../../domain/risk-acknowledgement.ts";
import { acknowledgeRiskFlag, undoRiskAcknowledgement } from "./acknowledge-risk-flag.ts";
import { editTranscript } from "./edit-transcript.ts";
import { getSession } from "./get-session.ts";
import { regenerateNotes } from "./regenerate-notes.ts";
import { admin, otherTherapist, patient, sampleTranscript, storeSession, therapist } from "./session-fixture.test-support.ts";

/** A ready session whose screen flagged the patient's "worried and sad" (seg-4), as the pipeline stores it. */
async function flaggedSession(deps: TestDeps, overrides: Parameters<typeof storeSession>[1] = {}) {
  deps.risk.script((input) => [findingOn(input, "worried and sad")]);
  const risk = await screenRisk(deps, sampleTranscript());
  return storeSession(deps, { risk, ...overrides });
}

describe("acknowledgeRiskFlag", () => {
  it("records who acknowledged the flag and when, in a version-checked write, and audits it", async () => {
    const deps = createTestDeps();
    const stored = await flaggedSession(deps);
    const flagId = stored.risk?.flags[0]?.id ?? "";
    deps.clock.advance(60_000);

    const acknowledged = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId, expectedVersion: stored.version, action: "discussed" });

    expect(acknowledged.version).toBe(stored.version + 1);
    expect(acknowledged.risk?.flags[0]?.acknowledgement).toEqual({ by: therapist.userId, at: deps.clock.now(), action: "discussed", alert: true });
    const read = await getSession(deps, therapist, { sessionId: stored.id });
    expect("risk" in read && read.risk?.flags[0]?.acknowledgement).toEqual({ by: therapist.userId, at: deps.clock.now(), action: "discussed", alert: true });
    expect(deps.audit.events()[0]).toMatchObject({
      action: "session.risk.acknowledge",
      actorId: therapist.userId,
      sessionId: stored.id,
      subjectUserId: patient.userId,
      detail: { flagId, acknowledged: true, action: "discussed" },
    });
  });

  it("acknowledges only the flag named, leaving the others waiting", async () => {
    const deps = createTestDeps();
    deps.risk.script((input) => [findingOn(input, "worried and sad"), findingOn(input, "much better")]);
    const stored = await storeSession(deps, { risk: await screenRisk(deps, sampleTranscript()) });
    const [first, second] = stored.risk?.flags ?? [];
    expect(first?.id).not.toBe(second?.id);

    const acknowledged = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId: second?.id ?? "", action: "discussed" });

    expect(acknowledged.risk?.flags.map((flag) => [flag.id, flag.acknowledgement?.by])).toEqual([
      [first?.id, undefined],
      [second?.id, therapist.userId],
    ]);
  });

  it("is idempotent: acknowledging twice keeps the first acknowledgement and writes nothing", async () => {
    const deps = createTestDeps();
    const stored = await flaggedSession(deps);
    const flagId = stored.risk?.flags[0]?.id ?? "";
    const first = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId, action: "discussed" });
    const firstAt = deps.clock.now();
    deps.clock.advance(10 * 60_000);

    const second = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId, action: "discussed" });

    expect(second.version).toBe(first.version);
    expect(second.risk?.flags[0]?.acknowledgement).toEqual({ by: therapist.userId, at: firstAt, action: "discussed", alert: true });
    expect((await deps.sessions.get(stored.id))?.risk?.flags[0]?.acknowledgement?.at).toEqual(firstAt);
    expect(deps.audit.events().map((event) => [event.action, event.detail?.acknowledged])).toEqual([
      ["session.risk.acknowledge", true],
      ["session.risk.acknowledge", false],
    ]);
  });

  it("answers session.risk_flag_not_found for a flag the session does not have, and writes nothing", async () => {
    const deps = createTestDeps();
    const stored = await flaggedSession(deps);
    const unscreened = await storeSession(deps);

    await expect(acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId: "risk-000000000000", action: "discussed" })).rejects.toMatchObject({
      code: "session.risk_flag_not_found",
      message: "This session has no such risk flag: it may have changed. Reload the session.",
      details: { flagId: "risk-000000000000" },
    });
    await expect(acknowledgeRiskFlag(deps, therapist, { sessionId: unscreened.id, flagId: "risk-1", action: "discussed" })).rejects.toMatchObject({
      code: "session.risk_flag_not_found",
    });
    expect((await deps.sessions.get(stored.id))?.version).toBe(stored.version);
  });

  it("refuses on a finalized session (read-only) and on a stale version", async () => {
    const deps = createTestDeps();
    const finalized = await flaggedSession(deps, { status: "finalized" });
    const ready = await flaggedSession(deps);
    const flagId = ready.risk?.flags[0]?.id ?? "";

    await expect(acknowledgeRiskFlag(deps, therapist, { sessionId: finalized.id, flagId, action: "discussed" })).rejects.toMatchObject({
      code: "session.invalid_state",
      message: "A finalized session is read-only.",
    });
    await expect(acknowledgeRiskFlag(deps, therapist, { sessionId: ready.id, flagId, expectedVersion: 7, action: "discussed" })).rejects.toMatchObject({
      code: "session.version_conflict",
    });
    expect((await deps.sessions.get(ready.id))?.risk?.flags[0]?.acknowledgement).toBeUndefined();
  });

  it("lets only the session's own therapist acknowledge", async () => {
    const deps = createTestDeps();
    const stored = await flaggedSession(deps);
    const flagId = stored.risk?.flags[0]?.id ?? "";

    await expect(acknowledgeRiskFlag(deps, otherTherapist, { sessionId: stored.id, flagId, action: "discussed" })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(acknowledgeRiskFlag(deps, patient, { sessionId: stored.id, flagId, action: "discussed" })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(acknowledgeRiskFlag(deps, admin, { sessionId: stored.id, flagId, action: "discussed" })).rejects.toMatchObject({ code: "auth.forbidden" });
    expect((await deps.sessions.get(stored.id))?.risk?.flags[0]?.acknowledgement).toBeUndefined();
  });
});

describe("what was done about a flag", () => {
  it("keeps the action and the therapist's note on the flag, and only the action in the audit trail", async () => {
    const deps = createTestDeps();
    const stored = await flaggedSession(deps);
    const flagId = stored.risk?.flags[0]?.id ?? "";

    const acknowledged = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId, action: "other", note: "  Called the GP with the patient.  " });

    expect(acknowledged.risk?.flags[0]?.acknowledgement).toEqual({ by: therapist.userId, at: deps.clock.now(), action: "other", note: "Called the GP with the patient.", alert: true });
    expect(deps.audit.events()[0]?.detail).toEqual({ flagId, acknowledged: true, action: "other" });
  });

  it("refuses an unknown action, 'other' without words and a note over 500 characters, writing nothing", async () => {
    const deps = createTestDeps();
    const stored = await flaggedSession(deps);
    const flagId = stored.risk?.flags[0]?.id ?? "";
    const refused = (action: string, note?: string) =>
      expect(acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId, action, ...(note === undefined ? {} : { note }) })).rejects.toMatchObject({
        code: "validation.invalid_input",
      });

    await refused("seen");
    await refused("other");
    await refused("other", "   ");
    await refused("discussed", "x".repeat(501));
    expect((await deps.sessions.get(stored.id))?.version).toBe(stored.version);
    expect(deps.audit.events()).toEqual([]);
  });

  it("marks the acknowledgement of a flag that warranted a high-priority push, and the listing counts it", async () => {
    const deps = createTestDeps();
    const alerting = await flaggedSession(deps);
    const risk = alerting.risk ? { ...alerting.risk, flags: alerting.risk.flags.map((flag) => ({ ...flag, alert: false })) } : null;
    const quiet = await storeSession(deps, { risk });
    expect(alerting.risk?.flags[0]?.alert).toBe(true);

    for (const stored of [alerting, quiet]) {
      await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId: stored.risk?.flags[0]?.id ?? "", action: "safety_plan" });
    }

    const listed = (await deps.sessions.list({ limit: 10 })).items;
    expect(listed.find((item) => item.id === alerting.id)).toMatchObject({ riskUnacknowledged: 0, riskAcknowledgedAlerts: 1 });
    expect(listed.find((item) => item.id === quiet.id)).toMatchObject({ riskUnacknowledged: 0, riskAcknowledgedAlerts: 0 });
  });
});

describe("undoRiskAcknowledgement", () => {
  it("takes the acknowledgement back within the undo window (by the injected clock), audited, and the flag waits again", async () => {
    const deps = createTestDeps();
    const stored = await flaggedSession(deps);
    const flagId = stored.risk?.flags[0]?.id ?? "";
    const acknowledged = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId, action: "not_a_concern" });
    deps.clock.advance(acknowledgementUndoMs);

    const undone = await undoRiskAcknowledgement(deps, therapist, { sessionId: stored.id, flagId, expectedVersion: acknowledged.version });

    expect(undone.version).toBe(acknowledged.version + 1);
    expect(undone.risk?.flags[0]).not.toHaveProperty("acknowledgement");
    expect(deps.audit.events().map((event) => [event.action, event.detail])).toEqual([
      ["session.risk.acknowledge", { flagId, acknowledged: true, action: "not_a_concern" }],
      ["session.risk.acknowledge_undo", { flagId, action: "not_a_concern" }],
    ]);
  });

  it("refuses once the window has passed, for another clinician, and for a flag not acknowledged, writing nothing", async () => {
    const deps = createTestDeps();
    const stored = await flaggedSession(deps);
    const flagId = stored.risk?.flags[0]?.id ?? "";

    await expect(undoRiskAcknowledgement(deps, therapist, { sessionId: stored.id, flagId })).rejects.toMatchObject({
      code: "session.risk_acknowledgement_final",
      message: "This flag is not acknowledged.",
      details: { flagId, reason: "not_acknowledged" },
    });
    const acknowledged = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId, action: "discussed" });
    deps.clock.advance(acknowledgementUndoMs + 1);
    await expect(undoRiskAcknowledgement(deps, therapist, { sessionId: stored.id, flagId })).rejects.toMatchObject({
      code: "session.risk_acknowledgement_final",
      message: "This acknowledgement can no longer be taken back: the few minutes to undo it have passed.",
      details: { reason: "too_late" },
    });
    expect((await deps.sessions.get(stored.id))?.version).toBe(acknowledged.version);
  });

  it("lets only the clinician who acknowledged take it back", async () => {
    const deps = createTestDeps();
    const plain = await flaggedSession(deps);
    const flag = plain.risk?.flags[0];
    const risk = plain.risk && flag ? { ...plain.risk, flags: [{ ...flag, acknowledgement: { by: "someone-else", at: deps.clock.now() } }] } : null;
    const stored = await storeSession(deps, { risk });

    await expect(undoRiskAcknowledgement(deps, therapist, { sessionId: stored.id, flagId: flag?.id ?? "" })).rejects.toMatchObject({
      code: "session.risk_acknowledgement_final",
      message: "Only the clinician who acknowledged this flag can take it back.",
      details: { reason: "not_yours" },
    });
  });

  it("takes back an acknowledgement recorded before the action was asked, saying so in the audit trail", async () => {
    const deps = createTestDeps();
    const plain = await flaggedSession(deps);
    const flag = plain.risk?.flags[0];
    const risk = plain.risk && flag ? { ...plain.risk, flags: [{ ...flag, acknowledgement: { by: therapist.userId, at: deps.clock.now() } }] } : null;
    const stored = await storeSession(deps, { risk });
    deps.clock.advance(1_000);

    const undone = await undoRiskAcknowledgement(deps, therapist, { sessionId: stored.id, flagId: flag?.id ?? "" });

    expect(undone.updatedAt).toEqual(deps.clock.now());
    expect(undone.risk?.flags[0]?.acknowledgement).toBeUndefined();
    expect(deps.audit.events().at(-1)).toMatchObject({ action: "session.risk.acknowledge_undo", sessionId: stored.id, subjectUserId: patient.userId, detail: { action: "unknown" } });
  });
});

describe("a risk flag's id and its acknowledgement across re-screens", () => {
  it("is derived from the category, the first cited segment and the quoted words — not from offsets or position", () => {
    const base = { type: "self_harm" as const, category: "active_ideation" as const, text: "Spoke of it", quote: "Worried and SAD", evidence: [{ segmentId: "seg-4", start: 5, end: 20 }] };
    const id = riskFlagId(base);
    expect(id).toMatch(/^risk-[0-9a-f]{12}$/);
    expect(riskFlagId({ ...base, quote: "worried, and sad", evidence: [{ segmentId: "seg-4", start: 9, end: 24 }] })).toBe(id);
    expect(riskFlagId({ ...base, category: "passive_death_wish" })).not.toBe(id);
    expect(riskFlagId({ ...base, evidence: [{ segmentId: "seg-2", start: 5, end: 20 }] })).not.toBe(id);
    expect(riskFlagId({ ...base, quote: "worried and low" })).not.toBe(id);
    // A flag whose citation is missing still gets an id, from its category and words.
    expect(riskFlagId({ ...base, evidence: [] })).toMatch(/^risk-[0-9a-f]{12}$/);
  });

  it("keeps the acknowledgement when the notes are written again or another segment is corrected, and asks again when the quoted words change", async () => {
    const deps = createTestDeps();
    deps.risk.script((input) => {
      const said = input.segments.find((segment) => segment.text.includes("worried and sad")) ? "worried and sad" : "worried and low";
      return [findingOn(input, said)];
    });
    const stored = await storeSession(deps, { risk: await screenRisk(deps, sampleTranscript()) });
    const flagId = stored.risk?.flags[0]?.id ?? "";
    const acknowledged = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId, action: "discussed" });
    const at = deps.clock.now();
    deps.clock.advance(60_000);

    const regenerated = await regenerateNotes(deps, therapist, { sessionId: stored.id, expectedVersion: acknowledged.version });
    expect(regenerated.risk?.flags).toMatchObject([{ id: flagId, acknowledgement: { by: therapist.userId, at } }]);

    const elsewhere = await editTranscript(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: regenerated.version,
      edits: [{ segmentId: "seg-2", text: "I feel a little better, thank you." }],
    });
    expect(elsewhere.risk?.flags).toMatchObject([{ id: flagId, acknowledgement: { by: therapist.userId, at } }]);

    const edited = await editTranscript(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: elsewhere.version,
      edits: [{ segmentId: "seg-4", text: "I am worried and low about my job." }],
    });
    expect(edited.risk?.flags).toHaveLength(1);
    expect(edited.risk?.flags[0]?.id).not.toBe(flagId);
    expect(edited.risk?.flags[0]?.acknowledgement).toBeUndefined();
  });
});
