import { createReadStream, createWriteStream } from "node:fs";
import { access, readdir, rename, rm, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ConfideError, type Logger, type Repositories } from "@confide/core/ports";
import type { ConfideConfig } from "../config/config.ts";
import { createChosenAdapter } from "../composition/adapter-modules.ts";
import { findAdapter } from "../composition/adapter-registry.ts";
import { createBackupStream } from "../backup/backup-stream.ts";
import { readBackupToken } from "../backup/backup-token.ts";
import { restoreBackup, verifyBackup, type BackupSummary } from "../backup/restore-backup.ts";

/** Where the backup came from: the running server (embedded database) or this process. */
export interface BackupReport extends BackupSummary {
  file: string;
  sizeBytes: number;
  via: "server" | "direct";
}

function invalid(message: string, details: Record<string, unknown> = {}): ConfideError {
  return new ConfideError("validation.invalid_input", message, { details });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** True when the error is the embedded database's directory lock held by another process. */
const isLocked = (error: unknown) => ConfideError.is(error) && error.details?.reason === "locked";

/** The running server's address as this machine reaches it. */
function serverUrl(config: ConfideConfig): string {
  const host = config.host === "0.0.0.0" || config.host === "" ? "127.0.0.1" : config.host === "::" ? "[::1]" : config.host.includes(":") ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}/v1/admin/backup`;
}

/** Asks the server holding the embedded database for a backup. @returns its archive bytes. */
async function backupFromServer(config: ConfideConfig): Promise<ReadableStream<Uint8Array>> {
  const token = await readBackupToken(config.dataDir);
  if (token === undefined) {
    throw invalid(`The embedded database is held by a running server, but ${config.dataDir}/backup-token is missing: restart the server (a server of this version writes it) and run the backup again.`);
  }
  let response: Response;
  try {
    response = await fetch(serverUrl(config), { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new ConfideError("dependency.unavailable", `The embedded database is held by a running server, which does not answer at ${serverUrl(config)}: run the backup with the server's CONFIDE_HOST and CONFIDE_PORT.`, {
      cause: error,
    });
  }
  if (!response.ok || response.body === null) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new ConfideError("dependency.unavailable", `The server refused the backup (HTTP ${response.status}${problem.detail ? `: ${problem.detail}` : ""}).`);
  }
  return response.body;
}

/**
 * `confide backup --to FILE`: writes a backup of the database and the recordings to FILE
 * (refused when it exists), encrypted with CONFIDE_DATA_KEY when set. With an embedded database
 * a running server holds, the server makes it (GET /v1/admin/backup); otherwise this process
 * opens the database (PGlite: holding its lock meanwhile; PostgreSQL: alongside the servers).
 * The bytes go to `FILE.partial` first, are read back and verified whole (every checksum, the
 * key), and only then renamed to FILE: a FILE that exists is a complete backup.
 * @returns what the backup holds and how it was made.
 */
export async function backupCommand(config: ConfideConfig, env: Record<string, string | undefined>, to: string | undefined, logger: Logger): Promise<BackupReport> {
  if (to === undefined) throw invalid("backup needs --to FILE.", { option: "--to" });
  if (await exists(to)) throw invalid(`${to} already exists: choose a new file (a backup never overwrites one).`, { option: "--to" });
  const { backupKeyring } = await import("@confide/adapters-local/platform");
  const keyring = backupKeyring(env);
  const partial = `${to}.partial`;
  let via: BackupReport["via"] = "direct";
  const opened: Array<{ close(): Promise<void> }> = [];
  try {
    let body: ReadableStream<Uint8Array>;
    let repositories: Repositories | undefined;
    try {
      repositories = await createChosenAdapter(config, "repository", logger);
      opened.push(repositories);
    } catch (error) {
      if (!isLocked(error)) throw error;
    }
    if (repositories === undefined) {
      via = "server";
      body = await backupFromServer(config);
    } else {
      const blobs = await createChosenAdapter(config, "storage", logger);
      opened.push(blobs);
      body = await createBackupStream({ snapshots: repositories.snapshots, blobs, keyring, logger });
    }
    try {
      await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), createWriteStream(partial, { flags: "wx", mode: 0o600 }));
    } catch (error) {
      if (via === "server" && !ConfideError.is(error)) {
        throw new ConfideError("dependency.unavailable", `The server ended the backup before its end (${(error as Error).message}): see the server's log, and run it again.`, { cause: error });
      }
      throw error;
    }
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    for (const resource of opened.reverse()) await resource.close();
  }
  try {
    const summary = await verifyBackup(() => createReadStream(partial), keyring);
    await rename(partial, to);
    const { size } = await stat(to);
    return { file: to, sizeBytes: size, via, ...summary };
  } catch (error) {
    await rm(partial, { force: true });
    if (ConfideError.is(error) && error.details?.reason === "corrupt") {
      throw new ConfideError("dependency.unavailable", `The backup ended before it was complete (${error.message}) and was removed; see the server's log, and run it again.`, { cause: error });
    }
    throw error;
  }
}

/**
 * `confide restore --from FILE`: restores a backup into the configured database and blob store,
 * which must be empty (embedded: the data directory is empty or missing). The whole file is
 * verified first; a failure leaves the target empty (embedded: the data directory is emptied
 * again; PostgreSQL: the transaction rolls back and the recordings stored are deleted).
 * @returns what was restored.
 */
export async function restoreCommand(config: ConfideConfig, env: Record<string, string | undefined>, from: string | undefined, logger: Logger): Promise<BackupSummary> {
  if (from === undefined) throw invalid("restore needs --from FILE.", { option: "--from" });
  if (!(await exists(from))) throw invalid(`${from} does not exist.`, { option: "--from" });
  const { backupKeyring } = await import("@confide/adapters-local/platform");
  const keyring = backupKeyring(env);
  const repositoryAdapter = findAdapter("repository", config.adapters.repository)!;
  const embedded = repositoryAdapter.keepsDatabaseInDataDir === true;
  if (embedded) {
    const present = await readdir(config.dataDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    if (present.length > 0) {
      throw invalid(`The data directory ${config.dataDir} is not empty (${present.slice(0, 5).join(", ")}${present.length > 5 ? ", …" : ""}): restore into an empty or new directory (CONFIDE_DATA_DIR).`, {
        reason: "target_not_empty",
      });
    }
  }
  // Verified before anything is created, so a bad file leaves no trace at all.
  const verified = await verifyBackup(() => createReadStream(from), keyring);
  const opened: Array<{ close(): Promise<void> }> = [];
  let failed = false;
  try {
    // Not prepared: the restore builds the schema of the backup's own version.
    const repositories = await repositoryAdapter.create(config.adapterSettings.repository, { logger, dataDir: config.dataDir });
    opened.push(repositories);
    const blobs = await createChosenAdapter(config, "storage", logger);
    opened.push(blobs);
    return await restoreBackup(() => createReadStream(from), { snapshots: repositories.snapshots, blobs, keyring }, verified);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    for (const resource of opened.reverse()) await resource.close();
    if (failed && embedded) {
      // It was empty: what the restore created goes, the directory itself stays.
      for (const name of await readdir(config.dataDir).catch(() => [])) await rm(`${config.dataDir}/${name}`, { recursive: true, force: true });
    }
  }
}
