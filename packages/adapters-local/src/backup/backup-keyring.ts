import { ConfideError } from "@confide/core/ports";
import { createDataKeyring, type DataKeyring } from "../filesystem/blob-encryption.ts";
import { filesystemSettings } from "../filesystem/settings.ts";

/**
 * The keys of backups, from the variables of the recordings' encryption at rest:
 * `CONFIDE_DATA_KEY` encrypts a new backup (none: written unencrypted) and, with
 * `CONFIDE_DATA_KEYS_PREVIOUS`, reads one.
 * @throws ConfideError `validation.invalid_input` when a key is not in the format (not echoed).
 */
export function backupKeyring(env: Record<string, string | undefined>): DataKeyring {
  const variables = Object.fromEntries(
    ["CONFIDE_DATA_KEY", "CONFIDE_DATA_KEYS_PREVIOUS"].flatMap((name) => (env[name] ? [[name, env[name]]] : [])),
  );
  const parsed = filesystemSettings.safeParse(variables);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    throw new ConfideError("validation.invalid_input", `The data key cannot be used: ${problems.join("; ")}`, { details: { problems } });
  }
  return createDataKeyring(parsed.data.CONFIDE_DATA_KEY, parsed.data.CONFIDE_DATA_KEYS_PREVIOUS ?? []);
}
