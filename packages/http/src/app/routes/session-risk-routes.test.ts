import { flagsOfFindings, mergeRiskFlags, riskScreenSummary, type RiskScreenResult } from "@confide/core";
import { findingOn } from "@confide/core/testing";
import { describe, expect, it } from "vitest";
import { createTestApp, storeSession } from "../app-fixture.test-support.ts";

interface FlagBody {
  id: string;
  acknowledgement?: { by: string; at: string; action?: string; note?: string; alert?: boolean };
}

const discussed = { action: "discussed" };

/** A ready session whose screen flagged the patient's "Better, thank you." (seg-2), with a summary the therapist wrote. */
async function setup() {
  const testApp = await createTestApp();
  const owner = { therapistId: testApp.therapist.id, patientId: testApp.patient.id };
  const plain = await storeSession(testApp.deps, owner);
  const transcript = plain.transcript!;
  const flags = mergeRiskFlags([flagsOfFindings([findingOn(transcript, "Better, thank you.")], "screen:scripted", transcript)], () => 0);
  const risk: RiskScreenResult = {
    status: "screened",
    flags,
    summary: riskScreenSummary({ status: "screened", flags }),
    screens: [{ provider: "scripted", version: "1" }],
    transcriptRevision: 1,
    screenedAt: testApp.deps.clock.now(),
  };
  const session = await storeSession(testApp.deps, owner, { risk });
  const token = await testApp.tokenFor(testApp.therapist);
  const flagId = risk?.flags[0]?.id ?? "";
  return { ...testApp, plain, session, token, flagId };
}

