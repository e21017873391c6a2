import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConfideError } from "@confide/contracts";
import { entriesNotOwnerOnly } from "@confide/contracts/support";
import { createPgliteClient } from "./pglite-client.ts";
import type { SqlClient } from "../sql/sql-client.ts";

describe("PGlite client", () => {
  let database: SqlClient;

  beforeAll(async () => {
    database = await createPgliteClient();
    await database.execute("CREATE TABLE items (name text NOT NULL); CREATE TABLE other (id int)");
  });

  afterAll(async () => {
    await database.close();
  });

  it("does not let statements issued meanwhile see or interleave with an open transaction", async () => {
    await database.query("DELETE FROM items");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => {
      firstInserted = resolve;
    });

    const transaction = database.transaction(async (client) => {
      await client.query("INSERT INTO items (name) VALUES ('first')");
      firstInserted();
      await gate;
      await client.query("INSERT INTO items (name) VALUES ('second')");
    });
    await inserted;
    const countedMeanwhile = database.query<{ count: number }>("SELECT count(*)::int AS count FROM items");
    release();
    await transaction;

    expect(await countedMeanwhile).toEqual([{ count: 2 }]);
  });

  it("rolls a transaction back when its work throws", async () => {
    await database.query("DELETE FROM items");

    await expect(
      database.transaction(async (client) => {
        await client.query("INSERT INTO items (name) VALUES ($1)", ["lost"]);
        throw new Error("work failed");
      }),
    ).rejects.toThrow("work failed");

    expect(await database.query("SELECT name FROM items")).toEqual([]);
  });

  it("keeps working after a failed statement", async () => {
    await expect(database.query("INSERT INTO items (name) VALUES (NULL)")).rejects.toMatchObject({ code: "23502" });

    expect(await database.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("starts PostgreSQL with small shared buffers (128 MB are written at every start)", async () => {
    expect(await database.query("SHOW shared_buffers")).toEqual([{ shared_buffers: "32MB" }]);
    // PGlite's own settings are kept.
    expect(await database.query("SHOW max_worker_processes")).toEqual([{ max_worker_processes: "0" }]);
  });

  it("refuses statements once closed", async () => {
    const closing = await createPgliteClient();
    await closing.close();
    await closing.close();

    await expectConfideError(closing.query("SELECT 1"), "dependency.unavailable");
  });
});

describe("PGlite client on disk", () => {
  it("leaves the database files readable by their owner only (PGlite makes some 0666 itself)", async () => {
    const folder = await mkdtemp(join(tmpdir(), "confide-pglite-modes-"));
    try {
      const dataDir = join(folder, "db");
      const database = await createPgliteClient({ dataDir });
      try {
        expect(await entriesNotOwnerOnly(dataDir)).toEqual([]);
      } finally {
        await database.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
