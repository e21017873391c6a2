/**
 * Behaviour every DeviceRepository adapter must show
 * (packages/core/src/ports/device-repository.ts).
 */
import type { Device, DeviceRepository } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectSameDates } from "./expect-same-dates.ts";
import { buildDevice, minutesAfterEpoch } from "./fixtures.ts";

export interface DeviceRepositoryContractOptions {
  name: string;
  create: () => Promise<DeviceRepository>;
}

const idsOf = (devices: Device[]) => devices.map((device) => device.id);

export function describeDeviceRepositoryContract(options: DeviceRepositoryContractOptions): void {
  describe(`DeviceRepository contract: ${options.name}`, () => {
    let devices: DeviceRepository;

    beforeEach(async () => {
      devices = await options.create();
    });

    afterEach(async () => {
      await devices.close();
    });

    describe("upsert and get", () => {
      it("stores a new device and returns it as written, every date a Date", async () => {
        const device = buildDevice();

        const returned = await devices.upsert(device);

        expect(returned).toEqual(device);
        const stored = await devices.get(device.id);
        expect(stored).toEqual(device);
        expectSameDates(stored, device, "device");
      });

      it("answers null for a missing id", async () => {
        expect(await devices.get("device-missing")).toBeNull();
      });

      it("refreshes a known token for the same user, keeping the stored id", async () => {
        const device = buildDevice({ platform: "android" });
        await devices.upsert(device);
        const again = buildDevice({
          userId: device.userId,
          token: device.token,
          platform: "android",
          lastSeenAt: minutesAfterEpoch(30),
        });

        const returned = await devices.upsert(again);

        expect(returned.id).toBe(device.id);
        expect(returned.lastSeenAt.getTime()).toBe(again.lastSeenAt.getTime());
        expect(await devices.get(again.id)).toBeNull();
        const stored = await devices.get(device.id);
        expect(stored).toMatchObject({ id: device.id, userId: device.userId, token: device.token });
        expect(stored?.lastSeenAt).toBeInstanceOf(Date);
        expect(stored?.lastSeenAt.getTime()).toBe(again.lastSeenAt.getTime());
        expect(idsOf(await devices.listByUser(device.userId))).toEqual([device.id]);
      });

      it("moves a known token to another user, keeping the stored id", async () => {
        const device = buildDevice({ userId: "user-old-owner" });
        await devices.upsert(device);
        const moved = buildDevice({ userId: "user-new-owner", token: device.token, lastSeenAt: minutesAfterEpoch(40) });

        const returned = await devices.upsert(moved);

        expect(returned).toMatchObject({ id: device.id, userId: "user-new-owner", token: device.token });
        expect(await devices.listByUser("user-old-owner")).toEqual([]);
        const listed = await devices.listByUser("user-new-owner");
        expect(idsOf(listed)).toEqual([device.id]);
        expect(listed[0]?.lastSeenAt.getTime()).toBe(moved.lastSeenAt.getTime());
      });
    });

    describe("listByUser", () => {
      it("lists the user's devices, newest first", async () => {
        const userId = "user-with-devices";
        const oldest = buildDevice({ userId, createdAt: minutesAfterEpoch(-30), lastSeenAt: minutesAfterEpoch(-30) });
        const newest = buildDevice({ userId, createdAt: minutesAfterEpoch(-10), lastSeenAt: minutesAfterEpoch(-10) });
        const middle = buildDevice({ userId, platform: "ios", createdAt: minutesAfterEpoch(-20), lastSeenAt: minutesAfterEpoch(-20) });
        for (const device of [oldest, newest, middle, buildDevice()]) await devices.upsert(device);

        const listed = await devices.listByUser(userId);

        expect(listed).toEqual([newest, middle, oldest]);
        expectSameDates(listed, [newest, middle, oldest], "devices");
      });

      it("answers [] for a user without devices", async () => {
        expect(await devices.listByUser("user-without-devices")).toEqual([]);
      });
    });

    describe("deleteLeastRecentlySeen", () => {
      it("keeps the user's most recently seen devices and removes the rest, answering how many went", async () => {
        const userId = "user-many-devices";
        const seenAt = (minutes: number) =>
          buildDevice({ userId, createdAt: minutesAfterEpoch(-100), lastSeenAt: minutesAfterEpoch(minutes) });
        const stale = seenAt(-50);
        const older = seenAt(-40);
        const recent = seenAt(-5);
        const latest = seenAt(-1);
        const someoneElses = buildDevice({ lastSeenAt: minutesAfterEpoch(-90) });
        for (const device of [recent, stale, latest, older, someoneElses]) await devices.upsert(device);

        expect(await devices.deleteLeastRecentlySeen(userId, { keep: 2 })).toBe(2);

        expect(idsOf(await devices.listByUser(userId)).sort()).toEqual([recent.id, latest.id].sort());
        expect(await devices.get(stale.id)).toBeNull();
        expect(await devices.get(someoneElses.id)).toEqual(someoneElses);
        expect(await devices.deleteLeastRecentlySeen(userId, { keep: 2 })).toBe(0);
        expect(await devices.deleteLeastRecentlySeen("user-without-devices", { keep: 2 })).toBe(0);
      });

      it("breaks a tie in lastSeenAt by createdAt", async () => {
        const userId = "user-tied-devices";
        const lastSeenAt = minutesAfterEpoch(-1);
        const first = buildDevice({ userId, createdAt: minutesAfterEpoch(-30), lastSeenAt });
        const second = buildDevice({ userId, createdAt: minutesAfterEpoch(-20), lastSeenAt });
        for (const device of [second, first]) await devices.upsert(device);

        expect(await devices.deleteLeastRecentlySeen(userId, { keep: 1 })).toBe(1);

        expect(idsOf(await devices.listByUser(userId))).toEqual([second.id]);
      });
    });

    describe("delete", () => {
      it("deletes devices by token, ignoring unknown tokens", async () => {
        const userId = "user-delete-tokens";
        const first = buildDevice({ userId });
        const second = buildDevice({ userId });
        const kept = buildDevice({ userId });
        for (const device of [first, second, kept]) await devices.upsert(device);

        await devices.deleteTokens([first.token, "push-unknown", second.token]);
        await expect(devices.deleteTokens([])).resolves.toBeUndefined();

        expect(idsOf(await devices.listByUser(userId))).toEqual([kept.id]);
        expect(await devices.get(first.id)).toBeNull();
      });

      it("deletes a device by id; a missing id does not throw", async () => {
        const device = buildDevice();
        const other = buildDevice({ userId: device.userId });
        await devices.upsert(device);
        await devices.upsert(other);

        await devices.delete(device.id);
        await expect(devices.delete(device.id)).resolves.toBeUndefined();

        expect(await devices.get(device.id)).toBeNull();
        expect(idsOf(await devices.listByUser(device.userId))).toEqual([other.id]);
      });

      it("deletes every device of a user and nothing else", async () => {
        const userId = "user-erased";
        const mine = [buildDevice({ userId }), buildDevice({ userId, platform: "web" })];
        const someoneElses = buildDevice();
        for (const device of [...mine, someoneElses]) await devices.upsert(device);

        await devices.deleteByUser(userId);
        await expect(devices.deleteByUser(userId)).resolves.toBeUndefined();

        expect(await devices.listByUser(userId)).toEqual([]);
        expect(await devices.get(someoneElses.id)).toEqual(someoneElses);
      });

      it("lets a deleted token be registered again", async () => {
        const device = buildDevice();
        await devices.upsert(device);
        await devices.deleteTokens([device.token]);

        const again = buildDevice({ token: device.token });
        const returned = await devices.upsert(again);

        expect(returned).toEqual(again);
      });
    });
  });
}
