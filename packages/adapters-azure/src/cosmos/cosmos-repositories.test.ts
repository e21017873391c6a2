import { CredentialUnavailableError } from "@azure/identity";
import { describeRepositoriesContract, expectConfideError } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { createCosmosContext } from "./cosmos-client.ts";
import { cosmosContainerDefinitions } from "./cosmos-containers.ts";
import { createCosmosRepositories, createCosmosRepositoriesOn } from "./cosmos-repositories.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";

const standIn = useCosmosStandIn();

describeRepositoriesContract({
  name: "cosmos (Cosmos DB stand-in)",
  create: async () => {
    const repositories = await createCosmosRepositories(standIn.settings());
    await repositories.prepare();
    return repositories;
  },
});

describe("Cosmos repositories bundle", () => {
  it("prepare creates the database and every container on first use, then nothing", async () => {
    const settings = standIn.settings();
    const repositories = await createCosmosRepositories(settings);
    try {
      expect(await repositories.prepare()).toEqual([
        `database ${settings.databaseId}`,
        ...cosmosContainerDefinitions.map((definition) => `container ${definition.id}`),
      ]);
      expect(await repositories.prepare()).toEqual([]);
    } finally {
      await repositories.close();
    }
  });

  it("check fails with dependency.unavailable while Cosmos DB does not answer, also before anything is prepared", async () => {
    const unreachable = await createCosmosRepositories({ ...standIn.settings(), endpoint: "https://127.0.0.1:9/", requestTimeoutMs: 1_000 });
    try {
      const error = await expectConfideError(unreachable.check(), "dependency.unavailable");
      expect(error.retryable).toBe(true);
    } finally {
      await unreachable.close();
    }
    const unprepared = await createCosmosRepositories(standIn.settings());
    try {
      await expectConfideError(unprepared.check(), "dependency.unavailable");
    } finally {
      await unprepared.close();
    }
  }, 30_000);

  it("a credential that cannot sign in → dependency.unavailable, not retryable, naming the credential error", async () => {
    const { key: _key, ...settings } = standIn.settings();
    const noIdentity = { getToken: async () => Promise.reject(new CredentialUnavailableError("No managed identity endpoint found.")) };
    const repositories = await createCosmosRepositories({ ...settings, credential: noIdentity });
    try {
      const error = await expectConfideError(repositories.check(), "dependency.unavailable");
      expect(error.retryable).toBe(false);
      expect(error.details).toMatchObject({ dependency: "cosmos", reason: "CredentialUnavailableError" });
    } finally {
      await repositories.close();
    }
  });

  it("closes the shared client once the last of its repositories is closed", async () => {
    const context = await createCosmosContext(standIn.settings());
    let closed = 0;
    const repositories = createCosmosRepositoriesOn({ ...context, close: async () => { closed += 1; await context.close(); } });
    await repositories.sessions.close();
    await repositories.users.close();
    await repositories.tokens.close();
    await repositories.devices.close();
    await repositories.holds.close();
    await repositories.audit.close();
    expect(closed).toBe(0);
    await repositories.consents.close();
    await repositories.consents.close();
    expect(closed).toBe(1);
  });
});
