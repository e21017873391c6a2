import type { Device } from "../domain/device.ts";

/** Persists push devices. A token belongs to at most one user. */
export interface DeviceRepository {
  /**
   * Stores the device, keyed by token: registering a token that exists moves it to this
   * user and refreshes it (the stored id is kept).
   * @returns the stored device.
   */
  upsert(device: Device): Promise<Device>;

  /** The user's devices, newest first. */
  listByUser(userId: string): Promise<Device[]>;

  /**
   * Keeps the user's `keep` most recently seen devices (latest `lastSeenAt` first, then
   * `createdAt`, then id) and removes the rest. Other users' devices are untouched.
   * @returns how many devices were removed; 0 when the user has `keep` or fewer.
   */
  deleteLeastRecentlySeen(userId: string, options: { keep: number }): Promise<number>;

  /** @returns the device or null. */
  get(id: string): Promise<Device | null>;

  /** Removes devices by token. Missing tokens do not throw. */
  deleteTokens(tokens: string[]): Promise<void>;

  /** Removes a device by id. A missing id does not throw. */
  delete(id: string): Promise<void>;

  deleteByUser(userId: string): Promise<void>;

  close(): Promise<void>;
}
