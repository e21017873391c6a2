/**
 * Each package's public surface is checked in (`packages/<package>/api/<entry>.api.md`, written by
 * `npm run api:report`): a change to an exported name or signature fails here until the report is
 * written again, so it shows in review. And @confide/core's entries are disjoint: no name is
 * exported by two of them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiReports, reportedPackages } from "../../scripts/api-report.ts";

const root = new URL("../..", import.meta.url).pathname;
const reports = apiReports(root);

describe("API reports", () => {
  it("every entry point's checked-in report is its surface now (else run `npm run api:report`)", () => {
    const stale = [...reports].filter(([path, text]) => !existsSync(join(root, path)) || readFileSync(join(root, path), "utf8") !== text).map(([path]) => path);
    expect(stale).toEqual([]);
  });

  it("no report is left of an entry point that is gone", () => {
    const checkedIn = reportedPackages.flatMap((name) => {
      const folder = join("packages", name, "api");
      return existsSync(join(root, folder)) ? readdirSync(join(root, folder)).map((file) => join(folder, file)) : [];
    });
    expect(checkedIn.sort()).toEqual([...reports.keys()].sort());
  });

  it("@confide/core's entries export no name twice", () => {
    const coreReports = [...reports].filter(([path]) => path.startsWith("packages/core/api/"));
    expect(coreReports.length).toBe(4);
    const owners = new Map<string, string[]>();
    for (const [path, text] of coreReports) {
      for (const match of text.matchAll(/^(?:function|const|enum|class|interface|type) (\w+)/gm)) owners.set(match[1]!, [...(owners.get(match[1]!) ?? []), path]);
    }
    expect([...owners].filter(([, paths]) => new Set(paths).size > 1)).toEqual([]);
  });
});
