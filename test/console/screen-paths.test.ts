import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { screenPaths } from "../../packages/console/src/screen-paths.ts";

describe("the console's screen paths", () => {
  it("are the paths of the route table, plus / (the server answers only these with the console)", async () => {
    const table = await readFile(new URL("../../packages/console/src/routes.tsx", import.meta.url), "utf8");
    const routed = [...table.matchAll(/\bpath: "([^"]+)"/g)].map((match) => match[1]);
    expect(routed.length).toBeGreaterThan(5);
    expect([...screenPaths].sort()).toEqual(["/", ...routed].sort());
  });
});
