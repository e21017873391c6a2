import type { Device } from "../domain/device.ts";
import type { DeviceRepository } from "../ports/device-repository.ts";

export function createInMemoryDeviceRepository(): DeviceRepository {
  const devices = new Map<string, Device>();
  return {
    async upsert(device) {
      const existing = [...devices.values()].find((d) => d.token === device.token);
      const stored = existing
        ? structuredClone({ ...device, id: existing.id, createdAt: existing.createdAt })
        : structuredClone(device);
      devices.set(stored.id, stored);
      return structuredClone(stored);
    },
    async listByUser(userId) {
      return [...devices.values()]
        .filter((d) => d.userId === userId)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .map((d) => structuredClone(d));
    },
    async deleteLeastRecentlySeen(userId, options) {
      const newestFirst = [...devices.values()]
        .filter((d) => d.userId === userId)
        .sort(
          (a, b) =>
            b.lastSeenAt.getTime() - a.lastSeenAt.getTime() ||
            b.createdAt.getTime() - a.createdAt.getTime() ||
            (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
        );
      const removed = newestFirst.slice(Math.max(0, options.keep));
      for (const device of removed) devices.delete(device.id);
      return removed.length;
    },
    async get(id) {
      const device = devices.get(id);
      return device ? structuredClone(device) : null;
    },
    async deleteTokens(tokens) {
      for (const [id, device] of devices) if (tokens.includes(device.token)) devices.delete(id);
    },
    async delete(id) {
      devices.delete(id);
    },
    async deleteByUser(userId) {
      for (const [id, device] of devices) if (device.userId === userId) devices.delete(id);
    },
    async close() {},
  };
}
