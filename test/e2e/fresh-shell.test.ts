/**
 * The README's commands typed into a new shell on a machine whose own Node is older than
 * Confide needs (here /usr/bin/node, v20): the npm scripts and the `confide` bin hand over to
 * the Node that scripts/use-node.sh provides themselves.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/** A new login shell's environment: the machine's PATH only, nothing of this test's Node. */
const freshShell = { HOME: process.env.HOME ?? "/root", PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" };

function inFreshShell(command: string) {
  return run("bash", ["-c", command], { cwd: root, env: freshShell, timeout: 240_000 });
}

describe("in a new shell with the machine's Node", () => {
  it("runs npm scripts on a Node that runs the TypeScript sources", async () => {
    const { stdout } = await inFreshShell("scripts/with-node.sh node --version");
    const [major = 0, minor = 0] = stdout.trim().slice(1).split(".").map(Number);
    expect(major > 22 || (major === 22 && minor >= 18)).toBe(true);
  }, 240_000);

  it("answers `npm run confide -- help` and `npx confide help` with the usage, no error", async () => {
    for (const command of ["npm run --silent confide -- help", "npx --no-install confide help"]) {
      const { stdout, stderr } = await inFreshShell(command);
      expect(stdout).toContain("create-user --email E");
      expect(stderr).not.toMatch(/error|not supported|unknown file extension/i);
    }
  }, 240_000);

  it("runs the layering check of `npm test` (dependency-cruiser refuses Node 20)", async () => {
    const { stdout } = await inFreshShell("npm run --silent lint:layers");
    expect(stdout).toContain("no dependency violations found");
  }, 240_000);
});
