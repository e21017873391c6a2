// Writes packages/client/src/generated/confide-api.ts from the host's OpenAPI document (taken
// from the app in-process). `npm run client:generate`; a test fails while the file is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { generatedTypesPath, generatedTypesSource } from "../packages/client/src/codegen/openapi-types-source.ts";

const current = (() => {
  try {
    return readFileSync(generatedTypesPath, "utf8");
  } catch {
    return "";
  }
})();
const updated = await generatedTypesSource();
if (updated === current) {
  console.log("packages/client/src/generated/confide-api.ts is up to date.");
} else {
  writeFileSync(generatedTypesPath, updated);
  console.log("packages/client/src/generated/confide-api.ts was regenerated.");
}
