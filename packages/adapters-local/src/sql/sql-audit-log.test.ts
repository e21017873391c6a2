import { expect, it } from "vitest";
import { buildAuditEvent, describeAuditLogContract, expectConfideError } from "@confide/contracts";
import { describeSqlRepositorySuite } from "../../test-support/sql-test-databases.ts";

describeSqlRepositorySuite({
  title: "SQL audit log",
  port: "audit",
  contract: describeAuditLogContract,
  specifics: (repositories) => {
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
  },
});
