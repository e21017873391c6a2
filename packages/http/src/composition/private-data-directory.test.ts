import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { entriesNotOwnerOnly } from "@confide/contracts/support";
import { preparePrivateDataDirectory } from "./private-data-directory.ts";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "confide-private-data-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("preparePrivateDataDirectory", () => {
  it("creates a missing data directory private to its owner", async () => {
    const data = join(folder, "data");
    await preparePrivateDataDirectory(data);
    expect((await stat(data)).mode & 0o777).toBe(0o700);
  });

  it("tightens a data directory an older version left readable by others, recordings included", async () => {
    const data = join(folder, "data");
    await mkdir(join(data, "blobs/sessions/s1"), { recursive: true });
    await writeFile(join(data, "blobs/sessions/s1/audio.wav"), "RIFF");
    await writeFile(join(data, "jwt-secret"), "secret");
    for (const path of [data, join(data, "blobs"), join(data, "blobs/sessions"), join(data, "blobs/sessions/s1")]) await chmod(path, 0o755);
    await chmod(join(data, "blobs/sessions/s1/audio.wav"), 0o644);
    await chmod(join(data, "jwt-secret"), 0o644);

    await preparePrivateDataDirectory(data);

    expect(await entriesNotOwnerOnly(data)).toEqual([]);
  });
});
