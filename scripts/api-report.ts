// The public surface of every package, one file per entry point: `packages/<package>/api/<entry>.api.md`
// lists each exported name with its kind and signature, as the TypeScript checker sees it.
// `npm run api:report` writes the files; test/packages/api-report.test.ts fails when an entry's
// surface differs from its checked-in report, so a change to a public name or signature shows in
// review. A `*` export (`./*` → `./src/*/descriptor.ts`) has one report per folder it opens.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { repositoryRoot, sourceProgram } from "./import-rewrite.ts";
import { packagesWithEntryPoints } from "./workspace-packages.ts";

/** The packages whose entry points are reported: every workspace package with entry points. */
export const reportedPackages = packagesWithEntryPoints();

interface EntryPoint {
  packageDir: string;
  /** The import specifier: `@confide/core/ports`. */
  specifier: string;
  /** The report's file name: `ports.api.md`, `index.api.md` for the root. */
  reportName: string;
  source: string;
}

export function entryPoints(root = repositoryRoot): EntryPoint[] {
  const entries: EntryPoint[] = [];
  for (const name of reportedPackages) {
    const packageDir = join(root, "packages", name);
    const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { name: string; exports: Record<string, { source: string }> };
    for (const [key, target] of Object.entries(manifest.exports)) {
      if (key.includes("*")) {
        const [before, after] = target.source.split("*") as [string, string];
        for (const folder of readdirSync(join(packageDir, before)).sort()) {
          const source = join(packageDir, before, folder, after);
          if (!existsSync(source) || Object.keys(manifest.exports).includes(`./${folder}`)) continue;
          entries.push({ packageDir, specifier: `${manifest.name}/${folder}`, reportName: `${folder}.api.md`, source });
        }
      } else {
        const subpath = key === "." ? "index" : key.slice(2);
        entries.push({ packageDir, specifier: `${manifest.name}${key === "." ? "" : key.slice(1)}`, reportName: `${subpath}.api.md`, source: join(packageDir, target.source) });
      }
    }
  }
  return entries;
}

const format = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

/**
 * A member's name as its source writes it. A member keyed by a unique symbol is named
 * `__@brand@17420` by the checker, the number an internal id that changes with whatever else the
 * program holds: it prints as `[brand]`.
 */
const memberName = (member: ts.Symbol): string => member.getName().replace(/^__@(.+)@\d+$/, "[$1]");

function signatureOf(checker: ts.TypeChecker, exported: ts.Symbol, at: ts.Node): string {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const name = exported.getName();
  const lines: string[] = [];
  const declared = symbol.declarations?.find((declaration) => ts.isInterfaceDeclaration(declaration) || ts.isClassDeclaration(declaration)) as
    | ts.InterfaceDeclaration
    | ts.ClassDeclaration
    | undefined;
  const typeParameters = declared?.typeParameters ? `<${declared.typeParameters.map((parameter) => parameter.getText().replace(/\s+/g, " ")).join(", ")}>` : "";
  if (symbol.flags & ts.SymbolFlags.Class) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    lines.push(`class ${name}${typeParameters} {`);
    for (const member of checker.getPropertiesOfType(type)) {
      if (member.getName().startsWith("#")) continue;
      lines.push(`  ${memberName(member)}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(member, at), at, format)};`);
    }
    lines.push("}");
  } else if (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable | ts.SymbolFlags.Enum)) {
    const kind = symbol.flags & ts.SymbolFlags.Function ? "function" : symbol.flags & ts.SymbolFlags.Enum ? "enum" : "const";
    lines.push(`${kind} ${name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, at), at, format)}`);
  }
  if (symbol.flags & ts.SymbolFlags.Interface) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    lines.push(`interface ${name}${typeParameters} {`);
    for (const member of checker.getPropertiesOfType(type)) {
      const optional = member.flags & ts.SymbolFlags.Optional ? "?" : "";
      lines.push(`  ${memberName(member)}${optional}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(member, at), at, format)};`);
    }
    for (const signature of type.getCallSignatures()) lines.push(`  ${checker.signatureToString(signature, at, format)};`);
    lines.push("}");
  } else if (symbol.flags & ts.SymbolFlags.TypeAlias) {
    const declaration = symbol.declarations?.find(ts.isTypeAliasDeclaration);
    const parameters = declaration?.typeParameters ? `<${declaration.typeParameters.map((parameter) => parameter.getText()).join(", ")}>` : "";
    const text = declaration ? declaration.type.getText().replace(/\s+/g, " ") : checker.typeToString(checker.getDeclaredTypeOfSymbol(symbol), at, format);
    lines.push(`type ${name}${parameters} = ${text}`);
  }
  if (lines.length === 0) lines.push(`${name}: ${ts.SymbolFlags[symbol.flags] ?? symbol.flags}`);
  return lines.join("\n");
}

/** Every report's path (from the repository's root) and text. */
export function apiReports(root = repositoryRoot): Map<string, string> {
  const entries = entryPoints(root);
  const program = sourceProgram(
    entries.map((entry) => entry.source),
    { customConditions: ["source"], skipLibCheck: true, types: ["node"] },
  );
  const checker = program.getTypeChecker();
  const reports = new Map<string, string>();
  for (const entry of entries) {
    const source = program.getSourceFile(entry.source)!;
    const moduleSymbol = checker.getSymbolAtLocation(source);
    const exported = moduleSymbol ? [...checker.getExportsOfModule(moduleSymbol)].sort((a, b) => a.getName().localeCompare(b.getName())) : [];
    // A type from another file prints as import("/absolute/path").Name: the name alone is the same on every machine.
    const body = exported.map((symbol) => signatureOf(checker, symbol, source)).join("\n").replace(/import\("[^"]*"\)\./g, "");
    const text = `# ${entry.specifier}\n\n${exported.length} names, written by \`npm run api:report\` (scripts/api-report.ts): do not edit.\n\n\`\`\`ts\n${body}\n\`\`\`\n`;
    reports.set(relative(root, join(entry.packageDir, "api", entry.reportName)), text);
  }
  return reports;
}

if (import.meta.main) {
  const reports = apiReports();
  for (const name of reportedPackages) rmSync(join(repositoryRoot, "packages", name, "api"), { recursive: true, force: true });
  for (const [path, text] of reports) {
    mkdirSync(dirname(join(repositoryRoot, path)), { recursive: true });
    writeFileSync(join(repositoryRoot, path), text);
  }
  console.log(`${reports.size} API reports written`);
}
