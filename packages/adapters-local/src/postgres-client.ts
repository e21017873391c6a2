import type { Pool, PoolClient, QueryResultRow } from "pg";
import { resolvePostgresSettings, type PostgresSettings } from "./postgres-config.ts";
import { toDatabaseError } from "./postgres-errors.ts";
import type { SqlClient } from "./sql-client.ts";

const databaseName = "PostgreSQL";

function transactionClient(connection: PoolClient): SqlClient {
  const client: SqlClient = {
    async query<Row extends object>(text: string, params?: readonly unknown[]) {
      try {
        const result = await connection.query<QueryResultRow>(text, params as unknown[] | undefined);
        return result.rows as Row[];
      } catch (error) {
        throw toDatabaseError(error, databaseName);
      }
    },
    async execute(script: string) {
      try {
        await connection.query(script);
      } catch (error) {
        throw toDatabaseError(error, databaseName);
      }
    },
    transaction: (work) => work(client),
    close: () => Promise.reject(new TypeError("Close the pool's client, not a transaction's.")),
  };
  return client;
}

/**
 * A `pg` pool behind SqlClient. Connection failures (refused, timed out, server shutting down)
 * surface as ConfideError `dependency.unavailable`, retryable, within `connectionTimeoutMs`.
 */
export async function createPostgresClient(settings: PostgresSettings): Promise<SqlClient> {
  const resolved = resolvePostgresSettings(settings);
  const { Pool: PoolClass } = await import("pg");
  const pool: Pool = new PoolClass({
    connectionString: resolved.connectionString,
    max: resolved.max,
    connectionTimeoutMillis: resolved.connectionTimeoutMs,
    idleTimeoutMillis: resolved.idleTimeoutMs,
    statement_timeout: resolved.statementTimeoutMs,
    idle_in_transaction_session_timeout: resolved.idleInTransactionTimeoutMs,
    application_name: resolved.applicationName,
    keepAlive: true,
    ...(resolved.schema === undefined ? {} : { options: `-c search_path=${resolved.schema}` }),
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
        const result = await work(transactionClient(connection));
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        try {
          await connection.query("ROLLBACK");
        } catch (rollbackError) {
          // The connection is unusable (it is why the work failed, most likely): discard it.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
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
