// Rewrites named imports and re-exports across the repository: each imported name goes to the module
// a `place(name, specifier, file)` function says, the declarations of one file regrouped by module.
// Used by `scripts/core-entries.ts` (which entry of @confide/core holds a name) and by one-off moves
// of names between core's files. Only named bindings are moved (`import { a, type B }`, `export { a }
// from`, and `const { a } = await import("…")`); default, namespace and side-effect imports are kept.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export const repositoryRoot = resolve(new URL("../", import.meta.url).pathname);

/** A type-checked program over `files` as the repository's sources are read (Node's ESM, `.ts` imports). */
export function sourceProgram(files: string[], options: ts.CompilerOptions = {}): ts.Program {
  return ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    ...options,
  });
}


/** The names an import or export list binds, each type-only when its statement or itself says so. */
function namesOf(elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>, statementTypeOnly: boolean): Binding["names"] {
  return elements.map((element) => ({
    name: (element.propertyName ?? element.name).text,
    alias: element.propertyName ? element.name.text : undefined,
    typeOnly: statementTypeOnly || element.isTypeOnly,
  }));
}
/** The TypeScript sources of the repository (not node_modules, build output or generated code). */
export function sourceFiles(root = repositoryRoot, folders = ["packages", "test", "bench", "examples", "scripts"]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name === "dist" || name === "generated" || name.startsWith(".")) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
    }
  };
  for (const folder of folders) if (statSync(join(root, folder), { throwIfNoEntry: false })?.isDirectory()) walk(join(root, folder));
  return out;
}

/** One imported name as written: `type` when the specifier (or its whole declaration) is type-only. */
export interface ImportedName {
  name: string;
  alias: string | undefined;
  typeOnly: boolean;
}

/** Where a name goes: a module specifier as it is to be written in `file`, or undefined to leave it. */
export type Place = (name: string, specifier: string, file: string) => string | undefined;

interface Binding {
  node: ts.ImportDeclaration | ts.ExportDeclaration;
  specifier: string;
  kind: "import" | "export";
  names: ImportedName[];
}

function bindingsOf(source: ts.SourceFile): Binding[] {
  const found: Binding[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (!clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue;
      const declarationTypeOnly = clause.isTypeOnly;
      found.push({
        node: statement,
        specifier: statement.moduleSpecifier.text,
        kind: "import",
        names: namesOf(clause.namedBindings.elements, declarationTypeOnly),
      });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
      found.push({
        node: statement,
        specifier: statement.moduleSpecifier.text,
        kind: "export",
        names: namesOf(statement.exportClause.elements, statement.isTypeOnly),
      });
    }
  }
  return found;
}

const nameText = ({ name, alias, typeOnly }: ImportedName, allTypes: boolean) =>
  `${typeOnly && !allTypes ? "type " : ""}${name}${alias ? ` as ${alias}` : ""}`;

function declarationText(kind: "import" | "export", specifier: string, names: ImportedName[]): string {
  const allTypes = names.every((name) => name.typeOnly);
  const sorted = [...names].sort((a, b) => (a.alias ?? a.name).localeCompare(b.alias ?? b.name));
  const list = sorted.map((name) => nameText(name, allTypes)).join(", ");
  return `${kind}${allTypes ? " type" : ""} { ${list} } from "${specifier}";`;
}

/** Dynamic `const { a, b } = await import("x")`: names moved to another module get their own line. */
function rewriteDynamicImports(text: string, file: string, place: Place): string {
  return text.replace(/const \{([^}]*)\} = await import\("([^"]+)"\);/g, (whole, list: string, specifier: string) => {
    const groups = new Map<string, string[]>();
    for (const part of list.split(",").map((item) => item.trim()).filter(Boolean)) {
      const name = part.split(":")[0]!.trim();
      const target = place(name, specifier, file) ?? specifier;
      groups.set(target, [...(groups.get(target) ?? []), part]);
    }
    if (groups.size === 1 && groups.has(specifier)) return whole;
    return [...groups].map(([target, parts]) => `const { ${parts.join(", ")} } = await import("${target}");`).join("\n");
  });
}

/**
 * Rewrites one file's named imports and re-exports by `place`. Declarations of the same kind and
 * module are merged; the first affected declaration's place takes the new ones.
 * @returns whether the file changed.
 */
export function rewriteFile(file: string, place: Place): boolean {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const bindings = bindingsOf(source);
  const affected = bindings.filter((binding) => binding.names.some((name) => {
    const target = place(name.name, binding.specifier, file);
    return target !== undefined && target !== binding.specifier;
  }));
  let next = text;
  if (affected.length > 0) {
    // Every declaration of an involved module (old or new) is regrouped, so nothing is imported twice.
    const groups = new Map<string, { kind: "import" | "export"; specifier: string; names: ImportedName[] }>();
    const involvedSpecifiers = new Set<string>();
    for (const binding of affected) {
      involvedSpecifiers.add(binding.specifier);
      for (const name of binding.names) involvedSpecifiers.add(place(name.name, binding.specifier, file) ?? binding.specifier);
    }
    const involved = bindings.filter((binding) => involvedSpecifiers.has(binding.specifier));
    for (const binding of involved) {
      for (const name of binding.names) {
        const target = place(name.name, binding.specifier, file) ?? binding.specifier;
        const key = `${binding.kind} ${target}`;
        const group = groups.get(key) ?? { kind: binding.kind, specifier: target, names: [] };
        if (!group.names.some((known) => known.name === name.name && known.alias === name.alias)) group.names.push(name);
        else if (!name.typeOnly) for (const known of group.names) if (known.name === name.name && known.alias === name.alias) known.typeOnly = false;
        groups.set(key, group);
      }
    }
    const first = involved[0]!.node;
    const replacement = [...groups.values()]
      .sort((a, b) => (a.kind === b.kind ? a.specifier.localeCompare(b.specifier) : a.kind === "import" ? -1 : 1))
      .map((group) => declarationText(group.kind, group.specifier, group.names))
      .join("\n");
    const edits = involved
      .map((binding) => ({ start: binding.node.getStart(source), end: binding.node.getEnd(), text: binding.node === first ? replacement : "" }))
      .sort((a, b) => b.start - a.start);
    for (const edit of edits) {
      let end = edit.end;
      if (edit.text === "" && next[end] === "\n") end++;
      next = next.slice(0, edit.start) + edit.text + next.slice(end);
    }
  }
  next = rewriteDynamicImports(next, file, place);
  if (next === text) return false;
  writeFileSync(file, next);
  return true;
}

/** The file a relative specifier of `file` names, with its extension as written (`./x.ts`). */
export function resolveRelative(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  return resolve(dirname(file), specifier);
}

/** A relative specifier from `file` to `target` (a `.ts` path), as this repository writes them. */
export function relativeSpecifier(file: string, target: string): string {
  const path = relative(dirname(file), target);
  return path.startsWith(".") ? path : `./${path}`;
}
