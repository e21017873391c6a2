import { ConfideError, type Logger } from "@confide/core/ports";
import { integerSetting } from "../settings/integer-setting.ts";

/** Settings of the PostgreSQL repositories (self-hosted profile, RDS). */
export interface PostgresSettings {
  /** `postgres://user:password@host:5432/database`; parameters in the URL win over the fields below. */
  connectionString: string;
  /**
   * Schema holding Confide's tables (set as `search_path`, created by `prepare()` when missing).
   * Lower-case letters, digits and `_`; default: the server's default search path (usually `public`).
   */
  schema?: string;
  /** Pool size. Default 10. */
  max?: number;
  /**
   * How long to wait for a connection before failing with `dependency.unavailable`. Default 5000.
   * A `connect_timeout` parameter in the URL (seconds, as libpq reads it) wins.
   */
  connectionTimeoutMs?: number;
  /**
   * Server-side limit of one statement (`statement_timeout`). Default 30000; 0 disables it.
   * A `statement_timeout` parameter in the URL wins (the driver applies it).
   */
  statementTimeoutMs?: number;
  /**
   * Client-side limit of one statement: how long to wait for the server's answer before giving
   * up on the connection. It covers what the server's own limit cannot: a server gone silent, a
   * network partition (packets dropped, nothing reset), where a query would otherwise wait for
   * ever. The statement fails with `dependency.unavailable` and its connection is discarded.
   * Default `statementTimeoutMs + 2000`, so the server's limit answers first whenever it can;
   * none when the statement timeout is 0. A transaction that runs
   * `SET LOCAL statement_timeout = <ms>` moves this limit the same way for its statements.
   * A `query_timeout` parameter in the URL wins (the driver applies it).
   */
  queryTimeoutMs?: number;
  /** Server-side limit of an idle open transaction. Default 60000. */
  idleInTransactionTimeoutMs?: number;
  /** How long an idle pooled connection is kept. Default 30000. */
  idleTimeoutMs?: number;
  /** Shown in `pg_stat_activity`. Default "confide". */
  applicationName?: string;
  /** Receives pool errors of idle connections (a restarted server, a dropped link). */
  logger?: Logger;
  /**
   * RDS IAM database authentication: each new connection's password is a fresh token (valid
   * 15 minutes, checked only when connecting) signed for the URL's host, port and user. The
   * URL must carry no password. The AWS SDK (`@aws-sdk/rds-signer`) is loaded only then.
   */
  iamAuthentication?: RdsIamAuthentication;
}

export interface RdsIamAuthentication {
  /** The database's region; default: the SDK's (`AWS_REGION`, the shared config's profile). */
  region?: string;
  /** Static credentials (tests); default: the SDK's default provider chain (task role, instance profile…). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export interface ResolvedPostgresSettings {
  connectionString: string;
  schema: string | undefined;
  max: number;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  /** 0: none. */
  queryTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  idleTimeoutMs: number;
  applicationName: string;
  logger: Logger | undefined;
  iamAuthentication: RdsIamAuthentication | undefined;
}

/** How much longer than the server's statement limit the client waits for an answer. */
export const queryTimeoutMarginMs = 2_000;

/** The client-side limit that goes with a server-side statement limit (0: none). */
export function queryTimeoutFor(statementTimeoutMs: number): number {
  return statementTimeoutMs === 0 ? 0 : statementTimeoutMs + queryTimeoutMarginMs;
}

/**
 * A whole-number parameter of the connection URL (`?statement_timeout=5000`), if present.
 * @throws ConfideError `validation.invalid_input` when it is not a non-negative integer.
 */
function urlInteger(connectionString: string, name: string, unit: "milliseconds" | "seconds"): number | undefined {
  if (!URL.canParse(connectionString)) return undefined;
  const raw = new URL(connectionString).searchParams.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value) || value < 0) {
    throw new ConfideError("validation.invalid_input", `The ${name} parameter of the PostgreSQL URL must be a number of ${unit}.`, {
      details: { setting: "connectionString", parameter: name },
    });
  }
  return value;
}

/** Lower case only: the name is used unquoted in search_path and quoted in CREATE SCHEMA. */
const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

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
  if (settings.iamAuthentication !== undefined && URL.canParse(settings.connectionString) && new URL(settings.connectionString).password !== "") {
    throw new ConfideError("validation.invalid_input", "With IAM authentication the PostgreSQL URL carries no password: each connection signs its own token.", {
      details: { setting: "connectionString" },
    });
  }
  const max = integerSetting("max", settings.max, 10, 0);
  if (max < 1) {
    throw new ConfideError("validation.invalid_input", "max must be at least 1.", { details: { setting: "max" } });
  }
  // libpq's connect_timeout, in seconds; 0 means wait for ever there as here.
  const connectTimeoutSeconds = urlInteger(settings.connectionString, "connect_timeout", "seconds");
  const statementTimeoutMs =
    urlInteger(settings.connectionString, "statement_timeout", "milliseconds") ??
    integerSetting("statementTimeoutMs", settings.statementTimeoutMs, 30_000, 0);
  const urlQueryTimeoutMs = urlInteger(settings.connectionString, "query_timeout", "milliseconds");
  if (urlQueryTimeoutMs === 0) {
    // pg would read the string "0" as a limit of 0 ms and fail every statement at once.
    throw new ConfideError("validation.invalid_input", "The query_timeout parameter of the PostgreSQL URL must be positive.", {
      details: { setting: "connectionString", parameter: "query_timeout" },
    });
  }
  const queryTimeoutMs =
    urlQueryTimeoutMs ??
    integerSetting("queryTimeoutMs", settings.queryTimeoutMs, queryTimeoutFor(statementTimeoutMs), 0);
  return {
    connectionString: settings.connectionString,
    schema: settings.schema,
    max,
    connectionTimeoutMs: connectTimeoutSeconds === undefined
      ? integerSetting("connectionTimeoutMs", settings.connectionTimeoutMs, 5_000, 0)
      : connectTimeoutSeconds * 1000,
    statementTimeoutMs,
    queryTimeoutMs,
    idleInTransactionTimeoutMs: integerSetting(
      "idleInTransactionTimeoutMs",
      settings.idleInTransactionTimeoutMs,
      60_000,
      0,
    ),
    idleTimeoutMs: integerSetting("idleTimeoutMs", settings.idleTimeoutMs, 30_000, 0),
    applicationName: settings.applicationName ?? "confide",
    logger: settings.logger,
    iamAuthentication: settings.iamAuthentication,
  };
}
