import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../domain/password.ts";
import type { Actor } from "../../domain/user.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { createUser, type CreateUserInput } from "./create-user.ts";
import { linkPatient } from "./link-patient.ts";
import { listUsers } from "./list-users.ts";
import { login } from "./login.ts";

const admin: Actor = { userId: "admin-1", role: "admin" };
const input = (overrides: Partial<CreateUserInput> = {}): CreateUserInput => ({
  email: "Ada.Lovelace@Example.org",
  displayName: "  Ada Lovelace ",
  role: "therapist",
  password: "a long enough password",
  ...overrides,
});

describe("createUser", () => {
  it("opens an account that can sign in, without ever returning the hash", async () => {
    const deps = createTestDeps();
    const user = await createUser(deps, admin, input({ consent: { terms: "recording-and-analysis-v1" } }));
    expect(user).toMatchObject({
      email: "ada.lovelace@example.org",
      displayName: "Ada Lovelace",
      role: "therapist",
      active: true,
      consent: { terms: "recording-and-analysis-v1", agreedAt: deps.clock.now() },
    });
    expect(JSON.stringify(user)).not.toMatch(/passwordHash|scrypt\$/);
    const stored = await deps.users.get(user.id);
    expect(await verifyPassword("a long enough password", stored?.passwordHash ?? "")).toBe(true);
    await expect(login(deps, { email: "ada.lovelace@example.org", password: "a long enough password" })).resolves.toMatchObject({
      user: { id: user.id },
    });
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({ action: "user.create", actorId: "admin-1", subjectUserId: user.id, detail: { role: "therapist" } }),
    ]);
  });

  it("refuses an email that exists in another case", async () => {
    const deps = createTestDeps();
    await createUser(deps, admin, input());
    await expect(createUser(deps, admin, input({ email: "ADA.LOVELACE@example.ORG", displayName: "Other" }))).rejects.toMatchObject({
      code: "user.email_taken",
    });
    expect((await deps.users.list({ limit: 10 })).items).toHaveLength(1);
  });

  it.each<[string, Actor]>([
    ["a therapist", { userId: "t-1", role: "therapist" }],
    ["a patient", { userId: "p-1", role: "patient" }],
  ])("refuses %s", async (_name, actor) => {
    const deps = createTestDeps();
    await expect(createUser(deps, actor, input())).rejects.toMatchObject({ code: "auth.forbidden" });
    expect((await deps.users.list({ limit: 10 })).items).toHaveLength(0);
  });

  it.each([
    ["too short", "short pass"],
    ["one repeated character", "xxxxxxxxxxxxxxxx"],
  ])("refuses a weak password (%s)", async (_name, password) => {
    const deps = createTestDeps();
    await expect(createUser(deps, admin, input({ password }))).rejects.toMatchObject({ code: "auth.weak_password" });
  });

  it.each<[string, Partial<CreateUserInput>]>([
    ["an email without @", { email: "ada.example.org" }],
    ["an email with a space", { email: "ada lovelace@example.org" }],
    ["an empty display name", { displayName: "   " }],
    ["a display name of 201 characters", { displayName: "a".repeat(201) }],
    ["an unknown role", { role: "superuser" as CreateUserInput["role"] }],
  ])("refuses %s", async (_name, overrides) => {
    const deps = createTestDeps();
    await expect(createUser(deps, admin, input(overrides))).rejects.toMatchObject({ code: "validation.invalid_input" });
  });

  it("accepts a display name of exactly 200 characters", async () => {
    const deps = createTestDeps();
    await expect(createUser(deps, admin, input({ displayName: "a".repeat(200) }))).resolves.toMatchObject({ displayName: "a".repeat(200) });
  });
});

