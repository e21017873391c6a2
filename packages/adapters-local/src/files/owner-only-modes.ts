import { chmod, lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { isMissing } from "../filesystem/filesystem-errors.ts";

/** Mode of every file Confide keeps (recordings, their sidecars, the database, secrets): the owner reads and writes. */
export const ownerOnlyFileMode = 0o600;
/** Mode of every folder Confide keeps: only the owner lists, enters or adds to it. */
export const ownerOnlyFolderMode = 0o700;

const permissionBits = 0o7777;

/**
 * Makes `path` and everything under it reachable by its owner only: folders 0700, files 0600,
 * each folder after its entries (so `path` itself is private only once the walk has finished).
 * Entries already at that mode are not touched; symbolic links are neither changed nor
 * followed. Used at start-up to tighten data written by an older version or under a looser
 * umask, and after PGlite starts (it sets the modes of some of its files itself, 0666 or 0644,
 * whatever the umask).
 * @returns once every entry is done; a missing `path` (or an entry removed meanwhile) is no error.
 * @throws the file system's error (e.g. EPERM when another user owns an entry).
 */
export async function restrictToOwner(path: string): Promise<void> {
  let entry;
  try {
    entry = await lstat(path);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  if (entry.isSymbolicLink()) return;
  const wanted = entry.isDirectory() ? ownerOnlyFolderMode : ownerOnlyFileMode;
  let mode = entry.mode & permissionBits;
  try {
    if (entry.isDirectory()) {
      // A folder its owner cannot list or enter is opened up first, or the walk could not go on.
      if ((mode & 0o700) !== 0o700) {
        await chmod(path, wanted);
        mode = wanted;
      }
      // The entries of a folder at once (lstat and chmod hold no handle; libuv's thread pool
      // bounds how many run together): a database folder of a thousand files takes tens of ms.
      await Promise.all((await readdir(path)).map((name) => restrictToOwner(join(path, name))));
    }
    // A folder last, once everything in it is done: a private folder means a finished walk.
    if (mode !== wanted) await chmod(path, wanted);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}
