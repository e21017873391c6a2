import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseSettings } from "@confide/core/adapter-kit";
import { expectConfideError } from "@confide/contracts";
import { createPostgresTestRepositories, postgresUrl, withAdminClient } from "../../test-support/sql-test-databases.ts";
import { startTcpProxy, type TcpProxy } from "@confide/contracts/support";
import { createPostgresClient } from "./postgres-client.ts";
import { createPostgresRepositories } from "./postgres-repositories.ts";
import { postgresTimeouts } from "./postgres-timeouts.ts";
import { postgresSettings, type PostgresSettings } from "./settings.ts";
import type { SqlClient } from "../sql/sql-client.ts";

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("PostgreSQL client", () => {
  const cleanups: Array<() => Promise<unknown>> = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function client(settings: Parameters<typeof createPostgresClient>[0]): Promise<SqlClient> {
    const created = await createPostgresClient(settings);
    cleanups.push(() => created.close());
    return created;
  }

  it("reports a server that refuses connections as dependency.unavailable, retryable, at once", async () => {
    const port = await closedPort();
    const repositories = await createPostgresRepositories({ connectionString: `postgres://postgres@127.0.0.1:${port}/test` });
    cleanups.push(() => repositories.close());
    const startedMs = Date.now();

    const error = await expectConfideError(repositories.sessions.get("session-1"), "dependency.unavailable");
    expect(error.retryable).toBe(true);
    await expectConfideError(repositories.check(), "dependency.unavailable");
    await expectConfideError(repositories.prepare(), "dependency.unavailable");
    expect(Date.now() - startedMs).toBeLessThan(3_000);
  });

  it("gives up on a server that accepts but never answers after connectionTimeoutMs", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    const port = await listen(silent);
    cleanups.push(
      () =>
        new Promise((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(resolve);
        }),
    );
    const database = await client({
      connectionString: `postgres://postgres@127.0.0.1:${port}/test`,
      connectionTimeoutMs: 300,
    });
    const startedMs = Date.now();

    const error = await expectConfideError(database.query("SELECT 1"), "dependency.unavailable");
    expect(error.retryable).toBe(true);
    await expectConfideError(database.transaction((transaction) => transaction.query("SELECT 1")), "dependency.unavailable");
    expect(Date.now() - startedMs).toBeLessThan(2_000);
  });

  it("reports a terminated connection (SQLSTATE 57P01) as dependency.unavailable, then recovers", async () => {
    const applicationName = `confide-test-${process.pid}-${Date.now()}`;
    const database = await client({ connectionString: postgresUrl, applicationName, max: 1 });
    const sleeping = expectConfideError(database.query("SELECT pg_sleep(20)"), "dependency.unavailable");
    await withAdminClient(async (admin) => {
      // Wait until the statement runs, then end its backend as an administrator (or a restart) would.
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const { rows } = await admin.query(
          "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1 AND state = 'active'",
          [applicationName],
        );
        if (rows.length > 0) return;
        await admin.query("SELECT pg_sleep(0.02)");
      }
      throw new Error("the sleeping statement never started");
    });

    const error = await sleeping;
    expect(error.retryable).toBe(true);
    expect(error.details).toMatchObject({ reason: "57P01" });
    expect(await database.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("ends a statement that outlives statementTimeoutMs", async () => {
    const database = await client({ connectionString: postgresUrl, statementTimeoutMs: 100 });

    const error = await expectConfideError(database.query("SELECT pg_sleep(5)"), "dependency.unavailable");
    expect(error.details).toMatchObject({ reason: "57014" });
  });

  /** A proxy to the local server, so a test can make it go silent (a network partition). */
  async function proxiedUrl(): Promise<{ proxy: TcpProxy; url: string }> {
    const target = new URL(postgresUrl);
    const proxy = await startTcpProxy({ targetHost: target.hostname, targetPort: Number(target.port || 5432) });
    cleanups.push(() => proxy.close());
    const url = new URL(postgresUrl);
    url.port = String(proxy.port);
    return { proxy, url: url.href };
  }

  it("gives up on a connection that goes silent after queryTimeoutMs, discards it, and works again once the network is back", async () => {
    const { proxy, url } = await proxiedUrl();
    const database = await client({ connectionString: url, max: 1, queryTimeoutMs: 400, connectionTimeoutMs: 400 });
    expect(await database.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);

    proxy.partition();
    const startedMs = Date.now();
    const error = await expectConfideError(database.query("SELECT 2 AS two"), "dependency.unavailable");
    expect(error.retryable).toBe(true);
    // A new connection is not answered either: the connection timeout ends that wait.
    await expectConfideError(database.query("SELECT 3 AS three"), "dependency.unavailable");
    expect(Date.now() - startedMs).toBeLessThan(2_000);

    proxy.up();
    expect(await database.query("SELECT 4 AS four")).toEqual([{ four: 4 }]);
  });

  it("fails a transaction whose connection goes silent within queryTimeoutMs, without waiting on a ROLLBACK", async () => {
    const { proxy, url } = await proxiedUrl();
    const database = await client({ connectionString: url, max: 1, queryTimeoutMs: 400 });
    const startedMs = Date.now();

    await expectConfideError(
      database.transaction(async (transaction) => {
        await transaction.query("SELECT 1");
        proxy.partition();
        await transaction.query("SELECT 2");
      }),
      "dependency.unavailable",
    );
    // One limit, not two: the lost connection is discarded instead of sent a ROLLBACK.
    expect(Date.now() - startedMs).toBeLessThan(750);

    proxy.up();
    expect(await database.transaction((transaction) => transaction.query("SELECT 5 AS five"))).toEqual([{ five: 5 }]);
  });

  it("lifts the client-side limit in a transaction that lifts statement_timeout (migrations waiting for a lock)", async () => {
    const database = await client({ connectionString: postgresUrl, statementTimeoutMs: 100, queryTimeoutMs: 300 });

    await expectConfideError(database.query("SELECT pg_sleep(0.6)"), "dependency.unavailable");
    const rows = await database.transaction(async (transaction) => {
      await transaction.execute("SET LOCAL statement_timeout = 0");
      return transaction.query("SELECT true AS slept FROM pg_sleep(0.6)");
    });
    expect(rows).toEqual([{ slept: true }]);
  });

  it("derives the client-side limit from the statement limit; URL parameters win over settings", () => {
    const timeoutsOf = (settings: PostgresSettings) => postgresTimeouts(parseSettings(postgresSettings, settings));
    expect(timeoutsOf({ connectionString: postgresUrl })).toMatchObject({ statementTimeoutMs: 30_000, queryTimeoutMs: 32_000 });
    expect(timeoutsOf({ connectionString: postgresUrl, statementTimeoutMs: 5_000 })).toMatchObject({ queryTimeoutMs: 7_000 });
    expect(timeoutsOf({ connectionString: postgresUrl, statementTimeoutMs: 0 })).toMatchObject({ queryTimeoutMs: 0 });
    expect(timeoutsOf({ connectionString: `${postgresUrl}?statement_timeout=1000`, statementTimeoutMs: 5_000 })).toMatchObject({
      statementTimeoutMs: 1_000,
      queryTimeoutMs: 3_000,
    });
    expect(timeoutsOf({ connectionString: `${postgresUrl}?query_timeout=700`, queryTimeoutMs: 9_000 })).toMatchObject({
      queryTimeoutMs: 700,
    });
    expect(() => timeoutsOf({ connectionString: `${postgresUrl}?statement_timeout=soon` })).toThrow(/milliseconds/);
    expect(() => timeoutsOf({ connectionString: `${postgresUrl}?query_timeout=0` })).toThrow(/positive/);
    expect(timeoutsOf({ connectionString: `${postgresUrl}?connect_timeout=2`, connectionTimeoutMs: 9_000 })).toMatchObject({
      connectionTimeoutMs: 2_000,
    });
  });

  it("passes other database errors through with their SQLSTATE", async () => {
    const database = await client({ connectionString: postgresUrl });

    await expect(database.query("SELECT no_such_column FROM pg_class")).rejects.toMatchObject({ code: "42703" });
  });

  it("commits a transaction's work and rolls it back when the work throws", async () => {
    const repositories = await createPostgresTestRepositories();
    cleanups.push(() => repositories.close());
    const database = await client({ connectionString: postgresUrl, schema: repositories.schema });
    const insert = (transaction: SqlClient, patientId: string) =>
      transaction.query("INSERT INTO confide_care_relations (therapist_id, patient_id, created_at) VALUES ('t', $1, now())", [
        patientId,
      ]);

    await database.transaction((transaction) => insert(transaction, "kept"));
    await expect(
      database.transaction(async (transaction) => {
        await insert(transaction, "discarded");
        throw new Error("work failed");
      }),
    ).rejects.toThrow("work failed");

    expect(await database.query("SELECT patient_id FROM confide_care_relations")).toEqual([{ patient_id: "kept" }]);
  });

  it("rejects a schema name that is not a plain identifier with validation.invalid_input", async () => {
    await expectConfideError(createPostgresClient({ connectionString: postgresUrl, schema: 'x"; DROP' }), "validation.invalid_input");
    await expectConfideError(createPostgresClient({ connectionString: postgresUrl, schema: "Mixed" }), "validation.invalid_input");
    await expectConfideError(createPostgresClient({ connectionString: " " }), "validation.invalid_input");
  });
});
