import type { ConfideDeps } from "../../deps.ts";
import { checkPasswordPolicy, hashPassword } from "../../domain/password.ts";
import { toPublicUser, type Actor, type PublicUser, type Role, type User } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { checkConsentTerms, checkDisplayName, checkEmail, checkRole } from "./account-input.ts";
import { audit } from "../policies/audit.ts";
import { assertRole } from "../policies/session-access.ts";

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  /** The initial password; it must meet the password policy. */
  password: string;
  /** Terms the user agreed to when the account was made; recorded with the time of creation. */
  consent?: { terms: string };
}

/**
 * An administrator opens an account.
 * @throws ConfideError `auth.forbidden` for non-admins, `validation.invalid_input` for a
 * malformed email, display name or role, `auth.weak_password`, `user.email_taken` when the
 * email (compared case-insensitively) has an account.
 */
export async function createUser(deps: ConfideDeps, actor: Actor, input: CreateUserInput): Promise<PublicUser> {
  assertRole(actor, "admin");
  const email = checkEmail(input.email);
  const displayName = checkDisplayName(input.displayName);
  const role = checkRole(input.role);
  await checkPasswordPolicy(input.password, { minLength: deps.settings.minPasswordLength, owner: { email, displayName } });
  const consentTerms = input.consent === undefined ? undefined : checkConsentTerms(input.consent.terms);
  if (await deps.users.getByEmail(email)) {
    throw new ConfideError("user.email_taken", "An account with this email exists.");
  }
  const now = deps.clock.now();
  const user: User = {
    id: deps.ids.newId(),
    email,
    displayName,
    role,
    passwordHash: await hashPassword(input.password, { cost: deps.settings.passwordCost }),
    consent: consentTerms === undefined ? null : { terms: consentTerms, agreedAt: now },
    active: true,
    tokenGeneration: 0,
    createdAt: now,
    updatedAt: now,
  };
  // The repository checks the email again, so a concurrent creation still fails cleanly.
  await deps.users.create(user);
  await audit(deps, actor, "user.create", { subjectUserId: user.id, detail: { role } });
  return toPublicUser(user);
}
