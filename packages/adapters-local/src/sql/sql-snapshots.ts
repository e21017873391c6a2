import { ConfideError, type DatabaseSnapshot, type DatabaseSnapshots, type SnapshotTable } from "@confide/core/ports";
import type { SqlClient } from "./sql-client.ts";
import { applyMigrations, loadMigrations } from "./sql-migrations.ts";

/** The snapshot kind of every SQL database (PostgreSQL, PGlite): one can be restored into the other. */
const sqlKind = "sql";
/** The table of applied migrations: first in a snapshot, so a restore builds the schema before the rows. */
const migrationsTable = "confide_migrations";
/**
 * Rows fetched from a table's cursor, and inserted, per statement: a session row holds its whole
 * transcript (up to a few MB for hours of speech), so this bounds what is in memory at once.
 */
const batchRows = 50;
/** An insert statement is sent once its rows reach this many characters of JSON. */
const batchChars = 8 * 1024 * 1024;

interface TableColumns {
  name: string;
  /** The columns a row is restored from: every stored column but the generated ones (the database computes those). */
  columns: string[];
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * The base tables of the schema, with their stored (not generated) columns, in an order rows can
 * be inserted in: the migrations table first, then each table after those its foreign keys
 * reference (by name where the order is free, so two snapshots of one schema list it alike).
 */
async function listTables(client: SqlClient, schema: string | undefined): Promise<TableColumns[]> {
  const columns = await client.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = coalesce($1, current_schema())
      ORDER BY c.relname, a.attnum`,
    [schema ?? null],
  );
  const references = await client.query<{ table_name: string; referenced: string }>(
    `SELECT c.relname AS table_name, r.relname AS referenced
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class r ON r.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = coalesce($1, current_schema()) AND r.oid <> c.oid`,
    [schema ?? null],
  );
  const byName = new Map<string, string[]>();
  for (const row of columns) byName.set(row.table_name, [...(byName.get(row.table_name) ?? []), row.column_name]);
  const dependsOn = new Map<string, Set<string>>();
  for (const row of references) dependsOn.set(row.table_name, (dependsOn.get(row.table_name) ?? new Set()).add(row.referenced));
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (name: string) => {
    if (placed.has(name) || visiting.has(name) || !byName.has(name)) return; // a cycle is left in name order
    visiting.add(name);
    for (const referenced of [...(dependsOn.get(name) ?? [])].sort()) place(referenced);
    visiting.delete(name);
    placed.add(name);
    ordered.push(name);
  };
  place(migrationsTable);
  for (const name of [...byName.keys()].sort()) place(name);
  return ordered.map((name) => ({ name, columns: byName.get(name) ?? [] }));
}

/** The rows of one table, each as JSON text of its stored columns. */
function tableRows(client: SqlClient, table: TableColumns, cursor: string): AsyncIterable<string> {
  const select = table.columns.map(quoted).join(", ");
  return cursorRows(client, `SELECT row_to_json(r)::text AS row FROM (SELECT ${select} FROM ${quoted(table.name)}) r`, cursor);
}

/** The `row` column of a query's rows, read through a cursor `batchRows` at a time. */
async function* cursorRows(client: SqlClient, query: string, cursor: string): AsyncIterable<string> {
  await client.execute(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${query}`);
  try {
    for (;;) {
      const rows = await client.query<{ row: string }>(`FETCH FORWARD ${batchRows} FROM ${cursor}`);
      for (const row of rows) yield row.row;
      if (rows.length < batchRows) return;
    }
  } finally {
    await client.execute(`CLOSE ${cursor}`);
  }
}

function invalidSnapshot(message: string, details: Record<string, unknown> = {}): ConfideError {
  return new ConfideError("validation.invalid_input", message, { details: { reason: "snapshot_not_restorable", ...details } });
}

/**
 * Snapshots of the SQL database behind `client` (PostgreSQL or PGlite), for `confide backup`.
 * The tables are listed from the catalog of the schema (not from the code), rows are read
 * through cursors in one `REPEATABLE READ, READ ONLY` transaction, each as `row_to_json` of its
 * stored columns; a restore inserts them with `json_populate_recordset`, so every column type
 * PostgreSQL can write as JSON comes back as it was.
 */
