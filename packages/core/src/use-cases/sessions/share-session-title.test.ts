import { describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/test-deps.ts";
import { getSession } from "./get-session.ts";
import { listSessions } from "./list-sessions.ts";
import { admin, otherTherapist, patient, storeSession, therapist } from "./session-fixture.test-support.ts";
import { checkTitleShared, shareSessionTitle } from "./share-session-title.ts";

const recordedAt = new Date("2026-03-03T10:00:00Z");

describe("checkTitleShared", () => {
  it("is false when left out, the boolean given, and refuses anything else", () => {
    expect(checkTitleShared(undefined)).toBe(false);
    expect(checkTitleShared(true)).toBe(true);
    expect(checkTitleShared(false)).toBe(false);
    for (const value of ["true", 1, null, {}]) {
      expect(() => checkTitleShared(value), String(value)).toThrow(expect.objectContaining({ code: "validation.invalid_input", message: "titleShared is true or false.", details: { field: "titleShared" } }));
    }
  });
});

describe("shareSessionTitle", () => {
  it("shows the title to the patient once shared, in the view and the listing, and hides it again; each change audited", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { status: "finalized", title: "Week 4 - risk", recordedAt });
    const patientReads = async () => ({
      view: (await getSession(deps, patient, { sessionId: stored.id })).title,
      listed: (await listSessions(deps, patient, {})).items.map((item) => item.title),
    });
    expect(await patientReads()).toEqual({ view: "Session of 2026-03-03", listed: ["Session of 2026-03-03"] });

    deps.clock.advance(60_000);
    const shared = await shareSessionTitle(deps, therapist, { sessionId: stored.id, titleShared: true, expectedVersion: stored.version });
    expect(shared).toMatchObject({ titleShared: true, version: stored.version + 1, updatedAt: deps.clock.now() });
    expect(await patientReads()).toEqual({ view: "Week 4 - risk", listed: ["Week 4 - risk"] });

    const hidden = await shareSessionTitle(deps, therapist, { sessionId: stored.id, titleShared: false });
    expect(hidden).toMatchObject({ titleShared: false, version: stored.version + 2 });
    expect((await patientReads()).view).toBe("Session of 2026-03-03");

    const audited = deps.audit.events().filter((event) => event.action === "session.title.share");
    expect(audited.map((event) => event.detail)).toEqual([{ titleShared: true }, { titleShared: false }]);
    expect(audited[0]).toMatchObject({ actorId: therapist.userId, sessionId: stored.id, subjectUserId: patient.userId });
  });

  it("writes nothing when the choice is already so (still audited)", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { titleShared: true });
    const same = await shareSessionTitle(deps, therapist, { sessionId: stored.id, titleShared: true });
    expect(same.version).toBe(stored.version);
    const never = await storeSession(deps, {});
    expect((await shareSessionTitle(deps, therapist, { sessionId: never.id, titleShared: false })).version).toBe(never.version);
    expect(deps.audit.events().filter((event) => event.action === "session.title.share")).toHaveLength(2);
  });

  it("is the session's therapist's alone, checks the version read, and refuses a non-boolean before reading", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, {});
    await expect(shareSessionTitle(deps, otherTherapist, { sessionId: stored.id, titleShared: true })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(shareSessionTitle(deps, patient, { sessionId: stored.id, titleShared: true })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(shareSessionTitle(deps, admin, { sessionId: stored.id, titleShared: true })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(shareSessionTitle(deps, therapist, { sessionId: stored.id, titleShared: true, expectedVersion: stored.version + 3 })).rejects.toMatchObject({
      code: "session.version_conflict",
    });
    await expect(shareSessionTitle(deps, therapist, { sessionId: stored.id, titleShared: "yes" as unknown as boolean })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
    expect((await deps.sessions.get(stored.id))?.titleShared).toBeUndefined();
    expect(deps.audit.events().filter((event) => event.action === "session.title.share")).toEqual([]);
  });
});
