// The figures of the adapter kit (packages/README-adapter-kit.md), measured from the code so a change can print them
// before and after: `node scripts/measure-adapter-kit.ts` (or `--list` for the long functions by
// name). Duplication is jscpd's (`npm run lint:duplicates`), not this script's.
//
// - exports of @confide/core: the names its root entry exports, through the TypeScript checker;
// - settings shapes per provider: in each provider folder, the zod schema of settings.ts plus the
//   exported `…Settings` types of its other files (the factory's settings, `Resolved…`);
// - places the port list is written: production files naming at least 8 of the 13 ports of
//   AdapterPortTypes as keys or strings (a heuristic: one file may hold more than one list);
// - copies of the settings helpers: `function invalid(setting…`, `function wholeNumber(`, and a
//   file-backed setting read by hand (`readFileSync` with an ENOENT reason) in adapter packages;
// - error files re-deriving HTTP status classes: adapters' `*-errors.ts` comparing a status to
//   429, 408 or 500;
// - functions 150 lines or longer: function declarations and expressions, arrow functions,
//   methods, constructors and classes of production files (not tests, not generated), counted
//   from the line of their first token to the line of their last.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { sourceProgram } from "./import-rewrite.ts";

const root = new URL("../", import.meta.url).pathname;
const packagesDir = join(root, "packages");
const listLong = process.argv.includes("--list");

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name === "generated") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

const isProduction = (path: string) => /\.tsx?$/.test(path) && !/\.test\.tsx?$|\.test-support\.|\.d\.ts$/.test(path);
const packages = readdirSync(packagesDir).filter((name) => statSync(join(packagesDir, name, "src"), { throwIfNoEntry: false })?.isDirectory());
// Shared test code (the contract suites and fakes) is not production code.
const productionFiles = packages
  .filter((name) => name !== "contracts")
  .flatMap((name) => walk(join(packagesDir, name, "src"), isProduction));
const adapterFiles = productionFiles.filter((path) => /\/packages\/adapters-[^/]+\/src\//.test(path));

// Exports of one of @confide/core's entries (the root: src/index.ts; /ports: src/ports-entry.ts).
function coreExports(file = "index.ts"): { values: number; types: number } {
  const entry = join(packagesDir, "core/src", file);
  const program = sourceProgram([entry]);
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  let values = 0;
  let types = 0;
  for (const exported of checker.getExportsOfModule(symbol)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (target.flags & ts.SymbolFlags.Value) values++;
    else types++;
  }
  return { values, types };
}

function settingsShapes(): Map<string, number> {
  const shapes = new Map<string, number>();
  for (const pkg of packages.filter((name) => name.startsWith("adapters-"))) {
    const src = join(packagesDir, pkg, "src");
    for (const folder of readdirSync(src)) {
      const settingsFile = join(src, folder, "settings.ts");
      if (!statSync(settingsFile, { throwIfNoEntry: false })?.isFile()) continue;
      let count = /\bz\s*\.\s*object\b|\bz\.object\(/.test(readFileSync(settingsFile, "utf8")) ? 1 : 0;
      for (const file of walk(join(src, folder), isProduction)) {
        if (file === settingsFile) continue;
        count += [...readFileSync(file, "utf8").matchAll(/export (?:interface|type) \w*Settings\b/g)].length;
      }
      shapes.set(`${pkg}/${folder}`, count);
    }
  }
  return shapes;
}

const portNames = ["repository", "storage", "speech", "language", "queue", "push", "events", "notes", "risk", "live", "agenda", "diarizer"];
function portListPlaces(): string[] {
  return productionFiles.filter((file) => {
    const text = readFileSync(file, "utf8");
    const named = portNames.filter((port) => new RegExp(`(^|[\\s{,(])${port}\\??:|["'\`]${port}["'\`]`, "m").test(text));
    return named.length >= 8;
  });
}

const filesMatching = (files: string[], pattern: RegExp) => files.filter((file) => pattern.test(readFileSync(file, "utf8")));

function longFunctions(): { where: string; lines: number }[] {
  const found: { where: string; lines: number }[] = [];
  for (const file of productionFiles) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) || ts.isClassLike(node)) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        const hasBody = ts.isClassLike(node) || (node as { body?: unknown }).body !== undefined;
        if (lines >= 150 && hasBody) {
          found.push({ where: `${relative(root, file)}:${start + 1} ${nameOf(node)}`, lines });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found.sort((a, b) => b.lines - a.lines);
}

function nameOf(node: ts.Node): string {
  const named = (node as { name?: ts.Node }).name;
  if (named !== undefined && ts.isIdentifier(named)) return named.text;
  if (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) return node.parent.name.text;
  if (ts.isPropertyAssignment(node.parent) && ts.isIdentifier(node.parent.name)) return node.parent.name.text;
  return "(anonymous)";
}

const exportsOfCore = coreExports();
const shapes = settingsShapes();
const shapeCounts = [...shapes.values()];
const errorFiles = adapterFiles.filter((file) => file.endsWith("-errors.ts"));
const long = longFunctions();

console.log(`@confide/core root exports: ${exportsOfCore.values + exportsOfCore.types} (${exportsOfCore.values} values, ${exportsOfCore.types} types only)`);
if (existsSync(join(packagesDir, "core/src/ports-entry.ts"))) {
  const ports = coreExports("ports-entry.ts");
  console.log(`@confide/core/ports exports: ${ports.values + ports.types} (${ports.values} values, ${ports.types} types only)`);
}
console.log(
  `settings shapes per provider: ${shapes.size} providers with settings.ts; shapes each: ${[...new Set(shapeCounts)].sort().map((n) => `${n}×${shapeCounts.filter((c) => c === n).length}`).join(", ")} (mean ${(shapeCounts.reduce((a, b) => a + b, 0) / shapes.size).toFixed(2)})`,
);
console.log(`places naming ≥ 8 ports (files): ${portListPlaces().length} — ${portListPlaces().map((file) => relative(root, file)).join(", ")}`);
console.log(`copies of invalid(setting, …) in adapters: ${filesMatching(adapterFiles, /function invalid\(setting/).length}`);
console.log(`copies of wholeNumber(…) in adapters: ${filesMatching(adapterFiles, /function wholeNumber\(/).length}`);
console.log(`file-backed settings read by hand in adapters: ${filesMatching(adapterFiles, /readFileSync[\s\S]*ENOENT: `there is no file/).length}`);
const rederiving = filesMatching(errorFiles, /(===|!==)\s*(429|408)\b|>=\s*500\b/);
console.log(`adapter *-errors.ts files: ${errorFiles.length}; re-deriving HTTP status classes (=== 429/408, >= 500): ${rederiving.length}${rederiving.length ? ` — ${rederiving.map((file) => relative(root, file)).join(", ")}` : ""}`);
console.log(`production functions and classes ≥ 150 lines: ${long.length}`);
if (listLong) for (const { where, lines } of long) console.log(`  ${lines}\t${where}`);
