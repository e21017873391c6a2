import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const hook = new URL("../../scripts/git-hooks/commit-msg", import.meta.url).pathname;

describe("the commit-msg hook", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "confide-commit-msg-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const check = async (message: string) => {
    const file = join(dir, "COMMIT_EDITMSG");
    await writeFile(file, message);
    return run(hook, [file]).then(
      () => "accepted",
      (error: { stderr?: string }) => `refused: ${error.stderr ?? ""}`,
    );
  };

  it("accepts a subject of 72 characters and a body of any length", async () => {
    expect(await check(`${"a".repeat(72)}\n\n${"b".repeat(500)}\n`)).toBe("accepted");
  });

  it("refuses a subject of 73 characters and says the limit", async () => {
    expect(await check(`${"é".repeat(73)}\n\nbody\n`)).toMatch(/^refused: commit-msg: the subject has 73 characters; at most 72/);
  });

  it("reads past git's comment lines to the subject", async () => {
    expect(await check(`# Please enter the commit message\n${"c".repeat(80)}\n`)).toMatch(/^refused/);
  });
});
