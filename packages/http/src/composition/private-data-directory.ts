import { mkdir, stat } from "node:fs/promises";

/**
 * Makes the data directory (database, recordings, generated secret) private to the user the
 * host runs as: creates it 0700 when missing, and tightens once what an older version or a
 * looser umask left there (folders 0700, files 0600). The walk over every recording runs only
 * while the directory itself is not yet private (it is tightened last), not at every start;
 * new files stay private through the modes the adapters set and the host's umask (0077, set
 * by the CLI at start), and the PGlite adapter tightens its own folder whenever it opens it.
 */
export async function preparePrivateDataDirectory(dataDir: string): Promise<void> {
  const { ownerOnlyFolderMode, restrictToOwner } = await import("@confide/adapters-local/platform");
  await mkdir(dataDir, { recursive: true, mode: ownerOnlyFolderMode });
  if (((await stat(dataDir)).mode & 0o777) === ownerOnlyFolderMode) return;
  await restrictToOwner(dataDir);
}
