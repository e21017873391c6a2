import { describe, expect, it } from "vitest";
import { buildRefreshToken, describeTokenRepositoryContract, minutesAfterEpoch } from "@confide/contracts";
import {
  createPostgresTestRepositories,
  describeSqlRepositorySuite,
  repositoriesForEachTest,
} from "../../test-support/sql-test-databases.ts";

describeSqlRepositorySuite({
  title: "SQL token repository",
  port: "tokens",
  contract: describeTokenRepositoryContract,
  specifics: (repositories) => {
    it("keeps the time of the first revocation", async () => {
      const token = buildRefreshToken();
      await repositories.tokens.create(token);

      await repositories.tokens.revokeFamily(token.familyId, minutesAfterEpoch(1));
      await repositories.tokens.revokeUser(token.userId, minutesAfterEpoch(2));

      expect((await repositories.tokens.getByHash(token.tokenHash))?.revokedAt?.getTime()).toBe(
        minutesAfterEpoch(1).getTime(),
      );
    });
  },
});

describe("SQL token repository on PostgreSQL: concurrency", () => {
  const repositories = repositoriesForEachTest(() => createPostgresTestRepositories({ max: 20 }));

  it("lets exactly one of 20 parallel markUsed calls on separate connections win", async () => {
    const token = buildRefreshToken();
    await repositories.tokens.create(token);

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => repositories.tokens.markUsed(token.id, minutesAfterEpoch(index))),
    );

    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await repositories.tokens.getByHash(token.tokenHash))?.usedAt).toBeInstanceOf(Date);
  });
});
