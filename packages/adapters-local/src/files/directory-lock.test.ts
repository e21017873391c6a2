import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConfideError } from "@confide/contracts";
import { lockDirectory } from "./directory-lock.ts";

let folder: string;
let count = 0;
const nextDirectory = () => join(folder, `db-${++count}`);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "confide-directory-lock-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A pid no process has any more: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("lockDirectory", () => {
  it("writes <directory>.lock with this process's pid, readable by its owner only, and removes it on release", async () => {
    const directory = nextDirectory();
    const lock = await lockDirectory(directory);
    expect(lock.path).toBe(`${directory}.lock`);
    expect(JSON.parse(await readFile(lock.path, "utf8"))).toMatchObject({ pid: process.pid });
    expect((await stat(lock.path)).mode & 0o777).toBe(0o600);
    await lock.release();
    await expect(stat(lock.path)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses a second lock of the same directory in this process until the first is released", async () => {
    const directory = nextDirectory();
    const lock = await lockDirectory(directory);
    await expectConfideError(lockDirectory(directory), "dependency.unavailable");
    await lock.release();
    await (await lockDirectory(directory)).release();
  });

  it("refuses while another live process holds it, naming that process", async () => {
    const directory = nextDirectory();
    const owner = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
    try {
      await writeFile(`${directory}.lock`, JSON.stringify({ pid: owner.pid, command: "cli.ts serve", since: "then" }));
      const refused = await lockDirectory(directory).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({
        code: "dependency.unavailable",
        details: { reason: "locked", ownerPid: owner.pid },
        message: expect.stringContaining(`is in use by process ${owner.pid} (cli.ts serve) since then`),
      });
    } finally {
      owner.kill("SIGKILL");
    }
  });

  it("takes over a lock whose process has ended, whose pid was reused, or that names this process's pid", async () => {
    const stale = [
      { pid: deadPid() },
      { pid: process.ppid, startTicks: "1" }, // alive, but started at another time: not the owner
      { pid: process.pid }, // a previous life of this pid (a container's pid 1 after kill -9)
    ];
    for (const owner of stale) {
      const directory = nextDirectory();
      await writeFile(`${directory}.lock`, JSON.stringify({ ...owner, command: "cli.ts serve", since: "then" }));
      const lock = await lockDirectory(directory);
      expect(JSON.parse(await readFile(lock.path, "utf8"))).toMatchObject({ pid: process.pid });
      await lock.release();
    }
  });
});
