import { describe, expect, it } from "vitest";
import type { Actor, Role } from "../../domain/user.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { createUser } from "./create-user.ts";
import { linkPatient } from "./link-patient.ts";
import { searchPatients } from "./search-patients.ts";

const admin: Actor = { userId: "admin-1", role: "admin" };

async function addUser(deps: TestDeps, displayName: string, role: Role) {
  return createUser(deps, admin, {
    email: `${displayName.toLowerCase().replaceAll(" ", ".")}@example.org`,
    displayName,
    role,
    password: "a long enough password",
  });
}

async function setup() {
  const deps = createTestDeps();
  const mine = await addUser(deps, "Therapist Mine", "therapist");
  const theirs = await addUser(deps, "Therapist Theirs", "therapist");
  for (const name of ["Ana Reyes", "Ben Ode", "Cleo Park", "Dev Rao", "Eve Lind"]) {
    const patient = await addUser(deps, name, "patient");
    await linkPatient(deps, admin, { therapistId: mine.id, patientId: patient.id });
  }
  for (const name of ["Adam Other", "Bea Other"]) {
    const patient = await addUser(deps, name, "patient");
    await linkPatient(deps, admin, { therapistId: theirs.id, patientId: patient.id });
  }
  await addUser(deps, "Carl Unlinked", "patient");
  return { deps, therapist: { userId: mine.id, role: "therapist" } satisfies Actor };
}

describe("searchPatients", () => {
  it("pages through the therapist's own patients only", async () => {
    const { deps, therapist } = await setup();
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await searchPatients(deps, therapist, { limit: 2, ...(cursor === undefined ? {} : { cursor }) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(JSON.stringify(page)).not.toContain("passwordHash");
      names.push(...page.items.map((user) => user.displayName));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(names).toEqual(["Ana Reyes", "Ben Ode", "Cleo Park", "Dev Rao", "Eve Lind"]);
  });

  it("filters by part of the name or email, case-insensitively", async () => {
    const { deps, therapist } = await setup();
    expect((await searchPatients(deps, therapist, { text: "PARK" })).items.map((user) => user.displayName)).toEqual(["Cleo Park"]);
    expect((await searchPatients(deps, therapist, { text: "rao@example" })).items.map((user) => user.displayName)).toEqual(["Dev Rao"]);
    // "Other" patients belong to another therapist; "Carl" to nobody.
    expect((await searchPatients(deps, therapist, { text: "other" })).items).toEqual([]);
    expect((await searchPatients(deps, therapist, { text: "carl" })).items).toEqual([]);
  });

  it("is for therapists only and checks the page size", async () => {
    const { deps, therapist } = await setup();
    await expect(searchPatients(deps, { userId: "p", role: "patient" })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(searchPatients(deps, admin)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(searchPatients(deps, therapist, { limit: 0 })).rejects.toMatchObject({ code: "validation.invalid_input" });
    await expect(searchPatients(deps, therapist, { limit: 101 })).rejects.toMatchObject({ code: "validation.invalid_input" });
    await expect(searchPatients(deps, therapist, { limit: 100 })).resolves.toMatchObject({ nextCursor: null });
  });
});

describe("searchPatients text", () => {
  it("ignores spaces around the search text, and lists everyone for blank text", async () => {
    const { deps, therapist } = await setup();
    expect((await searchPatients(deps, therapist, { text: "  park " })).items.map((user) => user.displayName)).toEqual(["Cleo Park"]);
    expect((await searchPatients(deps, therapist, { text: "   " })).items).toHaveLength(5);
  });

  it("says which role it needs", async () => {
    const { deps } = await setup();
    await expect(searchPatients(deps, admin)).rejects.toMatchObject({ message: "This needs the role therapist." });
  });
});
