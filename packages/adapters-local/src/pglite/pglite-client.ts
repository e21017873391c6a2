import { mkdir } from "node:fs/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { ConfideError } from "@confide/core/ports";
import { lockDirectory, type DirectoryLock } from "../files/directory-lock.ts";
import { ownerOnlyFolderMode, restrictToOwner } from "../files/owner-only-modes.ts";
import type { SqlClient } from "../sql/sql-client.ts";

export interface PgliteSettings {
  /**
   * Directory of the database files, created when missing. Its files are made 0600 and its
   * folders 0700 once the database is open. Omitted: an in-memory database.
   * One process owns it: `<dataDir>.lock` holds the owner's pid until `close()` or its exit.
   */
  dataDir?: string;
  /**
   * An open PGlite instance to use instead (tests share one: starting PGlite takes seconds).
   * It is not closed by `close()`.
   */
  instance?: PGlite;
}

function transactionClient(transaction: Transaction): SqlClient {
  const client: SqlClient = {
    async query<Row extends object>(text: string, params?: readonly unknown[]) {
      const result = await transaction.query<Row>(text, params as unknown[] | undefined);
      return result.rows;
    },
    async execute(script: string) {
      await transaction.exec(script);
    },
    transaction: (work) => work(client),
    close: () => Promise.reject(new TypeError("Close the PGlite client, not a transaction's.")),
  };
  return client;
}

/**
 * PostgreSQL settings the embedded database starts with, after PGlite's own. `shared_buffers`:
 * PostgreSQL's default of 128 MB is allocated and written at every start (0.45 s of a 1.3 s open
 * on a 2-core machine, and 86 MiB more resident memory); 32 MB holds a clinic's working set, and
 * the file system's cache holds the rest.
 */
const startParams: readonly string[] = ["-c", "shared_buffers=32MB"];

/**
 * PGlite (PostgreSQL compiled to WASM, in this process) behind SqlClient. PGlite is a single
 * session: statements and transactions run one after another, in call order. Each process keeps
 * its own copy of the database in memory, so a second process on the same directory would
 * silently lose writes: the directory is locked before anything is read or written.
 * @throws ConfideError `dependency.unavailable` (details.reason "locked") when another live
 * process has the directory open, or when the database cannot be opened.
 */
export async function createPgliteClient(settings: PgliteSettings = {}): Promise<SqlClient> {
  let database: PGlite;
  let lock: DirectoryLock | undefined;
  const owned = settings.instance === undefined;
  if (settings.instance !== undefined) {
    database = settings.instance;
  } else {
    const { PGlite: PGliteClass } = await import("@electric-sql/pglite");
    if (settings.dataDir !== undefined) lock = await lockDirectory(settings.dataDir);
    try {
      if (settings.dataDir !== undefined) await mkdir(settings.dataDir, { recursive: true, mode: ownerOnlyFolderMode });
      database = await PGliteClass.create(settings.dataDir, { startParams: [...PGliteClass.defaultStartParams, ...startParams] });
      // PGlite sets the mode of the files it unpacks and of some it rewrites at each start
      // (0666, 0644) whatever the umask; the files it creates later follow the umask (the host
      // sets 0077). Without this, anyone on the machine could read the database.
      if (settings.dataDir !== undefined) await restrictToOwner(settings.dataDir);
    } catch (error) {
      await lock?.release();
      throw new ConfideError("dependency.unavailable", "The embedded database could not be opened.", {
        retryable: false,
        cause: error,
        details: { dependency: "PGlite" },
      });
    }
  }

  // One session: queue every call so a transaction never interleaves with other statements.
  let tail: Promise<unknown> = Promise.resolve();
  let closing: Promise<void> | undefined;
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    if (closing !== undefined) {
      return Promise.reject(
        new ConfideError("dependency.unavailable", "The embedded database is closed.", {
          details: { dependency: "PGlite" },
        }),
      );
    }
    const run = tail.then(work);
    // The queue only orders calls; each caller gets its own outcome from `run`.
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };

  return {
    query<Row extends object>(text: string, params?: readonly unknown[]) {
      return serially(async () => (await database.query<Row>(text, params as unknown[] | undefined)).rows);
    },
    execute(script: string) {
      return serially(async () => {
        await database.exec(script);
      });
    },
    transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
      return serially(() => database.transaction((transaction) => work(transactionClient(transaction))));
    },
    close() {
      closing ??= tail.then(async () => {
        if (!owned) return;
        await database.close();
        await lock?.release();
      });
      return closing;
    },
  };
}
