import type { ConfideDeps } from "../../deps.ts";
import type { Device } from "../../domain/device.ts";
import type { Actor } from "../../domain/user.ts";

/** The actor's registered devices, newest first. */
export async function listDevices(deps: ConfideDeps, actor: Actor): Promise<Device[]> {
  return deps.devices.listByUser(actor.userId);
}
