import { ConfideError } from "@confide/core/ports";
import { z } from "zod";
import { createDataKeyring, type DataKeyring } from "../filesystem/blob-encryption.ts";
import { filesystemSettings } from "../filesystem/settings.ts";

/** The settings of the recordings' encryption at rest that backups use too. */
const keySettings = ["dataKey", "previousDataKeys"] as const;

/** The variable that sets a setting of the filesystem store (its `.meta({ env })`). */
const variableOf = (setting: string): string =>
  (z.globalRegistry.get(filesystemSettings.shape[setting as (typeof keySettings)[number]])?.env as string | undefined) ?? setting;

/**
 * The keys of backups, from the variables of the recordings' encryption at rest:
 * `CONFIDE_DATA_KEY` encrypts a new backup (none: written unencrypted) and, with
 * `CONFIDE_DATA_KEYS_PREVIOUS`, reads one.
 * @throws ConfideError `validation.invalid_input` when a key is not in the format (not echoed).
 */
export function backupKeyring(env: Record<string, string | undefined>): DataKeyring {
  const settings = Object.fromEntries(
    keySettings.flatMap((setting) => {
      const value = env[variableOf(setting)];
      return value ? [[setting, value]] : [];
    }),
  );
  const parsed = filesystemSettings.safeParse(settings);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${variableOf(String(issue.path[0]))}: ${issue.message}`);
    throw new ConfideError("validation.invalid_input", `The data key cannot be used: ${problems.join("; ")}`, { details: { problems } });
  }
  return createDataKeyring(parsed.data.dataKey, parsed.data.previousDataKeys ?? []);
}
