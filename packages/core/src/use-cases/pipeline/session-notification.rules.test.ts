import { describe, expect, it } from "vitest";
import type { PushNotifier, PushOutcome } from "../../ports/push-notifier.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { storeSession } from "../sessions/session-fixture.test-support.ts";
import { notify } from "./session-notification.ts";

// What a delivery of the ready/failed push records: the outcomes counted, dead tokens removed.

async function withDevices(tokens: string[], push?: PushNotifier) {
  const logger = createRecordingLogger();
  const deps = createTestDeps({ logger, invalidTokens: ["gone-token"], ...(push ? { push: push as never } : {}) });
  const at = deps.clock.now();
  for (const [index, token] of tokens.entries()) {
    await deps.devices.upsert({ id: `device-${index}`, userId: "therapist-1", token, platform: "android", createdAt: at, lastSeenAt: at });
  }
  return { deps, logger };
}

describe("a delivery of the session's push", () => {
  it("counts what was delivered, what failed, and removes the devices whose tokens are dead", async () => {
    const push: PushNotifier = {
      async send(tokens) {
        return tokens.map((token): PushOutcome =>
          token === "gone-token"
            ? { token, status: "invalid-token" as const, reason: "unregistered" }
            : token === "flaky-token"
              ? { token, status: "failed" as const, reason: "unavailable", retryable: true }
              : { token, status: "ok" as const },
        );
      },
      async check() {},
      async close() {},
    };
    const { deps, logger } = await withDevices(["good-token", "other-good-token", "flaky-token", "gone-token"], push);
    const session = await storeSession(deps, { status: "ready" });
    await notify(deps, session);
    expect(logger.entries).toContainEqual({
      level: "info",
      message: "session.notified",
      fields: { sessionId: session.id, status: "ready", delivered: 2, failed: 1, removedDevices: 1 },
    });
    expect((await deps.devices.listByUser("therapist-1")).map((device) => device.token).sort()).toEqual(["flaky-token", "good-token", "other-good-token"]);
  });

  it("removes nothing when every token is alive", async () => {
    const { deps, logger } = await withDevices(["good-token"]);
    let deletions = 0;
    const devices = deps.devices;
    const counting = { ...devices, deleteTokens: async (tokens: string[]) => { deletions += 1; return devices.deleteTokens(tokens); } };
    const session = await storeSession(deps, { status: "ready" });
    await notify({ ...deps, devices: counting }, session);
    expect(deletions).toBe(0);
    expect(logger.entries).toContainEqual(expect.objectContaining({ message: "session.notified", fields: expect.objectContaining({ delivered: 1, failed: 0, removedDevices: 0 }) }));
  });

  it("sends nothing to a therapist with no device, and says so", async () => {
    const { deps, logger } = await withDevices([]);
    const session = await storeSession(deps, { status: "ready" });
    await notify(deps, session);
    expect(deps.push.sent()).toEqual([]);
    expect(logger.entries).toContainEqual({ level: "info", message: "session.notify.no_devices", fields: { sessionId: session.id } });
    expect(logger.entries.filter((entry) => entry.message === "session.notified")).toEqual([]);
  });
});
