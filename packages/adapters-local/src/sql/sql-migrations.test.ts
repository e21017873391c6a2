import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { expectConfideError } from "@confide/contracts";
import { dropSchema, freshSchemaName, postgresUrl, withAdminClient } from "../../test-support/sql-test-databases.ts";
import { createPgliteClient } from "../pglite/pglite-client.ts";
import { createPostgresClient } from "../postgres/postgres-client.ts";
import { createPostgresRepositories } from "../postgres/postgres-repositories.ts";
import { applyMigrations, loadMigrations, migrationsDirectory } from "./sql-migrations.ts";

describe("SQL migrations", () => {
  const schemas: string[] = [];
  const newSchema = () => {
    const schema = freshSchemaName();
    schemas.push(schema);
    return schema;
  };

  afterEach(async () => {
    for (const schema of schemas.splice(0)) await dropSchema(schema);
  });

  it("ships the migrations beside src/ and dist/, in order", async () => {
    const migrations = await loadMigrations();

    expect(migrations.map((migration) => migration.name)[0]).toBe("0001_init.sql");
    expect(migrationsDirectory.pathname.endsWith("/packages/adapters-local/migrations/")).toBe(true);
    const manifest = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { files: string[] };
    expect(manifest.files).toContain("migrations");
  });

  it("applies each migration once when three processes start together on PostgreSQL", async () => {
    const schema = newSchema();
    const processes = await Promise.all(
      [1, 2, 3].map(() => createPostgresRepositories({ connectionString: postgresUrl, schema, max: 2 })),
    );
    try {
      const applied = await Promise.all(processes.map((repositories) => repositories.prepare()));

      const expected = (await loadMigrations()).map((migration) => migration.name);
      expect(applied.flat().sort()).toEqual(expected);
      expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
      const rows = await withAdminClient(
        async (client) => (await client.query(`SELECT name FROM "${schema}".confide_migrations ORDER BY name`)).rows,
      );
      expect(rows.map((row: { name: string }) => row.name)).toEqual(expected);
      // Every process can use the tables at once.
      await Promise.all(processes.map((repositories) => repositories.sessions.get("missing")));
      expect(await Promise.all(processes.map((repositories) => repositories.prepare()))).toEqual([[], [], []]);
    } finally {
      await Promise.all(processes.map((repositories) => repositories.close()));
    }
  });

  it("rolls back the whole run when a migration fails, and applies the fixed one later", async () => {
    const schema = newSchema();
    const client = await createPostgresClient({ connectionString: postgresUrl, schema });
    try {
      const first = { name: "0001_first.sql", sql: "CREATE TABLE first_table (id int);" };
      const broken = { name: "0002_broken.sql", sql: "CREATE TABLE second_table (id int); SELECT no_such_column FROM first_table;" };

      await expect(applyMigrations(client, { schema, migrations: [first, broken] })).rejects.toMatchObject({ code: "42703" });
      const tables = await withAdminClient(
        async (admin) =>
          (await admin.query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1", [schema])).rows,
      );
      expect(tables).toEqual([]);

      const fixed = { name: "0002_broken.sql", sql: "CREATE TABLE second_table (id int);" };
      expect(await applyMigrations(client, { schema, migrations: [first, fixed] })).toEqual(["0001_first.sql", "0002_broken.sql"]);
    } finally {
      await client.close();
    }
  });

  it("refuses to run when an applied migration was edited", async () => {
    const schema = newSchema();
    const client = await createPostgresClient({ connectionString: postgresUrl, schema });
    try {
      await applyMigrations(client, { schema, migrations: [{ name: "0001_a.sql", sql: "CREATE TABLE a (id int);" }] });

      const error = await expectConfideError(
        applyMigrations(client, { schema, migrations: [{ name: "0001_a.sql", sql: "CREATE TABLE a (id bigint);" }] }),
        "internal",
      );
      expect(error.message).toContain("0001_a.sql");
    } finally {
      await client.close();
    }
  });

  it("migrates PGlite with the same files, once, and keeps the data in its (new, nested) directory across restarts", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "confide-pglite-"));
    try {
      const nested = join(dataDir, "data", "db");
      let client = await createPgliteClient({ dataDir: nested });
      expect(await applyMigrations(client)).toEqual((await loadMigrations()).map((migration) => migration.name));
      await client.query("INSERT INTO confide_care_relations (therapist_id, patient_id, created_at) VALUES ('t', 'p', now())");
      await client.close();

      client = await createPgliteClient({ dataDir: nested });
      expect(await applyMigrations(client)).toEqual([]);
      expect(await client.query("SELECT therapist_id FROM confide_care_relations")).toEqual([{ therapist_id: "t" }]);
      await client.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("finds migrations in a folder given as a path", async () => {
    const folder = await mkdtemp(join(tmpdir(), "confide-migrations-"));
    try {
      await writeFile(join(folder, "0002_b.sql"), "SELECT 2;");
      await writeFile(join(folder, "0001_a.sql"), "SELECT 1;");
      await writeFile(join(folder, "README.md"), "not a migration");

      expect((await loadMigrations(folder)).map((migration) => migration.name)).toEqual(["0001_a.sql", "0002_b.sql"]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
