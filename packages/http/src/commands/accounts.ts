import { type Actor, checkPasswordPolicy, type ConfideDeps, createUser, linkPatient, type PasswordOwner, type PublicUser } from "@confide/core";
import { ConfideError, type Role } from "@confide/core/ports";
import { randomBytes } from "node:crypto";

export interface CreatedAccount {
  user: PublicUser;
  /** Generated; shown once, never stored in clear. */
  password: string;
}

/** The operator at the console: audited as "system", allowed what an admin is. */
const operator: Actor = { userId: "system", role: "admin" };

/**
 * A random password of 20 URL-safe characters (120 bits) that the password policy accepts for
 * this account. One that happens to contain the email or name, or to look guessable, is drawn
 * again.
 */
export async function generatePassword(owner: PasswordOwner, minLength: number): Promise<string> {
  for (;;) {
    const password = randomBytes(15).toString("base64url");
    try {
      await checkPasswordPolicy(password, { minLength, owner });
      return password;
    } catch (error) {
      if (!ConfideError.is(error, "auth.weak_password")) throw error;
    }
  }
}

async function createAccount(
  deps: ConfideDeps,
  input: { email: string; role: Role; displayName: string },
): Promise<CreatedAccount> {
  const password = await generatePassword(input, deps.settings.minPasswordLength);
  return { user: await createUser(deps, operator, { ...input, password }), password };
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
        `${account.email} exists: this database was seeded already (passwords are shown only once; use create-user for new accounts).`,
      );
    }
  }
  const accounts: CreatedAccount[] = [];
  for (const account of wanted) accounts.push(await createAccount(deps, account));
  const [, therapist, patient] = accounts as [CreatedAccount, CreatedAccount, CreatedAccount];
  await linkPatient(deps, operator, { therapistId: therapist.user.id, patientId: patient.user.id });
  return { accounts };
}

export async function createUserCommand(
  deps: ConfideDeps,
  input: { email: string | undefined; role: string | undefined; displayName: string | undefined },
): Promise<CreatedAccount> {
  if (!input.email) throw new ConfideError("validation.invalid_input", "create-user needs --email.");
  return createAccount(deps, {
    email: input.email,
    role: (input.role ?? "") as Role,
    displayName: input.displayName ?? input.email.split("@")[0] ?? input.email,
  });
}

/**
 * The first start of a server (`serve --seed`): seeds when the database has no account at all.
 * @returns the seeded accounts, or undefined when there were accounts already.
 */
export async function seedIfNoAccounts(deps: ConfideDeps): Promise<{ accounts: CreatedAccount[] } | undefined> {
  const { items } = await deps.users.list({ limit: 1 });
  return items.length === 0 ? seedCommand(deps) : undefined;
}
