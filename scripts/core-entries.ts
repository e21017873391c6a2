// @confide/core's entry points by audience, each name in one of them, and every import of them in
// the repository pointed at the entry that holds the name. `npm run core:entries` writes the entry
// files and rewrites the imports; `npm run core:entries -- --report` only prints, for every entry
// point of every package, how many names it exports and how many of them another entry of the same
// package exports too. Run it after importing a name of core outside core that no entry exports yet:
// the name is read from the import itself.
//
// Which entry holds a name (a name no file outside packages/core/src imports is exported by none):
// - `@confide/core/ports` — the port interfaces and the types they carry: every type of
//   `src/ports/`, the domain types a port file names or an adapter's code imports, and `errors.ts`
//   (`ConfideError` and its codes);
// - `@confide/core/adapter-kit` — the other names an adapter's production code (packages/adapters-*
//   and llm-notes) imports: the helpers every implementation applies (HTTP failures, settings
//   parsing, byte ranges, live-speech utterance cutting, codecs of the domain values);
// - `@confide/core` — what hosts and embedders call: use cases, composition, the domain's rules,
//   and every other name imported outside core;
// - `@confide/core/testing` — the test doubles of `src/testing/` (that entry is written by hand).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { relativeSpecifier, repositoryRoot, resolveRelative, rewriteFile, sourceFiles, sourceProgram } from "./import-rewrite.ts";
import { packagesWithEntryPoints } from "./workspace-packages.ts";

const coreSource = join(repositoryRoot, "packages/core/src");
type Entry = "." | "./ports" | "./adapter-kit" | "./testing";
const entryFiles: Record<Entry, string> = {
  ".": "index.ts",
  "./ports": "ports-entry.ts",
  "./adapter-kit": "adapter-kit.ts",
  "./testing": "testing/index.ts",
};
const entryDocs: Record<Exclude<Entry, "./testing">, string> = {
  ".": `\`@confide/core\`: what hosts and embedders call — the use cases, the composition of their
 * dependencies (\`createConfideDeps\`, the injection tokens), core's settings and the domain's rules
 * a host shows or applies. The ports are \`@confide/core/ports\`, the helpers adapters use
 * \`@confide/core/adapter-kit\`, the test doubles \`@confide/core/testing\`: no name is in two.`,
  "./ports": `\`@confide/core/ports\`: the ports — each port interface and the types it carries (the
 * domain values that cross a port) — and \`ConfideError\` with its codes. Types only, but for the
 * error class and its code list: what an adapter implements and a host wires.`,
  "./adapter-kit": `\`@confide/core/adapter-kit\`: the helpers an adapter author uses — mapping HTTP failures to
 * \`ConfideError\` codes, parsing settings, byte ranges, job ids, retention limits, PCM channels and
 * utterance cutting for live engines, whether a configured server is inside the deployment, and
 * the codecs and rules of the domain values adapters store or produce. An adapter's production code imports this entry and \`@confide/core/ports\` only.`,
};

const isProduction = (file: string) => /\.tsx?$/.test(file) && !/\.test\.tsx?$|\.test-support\.|\.d\.ts$/.test(file);

interface Declared {
  name: string;
  file: string;
  typeOnly: boolean;
}

/** Every name core's production files declare and export (re-exports aside), by name. */
function declaredNames(): { declared: Map<string, Declared>; conflicts: Map<string, string[]>; program: ts.Program } {
  const files = sourceFiles(repositoryRoot, ["packages/core/src"]).filter(isProduction);
  const program = sourceProgram(files);
  const checker = program.getTypeChecker();
  const declared = new Map<string, Declared>();
  const conflicts = new Map<string, string[]>();
  for (const file of files) {
    if (Object.values(entryFiles).some((entry) => join(coreSource, entry) === file) || file.endsWith("/index.ts")) continue;
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) continue;
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      if (symbol.flags & ts.SymbolFlags.Alias) continue; // a re-export: its own file declares it
      const declarationFile = symbol.declarations?.[0]?.getSourceFile().fileName;
      if (declarationFile !== file) continue;
      const name = symbol.getName();
      const typeOnly = (symbol.flags & ts.SymbolFlags.Value) === 0;
      const known = declared.get(name);
      if (known && known.file !== file) conflicts.set(name, [...(conflicts.get(name) ?? [known.file]), file]);
      else declared.set(name, { name, file, typeOnly });
    }
  }
  for (const name of conflicts.keys()) declared.delete(name);
  return { declared, conflicts, program };
}

