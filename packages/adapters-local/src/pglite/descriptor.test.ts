import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "@confide/core/adapter-kit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pgliteDescriptor } from "./descriptor.ts";

describe("pglite descriptor", () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "confide-pglite-descriptor-"));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it("reads no variables and keeps its database under <data dir>/db", async () => {
    const repositories = await pgliteDescriptor.create(pgliteDescriptor.settings.parse({ CONFIDE_DATABASE_URL: "postgres://ignored" }), {
      logger: silentLogger,
      dataDir,
    });
    await repositories.prepare();
    await repositories.check();
    await repositories.close();
    expect(await readdir(join(dataDir, "db"))).toContain("PG_VERSION");
  });
});