describe("linkPatient", () => {
  it("links a therapist and a patient once, and audits it", async () => {
    const deps = createTestDeps();
    const therapist = await createUser(deps, admin, input({ email: "t@example.org", role: "therapist" }));
    const patient = await createUser(deps, admin, input({ email: "p@example.org", role: "patient" }));
    const relation = await linkPatient(deps, admin, { therapistId: therapist.id, patientId: patient.id });
    expect(relation).toEqual({ therapistId: therapist.id, patientId: patient.id, createdAt: deps.clock.now() });
    await linkPatient(deps, admin, { therapistId: therapist.id, patientId: patient.id });
    expect(await deps.users.relationsOf(patient.id)).toHaveLength(1);
    expect(await deps.users.isLinked(therapist.id, patient.id)).toBe(true);
    expect(deps.audit.events().filter((event) => event.action === "user.link")[0]).toMatchObject({
      subjectUserId: patient.id,
      detail: { therapistId: therapist.id },
    });
  });

  it("refuses wrong roles, missing users and non-admins", async () => {
    const deps = createTestDeps();
    const therapist = await createUser(deps, admin, input({ email: "t@example.org", role: "therapist" }));
    const patient = await createUser(deps, admin, input({ email: "p@example.org", role: "patient" }));
    await expect(linkPatient(deps, admin, { therapistId: patient.id, patientId: therapist.id })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
    await expect(linkPatient(deps, admin, { therapistId: therapist.id, patientId: "missing" })).rejects.toMatchObject({
      code: "user.not_found",
    });
    await expect(
      linkPatient(deps, { userId: therapist.id, role: "therapist" }, { therapistId: therapist.id, patientId: patient.id }),
    ).rejects.toMatchObject({ code: "auth.forbidden" });
    expect(await deps.users.relationsOf(patient.id)).toEqual([]);
  });
});

describe("linkPatient answers", () => {
  it("names the field and the actual role of a user given in the wrong place", async () => {
    const deps = createTestDeps();
    const therapist = await createUser(deps, admin, input({ email: "t@example.org", role: "therapist" }));
    const patient = await createUser(deps, admin, input({ email: "p@example.org", role: "patient" }));

    await expect(linkPatient(deps, admin, { therapistId: patient.id, patientId: patient.id })).rejects.toMatchObject({
      code: "validation.invalid_input",
      message: "The user given as therapistId is not a therapist.",
      details: { field: "therapistId", role: "patient" },
    });
    await expect(linkPatient(deps, admin, { therapistId: therapist.id, patientId: therapist.id })).rejects.toMatchObject({
      message: "The user given as patientId is not a patient.",
      details: { field: "patientId", role: "therapist" },
    });
    await expect(linkPatient(deps, admin, { therapistId: "missing", patientId: patient.id })).rejects.toMatchObject({
      code: "user.not_found",
      message: "No user with the given therapistId.",
      details: { field: "therapistId" },
    });
    await expect(linkPatient(deps, admin, { therapistId: therapist.id, patientId: "missing" })).rejects.toMatchObject({
      details: { field: "patientId" },
    });
  });

  it("returns the link as first made when linking again, among the patient's other links", async () => {
    const deps = createTestDeps();
    const first = await createUser(deps, admin, input({ email: "t1@example.org", role: "therapist" }));
    const second = await createUser(deps, admin, input({ email: "t2@example.org", role: "therapist" }));
    const patient = await createUser(deps, admin, input({ email: "p@example.org", role: "patient" }));
    const linkedAt = deps.clock.now();
    await linkPatient(deps, admin, { therapistId: first.id, patientId: patient.id });
    deps.clock.advance(60_000);
    await linkPatient(deps, admin, { therapistId: second.id, patientId: patient.id });
    deps.clock.advance(60_000);

    const again = await linkPatient(deps, admin, { therapistId: first.id, patientId: patient.id });

    expect(again).toEqual({ therapistId: first.id, patientId: patient.id, createdAt: linkedAt });
  });
});

describe("listUsers", () => {
  it("pages through accounts by role and text, without hashes", async () => {
    const deps = createTestDeps();
    for (const name of ["Alma", "Bruno", "Carla", "Dario", "Elena"]) {
      await createUser(deps, admin, input({ email: `${name}@example.org`, displayName: name, role: "patient" }));
    }
    await createUser(deps, admin, input({ email: "therapist@example.org", displayName: "Therapist", role: "therapist" }));

    const first = await listUsers(deps, admin, { role: "patient", limit: 2 });
    expect(first.items.map((user) => user.displayName)).toEqual(["Alma", "Bruno"]);
    const second = await listUsers(deps, admin, { role: "patient", limit: 2, cursor: first.nextCursor ?? "" });
    const third = await listUsers(deps, admin, { role: "patient", limit: 2, cursor: second.nextCursor ?? "" });
    expect([...second.items, ...third.items].map((user) => user.displayName)).toEqual(["Carla", "Dario", "Elena"]);
    expect(third.nextCursor).toBeNull();
    expect(JSON.stringify([first, second, third])).not.toContain("passwordHash");

    expect((await listUsers(deps, admin, { text: "ARL" })).items.map((user) => user.displayName)).toEqual(["Carla"]);
    await expect(listUsers(deps, admin, { limit: 101 })).rejects.toMatchObject({ code: "validation.invalid_input" });
    await expect(listUsers(deps, { userId: "t", role: "therapist" })).rejects.toMatchObject({ code: "auth.forbidden" });
  });
});

describe("listUsers text", () => {
  it("ignores spaces around the search text", async () => {
    const deps = createTestDeps();
    await createUser(deps, admin, input({ email: "carla@example.org", displayName: "Carla", role: "patient" }));
    await createUser(deps, admin, input({ email: "bruno@example.org", displayName: "Bruno", role: "patient" }));
    expect((await listUsers(deps, admin, { text: "  arl  " })).items.map((user) => user.displayName)).toEqual(["Carla"]);
    expect((await listUsers(deps, admin, { text: "  " })).items).toHaveLength(2);
  });
});
