import type { AdapterPort } from "./adapter-ports.ts";
import type { Logger } from "./logger.ts";

/** What the host hands every adapter it creates. */
export interface AdapterContext {
  /** The host's logger. */
  logger: Logger;
  /**
   * The host's data directory (`CONFIDE_DATA_DIR`). An adapter that keeps files keeps them in
   * a folder of its own under it (`<data dir>/db`, `<data dir>/blobs`).
   */
  dataDir: string;
}

/**
 * An adapter's settings schema, as far as core needs to know it: the type of the settings it
 * produces, carried under `~standard.types.output` as Standard Schema
 * (https://standardschema.dev) defines it — zod schemas carry it. Core depends on no
 * validation library; the host knows which one its registry uses (zod) and validates with it.
 */
export interface SettingsSchema<Settings> {
  readonly "~standard": { readonly types?: { readonly output: Settings } | undefined };
}

/**
 * One adapter as a host's registry lists it. An adapter package exports one per adapter, each
 * from its own subpath (`@confide/adapters-local/postgres`); importing it loads no SDK.
 */
export interface AdapterDescriptor<Port, Settings> {
  /** The port it implements. */
  readonly port: AdapterPort;
  /** Its name in configuration (`postgres` in `CONFIDE_REPOSITORY=postgres`); unique per port. */
  readonly name: string;
  /**
   * Its own environment variables: an object schema keyed by variable name (`CONFIDE_*`),
   * each with its default and a description, and described itself by one line saying what the
   * adapter is (the configuration table of docs/configuration.md is generated from them). The host validates
   * it only when this adapter is chosen, with empty variables treated as unset. A variable
   * several adapters read (`CONFIDE_REDIS_URL`) is one shared definition in each schema.
   */
  readonly settings: SettingsSchema<Settings>;
  /**
   * Creates the adapter from its validated settings. Imports the adapter's module — and so
   * its SDK — only now, so a deployment that chose another adapter never loads it.
   * @returns the port, ready to use; the host calls its `close()` on shutdown.
   * @throws ConfideError `validation.invalid_input` for a setting only the adapter can check.
   */
  create(settings: Settings, context: AdapterContext): Promise<Port>;
  /**
   * For a processing adapter (speech, language, notes, risk, live): whether, with these settings, it sends
   * session data out of the deployment to a service someone else runs (a cloud API). The host
   * lists such adapters' providers in `CoreSettings.cloudProviders`, and processing with them
   * needs the patient's `cloud_processing` consent naming them. Absent: the adapter
   * keeps session data inside the deployment (storage and queues are the deployment's own).
   */
  readonly sendsSessionDataOut?: (settings: Settings) => boolean;
  /**
   * For a repository adapter: it keeps its database inside the host's data directory
   * (`CONFIDE_DATA_DIR`), where only one process may open it. The host then serves
   * `confide backup` from the running server (no second process can read the database), and
   * `confide restore` needs an empty data directory and empties it again when it fails. Absent:
   * the database is a server of its own (PostgreSQL, Cosmos DB) that any process may reach.
   */
  readonly keepsDatabaseInDataDir?: boolean;
}
