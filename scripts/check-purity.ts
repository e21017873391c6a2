// Fails when a package reaches the runtime by a route dependency-cruiser cannot see (globals
// rather than imports): packages/core touches neither the environment nor the process, and
// adapter packages read no environment variable — their settings come from the host, parsed by
// the settings schema of their descriptor; the host compares no adapter names (a provider branch
// in the host is a capability the adapter's descriptor should declare). Run by
// `npm run lint:layers`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// The packages folder to check: this repository's, or the one given (the test's fixtures).
const packages = process.argv[2] ? join(process.argv[2], "/") : new URL("../packages/", import.meta.url).pathname;
const adapterPackages = readdirSync(packages).filter((name) => name.startsWith("adapters-"));
const rules = [
  {
    folders: ["core/src"],
    forbidden: [/\bprocess\.env\b/, /\bprocess\.(cwd|chdir|exit)\b/, /\brequire\(/, /\bDeno\./, /\bBun\./],
    why: "packages/core must not touch the environment or globals of a runtime",
  },
  {
    folders: adapterPackages.map((name) => `${name}/src`),
    forbidden: [/\bprocess\.env\b/],
    why: "adapters read no environment variable: their descriptor's settings schema lists it and the host hands it over",
  },
  {
    folders: ["http/src"],
    forbidden: [/\bconfig\.adapters\.\w+\s*[!=]==?\s*["'`]/, /["'`]\s*[!=]==?\s*config\.adapters\./],
    why: "the host compares no adapter names: what it must know of an adapter is a capability its descriptor declares (keepsDatabaseInDataDir, processLocal)",
  },
];
const problems: string[] = [];

function walk(dir: string, forbidden: RegExp[], why: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, forbidden, why);
    else if (entry.name.endsWith(".ts") && !/\.test(-support)?\.ts$/.test(entry.name)) {
      readFileSync(path, "utf8")
        .split("\n")
        .forEach((line, index) => {
          for (const pattern of forbidden) {
            if (pattern.test(line)) problems.push(`${path.slice(packages.length)}:${index + 1}: ${line.trim()} (${why})`);
          }
        });
    }
  }
}

for (const { folders, forbidden, why } of rules) {
  for (const folder of folders) walk(join(packages, folder), forbidden, why);
}
if (problems.length > 0) {
  console.error(`Packages reach the runtime where they must not:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("purity of core, adapters and host: ok");
