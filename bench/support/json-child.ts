/** Runs a bench script again as a child (`node --conditions=source <script> ...args`) and parses the JSON it prints. */
import { spawn } from "node:child_process";
import { deferCleanup } from "./cleanup.ts";

export function runJsonChild<T>(script: string, args: string[], options: { nodeArgs?: string[]; label: string }): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=source", ...(options.nodeArgs ?? []), script, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const stop = deferCleanup(async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      void stop();
      if (code === 0) resolve(JSON.parse(output) as T);
      else reject(new Error(`the ${options.label} run exited ${code}`));
    });
  });
}
