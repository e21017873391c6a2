import type { Clock } from "@confide/core/ports";
import { buildCareRelation, buildUser, describeUserRepositoryContract, expectConfideError, fixtureEpoch } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import type { CosmosContext } from "./cosmos-client.ts";
import { emailClaimsContainerId, usersContainerId } from "./cosmos-containers.ts";
import { emailClaimIdOf, type EmailClaimItem } from "./cosmos-email-claims.ts";
import { queryAll } from "./cosmos-items.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";
import { createCosmosUserRepository } from "./cosmos-user-repository.ts";

const standIn = useCosmosStandIn();

/** A clock the test moves by hand. */
function manualClock(start = fixtureEpoch): Clock & { advanceMs(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advanceMs: (ms) => (now += ms) };
}

describeUserRepositoryContract({
  name: "cosmos (stand-in)",
  create: async () => createCosmosUserRepository(await standIn.freshContext(), { clock: manualClock() }),
});

const claimsOf = (context: CosmosContext) =>
  queryAll<EmailClaimItem>(context.container(emailClaimsContainerId), { query: "SELECT * FROM c" });

describe("Cosmos user repository: unique emails through claim items", () => {
  it("claims the normalised email as an item id; a claim id keeps distinct emails distinct", async () => {
    const context = await standIn.freshContext();
    const users = createCosmosUserRepository(context);
    const user = buildUser({ email: "  Ana/B?c#d%e@Example.TEST " });

    await users.create(user);

    expect(await claimsOf(context)).toMatchObject([{ id: "ana%2Fb%3Fc%23d%25e@example.test", email: "ana/b?c#d%e@example.test", userId: user.id }]);
    expect(emailClaimIdOf("a%2Fb@x")).not.toBe(emailClaimIdOf("a/b@x"));
    expect((await users.getByEmail("ANA/B?C#D%E@example.test"))?.id).toBe(user.id);
  });

  it("lets exactly one of 20 parallel creates of the same email win, the others user.email_taken", async () => {
    const context = await standIn.freshContext();
    const users = createCosmosUserRepository(context);
    const contenders = Array.from({ length: 20 }, (_, index) => buildUser({ email: index % 2 === 0 ? "race@example.test" : "RACE@example.test" }));

    const outcomes = await Promise.allSettled(contenders.map((user) => users.create(user)));

    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "user.email_taken" });
    }
    const stored = await queryAll<{ id: string }>(context.container(usersContainerId), { query: "SELECT c.id FROM c" });
    expect(stored).toHaveLength(1);
    expect((await users.getByEmail("race@example.test"))?.id).toBe(stored[0]?.id);
    expect(await claimsOf(context)).toHaveLength(1);
  });

  it("undoes its claim when writing the user fails, so the email stays free", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const users = createCosmosUserRepository(context);
    const proxy = standIn.proxy();
    proxy.inject({ kind: "unavailable" }, { match: (request) => request.method === "POST" && request.path.includes(`/colls/${usersContainerId}/`) });

    await expectConfideError(users.create(buildUser({ email: "undo@example.test" })), "dependency.unavailable");

    proxy.clearFaults();
    expect(await claimsOf(context)).toEqual([]);
    await users.create(buildUser({ email: "undo@example.test" }));
  });

  it("takes over a claim a crashed create left (no user) once it is older than the stale age, not before", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const clock = manualClock();
    const users = createCosmosUserRepository(context, { clock, emailClaimStaleAfterMs: 5 * 60_000 });
    const proxy = standIn.proxy();
    // The crash: the user write and the undo of the claim both fail, leaving the claim alone.
    proxy.inject({ kind: "drop" }, { match: (request) => request.method === "POST" && request.path.includes(`/colls/${usersContainerId}/`) });
    proxy.inject({ kind: "drop" }, { match: (request) => request.method === "DELETE" && request.path.includes(`/colls/${emailClaimsContainerId}/`) });
    const crashed = buildUser({ email: "crash@example.test" });

    await expectConfideError(users.create(crashed), "dependency.unavailable");
    proxy.clearFaults();
    expect(await claimsOf(context)).toMatchObject([{ email: "crash@example.test", userId: crashed.id }]);
    expect(await users.getByEmail("crash@example.test")).toBeNull();

    // Young: it may be a create still running, so it holds.
    clock.advanceMs(60_000);
    await expectConfideError(users.create(buildUser({ email: "crash@example.test" })), "user.email_taken");

    clock.advanceMs(5 * 60_000);
    const next = buildUser({ email: "crash@example.test" });
    await users.create(next);
    expect((await users.getByEmail("crash@example.test"))?.id).toBe(next.id);
    expect(await claimsOf(context)).toMatchObject([{ userId: next.id }]);
  });

  it("never takes over a claim whose user exists, however old", async () => {
    const context = await standIn.freshContext();
    const clock = manualClock();
    const users = createCosmosUserRepository(context, { clock });
    await users.create(buildUser({ email: "kept@example.test" }));

    clock.advanceMs(365 * 24 * 3600_000);

    await expectConfideError(users.create(buildUser({ email: "KEPT@example.test" })), "user.email_taken");
    expect(await users.sweepEmailClaims()).toBe(0);
  });

  it("sweeps stale orphan claims and keeps live and young ones", async () => {
    const context = await standIn.freshContext();
    const clock = manualClock();
    const users = createCosmosUserRepository(context, { clock, emailClaimStaleAfterMs: 5 * 60_000 });
    const live = buildUser({ email: "live@example.test" });
    await users.create(live);
    const claims = context.container(emailClaimsContainerId);
    const orphan = (email: string, minutesAgo: number): EmailClaimItem => ({
      id: emailClaimIdOf(email),
      email,
      userId: `user-gone-${email}`,
      claimedAt: new Date(clock.now().getTime() - minutesAgo * 60_000).toISOString(),
    });
    await claims.items.create(orphan("old@example.test", 30));
    await claims.items.create(orphan("young@example.test", 1));

    expect(await users.sweepEmailClaims()).toBe(1);

    expect((await claimsOf(context)).map((claim) => claim.email).sort()).toEqual(["live@example.test", "young@example.test"]);
  });

  it("changes an email by claiming the new one first and releasing the old one after", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const users = createCosmosUserRepository(context);
    const user = buildUser({ email: "before@example.test" });
    await users.create(user);
    const proxy = standIn.proxy();
    const start = proxy.exchanges.length;

    await users.update({ ...user, email: "After@example.test" });

    const writes = proxy.exchanges
      .slice(start)
      .filter((exchange) => exchange.method !== "GET" && !(exchange.method === "POST" && exchange.headers["x-ms-documentdb-isquery"] !== undefined))
      .map((exchange) => `${exchange.method} ${exchange.path.split("/colls/")[1]?.split("/")[0]}`);
    expect(writes).toEqual([`POST ${emailClaimsContainerId}`, `PUT ${usersContainerId}`, `DELETE ${emailClaimsContainerId}`]);
    expect((await claimsOf(context)).map((claim) => claim.email)).toEqual(["after@example.test"]);
  });

  it("keeps the old email when the new one is taken, and frees the new claim when the user write fails", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const users = createCosmosUserRepository(context);
    const user = buildUser({ email: "mine@example.test" });
    await users.create(user);
    const proxy = standIn.proxy();
    proxy.inject({ kind: "unavailable" }, { match: (request) => request.method === "PUT" && request.path.includes(`/colls/${usersContainerId}/`) });

    await expectConfideError(users.update({ ...user, email: "wanted@example.test" }), "dependency.unavailable");

    proxy.clearFaults();
    expect((await claimsOf(context)).map((claim) => claim.email)).toEqual(["mine@example.test"]);
    expect((await users.getByEmail("mine@example.test"))?.id).toBe(user.id);
  });
});

