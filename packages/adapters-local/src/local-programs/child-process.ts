import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";

export interface ChildProcessOptions {
  signal?: AbortSignal;
  /** Streamed into the process's stdin, chunk by chunk; without it stdin is closed at once. */
  stdin?: ReadableStream<Uint8Array>;
  /** Called for every line the process prints on stdout; without it stdout is ignored. */
  onStdoutLine?: (line: string) => void;
  /** Called with the process id once the process runs. */
  onSpawn?: (pid: number) => void;
  /**
   * Runs the process at a lower CPU priority (nice 10, best effort): for batch work with minutes
   * of slack that shares the cores with work whose answer is awaited within a second (live
   * recognition in the same host).
   */
  lowPriority?: boolean;
}

/** The niceness of `lowPriority` work: on Linux a nice-0 process gets about 9 times its CPU share under contention. */
export const lowPriorityNiceness = 10;

export interface ChildProcessResult {
  /** Null when the process was ended by a signal. */
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
  /** The last few kilobytes the process wrote on stderr. */
  stderrTail: string;
}

const stderrTailCharacters = 16 * 1024;

const abortReason = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException("The operation was aborted.", "AbortError");

/** Resolves when `stdin` can take more, or when it is gone (the process stopped reading). */
function writable(stdin: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stdin.off("drain", done);
      stdin.off("close", done);
      resolve();
    };
    stdin.on("drain", done);
    stdin.on("close", done);
  });
}

/**
 * Lets a source go that is no longer read. Its release may fail — a stream the same abort has
 * already failed answers a cancel with that failure — and that failure is not the run's: it is
 * dropped here, where it would otherwise reject a promise nobody waits on yet and end the process.
 * `reason` is handed to the source when given (an abort's).
 */
export function release(reader: ReadableStreamDefaultReader<Uint8Array>, reason?: unknown): Promise<void> {
  return reader.cancel(reason).catch(() => undefined);
}

/**
 * Copies `source` into `stdin` with backpressure. Stops quietly when the process stops
 * reading (its exit status tells why); reports a failure of the source itself.
 */
async function feed(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  stdin: Writable,
  onSourceError: (error: unknown) => void,
): Promise<void> {
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch (error) {
      onSourceError(error);
      return;
    }
    if (chunk.done) break;
    if (stdin.destroyed || stdin.writableEnded) {
      await release(reader);
      return;
    }
    if (!stdin.write(chunk.value)) await writable(stdin);
  }
  if (!stdin.destroyed) stdin.end();
}

/**
 * Runs a program to its end and reports how it ended.
 * The program runs in its own process group, so the signal a terminal sends to its foreground
 * group on Ctrl-C reaches the host, not the program: the host decides when its programs stop
 * (through `signal`), and a shutdown can leave the work for redelivery instead of failing it.
 * When `signal` aborts, the process is killed (SIGKILL) and, once it has exited, the abort
 * reason is thrown. When the `stdin` source fails, the process is killed and that error thrown.
 * @throws the spawn error (`code` ENOENT, EACCES…) when the program cannot be started.
 */
export async function runChildProcess(
  command: string,
  args: readonly string[],
  options: ChildProcessOptions = {},
): Promise<ChildProcessResult> {
  const { signal } = options;
  if (signal?.aborted) throw abortReason(signal);

  const child = spawn(command, args, {
    detached: true,
    stdio: [options.stdin ? "pipe" : "ignore", options.onStdoutLine ? "pipe" : "ignore", "pipe"],
  });
  child.once("spawn", () => {
    if (child.pid === undefined) return;
    if (options.lowPriority) {
      try {
        setPriority(child.pid, lowPriorityNiceness);
      } catch {
        // Best effort: a process that has already gone, or a platform that refuses, runs as it is.
      }
    }
    options.onSpawn?.(child.pid);
  });

  let stderrTail = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-stderrTailCharacters);
  });

  const lines =
    child.stdout && options.onStdoutLine ? createInterface({ input: child.stdout, crlfDelay: Infinity }) : null;
  if (lines && options.onStdoutLine) lines.on("line", options.onStdoutLine);

  let sourceFailure: { error: unknown } | null = null;
  const reader = options.stdin?.getReader() ?? null;
  let feeding: Promise<void> = Promise.resolve();
  if (reader && child.stdin) {
    const stdin = child.stdin;
    // A broken pipe when the process stops reading early is expected: its exit status tells.
    stdin.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") stderrTail += `\n[stdin] ${error.message}`;
    });
    feeding = feed(reader, stdin, (error) => {
      sourceFailure = { error };
      child.kill("SIGKILL");
    });
  }

  const kill = () => child.kill("SIGKILL");
  signal?.addEventListener("abort", kill, { once: true });

  try {
    const ended = await new Promise<{ exitCode: number | null; exitSignal: NodeJS.Signals | null }>(
      (resolve, reject) => {
        child.once("error", reject);
        child.once("close", (exitCode, exitSignal) => resolve({ exitCode, exitSignal }));
      },
    );
    if (signal?.aborted) throw abortReason(signal);
    const failure = sourceFailure as { error: unknown } | null;
    if (failure) throw failure.error;
    return { ...ended, stderrTail };
  } finally {
    signal?.removeEventListener("abort", kill);
    lines?.close();
    if (reader) {
      // The process is gone: release the source (a file handle, a socket) if still being read.
      await Promise.all([feeding, release(reader)]);
    }
  }
}
