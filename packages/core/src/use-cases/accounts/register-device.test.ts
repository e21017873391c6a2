import { describe, expect, it } from "vitest";
import type { Actor } from "../../domain/user.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { listDevices } from "./list-devices.ts";
import { maxDevicesPerUser, registerDevice } from "./register-device.ts";
import { removeDevice } from "./remove-device.ts";

const alice: Actor = { userId: "user-alice", role: "therapist" };
const bob: Actor = { userId: "user-bob", role: "patient" };

describe("devices", () => {
  it("registers a device, and registering the same token again keeps one device", async () => {
    const deps = createTestDeps();
    const device = await registerDevice(deps, alice, { token: "fcm-token-alice-phone", platform: "android" });
    expect(device).toMatchObject({ userId: alice.userId, token: "fcm-token-alice-phone", platform: "android" });
    deps.clock.advance(60_000);
    const again = await registerDevice(deps, alice, { token: "fcm-token-alice-phone", platform: "android" });
    expect(again.id).toBe(device.id);
    expect(again.lastSeenAt).toEqual(deps.clock.now());
    expect(await listDevices(deps, alice)).toHaveLength(1);
  });

  it("keeps at most 20 devices per user: a 21st replaces the one not seen for the longest time", async () => {
    const deps = createTestDeps();
    expect(maxDevicesPerUser).toBe(20);
    for (let index = 1; index <= 20; index += 1) {
      await registerDevice(deps, alice, { token: `alice-device-${index}`, platform: "android" });
      deps.clock.advance(1_000);
    }
    await registerDevice(deps, bob, { token: "bob-phone", platform: "ios" });
    // The first phone is still in use: its app registers again at start, which is no new device.
    deps.clock.advance(1_000);
    await registerDevice(deps, alice, { token: "alice-device-1", platform: "android" });
    expect(await listDevices(deps, alice)).toHaveLength(20);

    deps.clock.advance(1_000);
    const newest = await registerDevice(deps, alice, { token: "alice-device-21", platform: "web" });

    const tokens = (await listDevices(deps, alice)).map((device) => device.token);
    expect(tokens).toHaveLength(20);
    expect(tokens).toContain(newest.token);
    expect(tokens).toContain("alice-device-1");
    expect(tokens).not.toContain("alice-device-2");
    expect((await listDevices(deps, bob)).map((device) => device.token)).toEqual(["bob-phone"]);
  });

  it("lists only the actor's devices, newest first", async () => {
    const deps = createTestDeps();
    await registerDevice(deps, alice, { token: "alice-phone", platform: "ios" });
    deps.clock.advance(1_000);
    await registerDevice(deps, alice, { token: "alice-browser", platform: "web" });
    await registerDevice(deps, bob, { token: "bob-phone", platform: "android" });
    expect((await listDevices(deps, alice)).map((device) => device.token)).toEqual(["alice-browser", "alice-phone"]);
    expect((await listDevices(deps, bob)).map((device) => device.token)).toEqual(["bob-phone"]);
  });

  it("moves a token to the user who registers it last", async () => {
    const deps = createTestDeps();
    await registerDevice(deps, alice, { token: "shared-tablet", platform: "android" });
    const moved = await registerDevice(deps, bob, { token: "shared-tablet", platform: "android" });
    expect(moved.userId).toBe(bob.userId);
    expect(await listDevices(deps, alice)).toEqual([]);
    expect((await listDevices(deps, bob)).map((device) => device.token)).toEqual(["shared-tablet"]);
  });

  it("removes the actor's own device; another user's device is not found", async () => {
    const deps = createTestDeps();
    const mine = await registerDevice(deps, alice, { token: "alice-phone", platform: "ios" });
    const theirs = await registerDevice(deps, bob, { token: "bob-phone", platform: "android" });

    await expect(removeDevice(deps, alice, { deviceId: theirs.id })).rejects.toMatchObject({ code: "device.not_found" });
    expect(await listDevices(deps, bob)).toHaveLength(1);

    await removeDevice(deps, alice, { deviceId: mine.id });
    expect(await listDevices(deps, alice)).toEqual([]);
    await expect(removeDevice(deps, alice, { deviceId: mine.id })).rejects.toMatchObject({ code: "device.not_found" });
  });

  it("refuses an empty or over-long token and an unknown platform", async () => {
    const deps = createTestDeps();
    await expect(registerDevice(deps, alice, { token: "", platform: "ios" })).rejects.toMatchObject({ code: "validation.invalid_input" });
    await expect(registerDevice(deps, alice, { token: "x".repeat(4097), platform: "ios" })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
    await expect(registerDevice(deps, alice, { token: "x".repeat(4096), platform: "ios" })).resolves.toBeDefined();
    await expect(
      registerDevice(deps, alice, { token: "ok", platform: "symbian" as unknown as "ios" }),
    ).rejects.toMatchObject({ code: "validation.invalid_input" });
  });
});

describe("device input", () => {
  it("trims the token, keeps a one-character token, and names the field at fault", async () => {
    const deps = createTestDeps();
    await expect(registerDevice(deps, alice, { token: "  fcm-token  ", platform: "android" })).resolves.toMatchObject({ token: "fcm-token" });
    await expect(registerDevice(deps, alice, { token: "x", platform: "web" })).resolves.toMatchObject({ token: "x" });
    await expect(registerDevice(deps, alice, { token: "   ", platform: "ios" })).rejects.toMatchObject({
      message: "The push token must have 1 to 4,096 characters.",
      details: { field: "token" },
    });
    await expect(registerDevice(deps, alice, { token: "ok", platform: "symbian" as unknown as "ios" })).rejects.toMatchObject({
      message: "The platform must be android, ios or web.",
      details: { field: "platform" },
    });
    await expect(removeDevice(deps, bob, { deviceId: "device-404" })).rejects.toMatchObject({
      code: "device.not_found",
      message: "No such device.",
    });
  });
});
