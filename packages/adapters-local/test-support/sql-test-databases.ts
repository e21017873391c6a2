/**
 * The two databases the SQL repositories are tested on: the local PostgreSQL server (a fresh
 * schema per test, dropped after it) and PGlite (in memory; one instance per test file, since
 * starting one takes seconds, emptied before each test). A repository's test file calls
 * `describeSqlRepositorySuite` with its port's contract and its own cases.
 */
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe } from "vitest";
import { createPgliteRepositories } from "../src/pglite/pglite-repositories.ts";
import { createPostgresRepositories } from "../src/postgres/postgres-repositories.ts";
import type { PostgresSettings } from "../src/postgres/settings.ts";
import type { SqlRepositories } from "../src/sql/sql-repositories.ts";

export const postgresUrl = process.env.CONFIDE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const howToStart =
  "Start it with `bash scripts/ensure-services.sh` (or `pg_ctlcluster 15 main start`), " +
  "or point CONFIDE_TEST_POSTGRES_URL at a server where the user may create schemas.";

export interface TestDatabase {
  name: "PostgreSQL" | "PGlite";
  /** Migrated, empty repositories; `close()` also removes what the test stored. */
  createRepositories(): Promise<SqlRepositories>;
}

/** A fresh schema name for one test. */
export function freshSchemaName(): string {
  return `confide_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

/** Runs statements as the test administrator (creating and dropping schemas). */
export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${postgresUrl}. ${howToStart}`, { cause: error });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withAdminClient((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

/** Repositories on a new schema of the local server; closing them drops the schema. */
export async function createPostgresTestRepositories(
  settings: Partial<PostgresSettings> = {},
): Promise<SqlRepositories & { schema: string }> {
  const schema = settings.schema ?? freshSchemaName();
  const repositories = await createPostgresRepositories({ connectionString: postgresUrl, max: 4, ...settings, schema });
  try {
    await repositories.prepare();
  } catch (error) {
    await repositories.close();
    throw new Error(`Could not prepare a test schema on ${postgresUrl}. ${howToStart}`, { cause: error });
  }
  let closing: Promise<void> | undefined;
  return {
    ...repositories,
    schema,
    close() {
      closing ??= repositories.close().then(() => dropSchema(schema));
      return closing;
    },
  };
}

const postgres: TestDatabase = {
  name: "PostgreSQL",
  createRepositories: () => createPostgresTestRepositories(),
};

function pgliteDatabase(): TestDatabase & { start(): Promise<void>; stop(): Promise<void> } {
  let instance: PGlite | undefined;
  return {
    name: "PGlite",
    async start() {
      const { PGlite: PGliteClass } = await import("@electric-sql/pglite");
      instance = await PGliteClass.create();
      const repositories = await createPgliteRepositories({ instance });
      await repositories.prepare();
    },
    async stop() {
      await instance?.close();
    },
    async createRepositories() {
      if (instance === undefined) throw new Error("PGlite test database not started (use describeOnEachDatabase).");
      await instance.exec(
        `TRUNCATE confide_sessions, confide_users, confide_care_relations, confide_refresh_tokens,
                  confide_devices, confide_audit_events, confide_legal_holds, confide_consent_records`,
      );
      return createPgliteRepositories({ instance });
    },
  };
}

/** Declares the same tests for PostgreSQL and for PGlite. */
export function describeOnEachDatabase(title: string, body: (database: TestDatabase) => void): void {
  describe(`${title} on PostgreSQL`, () => {
    beforeAll(async () => {
      await withAdminClient((client) => client.query("SELECT 1"));
    });
    body(postgres);
  });
  describe(`${title} on PGlite`, () => {
    const database = pgliteDatabase();
    beforeAll(() => database.start());
    afterAll(() => database.stop());
    body(database);
  });
}

type PortKey = "sessions" | "users" | "tokens" | "devices" | "audit" | "holds" | "consents";

/** One port of fresh repositories, whose `close()` closes (and cleans up) all of them. */
export function portOf<Key extends PortKey>(
  database: TestDatabase,
  key: Key,
): () => Promise<SqlRepositories[Key]> {
  return async () => {
    const repositories = await database.createRepositories();
    return { ...repositories[key], close: () => repositories.close() } as SqlRepositories[Key];
  };
}

/**
 * Repositories made fresh by `create` before each test and closed after it. The returned object
 * stands for the current test's repositories (use it inside tests only).
 */
export function repositoriesForEachTest<Repositories extends SqlRepositories>(
  create: () => Promise<Repositories>,
): Repositories {
  let current: Repositories | undefined;
  beforeEach(async () => {
    current = await create();
  });
  afterEach(async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  });
  return new Proxy({} as Repositories, {
    get(_target, key) {
      if (current === undefined) throw new Error("The test repositories exist only while a test runs.");
      const value: unknown = Reflect.get(current, key);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}

export interface SqlRepositorySuiteOptions<Key extends PortKey> {
  /** E.g. "SQL audit log"; each database adds " on PostgreSQL" / " on PGlite". */
  title: string;
  port: Key;
  /** The port's contract suite, e.g. `describeAuditLogContract`. */
  contract: (options: { name: string; create: () => Promise<SqlRepositories[Key]> }) => void;
  /** The SQL-specific cases, run on each database with fresh, empty repositories per test. */
  specifics?: (repositories: SqlRepositories, database: TestDatabase) => void;
}

/**
 * Declares a SQL repository's tests on PostgreSQL and on PGlite: the port's contract suite, then
 * its specific cases under "<database> specifics".
 */
export function describeSqlRepositorySuite<Key extends PortKey>(options: SqlRepositorySuiteOptions<Key>): void {
  const { specifics } = options;
  describeOnEachDatabase(options.title, (database) => {
    options.contract({ name: database.name, create: portOf(database, options.port) });
    if (specifics) {
      describe(`${database.name} specifics`, () => {
        specifics(
          repositoriesForEachTest(() => database.createRepositories()),
          database,
        );
      });
    }
  });
}
