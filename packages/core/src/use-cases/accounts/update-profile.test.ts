import { describe, expect, it } from "vitest";
import type { Actor } from "../../domain/user.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { createUser } from "./create-user.ts";
import { getProfile } from "./get-profile.ts";
import { updateProfile } from "./update-profile.ts";

const admin: Actor = { userId: "admin-1", role: "admin" };

async function setup() {
  const deps = createTestDeps();
  const user = await createUser(deps, admin, {
    email: "sam@example.org",
    displayName: "Sam",
    role: "patient",
    password: "a long enough password",
  });
  return { deps, actor: { userId: user.id, role: "patient" } satisfies Actor };
}

describe("own profile", () => {
  it("reads the actor's own account without the hash", async () => {
    const { deps, actor } = await setup();
    const profile = await getProfile(deps, actor);
    expect(profile).toMatchObject({ id: actor.userId, email: "sam@example.org", displayName: "Sam", consent: null });
    expect(profile).not.toHaveProperty("passwordHash");
    await expect(getProfile(deps, { userId: "gone", role: "patient" })).rejects.toMatchObject({ code: "user.not_found" });
  });

  it("changes the display name and records consent with the time it was given", async () => {
    const { deps, actor } = await setup();
    deps.clock.advance(3_600_000);
    const updated = await updateProfile(deps, actor, { displayName: " Samantha ", consent: { terms: "recording-and-analysis-v2" } });
    expect(updated).toMatchObject({
      displayName: "Samantha",
      consent: { terms: "recording-and-analysis-v2", agreedAt: deps.clock.now() },
      updatedAt: deps.clock.now(),
    });
    expect(updated).not.toHaveProperty("passwordHash");
    expect(await getProfile(deps, actor)).toEqual(updated);
    expect(deps.audit.events().at(-1)).toMatchObject({
      action: "user.update",
      subjectUserId: actor.userId,
      detail: { fields: "displayName,consent" },
    });
  });

  it("leaves absent fields alone and refuses an empty display name", async () => {
    const { deps, actor } = await setup();
    await updateProfile(deps, actor, { consent: { terms: "v1" } });
    expect(await getProfile(deps, actor)).toMatchObject({ displayName: "Sam", consent: { terms: "v1" } });
    await expect(updateProfile(deps, actor, { displayName: "" })).rejects.toMatchObject({ code: "validation.invalid_input" });
    expect((await getProfile(deps, actor)).displayName).toBe("Sam");
  });
});

describe("own profile changes", () => {
  it("records only the fields that changed, and writes nothing when none is given", async () => {
    const { deps, actor } = await setup();
    const before = await getProfile(deps, actor);
    deps.clock.advance(1_000);

    expect(await updateProfile(deps, actor, {})).toEqual(before);
    expect(deps.audit.events().filter((event) => event.action === "user.update")).toEqual([]);

    await updateProfile(deps, actor, { displayName: "Sam Vale" });
    await updateProfile(deps, actor, { consent: { terms: "v3" } });
    expect(deps.audit.events().filter((event) => event.action === "user.update").map((event) => event.detail)).toEqual([
      { fields: "displayName" },
      { fields: "consent" },
    ]);
    expect(await getProfile(deps, actor)).toMatchObject({ displayName: "Sam Vale", consent: { terms: "v3", agreedAt: deps.clock.now() } });
  });

  it("refuses empty consent terms and keeps the earlier consent", async () => {
    const { deps, actor } = await setup();
    await updateProfile(deps, actor, { consent: { terms: "v1" } });
    await expect(updateProfile(deps, actor, { consent: { terms: " " } })).rejects.toMatchObject({
      code: "validation.invalid_input",
      details: { field: "consent.terms" },
    });
    expect((await getProfile(deps, actor)).consent?.terms).toBe("v1");
  });

  it("answers user.not_found for an account that no longer exists", async () => {
    const { deps } = await setup();
    await expect(updateProfile(deps, { userId: "gone", role: "patient" }, { displayName: "Ghost" })).rejects.toMatchObject({
      code: "user.not_found",
      message: "The account no longer exists.",
    });
    await expect(getProfile(deps, { userId: "gone", role: "patient" })).rejects.toMatchObject({
      message: "The account no longer exists.",
    });
  });
});
