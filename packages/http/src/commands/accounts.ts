import { hashPassword, normalizeEmail, type ConfideDeps, type Role, ConfideError } from "@confide/core";
import { randomBytes } from "node:crypto";

export interface CreatedAccount {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  /** Generated; shown once, never stored in clear. */
  password: string;
}

const roles: Role[] = ["therapist", "patient", "admin"];

/** A random password of 20 URL-safe characters (120 bits). */
function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

async function createAccount(
  deps: ConfideDeps,
  input: { email: string; role: Role; displayName: string },
): Promise<CreatedAccount> {
  const password = generatePassword();
  const now = deps.clock.now();
  const id = deps.ids.newId();
  const email = normalizeEmail(input.email);
  await deps.users.create({
    id,
    email,
    displayName: input.displayName,
    role: input.role,
    passwordHash: await hashPassword(password, { cost: deps.settings.passwordCost }),
    consent: null,
    active: true,
    createdAt: now,
    updatedAt: now,
  });
  return { id, email, role: input.role, displayName: input.displayName, password };
}

/**
 * Creates a first admin, a therapist and a patient linked to them, each with a generated
 * password printed once. Refuses when any of the seed accounts exists already.
 */
export async function seedCommand(deps: ConfideDeps): Promise<{ accounts: CreatedAccount[] }> {
  const wanted = [
    { email: "admin@confide.local", role: "admin" as const, displayName: "Confide Admin" },
    { email: "therapist@confide.local", role: "therapist" as const, displayName: "Dr. Tessa Therapist" },
    { email: "patient@confide.local", role: "patient" as const, displayName: "Pat Patient" },
  ];
  for (const account of wanted) {
    if (await deps.users.getByEmail(account.email)) {
      throw new ConfideError(
        "user.email_taken",
        `${account.email} exists: this data directory/database was seeded already (passwords are shown only once; use create-user for new accounts).`,
      );
    }
  }
  const accounts: CreatedAccount[] = [];
  for (const account of wanted) accounts.push(await createAccount(deps, account));
  const [, therapist, patient] = accounts as [CreatedAccount, CreatedAccount, CreatedAccount];
  await deps.users.link({ therapistId: therapist.id, patientId: patient.id, createdAt: deps.clock.now() });
  return { accounts };
}

export async function createUserCommand(
  deps: ConfideDeps,
  input: { email: string | undefined; role: string | undefined; displayName: string | undefined },
): Promise<CreatedAccount> {
  if (!input.email || !/^[^@\s]+@[^@\s]+$/.test(input.email)) {
    throw new ConfideError("validation.invalid_input", "create-user needs --email with a valid address.");
  }
  if (!roles.includes(input.role as Role)) {
    throw new ConfideError("validation.invalid_input", `create-user needs --role ${roles.join("|")}.`);
  }
  return createAccount(deps, {
    email: input.email,
    role: input.role as Role,
    displayName: input.displayName ?? input.email.split("@")[0] ?? input.email,
  });
}