const coreSpecifier = /^@confide\/core(\/(ports|adapter-kit|testing))?$/;
const isEntryFile = (file: string | undefined) => file !== undefined && Object.values(entryFiles).some((entry) => join(coreSource, entry) === file);
const isAdapterProduction = (file: string) => /\/packages\/(adapters-[^/]+|llm-notes)\/src\//.test(file) && isProduction(file);

/** The names of core that files outside packages/core/src import, and whether an adapter's production code is among them. */
function usage(): Map<string, { adapter: boolean; other: boolean }> {
  const used = new Map<string, { adapter: boolean; other: boolean }>();
  for (const file of sourceFiles().filter((file) => !file.startsWith(`${coreSource}/`))) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("@confide/core")) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const names: string[] = [];
    for (const statement of source.statements) {
      const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : undefined;
      if (!specifier || !(coreSpecifier.test(specifier) || isEntryFile(resolveRelative(file, specifier)))) continue;
      if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings)) {
        names.push(...statement.importClause.namedBindings.elements.map((element) => (element.propertyName ?? element.name).text));
      } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        names.push(...statement.exportClause.elements.map((element) => (element.propertyName ?? element.name).text));
      }
    }
    for (const match of text.matchAll(/const \{([^}]*)\} = await import\("(@confide\/core[^"]*)"\)/g)) {
      names.push(...match[1]!.split(",").map((part) => part.split(":")[0]!.trim()).filter(Boolean));
    }
    for (const name of names) {
      const seen = used.get(name) ?? { adapter: false, other: false };
      if (isAdapterProduction(file)) seen.adapter = true;
      else seen.other = true;
      used.set(name, seen);
    }
  }
  return used;
}

/** The domain names a port file imports: the values a port carries. */
function carriedByPorts(program: ts.Program): Set<string> {
  const carried = new Set<string>();
  for (const source of program.getSourceFiles()) {
    if (!source.fileName.startsWith(`${coreSource}/ports/`)) continue;
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      if (!statement.moduleSpecifier.text.includes("/domain/")) continue;
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) carried.add((element.propertyName ?? element.name).text);
    }
  }
  return carried;
}

/** The entry that holds each name, or none. */
export function placement(): { place: Map<string, Entry>; declared: Map<string, Declared>; conflicts: Map<string, string[]> } {
  const { declared, conflicts, program } = declaredNames();
  const used = usage();
  const carried = carriedByPorts(program);
  const place = new Map<string, Entry>();
  for (const { name, file, typeOnly } of declared.values()) {
    const where = relative(coreSource, file);
    const users = used.get(name);
    if (where.startsWith("testing/")) {
      place.set(name, "./testing");
    } else if (where === "errors.ts") {
      if (users) place.set(name, "./ports");
    } else if (typeOnly && where.startsWith("ports/")) {
      place.set(name, "./ports");
    } else if (typeOnly && where.startsWith("domain/") && (carried.has(name) || users?.adapter)) {
      place.set(name, "./ports");
    } else if (users?.adapter) {
      place.set(name, "./adapter-kit");
    } else if (users) {
      place.set(name, ".");
    }
  }
  return { place, declared, conflicts };
}

function entryText(entry: Exclude<Entry, "./testing">, place: Map<string, Entry>, declared: Map<string, Declared>): string {
  const byFile = new Map<string, Declared[]>();
  for (const [name, where] of place) {
    if (where !== entry) continue;
    const item = declared.get(name)!;
    byFile.set(item.file, [...(byFile.get(item.file) ?? []), item]);
  }
  const lines = [`/**\n * ${entryDocs[entry]}\n *\n * Written by \`npm run core:entries\` (scripts/core-entries.ts), from who imports each name.\n */`];
  for (const file of [...byFile.keys()].sort()) {
    const items = byFile.get(file)!.sort((a, b) => a.name.localeCompare(b.name));
    const specifier = `./${relative(coreSource, file)}`;
    const values = items.filter((item) => !item.typeOnly).map((item) => item.name);
    const types = items.filter((item) => item.typeOnly).map((item) => item.name);
    if (values.length > 0 && types.length > 0) lines.push(`export { ${[...values, ...types.map((name) => `type ${name}`)].join(", ")} } from "${specifier}";`);
    else if (values.length > 0) lines.push(`export { ${values.join(", ")} } from "${specifier}";`);
    else lines.push(`export type { ${types.join(", ")} } from "${specifier}";`);
  }
  return `${lines.join("\n")}\n`;
}

