import { z } from "zod";

/** The environment variables of the PostgreSQL repositories. */
export const postgresSettings = z
  .object({
    CONFIDE_DATABASE_URL: z
      .url()
      .describe(
        "PostgreSQL connection string; `connect_timeout`, `statement_timeout` and `query_timeout` parameters set its time limits, `sslmode=verify-full&sslrootcert=/path/ca.pem` its TLS (e.g. RDS's CA bundle)",
      ),
    CONFIDE_POSTGRES_IAM_AUTH: z
      .stringbool()
      .default(false)
      .describe(
        "`true`: the password of every new connection is an RDS IAM authentication token signed for the URL's host, port and user with the AWS SDK's credentials (the URL carries no password; use TLS)",
      ),
    CONFIDE_POSTGRES_IAM_REGION: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("the database's AWS region for `CONFIDE_POSTGRES_IAM_AUTH`, e.g. `eu-central-1`")
      .meta({ shownDefault: "the SDK's (`AWS_REGION`, the profile)" }),
  })
  .describe("a PostgreSQL server");

export type PostgresVariables = z.output<typeof postgresSettings>;
