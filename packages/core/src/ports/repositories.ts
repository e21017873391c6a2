import type { AuditLog } from "./audit-log.ts";
import type { ConsentRepository } from "./consent-repository.ts";
import type { DatabaseSnapshots } from "./database-snapshots.ts";
import type { DeviceRepository } from "./device-repository.ts";
import type { LegalHoldRepository } from "./legal-hold-repository.ts";
import type { SessionRepository } from "./session-repository.ts";
import type { TokenRepository } from "./token-repository.ts";
import type { UserRepository } from "./user-repository.ts";

/**
 * The persistence ports over one database, opened together by a repositories adapter
 * (PostgreSQL, PGlite; later Cosmos DB): what a host wires into the use cases' deps, prepares
 * at start-up, checks for readiness and closes last.
 */
export interface Repositories {
  sessions: SessionRepository;
  users: UserRepository;
  tokens: TokenRepository;
  devices: DeviceRepository;
  audit: AuditLog;
  /** Legal holds, which suspend the deletion of what they cover. */
  holds: LegalHoldRepository;
  /** Patients' consent histories (append-only). */
  consents: ConsentRepository;
  /** Whole-database snapshots for `confide backup` and `confide restore`. */
  snapshots: DatabaseSnapshots;

  /**
   * Makes the database ready for this version of Confide: creates or upgrades what it holds
   * (tables, indexes, containers) and fills in what older versions did not keep. Safe to call
   * from several processes at once, and again: a host calls it once at start-up.
   * @returns the changes this call applied (e.g. migration names); empty when there were none.
   * @throws ConfideError `dependency.unavailable` when the database cannot be reached,
   * `internal` when it holds a schema this version cannot upgrade.
   */
  prepare(): Promise<string[]>;

  /**
   * Resolves when the database answers; used by readiness checks. Reads and writes nothing
   * of Confide's.
   * @throws ConfideError `dependency.unavailable` otherwise.
   */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  /**
   * Closes the connection the repositories share. Closing each of them has the same effect once
   * the last of them is closed, so a host may close either way.
   */
  close(): Promise<void>;
}

/** The repositories of a bundle: what the use cases use of it. */
export type RepositoryPorts = Pick<Repositories, "sessions" | "users" | "tokens" | "devices" | "audit" | "holds" | "consents">;
