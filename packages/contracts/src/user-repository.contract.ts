/**
 * Behaviour every UserRepository adapter must show (packages/core/src/ports/user-repository.ts).
 */
import type { User, UserRepository } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectPages } from "./collect-pages.ts";
import { expectConfideError } from "./expect-confide-error.ts";
import { expectSameDates } from "./expect-same-dates.ts";
import { buildCareRelation, buildUser, minutesAfterEpoch } from "./fixtures.ts";

export interface UserRepositoryContractOptions {
  name: string;
  create: () => Promise<UserRepository>;
}

const idsOf = (users: User[]) => users.map((user) => user.id);

export function describeUserRepositoryContract(options: UserRepositoryContractOptions): void {
  describe(`UserRepository contract: ${options.name}`, () => {
    let users: UserRepository;

    beforeEach(async () => {
      users = await options.create();
    });

    afterEach(async () => {
      await users.close();
    });

    async function createAll(list: User[]): Promise<void> {
      for (const user of list) await users.create(user);
    }

    describe("create and get", () => {
      it("returns the user as written, every date a Date", async () => {
        const user = buildUser();
        await users.create(user);

        const stored = await users.get(user.id);
        expect(stored).toEqual(user);
        expectSameDates(stored, user, "user");
      });

      it("keeps a user without consent and an inactive user", async () => {
        const user = buildUser({ role: "patient", consent: null, active: false });
        await users.create(user);

        expect(await users.get(user.id)).toEqual(user);
      });

      it("answers null for a missing id", async () => {
        expect(await users.get("user-missing")).toBeNull();
      });

      it("refuses a second account with the same email in any case with user.email_taken", async () => {
        await users.create(buildUser({ email: "ana@example.test", displayName: "Ana" }));

        await expectConfideError(users.create(buildUser({ email: "ana@example.test" })), "user.email_taken");
        await expectConfideError(users.create(buildUser({ email: "ANA@Example.TEST" })), "user.email_taken");
        expect((await users.list({ limit: 10 })).items).toHaveLength(1);
      });
    });

    describe("getByEmail", () => {
      it("finds the user whatever the case of the email", async () => {
        const user = buildUser({ email: "sam.lee@example.test" });
        await users.create(user);

        expect((await users.getByEmail("sam.lee@example.test"))?.id).toBe(user.id);
        expect((await users.getByEmail("Sam.Lee@Example.Test"))?.id).toBe(user.id);
        expectSameDates(await users.getByEmail("SAM.LEE@EXAMPLE.TEST"), user, "user");
      });

      it("finds a user created with a mixed-case email by its lower-cased form", async () => {
        const user = buildUser({ email: "Jo.Kim@Example.test" });
        await users.create(user);

        expect((await users.getByEmail("jo.kim@example.test"))?.id).toBe(user.id);
      });

      it("answers null for an unknown email", async () => {
        await users.create(buildUser());

        expect(await users.getByEmail("nobody@example.test")).toBeNull();
      });
    });

    describe("update", () => {
      it("replaces the stored user", async () => {
        const user = buildUser({ displayName: "Before" });
        await users.create(user);
        const changed: User = {
          ...user,
          displayName: "After",
          passwordHash: "scrypt$new",
          consent: { terms: "recording-and-analysis-v2", agreedAt: minutesAfterEpoch(3) },
          active: false,
          updatedAt: minutesAfterEpoch(3),
        };

        await users.update(changed);

        const stored = await users.get(user.id);
        expect(stored).toEqual(changed);
        expectSameDates(stored, changed, "user");
      });

      it("keeps a therapist's voice enrolment through update and get, and removes it when the update has none", async () => {
        const user = buildUser({ role: "therapist" });
        await users.create(user);
        const voice = {
          embedding: [1.5, -0.25, 0.125, 42.75],
          embedder: "embedded-mfcc-pitch-1",
          speechMs: 21_700,
          durationMs: 23_234,
          quality: 0.92,
          consent: { terms: "voice-enrolment-v1", agreedAt: minutesAfterEpoch(4) },
          enrolledAt: minutesAfterEpoch(4),
        };
        const enrolled: User = { ...user, voice, updatedAt: minutesAfterEpoch(4) };

        await users.update(enrolled);
        const stored = await users.get(user.id);
        expect(stored).toEqual(enrolled);
        expectSameDates(stored, enrolled, "user");
        expect((await users.getByEmail(user.email))?.voice).toEqual(voice);

        const { voice: _erased, ...withoutVoice } = enrolled;
        await users.update({ ...withoutVoice, updatedAt: minutesAfterEpoch(5) });
        const erased = await users.get(user.id);
        expect(erased?.voice).toBeUndefined();
        expect(erased).toEqual({ ...withoutVoice, updatedAt: minutesAfterEpoch(5) });
      });

      it("keeps a therapist's default note format through create, update and get, and removes it when the update has none", async () => {
        const user = buildUser({ role: "therapist", defaultNoteFormat: "birp" });
        await users.create(user);
        expect((await users.get(user.id))?.defaultNoteFormat).toBe("birp");

        const changed: User = { ...user, defaultNoteFormat: "dap", updatedAt: minutesAfterEpoch(4) };
        await users.update(changed);
        expect(await users.get(user.id)).toEqual(changed);
        expect((await users.getByEmail(user.email))?.defaultNoteFormat).toBe("dap");

        const { defaultNoteFormat: _cleared, ...withoutDefault } = changed;
        await users.update({ ...withoutDefault, updatedAt: minutesAfterEpoch(5) });
        const cleared = await users.get(user.id);
        expect(cleared).toEqual({ ...withoutDefault, updatedAt: minutesAfterEpoch(5) });
        expect(cleared && "defaultNoteFormat" in cleared).toBe(false);
      });

      it("moves the user to a new email, freeing the old one", async () => {
        const user = buildUser({ email: "old@example.test" });
        await users.create(user);

        await users.update({ ...user, email: "new@example.test" });

        expect((await users.getByEmail("new@example.test"))?.id).toBe(user.id);
        expect(await users.getByEmail("old@example.test")).toBeNull();
        await users.create(buildUser({ email: "old@example.test" }));
      });

      it("refuses an email another user has with user.email_taken", async () => {
        const first = buildUser({ email: "first@example.test" });
        const second = buildUser({ email: "second@example.test" });
        await createAll([first, second]);

        await expectConfideError(users.update({ ...second, email: "FIRST@example.test" }), "user.email_taken");
        expect((await users.get(second.id))?.email).toBe("second@example.test");
      });

      it("refuses a missing user with user.not_found", async () => {
        await expectConfideError(users.update(buildUser()), "user.not_found");
      });
    });

    describe("revokeAccessTokens", () => {
      it("adds one to the token generation per call, also when called at once, and answers the new value", async () => {
        const user = buildUser({ tokenGeneration: 4 });
        await users.create(user);

        expect(await users.revokeAccessTokens(user.id)).toBe(5);
        const concurrent = await Promise.all([1, 2, 3].map(() => users.revokeAccessTokens(user.id)));
        expect([...concurrent].sort()).toEqual([6, 7, 8]);
        expect((await users.get(user.id))?.tokenGeneration).toBe(8);
        expect((await users.getByEmail(user.email))?.tokenGeneration).toBe(8);
      });

      it("is not undone by an update written from an older read", async () => {
        const user = buildUser({ displayName: "Before" });
        await users.create(user);
        const staleRead = (await users.get(user.id)) as User;

        await users.revokeAccessTokens(user.id);
        await users.update({ ...staleRead, displayName: "After" });

        const stored = await users.get(user.id);
        expect(stored?.displayName).toBe("After");
        expect(stored?.tokenGeneration).toBe(1);
      });

      it("refuses a missing user with user.not_found", async () => {
        await expectConfideError(users.revokeAccessTokens("user-missing"), "user.not_found");
      });
    });

    describe("delete", () => {
      it("removes the user and frees the email", async () => {
        const user = buildUser({ email: "gone@example.test" });
        await users.create(user);

        await users.delete(user.id);

        expect(await users.get(user.id)).toBeNull();
        expect(await users.getByEmail("gone@example.test")).toBeNull();
        await users.create(buildUser({ email: "gone@example.test" }));
      });

      it("removes the user's care relations", async () => {
        const therapist = buildUser({ role: "therapist" });
        const patient = buildUser({ role: "patient" });
        const otherPatient = buildUser({ role: "patient" });
        await createAll([therapist, patient, otherPatient]);
        await users.link(buildCareRelation({ therapistId: therapist.id, patientId: patient.id }));
        await users.link(buildCareRelation({ therapistId: therapist.id, patientId: otherPatient.id }));

        await users.delete(patient.id);

        expect(await users.isLinked(therapist.id, patient.id)).toBe(false);
        expect(await users.relationsOf(patient.id)).toEqual([]);
        expect((await users.relationsOf(therapist.id)).map((relation) => relation.patientId)).toEqual([otherPatient.id]);
        expect(idsOf((await users.listPatients(therapist.id, { limit: 10 })).items)).toEqual([otherPatient.id]);
      });

      it("does not throw for a missing id", async () => {
        await expect(users.delete("user-missing")).resolves.toBeUndefined();
      });
    });

    describe("list", () => {
      it("orders by display name, then id", async () => {
        await createAll([
          buildUser({ id: "user-3", displayName: "Carmen Diaz" }),
          buildUser({ id: "user-2", displayName: "Ahmed Ali" }),
          buildUser({ id: "user-b", displayName: "Bea Olsen" }),
          buildUser({ id: "user-a", displayName: "Bea Olsen" }),
        ]);

        expect(idsOf((await users.list({ limit: 10 })).items)).toEqual(["user-2", "user-a", "user-b", "user-3"]);
      });

      it("filters by role", async () => {
        const therapist = buildUser({ role: "therapist" });
        const patient = buildUser({ role: "patient" });
        const admin = buildUser({ role: "admin" });
        await createAll([therapist, patient, admin]);

        expect(idsOf((await users.list({ role: "patient", limit: 10 })).items)).toEqual([patient.id]);
        expect(idsOf((await users.list({ role: "admin", limit: 10 })).items)).toEqual([admin.id]);
      });

      it("filters by a case-insensitive piece of the display name or the email", async () => {
        const byName = buildUser({ displayName: "Maria Gonzalez", email: "mg@example.test" });
        const byEmail = buildUser({ displayName: "Tom Baker", email: "tom.gonzalez-fan@example.test" });
        const neither = buildUser({ displayName: "Lea Moreau", email: "lea@example.test" });
        await createAll([byName, byEmail, neither]);

        expect(idsOf((await users.list({ text: "GONZAL", limit: 10 })).items)).toEqual([byName.id, byEmail.id]);
        expect(idsOf((await users.list({ text: "ria gon", limit: 10 })).items)).toEqual([byName.id]);
        expect(idsOf((await users.list({ text: "Lea@Example", limit: 10 })).items)).toEqual([neither.id]);
        expect((await users.list({ text: "nobody-matches", limit: 10 })).items).toEqual([]);
      });

      it("pages through 25 users 10 at a time: 10, 10, 5, no gaps or repeats", async () => {
        // Five users share each display name, so the cursor must carry the id tie-break.
        const list = Array.from({ length: 25 }, (_, index) =>
          buildUser({
            id: `user-page-${String(index).padStart(2, "0")}`,
            displayName: `Person ${String.fromCharCode(65 + (index % 5))}`,
          }),
        );
        await createAll(list);

        const pages = await collectPages((cursor) => users.list({ limit: 10, cursor }));

        expect(pages.map((page) => page.items.length)).toEqual([10, 10, 5]);
        expect(pages.at(-1)?.nextCursor).toBeNull();
        const expected = [...list].sort((a, b) =>
          a.displayName === b.displayName ? (a.id < b.id ? -1 : 1) : a.displayName < b.displayName ? -1 : 1,
        );
        expect(pages.flatMap((page) => idsOf(page.items))).toEqual(idsOf(expected));
      });
    });

    describe("care relations", () => {
      it("links a therapist and a patient, and linking twice does nothing", async () => {
        const relation = buildCareRelation();

        await users.link(relation);
        await users.link({ ...relation, createdAt: minutesAfterEpoch(99) });

        expect(await users.isLinked(relation.therapistId, relation.patientId)).toBe(true);
        const relations = await users.relationsOf(relation.therapistId);
        expect(relations).toEqual([relation]);
        expectSameDates(relations[0], relation, "relation");
      });

      it("is directional: the patient does not treat the therapist", async () => {
        const relation = buildCareRelation();
        await users.link(relation);

        expect(await users.isLinked(relation.patientId, relation.therapistId)).toBe(false);
        expect(await users.isLinked(relation.therapistId, "someone-else")).toBe(false);
      });

      it("lists the relations where the user is therapist or patient", async () => {
        const therapist = "therapist-rel";
        const patient = "patient-rel";
        const asTherapist = buildCareRelation({ therapistId: therapist, patientId: patient });
        const alsoAsTherapist = buildCareRelation({ therapistId: therapist });
        const patientsOtherTherapist = buildCareRelation({ patientId: patient });
        const unrelated = buildCareRelation();
        for (const relation of [asTherapist, alsoAsTherapist, patientsOtherTherapist, unrelated]) await users.link(relation);

        const key = (relation: { therapistId: string; patientId: string }) => `${relation.therapistId}>${relation.patientId}`;
        expect((await users.relationsOf(therapist)).map(key).sort()).toEqual([asTherapist, alsoAsTherapist].map(key).sort());
        expect((await users.relationsOf(patient)).map(key).sort()).toEqual(
          [asTherapist, patientsOtherTherapist].map(key).sort(),
        );
        expect(await users.relationsOf("nobody")).toEqual([]);
      });

      it("unlinks, and unlinking a missing link does not throw", async () => {
        const relation = buildCareRelation();
        await users.link(relation);

        await users.unlink(relation.therapistId, relation.patientId);
        await expect(users.unlink(relation.therapistId, relation.patientId)).resolves.toBeUndefined();

        expect(await users.isLinked(relation.therapistId, relation.patientId)).toBe(false);
        expect(await users.relationsOf(relation.therapistId)).toEqual([]);
      });
    });

    describe("listPatients", () => {
      it("lists only the therapist's patients, filtered by text, in name order", async () => {
        const therapist = buildUser({ role: "therapist", displayName: "Dr Rivera" });
        const otherTherapist = buildUser({ role: "therapist" });
        const nora = buildUser({ role: "patient", displayName: "Nora Quinn", email: "nq@example.test" });
        const ian = buildUser({ role: "patient", displayName: "Ian Quincy", email: "iq@example.test" });
        const leo = buildUser({ role: "patient", displayName: "Leo Park", email: "lp@example.test" });
        const notMine = buildUser({ role: "patient", displayName: "Quinn Other" });
        await createAll([therapist, otherTherapist, nora, ian, leo, notMine]);
        for (const patient of [nora, ian, leo]) {
          await users.link(buildCareRelation({ therapistId: therapist.id, patientId: patient.id }));
        }
        await users.link(buildCareRelation({ therapistId: otherTherapist.id, patientId: notMine.id }));

        expect(idsOf((await users.listPatients(therapist.id, { limit: 10 })).items)).toEqual([ian.id, leo.id, nora.id]);
        expect(idsOf((await users.listPatients(therapist.id, { text: "quin", limit: 10 })).items)).toEqual([
          ian.id,
          nora.id,
        ]);
        expect(idsOf((await users.listPatients(therapist.id, { text: "LP@", limit: 10 })).items)).toEqual([leo.id]);
        expect((await users.listPatients("therapist-without-patients", { limit: 10 })).items).toEqual([]);
      });

      it("pages through a therapist's 25 patients 10 at a time", async () => {
        const therapist = buildUser({ role: "therapist" });
        const patients = Array.from({ length: 25 }, (_, index) =>
          buildUser({ role: "patient", displayName: `Patient ${String(index).padStart(2, "0")}` }),
        );
        await createAll([therapist, ...patients, buildUser({ role: "patient", displayName: "Patient 99 not linked" })]);
        for (const patient of patients) {
          await users.link(buildCareRelation({ therapistId: therapist.id, patientId: patient.id }));
        }

        const pages = await collectPages((cursor) => users.listPatients(therapist.id, { limit: 10, cursor }));

        expect(pages.map((page) => page.items.length)).toEqual([10, 10, 5]);
        expect(pages.flatMap((page) => idsOf(page.items))).toEqual(idsOf(patients));
        expectSameDates(pages[0]?.items[0], patients[0], "patient");
      });
    });
  });
}
