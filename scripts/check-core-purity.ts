// Fails when packages/core reads the environment or the filesystem by a route that
// dependency-cruiser cannot see (globals rather than imports). Run by `npm run lint:layers`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../packages/core/src/", import.meta.url).pathname;
const forbidden = [/\bprocess\.env\b/, /\bprocess\.(cwd|chdir|exit)\b/, /\brequire\(/, /\bDeno\./, /\bBun\./];
const problems: string[] = [];

function walk(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
      readFileSync(path, "utf8")
        .split("\n")
        .forEach((line, index) => {
          for (const pattern of forbidden) {
            if (pattern.test(line)) problems.push(`${path.slice(root.length)}:${index + 1}: ${line.trim()}`);
          }
        });
    }
  }
}

walk(root);
if (problems.length > 0) {
  console.error(`packages/core must not touch the environment or globals of a runtime:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("core purity: ok");
