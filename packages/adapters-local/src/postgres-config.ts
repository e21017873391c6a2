import { ConfideError, type Logger } from "@confide/core";

/** Settings of the PostgreSQL repositories (self-hosted profile, RDS). */
export interface PostgresSettings {
  /** `postgres://user:password@host:5432/database`; parameters in the URL win over the fields below. */
  connectionString: string;
  /**
   * Schema holding Confide's tables (set as `search_path`, created by `migrate()` when missing).
   * Lower-case letters, digits and `_`; default: the server's default search path (usually `public`).
   */
  schema?: string;
  /** Pool size. Default 10. */
  max?: number;
  /** How long to wait for a connection before failing with `dependency.unavailable`. Default 5000. */
  connectionTimeoutMs?: number;
  /** Server-side limit of one statement (`statement_timeout`). Default 30000; 0 disables it. */
  statementTimeoutMs?: number;
  /** Server-side limit of an idle open transaction. Default 60000. */
  idleInTransactionTimeoutMs?: number;
  /** How long an idle pooled connection is kept. Default 30000. */
  idleTimeoutMs?: number;
  /** Shown in `pg_stat_activity`. Default "confide". */
  applicationName?: string;
  /** Receives pool errors of idle connections (a restarted server, a dropped link). */
  logger?: Logger;
}

export interface ResolvedPostgresSettings {
  connectionString: string;
  schema: string | undefined;
  max: number;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  idleTimeoutMs: number;
  applicationName: string;
  logger: Logger | undefined;
}

/** Lower case only: the name is used unquoted in search_path and quoted in CREATE SCHEMA. */
const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

function nonNegativeInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfideError("validation.invalid_input", `${name} must be a non-negative integer.`, {
      details: { setting: name },
    });
  }
  return value;
}

/** Fills defaults and checks the settings. @throws ConfideError `validation.invalid_input`. */
export function resolvePostgresSettings(settings: PostgresSettings): ResolvedPostgresSettings {
  if (typeof settings.connectionString !== "string" || settings.connectionString.trim() === "") {
    throw new ConfideError("validation.invalid_input", "A PostgreSQL connection string is required.", {
      details: { setting: "connectionString" },
    });
  }
  if (settings.schema !== undefined && !schemaPattern.test(settings.schema)) {
    throw new ConfideError(
      "validation.invalid_input",
      "The PostgreSQL schema name may hold lower-case letters, digits and _ only (at most 63).",
      { details: { setting: "schema" } },
    );
  }
  const max = nonNegativeInteger("max", settings.max, 10);
  if (max < 1) {
    throw new ConfideError("validation.invalid_input", "max must be at least 1.", { details: { setting: "max" } });
  }
  return {
    connectionString: settings.connectionString,
    schema: settings.schema,
    max,
    connectionTimeoutMs: nonNegativeInteger("connectionTimeoutMs", settings.connectionTimeoutMs, 5_000),
    statementTimeoutMs: nonNegativeInteger("statementTimeoutMs", settings.statementTimeoutMs, 30_000),
    idleInTransactionTimeoutMs: nonNegativeInteger(
      "idleInTransactionTimeoutMs",
      settings.idleInTransactionTimeoutMs,
      60_000,
    ),
    idleTimeoutMs: nonNegativeInteger("idleTimeoutMs", settings.idleTimeoutMs, 30_000),
    applicationName: settings.applicationName ?? "confide",
    logger: settings.logger,
  };
}
