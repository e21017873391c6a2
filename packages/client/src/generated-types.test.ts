import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generatedTypesPath, generatedTypesSource, regenerateCommand } from "./codegen/openapi-types-source.ts";

/** The first line where two texts differ, for a message that points at the change. */
function firstDifference(checkedIn: string, expected: string): string {
  const left = checkedIn.split("\n");
  const right = expected.split("\n");
  const index = left.findIndex((line, at) => line !== right[at]);
  const line = index === -1 ? Math.min(left.length, right.length) : index;
  return `line ${line + 1}: checked in ${JSON.stringify(left[line] ?? "<end>")}, the document gives ${JSON.stringify(right[line] ?? "<end>")}`;
}

describe("@confide/client's generated types", () => {
  it("match the host's current OpenAPI document", async () => {
    const expected = await generatedTypesSource();
    const checkedIn = await readFile(generatedTypesPath, "utf8").catch(() => "");
    if (checkedIn !== expected) {
      expect.fail(
        `packages/client/src/generated/confide-api.ts is out of date with /openapi.json (${firstDifference(checkedIn, expected)}). Run \`${regenerateCommand}\` and commit the file.`,
      );
    }
  }, 60_000);
});
