import { expect, it } from "vitest";
import { buildConsentGrant, describeConsentRepositoryContract, fixtureId } from "@confide/contracts";
import { describeSqlRepositorySuite } from "../../test-support/sql-test-databases.ts";

describeSqlRepositorySuite({
  title: "SQL consent repository",
  port: "consents",
  contract: describeConsentRepositoryContract,
  specifics: (repositories) => {
    it("keeps a history whose patient has no account (records outlive an erased patient)", async () => {
      const grant = buildConsentGrant({ patientId: fixtureId("erased-patient") });

      await repositories.consents.append(grant);

      expect(await repositories.consents.history(grant.patientId)).toEqual([grant]);
      expect(await repositories.users.get(grant.patientId)).toBeNull();
    });
  },
});
