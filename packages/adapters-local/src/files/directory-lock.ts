import { ConfideError } from "@confide/core/ports";
import { readFileSync, unlinkSync } from "node:fs";
import { mkdir, open, readFile, unlink } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { ownerOnlyFileMode, ownerOnlyFolderMode } from "./owner-only-modes.ts";

/** A directory this process owns until `release()` (or until it exits, however it exits). */
export interface DirectoryLock {
  /** The lock file: `<directory>.lock`, beside the directory. */
  readonly path: string;
  /** Removes the lock file if it is still this process's. Safe to call twice. */
  release(): Promise<void>;
}

/** What the lock file holds: who owns the directory. */
interface LockOwner {
  pid: number;
  /** The owner's start time in clock ticks since boot (Linux `/proc/<pid>/stat`), so a reused pid is not taken for the owner. */
  startTicks: string | undefined;
  /** The owner's script and arguments, e.g. `cli.ts serve`, to tell the user what to stop. */
  command: string;
  since: string;
}

/** Lock files this process holds: a second lock of the same directory in this process is refused too. */
const heldHere = new Set<string>();

/** Linux: the process's start time in clock ticks since boot; undefined where /proc is missing. */
async function startTicksOf(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised program name: state is field 3, starttime field 22.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined; // no /proc here (or the process has just ended): the pid alone decides
  }
}

async function isAlive(owner: LockOwner): Promise<boolean> {
  // Our own pid in a lock we do not hold: a previous life of this process slot (a container's
  // pid 1 restarted after kill -9).
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const startTicks = await startTicksOf(owner.pid);
  return owner.startTicks === undefined || startTicks === undefined || startTicks === owner.startTicks;
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, "utf8")) as Partial<LockOwner>;
    return typeof owner.pid === "number" ? (owner as LockOwner) : undefined;
  } catch {
    return undefined; // gone meanwhile, or cut short by a crash while being written: stale
  }
}

/** Creates the file with `content` unless it exists. @returns false when it exists. */
async function createExclusive(path: string, content: string): Promise<boolean> {
  let file;
  try {
    file = await open(path, "wx", ownerOnlyFileMode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await file.writeFile(content);
  } finally {
    await file.close();
  }
  return true;
}

function lockedError(directory: string, owner: LockOwner | undefined): ConfideError {
  const who = owner ? `process ${owner.pid}${owner.command ? ` (${owner.command})` : ""} since ${owner.since}` : "another process";
  return new ConfideError(
    "dependency.unavailable",
    `The embedded database ${directory} is in use by ${who}: ` +
      "one process at a time may open it. Stop that process first.",
    { retryable: false, details: { dependency: "PGlite", reason: "locked", ownerPid: owner?.pid, ownerCommand: owner?.command } },
  );
}

/**
 * Makes this process the only one that opens `directory`: creates `<directory>.lock` (mode 0600)
 * holding this process's pid, or refuses at once when a live process holds it. A lock whose
 * process has ended (killed with `kill -9`, say) is stale and taken over, so nothing is left
 * locked after a crash. Two processes taking over the same stale lock in the same few
 * microseconds could both succeed; a live owner is always respected.
 * @throws ConfideError `dependency.unavailable` (details.reason "locked", details.ownerPid) when held.
 */
export async function lockDirectory(directory: string): Promise<DirectoryLock> {
  const path = `${directory.replace(/[/\\]+$/, "")}.lock`;
  const owner: LockOwner = {
    pid: process.pid,
    startTicks: await startTicksOf(process.pid),
    command: [basename(process.argv[1] ?? ""), ...process.argv.slice(2)].join(" ").trim(),
    since: new Date().toISOString(),
  };
  const content = `${JSON.stringify(owner)}\n`;
  if (heldHere.has(path)) throw lockedError(directory, owner);
  await mkdir(dirname(path), { recursive: true, mode: ownerOnlyFolderMode });
  if (!(await createExclusive(path, content))) {
    const current = await readOwner(path);
    if (current && (await isAlive(current))) throw lockedError(directory, current);
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    if (!(await createExclusive(path, content))) {
      throw lockedError(directory, await readOwner(path));
    }
  }
  heldHere.add(path);
  const isOurs = () => {
    try {
      return readFileSync(path, "utf8") === content;
    } catch {
      return false;
    }
  };
  // A process that exits without release() (process.exit after an error) leaves no lock behind;
  // one killed outright leaves a stale lock, taken over by the next process.
  const releaseAtExit = () => {
    if (isOurs()) unlinkSync(path);
  };
  process.once("exit", releaseAtExit);
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      process.off("exit", releaseAtExit);
      heldHere.delete(path);
      if (isOurs()) await unlink(path);
    },
  };
}
