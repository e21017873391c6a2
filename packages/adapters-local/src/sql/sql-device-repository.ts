import type { Device, DevicePlatform, DeviceRepository } from "@confide/core/ports";
import type { SqlClient } from "./sql-client.ts";
import type { SqlRepositoryOptions } from "./sql-session-repository.ts";

interface DeviceRow {
  id: string;
  user_id: string;
  token: string;
  platform: DevicePlatform;
  created_at: Date;
  last_seen_at: Date;
}

function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    userId: row.user_id,
    token: row.token,
    platform: row.platform,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  };
}

/** DeviceRepository over SQL. A push token is unique: registering it again moves it. */
export function createSqlDeviceRepository(client: SqlClient, options: SqlRepositoryOptions = {}): DeviceRepository {
  return {
    async upsert(device) {
      // On a known token the stored id and createdAt stay; owner, platform and lastSeenAt move.
      const [row] = await client.query<DeviceRow>(
        `INSERT INTO confide_devices (id, user_id, token, platform, created_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (token) DO UPDATE
           SET user_id = excluded.user_id, platform = excluded.platform, last_seen_at = excluded.last_seen_at
         RETURNING *`,
        [device.id, device.userId, device.token, device.platform, device.createdAt, device.lastSeenAt],
      );
      return toDevice(row as DeviceRow);
    },

    async listByUser(userId) {
      const rows = await client.query<DeviceRow>(
        "SELECT * FROM confide_devices WHERE user_id = $1 ORDER BY created_at DESC, id DESC",
        [userId],
      );
      return rows.map(toDevice);
    },

    async deleteLeastRecentlySeen(userId, options) {
      // One statement: concurrent registrations cannot leave more than `keep` behind.
      const removed = await client.query<{ id: string }>(
        `DELETE FROM confide_devices WHERE id IN (
           SELECT id FROM confide_devices WHERE user_id = $1
           ORDER BY last_seen_at DESC, created_at DESC, id DESC OFFSET $2)
         RETURNING id`,
        [userId, Math.max(0, options.keep)],
      );
      return removed.length;
    },

    async get(id) {
      const [row] = await client.query<DeviceRow>("SELECT * FROM confide_devices WHERE id = $1", [id]);
      return row === undefined ? null : toDevice(row);
    },

    async deleteTokens(tokens) {
      if (tokens.length === 0) return;
      await client.query("DELETE FROM confide_devices WHERE token = ANY($1::text[])", [tokens]);
    },

    async delete(id) {
      await client.query("DELETE FROM confide_devices WHERE id = $1", [id]);
    },

    async deleteByUser(userId) {
      await client.query("DELETE FROM confide_devices WHERE user_id = $1", [userId]);
    },

    close: options.close ?? (() => client.close()),
  };
}
