import { mkdir } from "node:fs/promises";

/**
 * Makes the data directory (database, recordings, generated secret) private to the user the
 * host runs as: creates it 0700 when missing, and tightens what an older version or a looser
 * umask left there (folders 0700, files 0600). New files stay private through the modes the
 * adapters set and the host's umask (0077, set by the CLI at start).
 */
export async function preparePrivateDataDirectory(dataDir: string): Promise<void> {
  const { ownerOnlyFolderMode, restrictToOwner } = await import("@confide/adapters-local");
  await mkdir(dataDir, { recursive: true, mode: ownerOnlyFolderMode });
  await restrictToOwner(dataDir);
}
