import { parseSettings } from "@confide/core/adapter-kit";
import type { Pool, PoolClient, QueryConfig, QueryResultRow } from "pg";
import { postgresTimeouts, queryTimeoutFor } from "./postgres-timeouts.ts";
import { isConnectionBroken, toDatabaseError } from "./postgres-errors.ts";
import { createRdsIamTokenProvider } from "./rds-iam-token.ts";
import { postgresSettings, type PostgresSettings } from "./settings.ts";
import type { SqlClient } from "../sql/sql-client.ts";

const databaseName = "PostgreSQL";

/** Longest timer Node allows: "no client-side limit" for one query (pg reads 0 as "the default"). */
const noQueryTimeoutMs = 2 ** 31 - 1;

/** `SET LOCAL statement_timeout = 0` / `TO '5000'` (milliseconds only; other units are left alone). */
const setLocalStatementTimeout = /^\s*SET\s+LOCAL\s+statement_timeout\s*(?:=|TO)\s*'?(\d+)(?:ms)?'?\s*;?\s*$/i;

/**
 * The statements of one transaction, on one connection. The client-side limit of each statement
 * follows the transaction's statement_timeout: a transaction that lifts the server's limit
 * (migrations waiting for each other's lock) lifts the client's too.
 */
function transactionClient(connection: PoolClient, queryTimeoutMs: number): SqlClient {
  let limitMs = queryTimeoutMs;
  const run = async (text: string, params?: readonly unknown[]) => {
    // pg reads a per-query `query_timeout` (client.js), which its typings leave out.
    const config: QueryConfig & { query_timeout: number } = {
      text,
      ...(params === undefined ? {} : { values: params as unknown[] }),
      query_timeout: limitMs === 0 ? noQueryTimeoutMs : limitMs,
    };
    try {
      const result = await connection.query<QueryResultRow>(config);
      const lifted = setLocalStatementTimeout.exec(text);
      if (lifted) limitMs = queryTimeoutFor(Number(lifted[1]));
      return result;
    } catch (error) {
      throw toDatabaseError(error, databaseName);
    }
  };
  const client: SqlClient = {
    async query<Row extends object>(text: string, params?: readonly unknown[]) {
      return (await run(text, params)).rows as Row[];
    },
    async execute(script: string) {
      await run(script);
    },
    transaction: (work) => work(client),
    close: () => Promise.reject(new TypeError("Close the pool's client, not a transaction's.")),
  };
  return client;
}

/**
 * A `pg` pool behind SqlClient. Connection failures (refused, timed out, server shutting down)
 * surface as ConfideError `dependency.unavailable`, retryable, within `connectionTimeoutMs`; a
 * server that stops answering on an open connection, within `queryTimeoutMs` (that connection
 * is discarded). No call waits for ever. TLS follows the URL (`sslmode`, `sslrootcert`: `pg`
 * reads them). With `iamAuthentication`, each new connection's password is a freshly signed RDS
 * IAM token.
 */
export async function createPostgresClient(settings: PostgresSettings): Promise<SqlClient> {
  const resolved = parseSettings(postgresSettings, settings);
  const { connectionTimeoutMs, statementTimeoutMs, queryTimeoutMs } = postgresTimeouts(resolved);
  const { Pool: PoolClass } = await import("pg");
  const password = resolved.iamAuthentication
    ? await createRdsIamTokenProvider(resolved.connectionString, {
        ...(resolved.iamRegion === undefined ? {} : { region: resolved.iamRegion }),
        ...(resolved.iamCredentials === undefined ? {} : { credentials: resolved.iamCredentials }),
      })
    : undefined;
  // pg lets a connection string's (empty) password win over a `password` option: with a token
  // provider the URL is parsed here (the same parser pg uses: sslmode, sslrootcert…) instead,
  // and spread last, so that what the URL says wins as pg would let it.
  const connection =
    password === undefined
      ? { connectionString: resolved.connectionString }
      : { ...(await import("pg-connection-string")).parseIntoClientConfig(resolved.connectionString), password };
  const pool: Pool = new PoolClass({
    max: resolved.max,
    connectionTimeoutMillis: connectionTimeoutMs,
    idleTimeoutMillis: resolved.idleTimeoutMs,
    statement_timeout: statementTimeoutMs,
    ...(queryTimeoutMs === 0 ? {} : { query_timeout: queryTimeoutMs }),
    idle_in_transaction_session_timeout: resolved.idleInTransactionTimeoutMs,
    application_name: resolved.applicationName,
    keepAlive: true,
    ...(resolved.schema === undefined ? {} : { options: `-c search_path=${resolved.schema}` }),
    ...connection,
  });
  // An idle pooled connection that breaks (server restart) emits here; without a listener
  // the process would crash. The pool drops that connection and opens a new one on demand.
  pool.on("error", (error) => {
    resolved.logger?.warn("An idle PostgreSQL connection failed.", {
      code: (error as { code?: unknown }).code,
      error: error.message,
    });
  });
  let closing: Promise<void> | undefined;

  return {
    async query<Row extends object>(text: string, params?: readonly unknown[]) {
      try {
        const result = await pool.query<QueryResultRow>(text, params as unknown[] | undefined);
        return result.rows as Row[];
      } catch (error) {
        throw toDatabaseError(error, databaseName);
      }
    },
    async execute(script: string) {
      try {
        await pool.query(script);
      } catch (error) {
        throw toDatabaseError(error, databaseName);
      }
    },
    async transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
      let connection: PoolClient;
      try {
        connection = await pool.connect();
      } catch (error) {
        throw toDatabaseError(error, databaseName);
      }
      let broken: Error | undefined;
      try {
        await connection.query("BEGIN");
        const result = await work(transactionClient(connection, queryTimeoutMs));
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        if (isConnectionBroken(error)) {
          // Nothing more can be sent on it (a ROLLBACK would queue behind the lost statement):
          // discard it; the server rolls the transaction back when the backend goes.
          broken = error instanceof Error ? error : new Error(String(error));
        } else {
          try {
            await connection.query("ROLLBACK");
          } catch (rollbackError) {
            // The connection is unusable (it is why the work failed, most likely): discard it.
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          }
        }
        throw toDatabaseError(error, databaseName);
      } finally {
        connection.release(broken);
      }
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
