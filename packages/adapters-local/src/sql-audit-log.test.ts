import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeAuditLogContract } from "../../../test/contracts/audit-log.contract.ts";
import { expectConfideError } from "../../../test/contracts/expect-confide-error.ts";
import { buildAuditEvent } from "../../../test/contracts/fixtures.ts";
import { describeOnEachDatabase, portOf } from "../test-support/sql-test-databases.ts";
import type { SqlRepositories } from "./sql-repositories.ts";

describeOnEachDatabase("SQL audit log", (database) => {
  describeAuditLogContract({ name: database.name, create: portOf(database, "audit") });

  describe(`${database.name} specifics`, () => {
    let repositories: SqlRepositories;

    beforeEach(async () => {
      repositories = await database.createRepositories();
    });

    afterEach(async () => {
      await repositories.close();
    });

    it("keeps the first event when an id is recorded twice (a retried write)", async () => {
      const event = buildAuditEvent({ action: "session.read" });
      await repositories.audit.record(event);
      await repositories.audit.record({ ...event, action: "session.delete" });

      const page = await repositories.audit.list({ limit: 10 });
      expect(page.items).toEqual([event]);
    });

    it("keeps the types of detail values", async () => {
      const event = buildAuditEvent({ detail: { count: 3, ratio: 0.5, exported: true, format: "json", zero: 0 } });
      await repositories.audit.record(event);

      expect((await repositories.audit.list({ limit: 1 })).items[0]?.detail).toStrictEqual(event.detail);
    });

    it("rejects a malformed cursor with validation.invalid_input", async () => {
      await expectConfideError(repositories.audit.list({ limit: 10, cursor: "%%%" }), "validation.invalid_input");
    });
  });
});
