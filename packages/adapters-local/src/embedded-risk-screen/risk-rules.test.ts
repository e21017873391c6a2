import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseRiskRules, riskRules, riskRulesFile } from "./risk-rules.ts";

const file = (rows: string, shorthands = "  self:\n    means: myself\n    any: [myself, my self]\n") =>
  `version: test-1\nshorthands:\n${shorthands}rows:\n${rows}concepts: []\n`;
const row = (fields: string) => `  - id: self_harm.cut\n    category: self_harm\n    says: Spoke of cutting\n${fields}`;
const good = "    match:\n      - cut {self}\n      - slash {self}\n    examples:\n      - I cut myself.\n";

describe("risk rules data file", () => {
  it("is found beside the adapter, from source as from dist, and loads", () => {
    expect(fileURLToPath(riskRulesFile)).toMatch(/src[\\/]embedded-risk-screen[\\/]risk-rules\.yaml$/);
    expect(existsSync(riskRulesFile)).toBe(true);
    const rules = riskRules();
    expect(rules.rows.length).toBeGreaterThan(100);
    expect(new Set(rules.rows.map((each) => each.id)).size).toBe(rules.rows.length);
  });

  it("joins a row's wordings into one alternation and a shorthand's items into a group", () => {
    const rules = parseRiskRules(file(row(good)));
    expect(rules.rows).toEqual([{ id: "self_harm.cut", category: "self_harm", says: "Spoke of cutting", pattern: "cut {self}|slash {self}", examples: ["I cut myself."] }]);
    expect(rules.macros).toEqual({ self: "(?:myself|my self)" });
  });

  it.each([
    ["an unknown category", row(good).replace("category: self_harm", "category: sadness"), /rows row self_harm\.cut: category/],
    ["an unknown shorthand", row(good).replace("cut {self}", "cut {selff}"), /rows row self_harm\.cut, match item 1: unknown shorthand \{selff\}/],
    ["a wording that does not compile", row(good).replace("slash {self}", "'slash (?:{self}'"), /rows row self_harm\.cut, match item 2: a wording does not compile/],
    ["no example", row("    match:\n      - cut {self}\n    examples: []\n"), /rows row self_harm\.cut: examples: no example/],
    ["a field no row has", row(good + "    severity: high\n"), /rows row self_harm\.cut: .*severity/],
    ["a second row with the same id", row(good) + row(good), /rows row self_harm\.cut: a second row with this id/],
  ])("refuses %s, naming the row", (_what, rows, message) => {
    expect(() => parseRiskRules(file(rows))).toThrow(message);
  });

  it("refuses a file that is not YAML or lacks its parts", () => {
    expect(() => parseRiskRules("rows: [")).toThrow(/risk-rules\.yaml: not valid YAML/);
    expect(() => parseRiskRules("version: x\nrows: []\n")).toThrow(/risk-rules\.yaml: the file: /);
  });
});
