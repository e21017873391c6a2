import type { AdapterDescriptor } from "@confide/core/ports";
import type { SqlRepositories } from "../sql/sql-repositories.ts";
import { postgresSettings, type PostgresVariables } from "./settings.ts";

/** Repositories on a PostgreSQL server (`CONFIDE_REPOSITORY=postgres`). */
export const postgresDescriptor = {
  port: "repository",
  name: "postgres",
  settings: postgresSettings,
  async create(settings) {
    const { createPostgresRepositories } = await import("./postgres-repositories.ts");
    return createPostgresRepositories({
      connectionString: settings.CONFIDE_DATABASE_URL,
      ...(settings.CONFIDE_POSTGRES_IAM_AUTH
        ? { iamAuthentication: settings.CONFIDE_POSTGRES_IAM_REGION === undefined ? {} : { region: settings.CONFIDE_POSTGRES_IAM_REGION } }
        : {}),
    });
  },
} satisfies AdapterDescriptor<SqlRepositories, PostgresVariables>;
