/**
 * Runs the benchmarks one after another (`npm run bench`), each in its own process, and prints
 * what they print. Exits non-zero only when a script crashes; missed targets are reported by
 * the scripts, not turned into failures. `npm run bench -- api startup` runs only those.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const scripts = ["upload", "diarization", "startup", "api", "pipeline", "event-streams", "password-policy", "encryption", "session-list", "s3-upload", "azure-blob-upload", "cosmos-sessions", "notes", "risk-screen", "speech-in-flight", "live", "live-suggestions", "backup", "telemetry"];
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !scripts.includes(name));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(", ")}; known: ${scripts.join(", ")}`);
  process.exit(2);
}

function runScript(path: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=source", path], { stdio: "inherit" });
    child.once("error", (error) => {
      console.error(`could not start ${path}: ${error.message}`);
      resolve(1);
    });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const crashed: string[] = [];
for (const name of wanted.length > 0 ? wanted : scripts) {
  const path = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  if (!existsSync(path)) {
    console.log(`== ${name}: bench/${name}.ts does not exist, skipped\n`);
    continue;
  }
  console.log(`== ${name} (node --conditions=source bench/${name}.ts)`);
  const startMs = Date.now();
  const code = await runScript(path);
  console.log(`== ${name}: ${code === 0 ? "done" : `CRASHED (exit ${code})`} in ${((Date.now() - startMs) / 1000).toFixed(0)} s\n`);
  if (code !== 0) crashed.push(name);
}
if (crashed.length > 0) {
  console.log(`crashed: ${crashed.join(", ")}`);
  process.exit(1);
}
