import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * Every entry under `root` (and `root` itself) whose mode is not owner-only — files other than
 * 0600, folders other than 0700 — as `"<mode> <path relative to root>"`, sorted. Empty when
 * the whole tree is private to its owner. Symbolic links are listed as such.
 */
export async function entriesNotOwnerOnly(root: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (path: string): Promise<void> => {
    const entry = await lstat(path);
    const mode = (entry.mode & 0o7777).toString(8).padStart(4, "0");
    const relative = path === root ? "." : path.slice(root.length + 1);
    if (entry.isSymbolicLink()) found.push(`link ${relative}`);
    else if (entry.isDirectory()) {
      if (mode !== "0700") found.push(`${mode} ${relative}/`);
      for (const name of await readdir(path)) await visit(join(path, name));
    } else if (mode !== "0600") found.push(`${mode} ${relative}`);
  };
  await visit(root);
  return found.sort();
}
