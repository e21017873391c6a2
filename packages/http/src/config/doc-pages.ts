import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, relative, dirname, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { RegisteredAdapter } from "../composition/adapter-registry.ts";
import { hasGeneratedTables, withGeneratedTables, type AdapterLocation, type LocateAdapter } from "./doc-tables.ts";

/** Folders never searched for pages. */
const skipped = new Set(["node_modules", "dist", ".git", ".tools", "data", "reports", "test-artifacts", "console-assets", ".stand-ins"]);

/** Every markdown page of the repository under `root` (README.md, docs/, packages/, bench/, examples/). */
export function markdownPages(root: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name) && !entry.name.startsWith(".")) walk(join(folder, entry.name));
      } else if (entry.name.endsWith(".md")) {
        pages.push(join(folder, entry.name));
      }
    }
  };
  for (const top of ["docs", "packages", "bench", "examples"]) if (existsSync(join(root, top))) walk(join(root, top));
  return [join(root, "README.md"), ...pages.sort()];
}

/**
 * Where each registered adapter lives, read from the descriptors on disk: every
 * `packages/<package>/src/<folder>/descriptor.ts`, imported, matched to the registry by port and name.
 */
export async function adapterLocator(root: string): Promise<LocateAdapter> {
  const places = new Map<string, AdapterLocation>();
  const packagesFolder = join(root, "packages");
  for (const packageFolder of readdirSync(packagesFolder)) {
    const source = join(packagesFolder, packageFolder, "src");
    if (!existsSync(source)) continue;
    for (const folder of readdirSync(source)) {
      const descriptorFile = join(source, folder, "descriptor.ts");
      if (!existsSync(descriptorFile)) continue;
      const exported: Record<string, unknown> = await import(pathToFileURL(descriptorFile).href);
      for (const value of Object.values(exported)) {
        if (typeof value === "object" && value !== null && "port" in value && "name" in value && "create" in value) {
          places.set(`${String(value.port)}/${String(value.name)}`, { packageFolder, folder });
        }
      }
    }
  }
  return (adapter: RegisteredAdapter) => {
    const at = places.get(`${adapter.port}/${adapter.name}`);
    if (at === undefined) throw new Error(`No packages/*/src/*/descriptor.ts exports the ${adapter.name} ${adapter.port} adapter`);
    return at;
  };
}

/** A page's generated tables as they should read, and whether the file says so. */
export interface PageCheck {
  path: string;
  current: string;
  generated: string;
}

/** Every page with generated tables under `root`, read and regenerated (nothing written). */
export async function checkPages(root: string): Promise<PageCheck[]> {
  const locate = await adapterLocator(root);
  return markdownPages(root).flatMap((path) => {
    const current = readFileSync(path, "utf8");
    if (!hasGeneratedTables(current)) return [];
    const toRoot = relative(dirname(path), root).split(sep).join("/");
    return [{ path: relative(root, path), current, generated: withGeneratedTables(current, locate, toRoot === "" ? "" : `${toRoot}/`) }];
  });
}

/** Rewrites every page whose generated tables are out of date. @returns the pages rewritten. */
export async function writePages(root: string): Promise<string[]> {
  const stale = (await checkPages(root)).filter((page) => page.generated !== page.current);
  for (const page of stale) writeFileSync(join(root, page.path), page.generated);
  return stale.map((page) => page.path);
}
