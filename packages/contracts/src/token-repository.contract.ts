/**
 * Behaviour every TokenRepository adapter must show (packages/core/src/ports/token-repository.ts).
 */
import type { TokenRepository } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectSameDates } from "./expect-same-dates.ts";
import { buildRefreshToken, minutesAfterEpoch } from "./fixtures.ts";

export interface TokenRepositoryContractOptions {
  name: string;
  create: () => Promise<TokenRepository>;
}

export function describeTokenRepositoryContract(options: TokenRepositoryContractOptions): void {
  describe(`TokenRepository contract: ${options.name}`, () => {
    let tokens: TokenRepository;

    beforeEach(async () => {
      tokens = await options.create();
    });

    afterEach(async () => {
      await tokens.close();
    });

    describe("create and getByHash", () => {
      it("returns the token as written, every date a Date", async () => {
        const token = buildRefreshToken();
        await tokens.create(token);

        const stored = await tokens.getByHash(token.tokenHash);
        expect(stored).toEqual(token);
        expect(stored?.usedAt).toBeNull();
        expect(stored?.revokedAt).toBeNull();
        expectSameDates(stored, token, "token");
      });

      it("keeps a token created already used and revoked", async () => {
        const token = buildRefreshToken({ usedAt: minutesAfterEpoch(-5), revokedAt: minutesAfterEpoch(-4) });
        await tokens.create(token);

        const stored = await tokens.getByHash(token.tokenHash);
        expect(stored).toEqual(token);
        expectSameDates(stored, token, "token");
      });

      it("answers null for an unknown hash", async () => {
        await tokens.create(buildRefreshToken());

        expect(await tokens.getByHash("hash-unknown")).toBeNull();
      });
    });

    describe("markUsed", () => {
      it("marks an unused token once: true, then false", async () => {
        const token = buildRefreshToken();
        await tokens.create(token);
        const at = minutesAfterEpoch(1);

        expect(await tokens.markUsed(token.id, at)).toBe(true);
        expect(await tokens.markUsed(token.id, minutesAfterEpoch(2))).toBe(false);

        const stored = await tokens.getByHash(token.tokenHash);
        expect(stored?.usedAt).toBeInstanceOf(Date);
        expect(stored?.usedAt?.getTime()).toBe(at.getTime());
      });

      it("lets exactly one of many concurrent calls mark the token", async () => {
        const token = buildRefreshToken();
        await tokens.create(token);

        const results = await Promise.all(
          Array.from({ length: 8 }, (_, index) => tokens.markUsed(token.id, minutesAfterEpoch(index))),
        );

        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("answers false for a token that is already used", async () => {
        const token = buildRefreshToken({ usedAt: minutesAfterEpoch(-1) });
        await tokens.create(token);

        expect(await tokens.markUsed(token.id, minutesAfterEpoch(1))).toBe(false);
        expect((await tokens.getByHash(token.tokenHash))?.usedAt?.getTime()).toBe(minutesAfterEpoch(-1).getTime());
      });

      it("answers false for an unknown id", async () => {
        expect(await tokens.markUsed("token-unknown", minutesAfterEpoch(1))).toBe(false);
      });

      it("marks only the token named", async () => {
        const token = buildRefreshToken();
        const sibling = buildRefreshToken({ familyId: token.familyId, userId: token.userId });
        await tokens.create(token);
        await tokens.create(sibling);

        await tokens.markUsed(token.id, minutesAfterEpoch(1));

        expect((await tokens.getByHash(sibling.tokenHash))?.usedAt).toBeNull();
      });
    });

    describe("revocation", () => {
      it("revokes every token of a family and nothing else", async () => {
        const userId = "user-revoke-family";
        const familyId = "family-revoke";
        const first = buildRefreshToken({ userId, familyId });
        const second = buildRefreshToken({ userId, familyId, usedAt: minutesAfterEpoch(-2) });
        const otherFamily = buildRefreshToken({ userId });
        for (const token of [first, second, otherFamily]) await tokens.create(token);
        const at = minutesAfterEpoch(3);

        await tokens.revokeFamily(familyId, at);

        for (const token of [first, second]) {
          const stored = await tokens.getByHash(token.tokenHash);
          expect(stored?.revokedAt).toBeInstanceOf(Date);
          expect(stored?.revokedAt?.getTime()).toBe(at.getTime());
        }
        expect((await tokens.getByHash(otherFamily.tokenHash))?.revokedAt).toBeNull();
      });

      it("does nothing for an unknown family", async () => {
        const token = buildRefreshToken();
        await tokens.create(token);

        await expect(tokens.revokeFamily("family-unknown", minutesAfterEpoch(1))).resolves.toBeUndefined();
        expect((await tokens.getByHash(token.tokenHash))?.revokedAt).toBeNull();
      });

      it("revokes every token of a user, across families, and nothing else", async () => {
        const userId = "user-revoke-all";
        const mine = [buildRefreshToken({ userId }), buildRefreshToken({ userId }), buildRefreshToken({ userId })];
        const someoneElses = buildRefreshToken();
        for (const token of [...mine, someoneElses]) await tokens.create(token);
        const at = minutesAfterEpoch(4);

        await tokens.revokeUser(userId, at);

        for (const token of mine) {
          expect((await tokens.getByHash(token.tokenHash))?.revokedAt?.getTime()).toBe(at.getTime());
        }
        expect((await tokens.getByHash(someoneElses.tokenHash))?.revokedAt).toBeNull();
      });
    });

    describe("deleteByUser", () => {
      it("deletes every token of the user and nothing else", async () => {
        const userId = "user-delete-tokens";
        const mine = [buildRefreshToken({ userId }), buildRefreshToken({ userId })];
        const someoneElses = buildRefreshToken();
        for (const token of [...mine, someoneElses]) await tokens.create(token);

        await tokens.deleteByUser(userId);

        for (const token of mine) expect(await tokens.getByHash(token.tokenHash)).toBeNull();
        expect(await tokens.getByHash(someoneElses.tokenHash)).toEqual(someoneElses);
      });

      it("does not throw for a user without tokens", async () => {
        await expect(tokens.deleteByUser("user-without-tokens")).resolves.toBeUndefined();
      });
    });
  });
}
