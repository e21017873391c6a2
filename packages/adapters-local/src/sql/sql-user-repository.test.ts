import { expect, it } from "vitest";
import { buildCareRelation, buildUser, describeUserRepositoryContract, expectConfideError } from "@confide/contracts";
import { describeSqlRepositorySuite } from "../../test-support/sql-test-databases.ts";

describeSqlRepositorySuite({
  title: "SQL user repository",
  port: "users",
  contract: describeUserRepositoryContract,
  specifics: (repositories) => {
    const namesOf = async (text: string) =>
      (await repositories.users.list({ limit: 100, text })).items.map((user) => user.displayName);

    it("stores the email trimmed and lower-cased", async () => {
      const user = buildUser({ email: "  Dr.Rivera@Example.TEST " });
      await repositories.users.create(user);

      expect((await repositories.users.get(user.id))?.email).toBe("dr.rivera@example.test");
      expect((await repositories.users.getByEmail("DR.RIVERA@example.test"))?.id).toBe(user.id);
    });

    it("refuses to move a user onto another's email in another case with user.email_taken", async () => {
      const first = buildUser({ email: "first@example.test" });
      const second = buildUser({ email: "second@example.test" });
      await repositories.users.create(first);
      await repositories.users.create(second);

      await expectConfideError(repositories.users.update({ ...second, email: "FIRST@example.test" }), "user.email_taken");
      expect((await repositories.users.get(second.id))?.email).toBe("second@example.test");
    });

    it("matches %, _ and \\ in the text filter literally", async () => {
      for (const displayName of ["100% Sure", "100 Percent", "snake_case", "snakeXcase", "back\\slash", "backslash"]) {
        await repositories.users.create(buildUser({ displayName }));
      }

      expect(await namesOf("100%")).toEqual(["100% Sure"]);
      expect(await namesOf("e_c")).toEqual(["snake_case"]);
      expect(await namesOf("k\\s")).toEqual(["back\\slash"]);
    });

    it("orders names without regard to case", async () => {
      for (const displayName of ["bea", "Carmen", "alice", "Bob"]) await repositories.users.create(buildUser({ displayName }));

      expect(await namesOf("")).toEqual(["alice", "bea", "Bob", "Carmen"]);
    });

    it("forgets the care relations of a deleted patient, for the therapist too", async () => {
      const therapist = buildUser({ role: "therapist" });
      const patient = buildUser({ role: "patient" });
      await repositories.users.create(therapist);
      await repositories.users.create(patient);
      await repositories.users.link(buildCareRelation({ therapistId: therapist.id, patientId: patient.id }));

      await repositories.users.delete(patient.id);

      expect(await repositories.users.relationsOf(therapist.id)).toEqual([]);
      expect((await repositories.users.listPatients(therapist.id, { limit: 10 })).items).toEqual([]);
    });

    it("rejects a cursor of another listing with validation.invalid_input", async () => {
      await expectConfideError(repositories.users.list({ limit: 10, cursor: "bm90LWEtY3Vyc29y" }), "validation.invalid_input");
    });
  },
});
