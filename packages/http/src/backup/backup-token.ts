import { randomBytes } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The file, in the data directory, holding the token of the running server's backup route. */
export const backupTokenFile = (dataDir: string) => join(dataDir, "backup-token");

/**
 * A new backup token for this run of the server, written (mode 0600, replaced atomically) where
 * `confide backup` reads it. A token of an earlier run stops working when the server restarts.
 */
export async function writeBackupToken(dataDir: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const file = backupTokenFile(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${token}\n`, { mode: 0o600, flag: "w" });
  await rename(temporary, file);
  return token;
}

/** @returns the running server's backup token, or undefined when it has none there. */
export async function readBackupToken(dataDir: string): Promise<string | undefined> {
  try {
    return (await readFile(backupTokenFile(dataDir), "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
