import { migrateRecordings, type RecordingMigrationReport } from "@confide/core";
import { type BlobStore, ConfideError, type Logger } from "@confide/core/ports";
import type { ConfideConfig } from "../config/config.ts";
import { settingsFromEnvironment } from "../config/adapter-variables.ts";
import { adapterNames, findAdapter } from "../composition/adapter-registry.ts";
import { createChosenAdapter } from "../composition/adapter-modules.ts";

/** Which side of a migration a store is on, and the prefix of its own variables. */
export type StoreSide = "from" | "to";

const sidePrefix = { from: "CONFIDE_FROM_", to: "CONFIDE_TO_" } as const;

/**
 * The environment one side's store reads: every `CONFIDE_FROM_<NAME>` (or `CONFIDE_TO_<NAME>`) as
 * `CONFIDE_<NAME>`, over the plain `CONFIDE_<NAME>`. So two stores of the same kind differ by
 * what is prefixed (`CONFIDE_FROM_S3_BUCKET`, `CONFIDE_TO_S3_BUCKET`), and what both share is
 * set once. Variables outside `CONFIDE_` (the AWS SDK's `AWS_*`) are shared by both sides.
 */
export function storeEnvironment(env: Record<string, string | undefined>, side: StoreSide): Record<string, string | undefined> {
  const prefix = sidePrefix[side];
  const own: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(prefix) && value !== undefined && value !== "") own[`CONFIDE_${name.slice(prefix.length)}`] = value;
  }
  return { ...env, ...own };
}

/**
 * The storage adapter `name` with the settings of one side (storeEnvironment), created as the
 * host creates its own. @throws ConfideError `validation.invalid_input` for an unknown adapter
 * or settings its schema refuses (the variables named with the side's prefix).
 */
export async function createSideStore(name: string, side: StoreSide, env: Record<string, string | undefined>, logger: Logger): Promise<BlobStore> {
  const adapter = findAdapter("storage", name);
  const option = `--${side}`;
  if (adapter === undefined) {
    throw new ConfideError("validation.invalid_input", `${option} must be one of ${adapterNames("storage").join(", ")} (got "${name}").`, {
      details: { option },
    });
  }
  const sideEnv = Object.fromEntries(Object.entries(storeEnvironment(env, side)).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = settingsFromEnvironment(adapter.settings, sideEnv, `the ${name} store of ${option}`);
  if (!parsed.success) {
    const problems = parsed.problems.map(({ variable, message }) => `${sidePrefix[side]}${variable.replace(/^CONFIDE_/, "")} (or ${variable}): ${message}`);
    throw new ConfideError("validation.invalid_input", `The ${option} store cannot be used; fix the configuration:\n  ${problems.join("\n  ")}`, {
      details: { problems },
    });
  }
  return adapter.create(parsed.data, { logger, dataDir: sideEnv.CONFIDE_DATA_DIR ?? "./data" });
}

/**
 * `confide migrate-storage --from <store> --to <store>`: copies every session's recording from
 * one store to the other (core's migrateRecordings: streaming, verified by sha256, resumable),
 * printing a line per recording through `progress`. The sessions come from the repository the
 * configuration names, as for any command; the two stores from their sides' variables.
 * @returns the report; the caller decides the exit code (problems → 1).
 */
export async function migrateStorageCommand(
  config: ConfideConfig,
  env: Record<string, string | undefined>,
  stores: { from: string | undefined; to: string | undefined },
  logger: Logger,
  progress: (line: string) => void,
): Promise<RecordingMigrationReport> {
  if (stores.from === undefined || stores.to === undefined) {
    throw new ConfideError("validation.invalid_input", "migrate-storage needs --from <store> and --to <store>.", { details: { option: "--from/--to" } });
  }
  const opened: Array<{ close(): Promise<void> }> = [];
  try {
    const repositories = await createChosenAdapter(config, "repository", logger);
    opened.push(repositories);
    const from = await createSideStore(stores.from, "from", env, logger);
    opened.push(from);
    const to = await createSideStore(stores.to, "to", env, logger);
    opened.push(to);
    await from.check();
    await to.check();
    return await migrateRecordings({
      sessions: repositories.sessions,
      from,
      to,
      onRecording: ({ sessionId, outcome, sizeBytes }) => progress(`${outcome.padEnd(17)} ${sessionId}${sizeBytes > 0 ? ` (${sizeBytes} bytes)` : ""}`),
    });
  } finally {
    for (const resource of opened.reverse()) await resource.close();
  }
}
