import type { ConfideDeps } from "../deps.ts";
import type { Device, DevicePlatform } from "../domain/device.ts";
import type { Actor } from "../domain/user.ts";
import { ConfideError } from "../errors.ts";

export interface RegisterDeviceInput {
  /** Push token from FCM/APNs, 1–4,096 characters. */
  token: string;
  platform: DevicePlatform;
}

const platforms: readonly DevicePlatform[] = ["android", "ios", "web"];

/**
 * Registers one of the actor's phones or browsers for notifications. Registering a known token
 * again refreshes it; a token registered by another user moves to the actor (the phone changed
 * hands or accounts).
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
  return deps.devices.upsert({
    id: deps.ids.newId(),
    userId: actor.userId,
    token,
    platform: input.platform,
    createdAt: now,
    lastSeenAt: now,
  });
}
