import { buildRefreshToken, describeTokenRepositoryContract, expectConfideError, fixtureEpoch, minutesAfterEpoch } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { createCosmosContext, type CosmosContext } from "./cosmos-client.ts";
import { refreshTokensContainerId } from "./cosmos-containers.ts";
import { queryAll } from "./cosmos-items.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";
import { createCosmosTokenRepository } from "./cosmos-token-repository.ts";

const standIn = useCosmosStandIn();

/** The fixtures' tokens expire 30 days after the fixture epoch: the clock stands at the epoch. */
const atEpoch = { now: () => fixtureEpoch };

describeTokenRepositoryContract({
  name: "cosmos (stand-in)",
  create: async () => createCosmosTokenRepository(await standIn.freshContext(), { clock: atEpoch }),
});

const itemsOf = (context: CosmosContext) =>
  queryAll<{ id: string; kind: string; userId: string; ttl: number }>(context.container(refreshTokensContainerId), { query: "SELECT * FROM c" });

describe("Cosmos token repository", () => {
  it("stores the token under its hash and a pointer under its id, each with a ttl until it expires", async () => {
    const context = await standIn.freshContext();
    const tokens = createCosmosTokenRepository(context, { clock: atEpoch });
    const token = buildRefreshToken({ expiresAt: minutesAfterEpoch(90) });

    await tokens.create(token);

    const items = await itemsOf(context);
    expect(items.map((item) => [item.kind, item.ttl]).sort()).toEqual([
      ["pointer", 90 * 60],
      ["token", 90 * 60],
    ]);
    expect(items.find((item) => item.kind === "token")?.id).toBe(`hash:${token.tokenHash}`);
  });

  it("answers null for an expired token although Cosmos DB has not removed it yet", async () => {
    const context = await standIn.freshContext();
    let now = fixtureEpoch.getTime();
    const tokens = createCosmosTokenRepository(context, { clock: { now: () => new Date(now) } });
    const token = buildRefreshToken({ expiresAt: minutesAfterEpoch(10) });
    await tokens.create(token);

    now = minutesAfterEpoch(10).getTime() - 1;
    expect((await tokens.getByHash(token.tokenHash))?.id).toBe(token.id);
    now = minutesAfterEpoch(10).getTime();
    expect(await tokens.getByHash(token.tokenHash)).toBeNull();
    // The stand-in keeps expired items (no TTL emulation): the check on read is what hides it.
    expect((await itemsOf(context)).filter((item) => item.kind === "token")).toHaveLength(1);
  });

  it("gives a token created already expired the shortest ttl Cosmos DB accepts", async () => {
    const context = await standIn.freshContext();
    const tokens = createCosmosTokenRepository(context, { clock: atEpoch });

    await tokens.create(buildRefreshToken({ expiresAt: minutesAfterEpoch(-1) }));

    expect((await itemsOf(context)).map((item) => item.ttl)).toEqual([1, 1]);
  });

  it("lets exactly one of two parallel markUsed calls win, also on separate clients", async () => {
    const context = await standIn.freshContext();
    const other = createCosmosTokenRepository(await createCosmosContext({ ...standIn.settings(), databaseId: context.databaseId }), {
      clock: atEpoch,
    });
    const tokens = createCosmosTokenRepository(context, { clock: atEpoch });
    for (let round = 0; round < 5; round += 1) {
      const token = buildRefreshToken();
      await tokens.create(token);

      const results = await Promise.all([tokens.markUsed(token.id, minutesAfterEpoch(1)), other.markUsed(token.id, minutesAfterEpoch(2))]);

      expect(results.filter(Boolean)).toHaveLength(1);
    }
    await other.close();
  });

  it("marks a token used even while its family is being revoked at the same time (a 412 is read again)", async () => {
    const context = await standIn.freshContext();
    const tokens = createCosmosTokenRepository(context, { clock: atEpoch });
    const token = buildRefreshToken();
    await tokens.create(token);

    const [marked] = await Promise.all([tokens.markUsed(token.id, minutesAfterEpoch(1)), tokens.revokeFamily(token.familyId, minutesAfterEpoch(1))]);

    expect(marked).toBe(true);
    const stored = await tokens.getByHash(token.tokenHash);
    expect(stored?.usedAt?.getTime()).toBe(minutesAfterEpoch(1).getTime());
    expect(stored?.revokedAt?.getTime()).toBe(minutesAfterEpoch(1).getTime());
  });

  it("keeps the time of the first revocation", async () => {
    const context = await standIn.freshContext();
    const tokens = createCosmosTokenRepository(context, { clock: atEpoch });
    const token = buildRefreshToken();
    await tokens.create(token);

    await tokens.revokeFamily(token.familyId, minutesAfterEpoch(1));
    await tokens.revokeUser(token.userId, minutesAfterEpoch(2));

    expect((await tokens.getByHash(token.tokenHash))?.revokedAt?.getTime()).toBe(minutesAfterEpoch(1).getTime());
  });

  it("finishes an interrupted deleteByUser when run again: no item of the user remains", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const tokens = createCosmosTokenRepository(context, { clock: atEpoch });
    const userId = "user-erased";
    for (let index = 0; index < 3; index += 1) await tokens.create(buildRefreshToken({ userId }));
    const kept = buildRefreshToken();
    await tokens.create(kept);
    let deletes = 0;
    standIn.proxy().inject({ kind: "drop" }, { match: (request) => request.method === "DELETE" && (deletes += 1) === 3 });

    await expectConfideError(tokens.deleteByUser(userId), "dependency.unavailable");
    expect((await itemsOf(context)).filter((item) => item.userId === userId)).toHaveLength(4);

    await tokens.deleteByUser(userId);
    await tokens.deleteByUser(userId);

    expect((await itemsOf(context)).filter((item) => item.userId === userId)).toEqual([]);
    expect(await tokens.getByHash(kept.tokenHash)).toEqual(kept);
  });

  it("answers 429 as retryable dependency.unavailable with the service's retry-after", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const tokens = createCosmosTokenRepository(context, { clock: atEpoch });
    standIn.proxy().inject({ kind: "throttle", retryAfterMs: 1200 });

    const error = await expectConfideError(tokens.create(buildRefreshToken()), "dependency.unavailable");

    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(1200);
  });
});
