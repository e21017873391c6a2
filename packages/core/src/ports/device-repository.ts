import type { Device } from "../domain/device.ts";

/**
 * Persists push devices. A token belongs to at most one user. Every method throws ConfideError
 * `dependency.unavailable` when the store cannot be reached or fails (retryable when it may pass),
 * as the repositories' error maps say; nothing is half-written.
 */
export interface DeviceRepository {
  /**
   * Stores the device, keyed by token: registering a token that exists moves it to this
   * user and refreshes it (the stored id is kept).
   * @returns the stored device.
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  upsert(device: Device): Promise<Device>;

  /**
   * The user's devices, newest first ([] for a user without any).
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  listByUser(userId: string): Promise<Device[]>;

  /**
   * Keeps the user's `keep` most recently seen devices (latest `lastSeenAt` first, then
   * `createdAt`, then id) and removes the rest. Other users' devices are untouched.
   * @returns how many devices were removed; 0 when the user has `keep` or fewer.
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  deleteLeastRecentlySeen(userId: string, options: { keep: number }): Promise<number>;

  /**
   * @returns the device or null.
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  get(id: string): Promise<Device | null>;

  /**
   * Removes devices by token. Missing tokens do not throw.
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  deleteTokens(tokens: string[]): Promise<void>;

  /**
   * Removes a device by id. A missing id does not throw.
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  delete(id: string): Promise<void>;

  /**
   * Removes every device of the user. A user without devices does nothing.
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  deleteByUser(userId: string): Promise<void>;

  /** Releases what the repository holds (its connection, when it owns one). */
  close(): Promise<void>;
}
