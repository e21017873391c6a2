/**
 * Runs a local stand-in server (Azurite, the Cosmos DB protocol server) as a Node child process
 * for a test file: no shell, its own process group, ready when a line of its output matches.
 *
 * - `stop()` sends SIGTERM to the whole group, waits for the exit, and sends SIGKILL to the
 *   group when the server has not gone within `stopTimeoutMs`.
 * - The child gets an IPC channel and a preloaded watchdog that ends it when the channel closes,
 *   so a test process that dies without running its `afterAll` (a killed worker) leaves no
 *   server behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";

export interface StandInProcess {
  pid: number;
  /** Everything the process wrote to stdout and stderr so far (kept to the last 64 KiB). */
  output(): string;
  /** Resolves with the exit code (null after a signal) once the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface StandInProcessOptions {
  /** Named in error messages. */
  name: string;
  /** Arguments for `node` (script path and its flags, or `-e` and a script). */
  nodeArgs: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** A line of output that means "ready"; its match is returned. */
  ready: RegExp;
  /** Default 20 s. */
  startTimeoutMs?: number;
  /** Default 5 s. */
  stopTimeoutMs?: number;
}

const outputLimit = 64 * 1024;

/** Preloaded into the child: leave when the parent's IPC channel closes (parent gone). */
const watchdog = `data:text/javascript,process.channel?.unref();process.on("disconnect",()=>process.kill(process.pid,"SIGTERM"));`;

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

export async function startStandInProcess(
  options: StandInProcessOptions,
): Promise<{ process: StandInProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, ["--import", watchdog, ...options.nodeArgs], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      exitCode = code;
      resolve(code);
    });
  });
  // A spawn failure ends in "exit" too; keep the error from being unhandled.
  child.once("error", () => {});

  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    let pending = "";
    let settled = false;
    const timer = setTimeout(() => fail(`did not report ready within ${options.startTimeoutMs ?? 20_000} ms`), options.startTimeoutMs ?? 20_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output = (output + text).slice(-outputLimit);
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const found = options.ready.exec(line);
        if (found !== null && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve(found);
          return;
        }
      }
    };
    function fail(reason: string) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signalGroup(child, "SIGKILL");
      reject(new Error(`${options.name} ${reason}; its output:\n${output}`));
    }
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => fail(`exited with ${code} before it was ready`));
  });
  // The test process may exit without stop(): the closed IPC channel then ends the child.
  child.unref();
  child.channel?.unref();
  (child.stdout as Socket).unref();
  (child.stderr as Socket).unref();

  const stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
  return {
    match,
    process: {
      pid: child.pid!,
      output: () => output,
      exited,
      async stop() {
        if (exitCode !== undefined) return;
        signalGroup(child, "SIGTERM");
        const timer = setTimeout(() => signalGroup(child, "SIGKILL"), stopTimeoutMs);
        await exited;
        clearTimeout(timer);
        if (child.connected) child.disconnect();
      },
    },
  };
}
