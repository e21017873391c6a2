/**
 * The little the SQL repositories need from a database driver. `pg` (a pool) and PGlite (one
 * in-process session) both implement it, so the repositories and migrations are written once.
 */
export interface SqlClient {
  /**
   * Runs one statement with `$1…` parameters.
   * @returns the rows, columns keyed by name (timestamptz as Date, jsonb parsed).
   * @throws ConfideError `dependency.unavailable` (retryable) when the database cannot be
   * reached; other database errors as the driver raised them (they carry the SQLSTATE `code`).
   */
  query<Row extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;

  /** Runs a script of several statements without parameters (a migration file). */
  execute(script: string): Promise<void>;

  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back
   * when it throws (the error is rethrown). Nested calls join the outer transaction.
   */
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;

  /** Releases the connections; waits for statements in flight. Calling it twice is harmless. */
  close(): Promise<void>;
}
