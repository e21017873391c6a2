import { buildUploadedSession, expectConfideError } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { cosmosContainerDefinitions, prepareCosmosContainers, sessionsContainerId } from "./cosmos-containers.ts";
import { createCosmosSessionRepository } from "./cosmos-session-repository.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";

const standIn = useCosmosStandIn();

describe("prepareCosmosContainers", () => {
  it("creates the database and every container once; a second run, also two at once, changes nothing", async () => {
    const context = await standIn.freshContext({ prepare: false });

    const created = await prepareCosmosContainers(context);

    expect(created).toEqual([`database ${context.databaseId}`, ...cosmosContainerDefinitions.map((definition) => `container ${definition.id}`)]);
    const { resources } = await context.database.containers.readAll().fetchAll();
    expect(resources.map((container) => container.id).sort()).toEqual(cosmosContainerDefinitions.map((definition) => definition.id).sort());
    const sessions = resources.find((container) => container.id === sessionsContainerId);
    expect(sessions?.partitionKey?.paths).toEqual(["/sessionId"]);

    expect(await prepareCosmosContainers(context)).toEqual([]);
    expect(await Promise.all([prepareCosmosContainers(context), prepareCosmosContainers(context)])).toEqual([[], []]);
  });

  it("creates only what is missing, keeping the items of containers that exist", async () => {
    const context = await standIn.freshContext();
    await context.container(sessionsContainerId).items.create({ id: "kept", sessionId: "kept" });
    const extra = { id: "extra-test", partitionKeyPath: "/pk" };

    expect(await prepareCosmosContainers(context, [...cosmosContainerDefinitions, extra])).toEqual(["container extra-test"]);

    const { resource } = await context.container(sessionsContainerId).item("kept", "kept").read();
    expect(resource?.id).toBe("kept");
  });

  it("refuses a container that exists with another partition key, as internal", async () => {
    const context = await standIn.freshContext({ prepare: false });
    await context.client.databases.create({ id: context.databaseId });
    await context.database.containers.create({ id: sessionsContainerId, partitionKey: { paths: ["/therapistId"] } });

    const error = await expectConfideError(prepareCosmosContainers(context), "internal");
    expect(error.message).toContain("/therapistId");
  });

  it("maps an unreachable endpoint to dependency.unavailable", async () => {
    const context = await standIn.freshContext({ prepare: false });
    const unreachable = await (await import("./cosmos-client.ts")).createCosmosContext({
      ...standIn.settings(),
      endpoint: "https://127.0.0.1:9/",
      databaseId: context.databaseId,
    });
    try {
      const error = await expectConfideError(prepareCosmosContainers(unreachable), "dependency.unavailable");
      expect(error.retryable).toBe(true);
    } finally {
      await unreachable.close();
    }
  }, 30_000);
});

describe("before prepare", () => {
  it("a write to a database without its containers says to run confide migrate", async () => {
    const context = await standIn.freshContext({ prepare: false });

    const error = await expectConfideError(createCosmosSessionRepository(context).create(buildUploadedSession()), "dependency.unavailable");

    expect(error.retryable).toBe(false);
    expect(error.message).toContain("confide migrate");
  });
});
