import type { AdapterDescriptor } from "@confide/core/ports";
import type { SqlRepositories } from "../sql/sql-repositories.ts";
import { postgresSettings, type PostgresSettings } from "./settings.ts";

/** Repositories on a PostgreSQL server (`CONFIDE_REPOSITORY=postgres`). */
export const postgresDescriptor = {
  port: "repository",
  name: "postgres",
  settings: postgresSettings,
  async create(settings) {
    const { createPostgresRepositories } = await import("./postgres-repositories.ts");
    return createPostgresRepositories(settings);
  },
} satisfies AdapterDescriptor<SqlRepositories, PostgresSettings>;