/** Names each entry point of each package exports, through the TypeScript checker. */
export function entryNames(): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const packagesDir = join(repositoryRoot, "packages");
  const entries: Array<{ label: string; file: string }> = [];
  for (const name of packagesWithEntryPoints()) {
    const manifest = JSON.parse(readFileSync(join(packagesDir, name, "package.json"), "utf8")) as { name: string; exports: Record<string, { source: string }> };
    for (const [key, target] of Object.entries(manifest.exports)) {
      if (key.includes("*")) {
        const [before, after] = target.source.split("*") as [string, string];
        for (const file of sourceFiles(repositoryRoot, [join("packages", name, before)]).filter((file) => file.endsWith(after))) {
          const folder = relative(join(packagesDir, name, before), dirname(file));
          if (!folder.includes("/")) entries.push({ label: `${manifest.name}${key.slice(1).replace("*", folder)}`, file });
        }
      } else entries.push({ label: `${manifest.name}${key === "." ? "" : key.slice(1)}`, file: join(packagesDir, name, target.source) });
    }
  }
  const program = sourceProgram(
    entries.map((entry) => entry.file),
    { customConditions: ["source"], jsx: ts.JsxEmit.ReactJSX },
  );
  const checker = program.getTypeChecker();
  for (const { label, file } of entries) {
    const source = program.getSourceFile(file);
    const symbol = source && checker.getSymbolAtLocation(source);
    names.set(label, symbol ? checker.getExportsOfModule(symbol).map((exported) => exported.getName()).sort() : []);
  }
  return names;
}

function report(): void {
  const names = entryNames();
  const packageOf = (label: string) => label.split("/").slice(0, 2).join("/");
  for (const [label, list] of names) {
    const shared = list.filter((name) => [...names].some(([other, otherList]) => other !== label && packageOf(other) === packageOf(label) && otherList.includes(name)));
    console.log(`${label}\t${list.length} names\t${shared.length} also in another entry of ${packageOf(label)}`);
  }
  const core = [...names].filter(([label]) => packageOf(label) === "@confide/core");
  const all = core.flatMap(([, list]) => list);
  console.log(`@confide/core in all: ${all.length} exports, ${new Set(all).size} distinct names, ${all.length - new Set(all).size} exported twice or more`);
}

function write(): void {
  const { place, declared, conflicts } = placement();
  for (const [name, files] of conflicts) console.warn(`not placed: ${name} is declared by ${files.map((file) => relative(repositoryRoot, file)).join(" and ")}`);
  for (const entry of [".", "./ports", "./adapter-kit"] as const) writeFileSync(join(coreSource, entryFiles[entry]), entryText(entry, place, declared));
  let changed = 0;
  for (const file of sourceFiles().filter((file) => !file.startsWith(`${coreSource}/`))) {
    const did = rewriteFile(file, (name, specifier, importer) => {
      const entry = place.get(name);
      if (entry === undefined) return undefined;
      if (coreSpecifier.test(specifier)) return `@confide/core${entry === "." ? "" : entry.slice(1)}`;
      // A relative import of an entry's file (a bench reaching core's sources) goes to the entry file that holds the name.
      const target = resolveRelative(importer, specifier);
      if (!isEntryFile(target)) return undefined;
      return relativeSpecifier(importer, join(coreSource, entryFiles[entry]));
    });
    if (did) changed++;
  }
  const counts = [".", "./ports", "./adapter-kit", "./testing"].map((entry) => `${entry} ${[...place.values()].filter((where) => where === entry).length}`);
  console.log(`core entries written (${counts.join(", ")}); imports rewritten in ${changed} file(s)`);
}

if (import.meta.main) {
  if (process.argv.includes("--report")) report();
  else write();
}
