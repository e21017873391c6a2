import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configurationTable, withConfigurationTable } from "./config-table.ts";

describe("README.md's configuration table", () => {
  it("is the one the settings schemas, the registry and the profiles generate", () => {
    const readme = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8");
    const generated = withConfigurationTable(readme, configurationTable());
    if (generated !== readme) {
      expect.fail("README.md's configuration table is out of date: run `npm run docs:config` and commit README.md");
    }
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
});
