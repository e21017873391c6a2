import { isPassedObject, switchText } from "@confide/core/adapter-kit";
import type { Logger } from "@confide/core/ports";
import { z } from "zod";
import { urlTimeoutProblem } from "./postgres-timeouts.ts";

/** A whole number of milliseconds, 0 or more. */
const milliseconds = () => z.number().int().min(0);

/**
 * The settings of the PostgreSQL repositories (self-hosted profile, RDS): what
 * `createPostgresRepositories` takes and what its environment variables set (each setting's `env`).
 */
export const postgresSettings = z
  .object({
    /**
     * `postgres://user:password@host:5432/database`. Its `connect_timeout` (seconds, as libpq
     * reads it), `statement_timeout` and `query_timeout` parameters win over the settings below.
     */
    connectionString: z
      .url()
      .superRefine((url, context) => {
        const problem = urlTimeoutProblem(url);
        if (problem !== undefined) context.addIssue({ code: "custom", message: problem });
      })
      .describe(
        "PostgreSQL connection string; `connect_timeout`, `statement_timeout` and `query_timeout` parameters set its time limits, `sslmode=verify-full&sslrootcert=/path/ca.pem` its TLS (e.g. RDS's CA bundle)",
      )
      .meta({ env: "CONFIDE_DATABASE_URL" }),
    /**
     * Schema holding Confide's tables (set as `search_path`, created by `prepare()` when missing).
     * Lower-case letters, digits and `_`; unset: the server's default search path (usually `public`).
     */
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "The PostgreSQL schema name may hold lower-case letters, digits and _ only (at most 63).")
      .optional(),
    /** Pool size. */
    max: z.number().int().min(1).default(10),
    /** How long to wait for a connection before failing with `dependency.unavailable`. */
    connectionTimeoutMs: milliseconds().default(5_000),
    /** Server-side limit of one statement (`statement_timeout`); 0 disables it. */
    statementTimeoutMs: milliseconds().default(30_000),
    /**
     * Client-side limit of one statement: how long to wait for the server's answer before giving
     * up on the connection. It covers what the server's own limit cannot: a server gone silent, a
     * network partition (packets dropped, nothing reset), where a query would otherwise wait for
     * ever. The statement fails with `dependency.unavailable` and its connection is discarded.
     * Unset: `statementTimeoutMs + 2000`, so the server's limit answers first whenever it can;
     * none when the statement timeout is 0. A transaction that runs
     * `SET LOCAL statement_timeout = <ms>` moves this limit the same way for its statements.
     */
    queryTimeoutMs: milliseconds().optional(),
    /** Server-side limit of an idle open transaction. */
    idleInTransactionTimeoutMs: milliseconds().default(60_000),
    /** How long an idle pooled connection is kept. */
    idleTimeoutMs: milliseconds().default(30_000),
    /** Shown in `pg_stat_activity`. */
    applicationName: z.string().default("confide"),
    /** Receives pool errors of idle connections (a restarted server, a dropped link). */
    logger: z.custom<Logger>(isPassedObject).optional(),
    /**
     * RDS IAM database authentication: each new connection's password is a fresh token (valid
     * 15 minutes, checked only when connecting) signed for the URL's host, port and user. The
     * URL must carry no password. The AWS SDK (`@aws-sdk/rds-signer`) is loaded only then.
     */
    iamAuthentication: z.preprocess(switchText, z.stringbool())
      .default(false)
      .describe(
        "`true`: the password of every new connection is an RDS IAM authentication token signed for the URL's host, port and user with the AWS SDK's credentials (the URL carries no password; use TLS)",
      )
      .meta({ env: "CONFIDE_POSTGRES_IAM_AUTH" }),
    /** The database's region for IAM authentication; unset: the SDK's (`AWS_REGION`, the shared config's profile). */
    iamRegion: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("the database's AWS region for `CONFIDE_POSTGRES_IAM_AUTH`, e.g. `eu-central-1`")
      .meta({ env: "CONFIDE_POSTGRES_IAM_REGION", shownDefault: "the SDK's (`AWS_REGION`, the profile)" }),
    /** Static credentials for IAM authentication (tests); unset: the SDK's default provider chain (task role, instance profile…). */
    iamCredentials: z.object({ accessKeyId: z.string(), secretAccessKey: z.string(), sessionToken: z.string().optional() }).optional(),
  })
  .superRefine((settings, context) => {
    if (settings.iamAuthentication && URL.canParse(settings.connectionString) && new URL(settings.connectionString).password !== "") {
      context.addIssue({
        code: "custom",
        path: ["connectionString"],
        message: "With IAM authentication the PostgreSQL URL carries no password: each connection signs its own token.",
      });
    }
  })
  .describe("a PostgreSQL server");

/** What code creating the repositories passes (defaults may be left out). */
export type PostgresSettings = z.input<typeof postgresSettings>;
