/**
 * A real `confide serve` process with the embedded profile on a temporary data directory,
 * seeded (`serveEmbedded`), or also with a therapist and a patient signed in
 * (`startEmbeddedServer`): for tests that send requests a client could
 * send and check what the process and its blob store look like afterwards.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { login, recordTestConsent } from "./confide-api-client.ts";
import { seedAccounts, type SeededAccounts } from "./seed-accounts.ts";
import { startCli, type ConfideProcess } from "./server-process.ts";

/**
 * The environment of an embedded deployment on `dataDir`: any free port, cheap password hashing,
 * info logs; `env` adds to it and overrides it.
 */
export function embeddedEnv(dataDir: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    CONFIDE_PROFILE: "embedded",
    CONFIDE_DATA_DIR: dataDir,
    CONFIDE_PORT: "0",
    CONFIDE_PASSWORD_COST: "1024",
    CONFIDE_LOG_LEVEL: "info",
    ...env,
  };
}

export interface ServedEmbedded {
  process: ConfideProcess & { port: number };
  baseUrl: string;
  dataDir: string;
  accounts: SeededAccounts;
  /** Stops the process (SIGTERM) and removes the data directory; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface EmbeddedServer extends ServedEmbedded {
  tokens: { therapist: string; patient: string };
  /** Every file under the blob store's folder, temporary files included. */
  blobFiles(): Promise<string[]>;
  /** True while the process runs and `/healthz` answers 200. */
  isServing(): Promise<boolean>;
}

/**
 * A real `confide serve` with the embedded profile on a fresh temporary data directory (named
 * `<prefix>…`), seeded, nobody signed in; `env` adds to `embeddedEnv`'s. When the seed or the
 * start fails (`timeoutMs` to answer, default 60 s), the data directory is removed.
 */
export async function serveEmbedded(
  env: Record<string, string> = {},
  options: { prefix?: string; timeoutMs?: number } = {},
): Promise<ServedEmbedded> {
  const dataDir = await mkdtemp(join(tmpdir(), options.prefix ?? "confide-embedded-"));
  try {
    const fullEnv = embeddedEnv(dataDir, env);
    const accounts = await seedAccounts(fullEnv);
    const process = await startCli(["serve"], fullEnv, { timeoutMs: options.timeoutMs ?? 60_000 });
    return {
      process,
      baseUrl: `http://127.0.0.1:${process.port}`,
      dataDir,
      accounts,
      async stop() {
        const code = await process.stop();
        await rm(dataDir, { recursive: true, force: true });
        return code;
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * `options.consent: false` leaves the seeded patient without consent; by default their therapist
 * records it (`recordTestConsent`) once the server answers.
 */
export async function startEmbeddedServer(env: Record<string, string> = {}, options: { consent?: boolean } = {}): Promise<EmbeddedServer> {
  const served = await serveEmbedded(env);
  const { process: server, baseUrl, dataDir, accounts } = served;
  let tokens: EmbeddedServer["tokens"];
  try {
    tokens = { therapist: await login(baseUrl, accounts.therapist), patient: await login(baseUrl, accounts.patient) };
    if (options.consent !== false) await recordTestConsent(baseUrl, tokens.therapist, accounts.patient.user.id);
  } catch (error) {
    await served.stop();
    throw error;
  }
  return {
    ...served,
    tokens,
    async blobFiles() {
      const entries = await readdir(join(dataDir, "blobs"), { recursive: true, withFileTypes: true }).catch(() => []);
      return entries.filter((entry) => !entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
    },
    async isServing() {
      if (server.child.exitCode !== null || server.child.signalCode !== null) return false;
      try {
        const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(15_000) });
        return response.status === 200;
      } catch {
        return false;
      }
    },
  };
}
