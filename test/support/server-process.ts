/**
 * Runs the real `confide` CLI as a child process (from the TypeScript sources, Node ≥ 22), for
 * end-to-end and fault tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../../packages/http/src/cli.ts", import.meta.url));

export interface ConfideProcess {
  child: ChildProcess;
  /** Every stdout line so far (JSON log lines). */
  lines: string[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Everything written to stderr so far (a crash's stack trace). */
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface CliSpawnOptions {
  /**
   * The umask the CLI starts with (octal, e.g. "000"), set by a shell that then execs Node, as
   * an operator's login shell would. Omitted: this process's own.
   */
  umask?: string;
}

/** The program and arguments that run the CLI with `args`. */
function cliCommand(args: string[], options: CliSpawnOptions): [string, string[]] {
  const node = [process.execPath, "--conditions=source", cli, ...args];
  if (options.umask === undefined) return [node[0] as string, node.slice(1)];
  if (!/^[0-7]{3,4}$/.test(options.umask)) throw new TypeError(`Not an octal umask: ${options.umask}`);
  return ["/bin/sh", ["-c", `umask ${options.umask} && exec "$@"`, "sh", ...node]];
}

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command to completion, whatever its exit code. */
export function runCliOutcome(args: string[], env: Record<string, string>, options: CliSpawnOptions = {}): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(...cliCommand(args, options), {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a CLI command to completion and returns its stdout; rejects with stderr on failure. */
export async function runCli(args: string[], env: Record<string, string>, options: CliSpawnOptions = {}): Promise<string> {
  const { code, stdout, stderr } = await runCliOutcome(args, env, options);
  if (code !== 0) throw new Error(`confide ${args.join(" ")} exited ${code}: ${stderr}`);
  return stdout;
}

/**
 * Starts a long-running command (`serve`, `worker`) and resolves once a log line satisfies
 * `ready` (for `serve`, the "listening" line, whose port is returned).
 */
export function startCli(
  args: string[],
  env: Record<string, string>,
  options: {
    ready?: (line: Record<string, unknown>) => boolean;
    timeoutMs?: number;
    /** Runs it as the leader of its own process group, as a shell runs a foreground command. */
    detached?: boolean;
  } & CliSpawnOptions = {},
): Promise<ConfideProcess & { port: number }> {
  const ready = options.ready ?? ((line) => line.message === "listening");
  const child = spawn(...cliCommand(args, options), {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  const lines: string[] = [];
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind a failed test.
      child.kill("SIGKILL");
      reject(new Error(`confide ${args.join(" ")} not ready in time.\nstdout:\n${lines.join("\n")}\nstderr:\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    let buffered = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline = buffered.indexOf("\n");
      while (newline !== -1) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        lines.push(line);
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          if (ready(parsed)) {
            clearTimeout(timer);
            resolve({
              child,
              lines,
              exited,
              stderr: () => stderr,
              port: Number(parsed.port ?? 0),
              stop: async (signal = "SIGTERM") => {
                if (child.exitCode === null) child.kill(signal);
                return exited;
              },
            });
          }
        } catch {
          // Not a JSON log line (e.g. a library's own output): kept in `lines` only.
        }
        newline = buffered.indexOf("\n");
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`confide ${args.join(" ")} exited ${code} before ready.\nstdout:\n${lines.join("\n")}\nstderr:\n${stderr}`));
    });
  });
}
