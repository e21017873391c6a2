import { createHash } from "node:crypto";
import type { Container } from "@azure/cosmos";
import type { Device, DevicePlatform, DeviceRepository } from "@confide/core/ports";
import type { CosmosContext } from "./cosmos-client.ts";
import { devicesContainerId, deviceTokensContainerId } from "./cosmos-containers.ts";
import { withCosmosErrors } from "./cosmos-errors.ts";
import { compareOrdinal, deleteItemIfPresent, queryAll, readItemOrNull, retryOnRace, type CosmosSystemFields } from "./cosmos-items.ts";

export interface CosmosDeviceRepositoryOptions {
  /** What `close()` does (default: closes the context; the bundle passes its shared close). */
  close?: () => Promise<void>;
}

interface DeviceItem {
  id: string;
  /** The partition key: a user's devices are one partition. */
  userId: string;
  token: string;
  platform: DevicePlatform;
  createdAt: string;
  lastSeenAt: string;
}

/** Which device holds a push token: the one place a token is unique across users. */
interface TokenIndexItem {
  /** sha256 hex of the token (tokens can be longer than an id may be). */
  id: string;
  deviceId: string;
  userId: string;
}

const tokenIndexId = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

function toItem(device: Device): DeviceItem {
  return {
    id: device.id,
    userId: device.userId,
    token: device.token,
    platform: device.platform,
    createdAt: device.createdAt.toISOString(),
    lastSeenAt: device.lastSeenAt.toISOString(),
  };
}

function toDevice(item: DeviceItem): Device {
  return {
    id: item.id,
    userId: item.userId,
    token: item.token,
    platform: item.platform,
    createdAt: new Date(item.createdAt),
    lastSeenAt: new Date(item.lastSeenAt),
  };
}

/** Newest first: createdAt, then id, both descending (the port's listByUser order). */
function newestFirst(a: DeviceItem, b: DeviceItem): number {
  return compareOrdinal(b.createdAt, a.createdAt) || compareOrdinal(b.id, a.id);
}

/** Most recently seen first: lastSeenAt, then createdAt, then id, all descending. */
function mostRecentlySeenFirst(a: DeviceItem, b: DeviceItem): number {
  return compareOrdinal(b.lastSeenAt, a.lastSeenAt) || newestFirst(a, b);
}

/**
 * DeviceRepository on Cosmos DB for NoSQL: devices in `devices` (partition `/userId`, so listing
 * and trimming a user's devices stay in one partition) and a token index in `device-tokens`
 * (partition `/id` = sha256 of the token) that makes a push token belong to one device. Every
 * deletion removes the index entry before the device, so a repeated call finds what an
 * interrupted one left; deleting what is gone succeeds.
 * @returns the repository; its errors are `dependency.unavailable` (cosmos-errors.ts).
 */
