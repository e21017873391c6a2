import type { PGlite } from "@electric-sql/pglite";
import { buildAuditEvent, buildSession, buildUser, expectConfideError } from "@confide/contracts";
import type { DatabaseSnapshot, SnapshotTable } from "@confide/core/ports";
import { afterEach, describe, expect, it } from "vitest";
import { createPgliteRepositories } from "../pglite/pglite-repositories.ts";
import { createPostgresRepositories } from "../postgres/postgres-repositories.ts";
import { dropSchema, freshSchemaName, postgresUrl, withAdminClient } from "../../test-support/sql-test-databases.ts";
import type { SqlRepositories } from "./sql-repositories.ts";

/** Every table of a snapshot, materialised: name → rows (sorted). */
async function tablesOf(snapshot: DatabaseSnapshot): Promise<Array<{ name: string; rows: string[] }>> {
  const tables: Array<{ name: string; rows: string[] }> = [];
  for await (const table of snapshot.tables()) {
    const rows: string[] = [];
    for await (const row of table.rows) rows.push(row);
    tables.push({ name: table.name, rows: rows.sort() });
  }
  return tables;
}

async function* asSnapshotTables(tables: Array<{ name: string; rows: string[] }>): AsyncIterable<SnapshotTable> {
  for (const table of tables) {
    yield {
      name: table.name,
      rows: (async function* () {
        yield* table.rows;
      })(),
    };
  }
}

interface Database {
  name: string;
  /** Unprepared repositories on a new, empty database; closed (and dropped) after the test. */
  create(): Promise<SqlRepositories>;
  /** Runs SQL on the database the last `create()` made (as an operator would, beside Confide). */
  execute(sql: string): Promise<void>;
}

const opened: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

let lastSchema = "";
let lastInstance: PGlite | undefined;

const postgres: Database = {
  name: "PostgreSQL",
  async execute(sql) {
    await withAdminClient(async (client) => {
      await client.query(`SET search_path TO "${lastSchema}"`);
      await client.query(sql);
    });
  },
  async create() {
    const schema = freshSchemaName();
    lastSchema = schema;
    const repositories = await createPostgresRepositories({ connectionString: postgresUrl, max: 4, schema });
    opened.push(async () => {
      await repositories.close();
      await dropSchema(schema);
    });
    return repositories;
  },
};

const pglite: Database = {
  name: "PGlite",
  async execute(sql) {
    await lastInstance!.exec(sql);
  },
  async create() {
    const { PGlite: PGliteClass } = await import("@electric-sql/pglite");
    const instance: PGlite = await PGliteClass.create();
    lastInstance = instance;
    const repositories = await createPgliteRepositories({ instance });
    opened.push(async () => {
      await repositories.close();
      await instance.close();
    });
    return repositories;
  },
};

