/**
 * How a test stack (self-hosted, Azure) undoes what it started: the processes stopped first, then
 * every other thing in the reverse order it was started, each failure collected, none skipped.
 */
import type { RunningProcess } from "./stack-processes.ts";

export interface StackTeardown {
  /** The stack's name in errors ("self-hosted", "azure"). */
  name: string;
  /** The confide processes the stack started; `close()` stops every one. */
  processes: RunningProcess[];
  /** Registers what undoes one thing the stack started (a database dropped, a stand-in stopped). */
  cleanups: Array<() => Promise<void>>;
  /**
   * Stops every process (SIGTERM, SIGKILL after 5 s), then runs the cleanups last-registered
   * first. @throws AggregateError "closing the <name> stack failed" with every failure, after all ran.
   */
  close(): Promise<void>;
}

/** Stops a process: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
async function stopProcess(process: RunningProcess, graceMs: number): Promise<void> {
  if (process.child.exitCode !== null || process.child.signalCode !== null) return;
  process.child.kill("SIGTERM");
  const exited = await Promise.race([
    process.exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs)),
  ]);
  if (!exited) {
    process.child.kill("SIGKILL");
    await process.exited;
  }
}

export function createStackTeardown(name: string): StackTeardown {
  const processes: RunningProcess[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  const close = async () => {
    const errors: unknown[] = [];
    await Promise.all(processes.map((process) => stopProcess(process, 5_000).catch((error: unknown) => errors.push(error))));
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, `closing the ${name} stack failed`);
  };
  return { name, processes, cleanups, close };
}

/**
 * Runs `start`, which registers on `teardown` what it starts. When it throws, closes what had
 * started and rethrows its error (with the close's, as "starting the <name> stack failed, and so
 * did cleaning up", when closing failed too).
 */
export async function startOrTearDown<T>(teardown: StackTeardown, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    try {
      await teardown.close();
    } catch (closeError) {
      throw new AggregateError([error, closeError], `starting the ${teardown.name} stack failed, and so did cleaning up`);
    }
    throw error;
  }
}
