import { ConfideError, type Repositories } from "@confide/core/ports";
import type { SqlClient } from "./sql-client.ts";
import { createSqlAuditLog } from "./sql-audit-log.ts";
import { createSqlConsentRepository } from "./sql-consent-repository.ts";
import { createSqlDeviceRepository } from "./sql-device-repository.ts";
import { createSqlLegalHoldRepository } from "./sql-legal-hold-repository.ts";
import { applyMigrations } from "./sql-migrations.ts";
import { createSqlSnapshots } from "./sql-snapshots.ts";
import { backfillSessionSearchTerms, createSqlSessionRepository } from "./sql-session-repository.ts";
import { createSqlTokenRepository } from "./sql-token-repository.ts";
import { createSqlUserRepository } from "./sql-user-repository.ts";

/**
 * The persistence ports over one SQL database, sharing one client. `prepare()` applies the
 * migrations (under an advisory lock, so several processes may start together), then fills in
 * the search terms of sessions stored before they were kept; it returns the migrations applied.
 * `check()` runs `SELECT 1` (bounded by the client's connection and statement timeouts).
 */
export type SqlRepositories = Repositories;

export function createSqlRepositories(
  client: SqlClient,
  options: { schema?: string; databaseName: string },
): SqlRepositories {
  let open = 7;
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
    holds: createSqlLegalHoldRepository(client, { close: releaser() }),
    consents: createSqlConsentRepository(client, { close: releaser() }),
    snapshots: createSqlSnapshots(client, options.schema === undefined ? {} : { schema: options.schema }),
    async prepare() {
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
