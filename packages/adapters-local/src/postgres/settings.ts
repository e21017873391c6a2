import { z } from "zod";

/** The environment variables of the PostgreSQL repositories. */
export const postgresSettings = z
  .object({
    CONFIDE_DATABASE_URL: z
      .url()
      .describe(
        "PostgreSQL connection string; `connect_timeout`, `statement_timeout` and `query_timeout` parameters set its time limits",
      ),
  })
  .describe("a PostgreSQL server");

export type PostgresVariables = z.output<typeof postgresSettings>;