export function createCosmosDeviceRepository(context: CosmosContext, options: CosmosDeviceRepositoryOptions = {}): DeviceRepository {
  const devices: Container = context.container(devicesContainerId);
  const index: Container = context.container(deviceTokensContainerId);

  const userDevices = (userId: string) =>
    queryAll<DeviceItem>(
      devices,
      { query: "SELECT * FROM c WHERE c.userId = @userId", parameters: [{ name: "@userId", value: userId }] },
      { partitionKey: userId },
    );

  /** Removes a device: its index entry if it still names this device, then the device. @returns true when the device was there. */
  async function remove(device: Pick<DeviceItem, "id" | "userId" | "token">): Promise<boolean> {
    const indexId = tokenIndexId(device.token);
    const entry = await readItemOrNull<TokenIndexItem>(index, indexId, indexId);
    if (entry !== null && entry.deviceId === device.id && entry.userId === device.userId) {
      await deleteItemIfPresent(index, indexId, indexId, entry._etag);
    }
    return deleteItemIfPresent(devices, device.id, device.userId);
  }

  /**
   * One try of an upsert. @returns the stored device.
   * @throws 409/412 when another registration of the token changed the index entry meanwhile.
   */
  async function tryUpsert(device: Device): Promise<Device> {
    const indexId = tokenIndexId(device.token);
    const entry = await readItemOrNull<TokenIndexItem>(index, indexId, indexId);
    if (entry === null) {
      // A new token: the index entry first, so that a device item is never reachable without one.
      await index.items.create<TokenIndexItem>({ id: indexId, deviceId: device.id, userId: device.userId });
      await devices.items.upsert<DeviceItem>(toItem(device));
      return device;
    }
    const previous = await readItemOrNull<DeviceItem>(devices, entry.deviceId, entry.userId);
    // The stored id and createdAt stay; owner, platform and lastSeenAt move.
    const stored: Device = {
      ...device,
      id: entry.deviceId,
      createdAt: previous === null ? device.createdAt : new Date(previous.createdAt),
    };
    if (entry.userId === device.userId) {
      await devices.items.upsert<DeviceItem>(toItem(stored));
      return stored;
    }
    // Another user's token moves: off the old owner first (a crash between the steps leaves the
    // token with nobody rather than with both), onto the new owner, then the index follows.
    await deleteItemIfPresent(devices, entry.deviceId, entry.userId);
    await devices.items.upsert<DeviceItem>(toItem(stored));
    await index
      .item(indexId, indexId)
      .replace<TokenIndexItem>({ id: indexId, deviceId: entry.deviceId, userId: device.userId }, {
        accessCondition: { type: "IfMatch", condition: entry._etag },
      });
    return stored;
  }

  return {
    // A 409/412 means another registration of the token won meanwhile: look again.
    upsert: (device) => withCosmosErrors("register a device", () => retryOnRace(() => tryUpsert(device))),

    listByUser: (userId) =>
      withCosmosErrors("list a user's devices", async () => (await userDevices(userId)).sort(newestFirst).map(toDevice)),

    deleteLeastRecentlySeen: (userId, { keep }) =>
      withCosmosErrors("remove a user's least recently seen devices", async () => {
        const surplus = (await userDevices(userId)).sort(mostRecentlySeenFirst).slice(Math.max(0, keep));
        let removed = 0;
        for (const device of surplus) if (await remove(device)) removed += 1;
        return removed;
      }),

    get: (id) =>
      withCosmosErrors("read a device", async () => {
        // The id alone does not name the partition: a fan-out query (removing a device is rare).
        const [item] = await queryAll<DeviceItem>(devices, { query: "SELECT * FROM c WHERE c.id = @id", parameters: [{ name: "@id", value: id }] });
        return item === undefined ? null : toDevice(item);
      }),

    deleteTokens: (tokens) =>
      withCosmosErrors("remove push tokens", async () => {
        if (tokens.length === 0) return;
        const held = await queryAll<DeviceItem>(devices, {
          query: "SELECT * FROM c WHERE ARRAY_CONTAINS(@tokens, c.token)",
          parameters: [{ name: "@tokens", value: tokens }],
        });
        for (const device of held) await remove(device);
        // Index entries left without a device (an interrupted registration) go too.
        for (const token of tokens) await deleteItemIfPresent(index, tokenIndexId(token), tokenIndexId(token));
      }),

    delete: (id) =>
      withCosmosErrors("remove a device", async () => {
        const held = await queryAll<DeviceItem>(devices, { query: "SELECT * FROM c WHERE c.id = @id", parameters: [{ name: "@id", value: id }] });
        for (const device of held) await remove(device);
      }),

    deleteByUser: (userId) =>
      withCosmosErrors("remove a user's devices", async () => {
        for (const device of await userDevices(userId)) await remove(device);
        // Index entries naming the user without a device (an interrupted registration or removal).
        const orphans = await queryAll<TokenIndexItem & CosmosSystemFields>(index, {
          query: "SELECT * FROM c WHERE c.userId = @userId",
          parameters: [{ name: "@userId", value: userId }],
        });
        for (const entry of orphans) await deleteItemIfPresent(index, entry.id, entry.id, entry._etag);
      }),

    close: options.close ?? (() => context.close()),
  };
}
