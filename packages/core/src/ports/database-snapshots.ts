/** One table of a snapshot: its name and its rows, each one JSON object (column name → value) as text. */
export interface SnapshotTable {
  name: string;
  rows: AsyncIterable<string>;
}

/** What `DatabaseSnapshots.read` hands over: every table as of one instant, and the blobs they reference. */
export interface DatabaseSnapshot {
  /**
   * What kind of database wrote it (e.g. `sql`): `restore` refuses a snapshot of another kind.
   */
  kind: string;
  /**
   * Every table of Confide's database, each exactly once, in an order `restore` can insert them
   * in (the table of applied schema changes first, then referenced tables before the tables
   * referring to them). Listed from the database itself, not from a list in the code, so a
   * table added by a later change is included. Each table's rows are read in batches, never
   * all at once. Iterate the tables in order, each table's rows to the end before the next.
   */
  tables(): AsyncIterable<SnapshotTable>;
  /** The keys of the blobs (recordings) the snapshot's rows reference, each once. */
  blobKeys(): AsyncIterable<string>;
}

/**
 * Whole-database snapshots for backups, and the restore of one into an empty database.
 * A database that cannot take them (Cosmos DB, whose backups are the service's own) throws
 * `provider.unsupported` from every method.
 */
export interface DatabaseSnapshots {
  /**
   * Runs `read` on one consistent snapshot of every table (a read-only REPEATABLE READ
   * transaction on SQL): everything committed before it began is seen, nothing committed
   * after. Other writers are not blocked on PostgreSQL; on an in-process database (PGlite, one
   * session) they wait until `read` settles, so `read` should only copy the rows out.
   * @returns what `read` returns.
   * @throws ConfideError `provider.unsupported` where the database cannot; `dependency.unavailable`.
   */
  read<T>(read: (snapshot: DatabaseSnapshot) => Promise<T>): Promise<T>;

  /**
   * @returns true when the database holds no rows of Confide's (no tables yet, or only
   * empty ones): what `restore` accepts.
   */
  isEmpty(): Promise<boolean>;

  /**
   * Fills an empty database with a snapshot's tables (as `read` listed them, in that order), in
   * one transaction: when anything fails, nothing is kept. The schema is first brought to the
   * snapshot's own version (not further: the next `prepare()` upgrades it as it upgrades any
   * older database).
   * @throws ConfideError `validation.invalid_input` when the database is not empty, when the
   * snapshot is of another kind, names a table the snapshot's schema does not have, or comes
   * from a newer version of Confide (a schema change this version does not know).
   */
  restore(kind: string, tables: AsyncIterable<SnapshotTable>): Promise<void>;
}
