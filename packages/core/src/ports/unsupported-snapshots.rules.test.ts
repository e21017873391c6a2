import { describe, expect, it } from "vitest";
import { unsupportedDatabaseSnapshots } from "./unsupported-snapshots.ts";

describe("the snapshots of a database that cannot take them", () => {
  it("refuses every operation with provider.unsupported, naming the database and what to use instead", async () => {
    const snapshots = unsupportedDatabaseSnapshots("dynamodb", "use point-in-time recovery.");
    const expected = {
      code: "provider.unsupported",
      message: "confide backup and restore do not support the dynamodb database: use point-in-time recovery.",
      details: { dependency: "dynamodb", feature: "snapshots" },
    };
    await expect(snapshots.read(async () => "never read")).rejects.toMatchObject(expected);
    await expect(snapshots.isEmpty()).rejects.toMatchObject(expected);
    await expect(snapshots.restore("sql", (async function* () {})())).rejects.toMatchObject(expected);
  });
});