describe.each([postgres, pglite])("SQL snapshots on $name", (database) => {
  async function filled(): Promise<SqlRepositories> {
    const repositories = await database.create();
    await repositories.prepare();
    const therapist = buildUser({ id: "therapist-1", email: "t@example.org", role: "therapist" });
    await repositories.users.create(therapist);
    await repositories.sessions.create(buildSession({ id: "session-1", therapistId: therapist.id, title: "Première séance \"quoted\"\nline" }));
    await repositories.audit.record(buildAuditEvent({ id: "audit-1", detail: { count: 3, exported: true, format: "json" } }));
    // Its audio removed by the retention policy: the row keeps the key, the recording is gone.
    const expired = buildSession({ id: "session-expired", therapistId: therapist.id });
    await repositories.sessions.create({ ...expired, audio: { ...expired.audio, blobKey: "sessions/session-expired/audio.wav", removed: { at: new Date("2026-01-01T00:00:00Z"), rule: "audio" } } });
    return repositories;
  }

  it("lists every table of the schema, migrations first, with its rows; restores them row for row into an empty database", async () => {
    const source = await filled();
    const tables = await source.snapshots.read(tablesOf);
    expect(tables[0]?.name).toBe("confide_migrations");
    // Every table, once: those of this version's migrations (whatever later changes add, too).
    const names = tables.map((table) => table.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(["confide_audit_events", "confide_care_relations", "confide_devices", "confide_migrations", "confide_refresh_tokens", "confide_sessions", "confide_users"]),
    );
    // Generated columns (the search vectors, the summary) are not copied: the database computes them.
    expect(tables.find((table) => table.name === "confide_sessions")?.rows[0]).not.toContain('"search"');
    expect(await source.snapshots.read(async (snapshot) => {
      const keys: string[] = [];
      for await (const key of snapshot.blobKeys()) keys.push(key);
      return keys;
    })).toEqual([(await source.sessions.get("session-1"))!.audio.blobKey]); // not the expired session's

    const target = await database.create();
    expect(await target.snapshots.isEmpty()).toBe(true);
    await target.snapshots.restore("sql", asSnapshotTables(tables));
    expect(await target.snapshots.read(tablesOf)).toEqual(tables);
    expect(await target.sessions.get("session-1")).toEqual(await source.sessions.get("session-1"));
    // Search works on the restored rows: the generated columns were computed again.
    expect((await target.sessions.list({ text: "Première", limit: 10, searchAudience: "clinician" })).items.map((session) => session.id)).toEqual(["session-1"]);
    expect(await target.prepare()).toEqual([]);
  });

  it("takes a table no code names (one a later change or an operator added), referenced tables first", async () => {
    const source = await filled();
    await database.execute(
      `CREATE TABLE aaa_notes_by_hand (id text PRIMARY KEY, user_id text NOT NULL REFERENCES zzz_owners (id), at timestamptz NOT NULL);
       INSERT INTO aaa_notes_by_hand VALUES ('n1', 'o1', '2026-01-02T03:04:05Z')`.replace(
        "CREATE TABLE aaa",
        "CREATE TABLE zzz_owners (id text PRIMARY KEY); INSERT INTO zzz_owners VALUES ('o1'); CREATE TABLE aaa",
      ),
    );
    const tables = await source.snapshots.read(tablesOf);
    const names = tables.map((table) => table.name);
    expect(names.indexOf("zzz_owners")).toBeLessThan(names.indexOf("aaa_notes_by_hand"));
    expect(tables.find((table) => table.name === "aaa_notes_by_hand")?.rows).toEqual(['{"id":"n1","user_id":"o1","at":"2026-01-02T03:04:05+00:00"}']);
    // Its schema version does not create such a table: a restore says so rather than dropping its rows.
    const target = await database.create();
    await expect(target.snapshots.restore("sql", asSnapshotTables(tables))).rejects.toThrow(/has a table zzz_owners that its own schema version does not have/);
  });

  it("refuses a database that is not empty, a snapshot of a newer version, and keeps nothing of a restore that fails", async () => {
    const source = await filled();
    const tables = await source.snapshots.read(tablesOf);
    expect(await source.snapshots.isEmpty()).toBe(false);
    await expectConfideError(source.snapshots.restore("sql", asSnapshotTables(tables)), "validation.invalid_input");

    const target = await database.create();
    const newer = tables.map((table) =>
      table.name === "confide_migrations" ? { ...table, rows: [...table.rows, JSON.stringify({ name: "9999_from_the_future.sql", checksum: "x" })] } : table,
    );
    await expect(target.snapshots.restore("sql", asSnapshotTables(newer))).rejects.toThrow(/newer version of Confide \(schema changes 9999_from_the_future.sql/);
    const broken = tables.map((table) => (table.name === "confide_users" ? { ...table, rows: [...table.rows, '{"id": "no-email"}'] } : table));
    await expect(target.snapshots.restore("sql", asSnapshotTables(broken))).rejects.toThrow();
    expect(await target.snapshots.isEmpty()).toBe(true);
    // Not even the schema was kept: the first table the restore created went with the rollback.
    expect(await target.snapshots.read(tablesOf)).toEqual([]);
  });

});

// PGlite is one session: a write waits for the snapshot to end, so only PostgreSQL has writers alongside.
describe("SQL snapshots on PostgreSQL while others write", () => {
  it("a snapshot sees nothing committed after it began, while writers are not blocked", async () => {
    const source = await postgres.create();
    await source.prepare();
    await source.audit.record(buildAuditEvent({ id: "audit-1" }));
    const audit = await source.snapshots.read(async (snapshot) => {
      const tables = snapshot.tables()[Symbol.asyncIterator]();
      await tables.next(); // confide_migrations: the snapshot is taken
      await source.audit.record(buildAuditEvent({ id: "audit-during" }));
      await source.users.create(buildUser({ id: "late-user", email: "late@example.org" }));
      const rest: string[] = [];
      for (let next = await tables.next(); !next.done; next = await tables.next()) {
        for await (const row of next.value.rows) rest.push(row);
      }
      return rest.join("\n");
    });
    expect(audit).toContain("audit-1");
    expect(audit).not.toContain("audit-during");
    expect(audit).not.toContain("late-user");
    expect(await source.users.get("late-user")).not.toBeNull();
  });
});
