import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfideError } from "@confide/core/ports";
import type { SqlClient } from "./sql-client.ts";

export interface Migration {
  /** File name, e.g. "0001_init.sql"; applied in name order. */
  name: string;
  sql: string;
}

/**
 * The package's `migrations/` folder. Sources live in `src/` (tests) and builds in `dist/`
 * (production): both sit beside it, so `../../migrations/` resolves from `sql/` in either.
 */
export const migrationsDirectory = new URL("../../migrations/", import.meta.url);

const migrationFilePattern = /^\d{4}_[a-z0-9_]+\.sql$/;

/** Reads the `.sql` migrations of a folder, in the order they apply. */
export async function loadMigrations(directory: URL | string = migrationsDirectory): Promise<Migration[]> {
  const path = typeof directory === "string" ? directory : fileURLToPath(directory);
  const names = (await readdir(path)).filter((name) => migrationFilePattern.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(join(path, name), "utf8") })));
}

function checksumOf(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

/** 32-bit FNV-1a as a signed int4, to key the advisory lock per schema. */
function lockKeyOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** First half of the advisory lock key: "Conf" in ASCII, shared by every Confide migrator. */
const lockClass = 0x436f6e66;

export interface MigrateOptions {
  /** Schema to create (when missing) and migrate; the client's search_path must lead to it. */
  schema?: string;
  /** Default: the package's own migrations. */
  migrations?: Migration[];
}

/**
 * Applies the migrations not yet recorded in `confide_migrations`, in name order, in one
 * transaction under a PostgreSQL advisory lock (`pg_advisory_xact_lock`, keyed by schema):
 * processes starting together wait for each other and each migration runs once. A failing
 * migration rolls the whole run back.
 * @returns the names applied by this call (empty when the schema was up to date).
 * @throws ConfideError `internal` when an applied migration's file has changed since.
 */
export async function applyMigrations(client: SqlClient, options: MigrateOptions = {}): Promise<string[]> {
  const migrations = options.migrations ?? (await loadMigrations());
  const schema = options.schema;
  return client.transaction(async (transaction) => {
    // Waiting for another process's migrations, or building a large index, may take longer
    // than a statement normally may: no statement timeout inside this transaction.
    await transaction.execute("SET LOCAL statement_timeout = 0");
    await transaction.query("SELECT pg_advisory_xact_lock($1, $2)", [lockClass, lockKeyOf(schema ?? "")]);
    if (schema !== undefined) {
      await transaction.execute(`CREATE SCHEMA IF NOT EXISTS "${schema}"; SET LOCAL search_path TO "${schema}"`);
    }
    await transaction.execute(
      `CREATE TABLE IF NOT EXISTS confide_migrations (
         name text COLLATE "C" PRIMARY KEY,
         checksum text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const applied = new Map(
      (await transaction.query<{ name: string; checksum: string }>("SELECT name, checksum FROM confide_migrations")).map(
        (row) => [row.name, row.checksum],
      ),
    );
    const appliedNow: string[] = [];
    for (const migration of migrations) {
      const checksum = checksumOf(migration.sql);
      const stored = applied.get(migration.name);
      if (stored !== undefined) {
        if (stored !== checksum) {
          throw new ConfideError(
            "internal",
            `Migration ${migration.name} was changed after it was applied; add a new migration instead.`,
            { details: { migration: migration.name } },
          );
        }
        continue;
      }
      await transaction.execute(migration.sql);
      await transaction.query("INSERT INTO confide_migrations (name, checksum) VALUES ($1, $2)", [
        migration.name,
        checksum,
      ]);
      appliedNow.push(migration.name);
    }
    return appliedNow;
  });
}
