import { buildDevice, describeDeviceRepositoryContract, expectConfideError, minutesAfterEpoch } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import type { CosmosContext } from "./cosmos-client.ts";
import { devicesContainerId, deviceTokensContainerId } from "./cosmos-containers.ts";
import { createCosmosDeviceRepository } from "./cosmos-device-repository.ts";
import { queryAll } from "./cosmos-items.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";

const standIn = useCosmosStandIn();

describeDeviceRepositoryContract({
  name: "cosmos (stand-in)",
  create: async () => createCosmosDeviceRepository(await standIn.freshContext()),
});

const everything = async (context: CosmosContext) => ({
  devices: await queryAll<{ id: string; userId: string; token: string }>(context.container(devicesContainerId), { query: "SELECT * FROM c" }),
  index: await queryAll<{ id: string; userId: string; deviceId: string }>(context.container(deviceTokensContainerId), { query: "SELECT * FROM c" }),
});

describe("Cosmos device repository", () => {
  it("keeps a user's devices in the user's partition and one index entry per token", async () => {
    const context = await standIn.freshContext();
    const devices = createCosmosDeviceRepository(context);
    const userId = "user-partitioned";
    const mine = [buildDevice({ userId }), buildDevice({ userId })];
    for (const device of mine) await devices.upsert(device);

    const { resources } = await context
      .container(devicesContainerId)
      .items.query({ query: "SELECT VALUE c.id FROM c" }, { partitionKey: userId })
      .fetchAll();
    expect(resources.sort()).toEqual(mine.map((device) => device.id).sort());
    const stored = await everything(context);
    expect(stored.index.map((entry) => [entry.deviceId, entry.userId]).sort()).toEqual(mine.map((device) => [device.id, userId]).sort());
  });

  it("gives a token registered by 10 users at once to exactly one device of one of them", async () => {
    const context = await standIn.freshContext();
    const devices = createCosmosDeviceRepository(context);
    const token = "push-contended";

    const returned = await Promise.all(
      Array.from({ length: 10 }, (_, index) => devices.upsert(buildDevice({ userId: `user-${index}`, token, lastSeenAt: minutesAfterEpoch(index) }))),
    );

    const stored = await everything(context);
    expect(stored.devices).toHaveLength(1);
    expect(stored.index).toHaveLength(1);
    expect(stored.index[0]).toMatchObject({ deviceId: stored.devices[0]?.id, userId: stored.devices[0]?.userId });
    expect(new Set(returned.map((device) => device.id))).toEqual(new Set([stored.devices[0]?.id]));
  });

  it("finishes an interrupted deleteByUser when run again: no device or index entry of the user remains", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const devices = createCosmosDeviceRepository(context);
    const userId = "user-erased";
    for (let index = 0; index < 3; index += 1) await devices.upsert(buildDevice({ userId }));
    const someoneElses = buildDevice();
    await devices.upsert(someoneElses);
    let deletes = 0;
    // The fourth DELETE: the second device's own item, after its index entry went.
    standIn.proxy().inject({ kind: "drop" }, { match: (request) => request.method === "DELETE" && (deletes += 1) === 4 });

    await expectConfideError(devices.deleteByUser(userId), "dependency.unavailable");
    const partial = await everything(context);
    expect(partial.devices.filter((device) => device.userId === userId)).toHaveLength(2);

    await devices.deleteByUser(userId);

    const stored = await everything(context);
    expect(stored.devices.filter((device) => device.userId === userId)).toEqual([]);
    expect(stored.index.filter((entry) => entry.userId === userId)).toEqual([]);
    expect(await devices.get(someoneElses.id)).toEqual(someoneElses);
  });

  it("removes an index entry a crashed registration left, with deleteTokens and with deleteByUser", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const devices = createCosmosDeviceRepository(context);
    const proxy = standIn.proxy();
    const crashed = buildDevice({ userId: "user-crashed" });
    const alsoCrashed = buildDevice({ userId: "user-crashed" });
    // The index entry is written, the device write loses its connection.
    proxy.inject({ kind: "drop" }, { times: 2, match: (request) => request.method === "POST" && request.path.includes(`/colls/${devicesContainerId}/`) });
    await expectConfideError(devices.upsert(crashed), "dependency.unavailable");
    await expectConfideError(devices.upsert(alsoCrashed), "dependency.unavailable");
    proxy.clearFaults();
    expect((await everything(context)).index).toHaveLength(2);

    await devices.deleteTokens([crashed.token]);
    expect((await everything(context)).index.map((entry) => entry.deviceId)).toEqual([alsoCrashed.id]);
    await devices.deleteByUser("user-crashed");
    expect(await everything(context)).toEqual({ devices: [], index: [] });
  });

  it("re-registering a token whose device write crashed keeps the id of the index entry", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const devices = createCosmosDeviceRepository(context);
    const device = buildDevice();
    standIn.proxy().inject({ kind: "drop" }, { match: (request) => request.method === "POST" && request.path.includes(`/colls/${devicesContainerId}/`) });
    await expectConfideError(devices.upsert(device), "dependency.unavailable");

    const again = await devices.upsert({ ...device, id: "device-second-try" });

    expect(again.id).toBe(device.id);
    expect((await devices.listByUser(device.userId)).map((stored) => stored.id)).toEqual([device.id]);
  });

  it("answers a request that outlasts the request timeout as retryable dependency.unavailable", async () => {
    const devices = createCosmosDeviceRepository(await standIn.freshContext({ proxy: true, requestTimeoutMs: 300 }));
    standIn.proxy().inject({ kind: "delay", ms: 1500 }, { match: (request) => request.method === "POST" });

    const error = await expectConfideError(devices.upsert(buildDevice()), "dependency.unavailable");

    expect(error.retryable).toBe(true);
  });

  it("answers 503 as retryable dependency.unavailable", async () => {
    const context = await standIn.freshContext({ proxy: true });
    const devices = createCosmosDeviceRepository(context);
    standIn.proxy().inject({ kind: "unavailable" });

    const error = await expectConfideError(devices.upsert(buildDevice()), "dependency.unavailable");

    expect(error.retryable).toBe(true);
  });
});
