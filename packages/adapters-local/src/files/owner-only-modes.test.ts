import { chmod, lstat, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { entriesNotOwnerOnly } from "@confide/contracts/support";
import { restrictToOwner } from "./owner-only-modes.ts";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "confide-modes-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("restrictToOwner", () => {
  it("makes a data folder written under a loose umask private: folders 0700, files 0600", async () => {
    const data = join(folder, "data");
    await mkdir(join(data, "blobs/sessions/s1"), { recursive: true, mode: 0o755 });
    await writeFile(join(data, "blobs/sessions/s1/audio.wav"), "RIFF", { mode: 0o644 });
    await writeFile(join(data, "jwt-secret"), "secret", { mode: 0o666 });
    await chmod(join(data, "jwt-secret"), 0o666);
    await chmod(join(data, "blobs"), 0o777);

    await restrictToOwner(data);

    expect(await entriesNotOwnerOnly(data)).toEqual([]);
  });

  it("neither follows nor changes a symbolic link", async () => {
    const outside = join(folder, "outside.txt");
    await writeFile(outside, "not ours", { mode: 0o644 });
    await chmod(outside, 0o644);
    const data = join(folder, "data");
    await mkdir(data, { mode: 0o700 });
    await symlink(outside, join(data, "link"));

    await restrictToOwner(data);

    expect((await lstat(outside)).mode & 0o777).toBe(0o644);
  });

  it("does nothing for a folder that does not exist", async () => {
    await expect(restrictToOwner(join(folder, "missing"))).resolves.toBeUndefined();
  });
});