export function createSqlSnapshots(client: SqlClient, options: { schema?: string } = {}): DatabaseSnapshots {
  const { schema } = options;
  return {
    read(read) {
      return client.transaction(async (transaction) => {
        await transaction.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        // Reading a large database may take longer than a statement normally may.
        await transaction.execute("SET LOCAL statement_timeout = 0");
        if (schema !== undefined) await transaction.execute(`SET LOCAL search_path TO ${quoted(schema)}`);
        const tables = await listTables(transaction, schema);
        let cursors = 0;
        const snapshot: DatabaseSnapshot = {
          kind: sqlKind,
          async *tables() {
            for (const table of tables) {
              cursors += 1;
              yield { name: table.name, rows: tableRows(transaction, table, `confide_snapshot_${cursors}`) } satisfies SnapshotTable;
            }
          },
          async *blobKeys() {
            if (!tables.some((table) => table.name === "confide_sessions")) return;
            cursors += 1;
            // The recordings are the only blobs: one per session that still has its audio (not
            // removed by the retention policy, which keeps the key of what it deleted).
            yield* cursorRows(
              transaction,
              `SELECT DISTINCT document -> 'audio' ->> 'blobKey' AS row FROM confide_sessions
                WHERE document -> 'audio' ->> 'blobKey' IS NOT NULL
                  AND coalesce(jsonb_typeof(document -> 'audio' -> 'removed'), 'null') = 'null'`,
              `confide_snapshot_${cursors}`,
            );
          },
        };
        return read(snapshot);
      });
    },

    async isEmpty() {
      const tables = await listTables(client, schema);
      for (const table of tables) {
        if (table.name === migrationsTable) continue;
        const rows = await client.query(`SELECT 1 FROM ${schema === undefined ? "" : `${quoted(schema)}.`}${quoted(table.name)} LIMIT 1`);
        if (rows.length > 0) return false;
      }
      return true;
    },

    async restore(kind, tables) {
      if (kind !== sqlKind) throw invalidSnapshot(`This snapshot is of a ${kind} database; only an SQL database's can be restored here.`, { kind });
      const known = await loadMigrations();
      await client.transaction(async (transaction) => {
        await transaction.execute("SET LOCAL statement_timeout = 0");
        if (!(await createSqlSnapshots(transaction, options).isEmpty())) {
          throw invalidSnapshot("The database is not empty: a backup is restored only into an empty database (a new database or schema).", {
            reason: "target_not_empty",
          });
        }
        let schemaBuilt = false;
        let restorable = new Map<string, TableColumns>();
        for await (const table of tables) {
          if (!schemaBuilt) {
            if (table.name !== migrationsTable) throw invalidSnapshot(`The snapshot does not start with ${migrationsTable}, so its schema version is unknown.`);
            const applied: Array<{ name: string }> = [];
            for await (const row of table.rows) applied.push(JSON.parse(row) as { name: string });
            const names = new Set(applied.map((migration) => migration.name));
            const unknown = [...names].filter((name) => !known.some((migration) => migration.name === name));
            if (unknown.length > 0) {
              throw invalidSnapshot(
                `The backup comes from a newer version of Confide (schema changes ${unknown.join(", ")} are unknown here): restore it with that version or a later one.`,
                { unknown },
              );
            }
            await applyMigrations(transaction, { ...(schema === undefined ? {} : { schema }), migrations: known.filter((migration) => names.has(migration.name)) });
            if (schema !== undefined) await transaction.execute(`SET LOCAL search_path TO ${quoted(schema)}`);
            restorable = new Map((await listTables(transaction, schema)).map((entry) => [entry.name, entry]));
            // The rows as they were (when each change was applied), not as re-applied now.
            await transaction.execute(`DELETE FROM ${migrationsTable}`);
            await insertRows(transaction, restorable.get(migrationsTable)!, (async function* () {
              for (const row of applied) yield JSON.stringify(row);
            })());
            schemaBuilt = true;
            continue;
          }
          const target = restorable.get(table.name);
          if (target === undefined) throw invalidSnapshot(`The snapshot has a table ${table.name} that its own schema version does not have.`, { table: table.name });
          await insertRows(transaction, target, table.rows);
        }
        if (!schemaBuilt) throw invalidSnapshot("The snapshot has no tables.");
      });
    },
  };
}

/** Inserts JSON rows into a table, `batchRows` per statement; generated columns are computed again. */
async function insertRows(client: SqlClient, table: TableColumns, rows: AsyncIterable<string>): Promise<void> {
  const columns = table.columns.map(quoted).join(", ");
  const insert = `INSERT INTO ${quoted(table.name)} (${columns}) SELECT ${columns} FROM json_populate_recordset(null::${quoted(table.name)}, $1::json)`;
  let batch: string[] = [];
  let batchLength = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(insert, [`[${batch.join(",")}]`]);
    batch = [];
    batchLength = 0;
  };
  for await (const row of rows) {
    batch.push(row);
    batchLength += row.length;
    if (batch.length >= batchRows || batchLength >= batchChars) await flush();
  }
  await flush();
}
