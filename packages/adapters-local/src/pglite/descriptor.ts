import { join } from "node:path";
import type { AdapterDescriptor } from "@confide/core/ports";
import { z } from "zod";
import type { SqlRepositories } from "../sql/sql-repositories.ts";

const pgliteSettings = z.object({}).describe("in-process, under the data dir");

/** Repositories in PGlite, in this process, under `<data dir>/db` (`CONFIDE_REPOSITORY=pglite`). */
export const pgliteDescriptor = {
  port: "repository",
  name: "pglite",
  settings: pgliteSettings,
  keepsDatabaseInDataDir: true,
  async create(_settings, context) {
    const { createPgliteRepositories } = await import("./pglite-repositories.ts");
    return createPgliteRepositories({ dataDir: join(context.dataDir, "db") });
  },
} satisfies AdapterDescriptor<SqlRepositories, z.output<typeof pgliteSettings>>;
