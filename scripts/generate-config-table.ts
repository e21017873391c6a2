// Writes README.md's configuration table from the host's settings schema, the adapters'
// descriptors and the profiles. `npm run docs:config`; a test fails while README.md is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { configurationTable, withConfigurationTable } from "../packages/http/src/config/config-table.ts";

const readmePath = new URL("../README.md", import.meta.url);
const readme = readFileSync(readmePath, "utf8");
const updated = withConfigurationTable(readme, configurationTable());
if (updated === readme) {
  console.log("README.md's configuration table is up to date.");
} else {
  writeFileSync(readmePath, updated);
  console.log("README.md's configuration table was rewritten.");
}
