import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";

export interface RemoveDeviceInput {
  deviceId: string;
}

/**
 * Stops notifications to one of the actor's devices.
 * @throws ConfideError `device.not_found` when the id is unknown or the device is another
 * user's (the two are not told apart).
 */
export async function removeDevice(deps: ConfideDeps, actor: Actor, input: RemoveDeviceInput): Promise<void> {
  const device = await deps.devices.get(input.deviceId);
  if (!device || device.userId !== actor.userId) throw new ConfideError("device.not_found", "No such device.");
  await deps.devices.delete(device.id);
}