describe("Cosmos user repository: query pages that come back empty while more remain", () => {
  it("list and listPatients go on across empty pages until the page is full", async () => {
    const users = createCosmosUserRepository(await standIn.freshContext({ proxy: true }));
    const therapist = buildUser({ role: "therapist", displayName: "Zed Therapist" });
    const patients = Array.from({ length: 5 }, (_, index) => buildUser({ role: "patient", displayName: `Patient ${index}` }));
    for (const user of [therapist, ...patients]) await users.create(user);
    for (const patient of patients) await users.link(buildCareRelation({ therapistId: therapist.id, patientId: patient.id }));
    const proxy = standIn.proxy();
    const emptied = () => proxy.exchanges.filter((exchange) => exchange.fault === "empty-page").length;

    proxy.inject({ kind: "empty-page" }, { times: 2 });
    const listed = await users.list({ role: "patient", limit: 3 });
    expect(emptied()).toBe(2);
    expect(listed.items.map((user) => user.id)).toEqual(patients.slice(0, 3).map((user) => user.id));

    proxy.inject({ kind: "empty-page" }, { times: 3 });
    const rest = await users.listPatients(therapist.id, { limit: 3, cursor: listed.nextCursor ?? undefined });
    expect(emptied()).toBe(5);
    expect(rest).toEqual({ items: patients.slice(3), nextCursor: null });
  });
});

describe("Cosmos user repository: erasure", () => {
  it("finishes an interrupted delete when run again: no user, relation or claim of the user remains", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const users = createCosmosUserRepository(context);
    const patient = buildUser({ role: "patient", email: "erased@example.test" });
    const therapists = [buildUser(), buildUser()];
    for (const user of [patient, ...therapists]) await users.create(user);
    for (const therapist of therapists) await users.link(buildCareRelation({ therapistId: therapist.id, patientId: patient.id }));
    const proxy = standIn.proxy();
    let deletes = 0;
    // The second DELETE (the second relation) loses its connection.
    proxy.inject({ kind: "drop" }, { match: (request) => request.method === "DELETE" && (deletes += 1) === 2 });

    await expectConfideError(users.delete(patient.id), "dependency.unavailable");
    expect(await users.relationsOf(patient.id)).toHaveLength(1);

    await users.delete(patient.id);
    await users.delete(patient.id);

    expect(await users.get(patient.id)).toBeNull();
    expect(await users.relationsOf(patient.id)).toEqual([]);
    expect((await claimsOf(context)).filter((claim) => claim.userId === patient.id)).toEqual([]);
    await users.create(buildUser({ email: "erased@example.test" }));
  });
});

describe("Cosmos user repository: errors", () => {
  it("answers 429 as retryable dependency.unavailable with the service's retry-after", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const users = createCosmosUserRepository(context);
    standIn.proxy().inject({ kind: "throttle", retryAfterMs: 750 });

    const error = await expectConfideError(users.get("user-any"), "dependency.unavailable");

    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(750);
  });

  it("answers 503 as retryable dependency.unavailable", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const users = createCosmosUserRepository(context);
    // The query itself, not the query-plan request before it (the SDK goes on without a plan).
    standIn.proxy().inject(
      { kind: "unavailable" },
      { match: (request) => request.method === "POST" && request.headers["x-ms-cosmos-is-query-plan-request"] === undefined },
    );

    const error = await expectConfideError(users.list({ limit: 10 }), "dependency.unavailable");

    expect(error.retryable).toBe(true);
    expect(error.details).toMatchObject({ dependency: "cosmos", status: 503 });
  });
});
