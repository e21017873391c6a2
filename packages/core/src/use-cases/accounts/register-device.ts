import type { ConfideDeps } from "../../deps.ts";
import type { Device, DevicePlatform } from "../../domain/device.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";

export interface RegisterDeviceInput {
  /** Push token from FCM/APNs, 1–4,096 characters. */
  token: string;
  platform: DevicePlatform;
}

const platforms: readonly DevicePlatform[] = ["android", "ios", "web"];

/** Devices a user may have registered at once (phones, tablets, browsers). */
export const maxDevicesPerUser = 20;

/**
 * Registers one of the actor's phones or browsers for notifications. Registering a known token
 * again refreshes it (not a new device); a token registered by another user moves to the actor
 * (the phone changed hands or accounts).
 *
 * A user has at most `maxDevicesPerUser` (20) devices. Registering one more never fails:
 * the device not seen for the longest time (the least recent registration or refresh) is
 * removed and gets no more notifications. An app registers its token at every start, so the
 * devices still in use are the recently seen ones; the removed one is most likely a reinstalled
 * app's or a retired phone's stale token, and a phone that comes back is registered again by
 * its app at its next start.
 * @throws ConfideError `validation.invalid_input` for an empty or over-long token or an
 * unknown platform.
 */
export async function registerDevice(deps: ConfideDeps, actor: Actor, input: RegisterDeviceInput): Promise<Device> {
  const token = input.token.trim();
  if (token.length < 1 || token.length > 4096) {
    throw new ConfideError("validation.invalid_input", "The push token must have 1 to 4,096 characters.", {
      details: { field: "token" },
    });
  }
  if (!platforms.includes(input.platform)) {
    throw new ConfideError("validation.invalid_input", "The platform must be android, ios or web.", {
      details: { field: "platform" },
    });
  }
  const now = deps.clock.now();
  const device = await deps.devices.upsert({
    id: deps.ids.newId(),
    userId: actor.userId,
    token,
    platform: input.platform,
    createdAt: now,
    lastSeenAt: now,
  });
  const removed = await deps.devices.deleteLeastRecentlySeen(actor.userId, { keep: maxDevicesPerUser });
  if (removed > 0) {
    deps.logger.info("device.limit_reached", { userId: actor.userId, removedDeviceCount: removed, maxDevicesPerUser });
  }
  return device;
}
