import { checkPasswordPolicy, login } from "@confide/core";
import { createTestDeps } from "@confide/core/testing";
import { describe, expect, it } from "vitest";
import { generatePassword, seedCommand } from "./accounts.ts";

describe("generated passwords", () => {
  it("seed makes 20-character passwords the password policy accepts, and each signs in", async () => {
    const deps = createTestDeps({ settings: { passwordCost: 1024 } });
    const { accounts } = await seedCommand(deps);
    expect(accounts).toHaveLength(3);
    for (const account of accounts) {
      expect(account.password).toHaveLength(20);
      await expect(
        checkPasswordPolicy(account.password, { minLength: 12, owner: { email: account.user.email, displayName: account.user.displayName } }),
      ).resolves.toBeUndefined();
      expect((await login(deps, { email: account.user.email, password: account.password })).user.id).toBe(account.user.id);
    }
  });

  it("draws passwords for an account with a short name that random text could contain", async () => {
    const owner = { email: "abcd@x.org", displayName: "Abcd" };
    for (let index = 0; index < 20; index += 1) {
      expect((await generatePassword(owner, 12)).toLowerCase()).not.toContain("abcd");
    }
  });
});
