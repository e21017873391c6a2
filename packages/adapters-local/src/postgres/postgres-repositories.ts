import { createPostgresClient } from "./postgres-client.ts";
import type { PostgresSettings } from "./settings.ts";
import { createSqlRepositories, type SqlRepositories } from "../sql/sql-repositories.ts";

/**
 * Sessions, users, tokens, devices and audit on PostgreSQL (self-hosted, RDS) through one `pg`
 * pool. Nothing connects until the first call; run `prepare()` once at start-up.
 */
export async function createPostgresRepositories(settings: PostgresSettings): Promise<SqlRepositories> {
  const client = await createPostgresClient(settings);
  return createSqlRepositories(client, {
    databaseName: "PostgreSQL",
    ...(settings.schema === undefined ? {} : { schema: settings.schema }),
  });
}
