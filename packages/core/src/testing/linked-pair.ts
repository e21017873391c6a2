import type { ConfideDeps } from "../deps.ts";
import type { Actor, User } from "../domain/user.ts";
import { recordTestConsent } from "./test-consent.ts";

/** An active account `id` with role `role`, made at `now` (its password hash is not a real one). */
export function testUser(id: string, role: User["role"], now: Date): User {
  return {
    id,
    email: `${id}@example.test`,
    displayName: id,
    role,
    passwordHash: "not-a-real-hash",
    consent: null,
    active: true,
    tokenGeneration: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Stores therapist `therapist-1` and patient `patient-1`, linked, the patient's consent to
 * everything processing needs recorded (`recordTestConsent`; `{ consent: false }` leaves it
 * out): who uploads and whose recording it is in the pipeline tests of core and of the adapters.
 * @returns the two as actors.
 */
export async function seedLinkedPair(
  deps: Pick<ConfideDeps, "users" | "clock" | "consents" | "settings">,
  options: { consent?: boolean } = {},
): Promise<{ therapist: Actor; patient: Actor }> {
  const now = deps.clock.now();
  await deps.users.create(testUser("therapist-1", "therapist", now));
  await deps.users.create(testUser("patient-1", "patient", now));
  await deps.users.link({ therapistId: "therapist-1", patientId: "patient-1", createdAt: now });
  if (options.consent !== false) await recordTestConsent(deps, "patient-1");
  return { therapist: { userId: "therapist-1", role: "therapist" }, patient: { userId: "patient-1", role: "patient" } };
}
