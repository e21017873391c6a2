/**
 * One run of a bench in a fresh child process (`node --conditions=source <script> --child <mode>`),
 * which prints its figures as JSON on stdout; stopped on clean-up if the bench is interrupted.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { deferCleanup } from "./cleanup.ts";

export function runJsonChild<Figures>(scriptUrl: string, mode: string, env: NodeJS.ProcessEnv = process.env): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=source", fileURLToPath(scriptUrl), "--child", mode], {
      stdio: ["ignore", "pipe", "inherit"],
      env,
    });
    const stop = deferCleanup(async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      void stop();
      if (code === 0) resolve(JSON.parse(output) as Figures);
      else reject(new Error(`the ${mode} run exited ${code}`));
    });
  });
}
