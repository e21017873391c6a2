import {
  ConfideError,
  type AuditLog,
  type DeviceRepository,
  type SessionRepository,
  type TokenRepository,
  type UserRepository,
} from "@confide/core";
import type { SqlClient } from "./sql-client.ts";
import { createSqlAuditLog } from "./sql-audit-log.ts";
import { createSqlDeviceRepository } from "./sql-device-repository.ts";
import { applyMigrations } from "./sql-migrations.ts";
import { backfillSessionSearchTerms, createSqlSessionRepository } from "./sql-session-repository.ts";
import { createSqlTokenRepository } from "./sql-token-repository.ts";
import { createSqlUserRepository } from "./sql-user-repository.ts";

/** The persistence ports over one SQL database, sharing one client. */
export interface SqlRepositories {
  sessions: SessionRepository;
  users: UserRepository;
  tokens: TokenRepository;
  devices: DeviceRepository;
  audit: AuditLog;
  /**
   * Creates or upgrades the tables (safe to call from several processes at once), then fills
   * in the search terms of sessions stored before they were kept.
   * @returns the migrations this call applied.
   */
  migrate(): Promise<string[]>;
  /** Resolves when the database answers. @throws ConfideError `dependency.unavailable`. */
  check(): Promise<void>;
  /**
   * Closes the client. Closing each of the five repositories has the same effect once the
   * last of them is closed, so a host may close either way.
   */
  close(): Promise<void>;
}

export function createSqlRepositories(
  client: SqlClient,
  options: { schema?: string; databaseName: string },
): SqlRepositories {
  let open = 5;
  const closeAll = () => client.close();
  const releaser = () => {
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      open -= 1;
      if (open === 0) await closeAll();
    };
  };
  return {
    sessions: createSqlSessionRepository(client, { close: releaser() }),
    users: createSqlUserRepository(client, { close: releaser() }),
    tokens: createSqlTokenRepository(client, { close: releaser() }),
    devices: createSqlDeviceRepository(client, { close: releaser() }),
    audit: createSqlAuditLog(client, { close: releaser() }),
    async migrate() {
      const applied = await applyMigrations(client, options.schema === undefined ? {} : { schema: options.schema });
      await backfillSessionSearchTerms(client);
      return applied;
    },
    async check() {
      try {
        await client.query("SELECT 1");
      } catch (error) {
        if (ConfideError.is(error)) throw error;
        throw new ConfideError("dependency.unavailable", `The ${options.databaseName} database does not answer.`, {
          retryable: true,
          cause: error,
          details: { dependency: options.databaseName },
        });
      }
    },
    close: closeAll,
  };
}
