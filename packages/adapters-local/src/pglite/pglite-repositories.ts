import { createPgliteClient, type PgliteSettings } from "./pglite-client.ts";
import { createSqlRepositories, type SqlRepositories } from "../sql/sql-repositories.ts";

/**
 * Sessions, users, tokens, devices and audit in PGlite, in this process: files under
 * `dataDir`, or in memory when it is omitted. Same SQL and migrations as PostgreSQL; run
 * `prepare()` once at start-up.
 */
export async function createPgliteRepositories(settings: PgliteSettings = {}): Promise<SqlRepositories> {
  const client = await createPgliteClient(settings);
  return createSqlRepositories(client, { databaseName: "embedded (PGlite)" });
}
