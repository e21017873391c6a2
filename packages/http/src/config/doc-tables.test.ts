import { fileURLToPath } from "node:url";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adapterPorts, adapterRegistry } from "../composition/adapter-registry.ts";
import { configurationTable } from "./config-table.ts";
import { adapterLocator, checkPages } from "./doc-pages.ts";
import { generatedEnd, generatedStart, providersTable, withGeneratedTables } from "./doc-tables.ts";

const root = fileURLToPath(new URL("../../../..", import.meta.url));

describe("the documentation's generated tables", () => {
  it("are the ones the registry, the settings schemas and the profiles generate, on every page", async () => {
    const pages = await checkPages(root);
    expect(pages.map((page) => page.path)).toContain("docs/configuration.md");
    const stale = pages.filter((page) => page.generated !== page.current).map((page) => page.path);
    if (stale.length > 0) expect.fail(`Out of date: ${stale.join(", ")}. Run \`npm run docs:tables\` and commit them.`);
  });

  it("list every registered adapter in the map's provider table, each package's in its README", async () => {
    const map = readFileSync(new URL("../../../../docs/README.md", import.meta.url), "utf8");
    expect(map).toContain(generatedStart("providers"));
    const locate = await adapterLocator(root);
    const packagesWithAdapters = new Set(adapterPorts.flatMap((port) => adapterRegistry[port].map((adapter) => locate(adapter).packageFolder)));
    for (const packageFolder of packagesWithAdapters) {
      const readme = readFileSync(new URL(`../../../../packages/${packageFolder}/README.md`, import.meta.url), "utf8");
      expect(readme, `packages/${packageFolder}/README.md`).toContain(generatedStart(`providers ${packageFolder}`));
    }
    const all = providersTable(locate);
    for (const port of adapterPorts) for (const adapter of adapterRegistry[port]) expect(all).toContain(`=${adapter.name}\``);
  });

  it("rewrite only what lies between a marker and its end, and refuse a marker with no end", async () => {
    const locate = await adapterLocator(root);
    const page = `# Title\n\n${generatedStart("configuration")}\nstale\n${generatedEnd}\n\nkept\n`;
    const rewritten = withGeneratedTables(page, locate);
    expect(rewritten).toBe(`# Title\n\n${generatedStart("configuration")}\n${configurationTable()}\n${generatedEnd}\n\nkept\n`);
    expect(withGeneratedTables(rewritten, locate)).toBe(rewritten);
    expect(() => withGeneratedTables(`${generatedStart("profiles")}\nno end`, locate)).toThrow(/has no/);
    expect(() => withGeneratedTables(`${generatedStart("profile nowhere")}\n${generatedEnd}`, locate)).toThrow(/no profile nowhere/);
  });

  it("lists every variable of the host and of every registered adapter, each with a description", () => {
    const rows = configurationTable().split("\n").slice(2);
    const variables = rows.map((row) => /^\| `([A-Z0-9_]+)` \|/.exec(row)?.[1]);
    expect(variables).toContain("CONFIDE_PROFILE");
    expect(variables).toContain("CONFIDE_DATABASE_URL");
    expect(variables).toContain("CONFIDE_FFMPEG_BINARY");
    expect(new Set(variables).size).toBe(rows.length);
    for (const row of rows) expect(row).not.toMatch(/\|\s*\|$/);
  });

  it("has a README in every package and in every folder of an adapter package", () => {
    const packagesFolder = join(root, "packages");
    const missing: string[] = [];
    for (const entry of readdirSync(packagesFolder, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (!existsSync(join(packagesFolder, entry.name, "README.md"))) missing.push(`packages/${entry.name}`);
      if (!entry.name.startsWith("adapters-")) continue;
      const source = join(packagesFolder, entry.name, "src");
      for (const folder of readdirSync(source, { withFileTypes: true })) {
        if (folder.isDirectory() && !existsSync(join(source, folder.name, "README.md"))) missing.push(`packages/${entry.name}/src/${folder.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
