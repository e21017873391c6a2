/**
 * Starts a Node server script as a child process and waits for its JSON "listening" log line
 * (the `confide serve` log format; the bare baseline servers print the same line). Every child
 * is killed when the bench process exits, whatever the reason.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { open } from "node:fs/promises";
import { performance } from "node:perf_hooks";

export interface ChildServer {
  child: ChildProcess;
  pid: number;
  port: number;
  /** performance.now() when the process was spawned and when its "listening" line arrived. */
  spawnedAtMs: number;
  listeningAtMs: number;
  /** The last 1,000 stdout lines. */
  lines: string[];
  /** SIGTERM, then SIGKILL after `graceMs` (default 10 s); resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface ChildServerOptions {
  /** Arguments after the Node binary, e.g. ["--conditions=source", "cli.ts", "serve"]. */
  args: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Called with each stdout line as it arrives (after it is stored in `lines`). */
  onLine?: (line: string, atMs: number) => void;
  /**
   * Sends stdout to this file instead of a pipe (read every 25 ms until "listening"). A pipe to
   * this process blocks the server's synchronous log writes whenever the bench is slow to read,
   * which under load would be measured as server time; a file does not.
   */
  stdoutPath?: string;
}

const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

function parseLogLine(line: string): { message?: unknown; port?: unknown } | null {
  try {
    return JSON.parse(line) as { message?: unknown; port?: unknown };
  } catch {
    return null; // not a JSON log line (a library's own output)
  }
}

export function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const spawnedAtMs = performance.now();
  const stdoutFd = options.stdoutPath === undefined ? null : openSync(options.stdoutPath, "w");
  const child = spawn(process.execPath, options.args, {
    env: { ...process.env, ...options.env },
    stdio: ["ignore", stdoutFd ?? "pipe", "pipe"],
  });
  if (stdoutFd !== null) closeSync(stdoutFd);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => running.delete(child));
  const lines: string[] = [];
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));

  const stop = async (graceMs = 10_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    }
  };

  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      void stop(0);
      reject(new Error(`${options.args.join(" ")}: ${reason}\nstdout:\n${lines.join("\n")}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail("not listening in time"), options.timeoutMs ?? 30_000);
    void exited.then(() => {
      clearTimeout(timer);
      fail(`exited (${child.exitCode ?? child.signalCode}) before listening`);
    });
    let buffered = "";
    let listening = false;
    const onData = (chunk: Buffer) => {
      const atMs = performance.now();
      buffered += chunk.toString();
      let newline = buffered.indexOf("\n");
      while (newline !== -1) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        lines.push(line);
        if (lines.length > 1_000) lines.shift();
        options.onLine?.(line, atMs);
        if (!listening && line.startsWith("{")) {
          const parsed = parseLogLine(line);
          if (parsed?.message === "listening") {
            listening = true;
            clearTimeout(timer);
            resolve({
              child,
              pid: child.pid as number,
              port: Number(parsed.port),
              spawnedAtMs,
              listeningAtMs: atMs,
              lines,
              stop,
            });
          }
        }
        newline = buffered.indexOf("\n");
      }
    };
    if (child.stdout) child.stdout.on("data", onData);
    else void followFile(options.stdoutPath as string, onData, () => listening || child.exitCode !== null || child.signalCode !== null);
  });
}

/** Feeds what is appended to `path` to `onData` every 25 ms until `done()`. */
async function followFile(path: string, onData: (chunk: Buffer) => void, done: () => boolean): Promise<void> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    let position = 0;
    while (!done()) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
      if (bytesRead > 0) {
        position += bytesRead;
        onData(Buffer.from(buffer.subarray(0, bytesRead)));
      } else {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  } finally {
    await file.close();
  }
}