describe("risk flags and the sign-off over HTTP", () => {
  it("POST …/risk-flags/{flagId}/acknowledgement records who and when; GET shows it; a second call keeps the first", async () => {
    const { call, session, token, flagId, therapist, deps } = await setup();
    const path = `/v1/sessions/${session.id}/risk-flags/${flagId}/acknowledgement`;

    const first = await call(path, { method: "POST", token, headers: { "If-Match": '"1"' }, json: discussed });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe('"2"');
    const at = deps.clock.now().toISOString();
    const read = (await (await call(`/v1/sessions/${session.id}`, { token })).json()) as { risk: { flags: FlagBody[] } };
    expect(read.risk.flags).toMatchObject([{ id: flagId, acknowledgement: { by: therapist.id, at, action: "discussed" } }]);

    deps.clock.advance(60_000);
    const again = await call(path, { method: "POST", token, json: { action: "other", note: "A second answer" } });
    expect(again.status).toBe(200);
    expect(again.headers.get("etag")).toBe('"2"');
    expect(((await again.json()) as { risk: { flags: FlagBody[] } }).risk.flags[0]?.acknowledgement).toMatchObject({ by: therapist.id, at, action: "discussed" });
  });

  it("answers 404 session.risk_flag_not_found for an unknown flag, 412 for a stale version, 409 once finalized", async () => {
    const { call, session, plain, token, flagId } = await setup();
    const unknown = await call(`/v1/sessions/${session.id}/risk-flags/risk-000000000000/acknowledgement`, { method: "POST", token, json: discussed });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "session.risk_flag_not_found" });
    const malformed = await call(`/v1/sessions/${session.id}/risk-flags/not%20a%20flag/acknowledgement`, { method: "POST", token, json: discussed });
    expect(malformed.status).toBe(400);
    const stale = await call(`/v1/sessions/${session.id}/risk-flags/${flagId}/acknowledgement`, { method: "POST", token, headers: { "If-Match": '"9"' }, json: discussed });
    expect(stale.status).toBe(412);

    expect((await call(`/v1/sessions/${plain.id}/finalize`, { method: "POST", token })).status).toBe(200);
    const late = await call(`/v1/sessions/${plain.id}/risk-flags/${flagId}/acknowledgement`, { method: "POST", token, json: discussed });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: "session.invalid_state" });
  });

  it("finalize answers 409 session.risk_unacknowledged until the flag is acknowledged, then records the signature", async () => {
    const { call, session, token, flagId, therapist, deps, tokenFor, patient } = await setup();
    const refused = await call(`/v1/sessions/${session.id}/finalize`, { method: "POST", token, json: { releaseSummaryToPatient: true } });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      code: "session.risk_unacknowledged",
      detail: "A risk flag has not been acknowledged yet. Review and acknowledge it before signing off.",
      flagIds: [flagId],
    });

    await call(`/v1/sessions/${session.id}/risk-flags/${flagId}/acknowledgement`, { method: "POST", token, json: discussed });
    expect((await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token })).status).toBe(200);
    const summarized = await call(`/v1/sessions/${session.id}/notes`, { method: "PUT", token, headers: { "If-Match": '"3"' }, json: { patientSummary: "  We spoke about the week ahead.  " } });
    const { patientSummaryPreview } = (await summarized.json()) as { patientSummaryPreview: string | null };
    expect(patientSummaryPreview).toBe("We spoke about the week ahead.");
    const finalized = await call(`/v1/sessions/${session.id}/finalize`, { method: "POST", token, json: { releaseSummaryToPatient: true } });
    expect(finalized.status).toBe(200);
    expect(await finalized.json()).toMatchObject({
      status: "finalized",
      review: { finalizedBy: therapist.id, finalizedAt: deps.clock.now().toISOString(), summaryReleased: true },
    });
    // The preview the therapist signed off is what the patient reads.
    const view = (await (await call(`/v1/sessions/${session.id}`, { token: await tokenFor(patient) })).json()) as Record<string, unknown>;
    expect(view.patientSummary).toBe(patientSummaryPreview);
    expect(view).not.toHaveProperty("patientSummaryPreview");
  });

  it("finalize without a body stays valid and releases nothing; a body that is not a boolean is a 400", async () => {
    const { call, plain, token, tokenFor, patient } = await setup();
    const bad = await call(`/v1/sessions/${plain.id}/finalize`, { method: "POST", token, json: { releaseSummaryToPatient: "yes" } });
    expect(bad.status).toBe(400);
    expect((await call(`/v1/sessions/${plain.id}`, { token })).headers.get("etag")).toBe('"1"');

    const finalized = await call(`/v1/sessions/${plain.id}/finalize`, { method: "POST", token });
    expect(finalized.status).toBe(200);
    expect(await finalized.json()).toMatchObject({ review: { summaryReleased: false } });
    const view = (await (await call(`/v1/sessions/${plain.id}`, { token: await tokenFor(patient) })).json()) as Record<string, unknown>;
    expect(view).toMatchObject({ status: "finalized", patientSummary: null });
  });

  it("asks what was done: no body, an unknown action, or 'other' without words is a 400 and nothing is written", async () => {
    const { call, session, token, flagId } = await setup();
    const path = `/v1/sessions/${session.id}/risk-flags/${flagId}/acknowledgement`;
    for (const json of [undefined, {}, { action: "seen" }, { action: "other" }, { action: "other", note: " " }, { action: "discussed", note: "x".repeat(501) }]) {
      const refused = await call(path, { method: "POST", token, ...(json === undefined ? {} : { json }) });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: "validation.invalid_input" });
    }
    expect((await call(`/v1/sessions/${session.id}`, { token })).headers.get("etag")).toBe('"1"');
    const other = await call(path, { method: "POST", token, json: { action: "other", note: "Rang the crisis team with them" } });
    expect(((await other.json()) as { risk: { flags: FlagBody[] } }).risk.flags[0]?.acknowledgement).toMatchObject({ action: "other", note: "Rang the crisis team with them" });
  });

  it("DELETE …/acknowledgement takes it back within 5 minutes, then answers 409 session.risk_acknowledgement_final", async () => {
    const { call, session, token, flagId, deps } = await setup();
    const path = `/v1/sessions/${session.id}/risk-flags/${flagId}/acknowledgement`;
    await call(path, { method: "POST", token, json: { action: "not_a_concern" } });
    deps.clock.advance(4 * 60_000);

    const undone = await call(path, { method: "DELETE", token, headers: { "If-Match": '"2"' } });
    expect(undone.status).toBe(200);
    expect(undone.headers.get("etag")).toBe('"3"');
    expect(((await undone.json()) as { risk: { flags: FlagBody[] } }).risk.flags[0]?.acknowledgement).toBeUndefined();
    const nothing = await call(path, { method: "DELETE", token });
    expect(nothing.status).toBe(409);
    expect(await nothing.json()).toMatchObject({ code: "session.risk_acknowledgement_final", reason: "not_acknowledged" });

    await call(path, { method: "POST", token, json: discussed });
    deps.clock.advance(5 * 60_000 + 1);
    const late = await call(path, { method: "DELETE", token });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: "session.risk_acknowledgement_final", reason: "too_late" });
    const listed = (await (await call(`/v1/sessions`, { token })).json()) as { items: Array<{ id: string; riskAcknowledgedAlerts?: number }> };
    // The listing keeps a mark for an acknowledged flag that warranted a push.
    expect(session.risk?.flags[0]?.alert).toBe(true);
    expect(listed.items.find((item) => item.id === session.id)).toMatchObject({ riskUnacknowledged: 0, riskAcknowledgedAlerts: 1 });
  });
});
