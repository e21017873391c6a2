import { describe, expect, it } from "vitest";
import { riskFlagId } from "../../domain/risk-flag-id.ts";
import { findingOn } from "../../testing/scripted-risk-screen.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { screenRisk } from "../policies/risk-screening.ts";
import { acknowledgeRiskFlag } from "./acknowledge-risk-flag.ts";
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

    const acknowledged = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId, expectedVersion: stored.version });

    expect(acknowledged.version).toBe(stored.version + 1);
    expect(acknowledged.risk?.flags[0]?.acknowledgement).toEqual({ by: therapist.userId, at: deps.clock.now() });
    const read = await getSession(deps, therapist, { sessionId: stored.id });
    expect("risk" in read && read.risk?.flags[0]?.acknowledgement).toEqual({ by: therapist.userId, at: deps.clock.now() });
    expect(deps.audit.events()[0]).toMatchObject({
      action: "session.risk.acknowledge",
      actorId: therapist.userId,
      sessionId: stored.id,
      subjectUserId: patient.userId,
      detail: { flagId, acknowledged: true },
    });
  });

  it("acknowledges only the flag named, leaving the others waiting", async () => {
    const deps = createTestDeps();
    deps.risk.script((input) => [findingOn(input, "worried and sad"), findingOn(input, "much better")]);
    const stored = await storeSession(deps, { risk: await screenRisk(deps, sampleTranscript()) });
    const [first, second] = stored.risk?.flags ?? [];
    expect(first?.id).not.toBe(second?.id);

    const acknowledged = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId: second?.id ?? "" });

    expect(acknowledged.risk?.flags.map((flag) => [flag.id, flag.acknowledgement?.by])).toEqual([
      [first?.id, undefined],
      [second?.id, therapist.userId],
    ]);
  });

  it("is idempotent: acknowledging twice keeps the first acknowledgement and writes nothing", async () => {
    const deps = createTestDeps();
    const stored = await flaggedSession(deps);
    const flagId = stored.risk?.flags[0]?.id ?? "";
    const first = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId });
    const firstAt = deps.clock.now();
    deps.clock.advance(10 * 60_000);

    const second = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId });

    expect(second.version).toBe(first.version);
    expect(second.risk?.flags[0]?.acknowledgement).toEqual({ by: therapist.userId, at: firstAt });
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

    await expect(acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId: "risk-000000000000" })).rejects.toMatchObject({
      code: "session.risk_flag_not_found",
      message: "This session has no such risk flag: it may have changed. Reload the session.",
      details: { flagId: "risk-000000000000" },
    });
    await expect(acknowledgeRiskFlag(deps, therapist, { sessionId: unscreened.id, flagId: "risk-1" })).rejects.toMatchObject({
      code: "session.risk_flag_not_found",
    });
    expect((await deps.sessions.get(stored.id))?.version).toBe(stored.version);
  });

  it("refuses on a finalized session (read-only) and on a stale version", async () => {
    const deps = createTestDeps();
    const finalized = await flaggedSession(deps, { status: "finalized" });
    const ready = await flaggedSession(deps);
    const flagId = ready.risk?.flags[0]?.id ?? "";

    await expect(acknowledgeRiskFlag(deps, therapist, { sessionId: finalized.id, flagId })).rejects.toMatchObject({
      code: "session.invalid_state",
      message: "A finalized session is read-only.",
    });
    await expect(acknowledgeRiskFlag(deps, therapist, { sessionId: ready.id, flagId, expectedVersion: 7 })).rejects.toMatchObject({
      code: "session.version_conflict",
    });
    expect((await deps.sessions.get(ready.id))?.risk?.flags[0]?.acknowledgement).toBeUndefined();
  });

  it("lets only the session's own therapist acknowledge", async () => {
    const deps = createTestDeps();
    const stored = await flaggedSession(deps);
    const flagId = stored.risk?.flags[0]?.id ?? "";

    await expect(acknowledgeRiskFlag(deps, otherTherapist, { sessionId: stored.id, flagId })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(acknowledgeRiskFlag(deps, patient, { sessionId: stored.id, flagId })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(acknowledgeRiskFlag(deps, admin, { sessionId: stored.id, flagId })).rejects.toMatchObject({ code: "auth.forbidden" });
    expect((await deps.sessions.get(stored.id))?.risk?.flags[0]?.acknowledgement).toBeUndefined();
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
    const acknowledged = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId });
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
