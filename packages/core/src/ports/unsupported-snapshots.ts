import { ConfideError } from "../errors.ts";
import type { DatabaseSnapshots } from "./database-snapshots.ts";

/**
 * The snapshots of a database that cannot take them: every method throws
 * `provider.unsupported`, saying what to use instead.
 */
export function unsupportedDatabaseSnapshots(databaseName: string, instead: string): DatabaseSnapshots {
  const refuse = (): never => {
    throw new ConfideError("provider.unsupported", `confide backup and restore do not support the ${databaseName} database: ${instead}`, {
      details: { dependency: databaseName, feature: "snapshots" },
    });
  };
  return {
    read: async () => refuse(),
    isEmpty: async () => refuse(),
    restore: async () => refuse(),
  };
}
