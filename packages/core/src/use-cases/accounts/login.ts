import type { ConfideDeps } from "../../deps.ts";
import { hashPassword, maxPasswordLength, verifyPassword } from "../../domain/password.ts";
import { normalizeEmail, toPublicUser, type PublicUser } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { issueRefreshToken } from "./issue-refresh-token.ts";

export interface LoginInput {
  email: string;
  password: string;
}

/** What login and refresh hand back; the host adds a short-lived access token for `user`. */
export interface LoginResult {
  user: PublicUser;
  /** Secret for the next refresh; shown once, stored only as a hash. */
  refreshToken: string;
  refreshExpiresAt: Date;
  /** The account's token generation, for the access token's claims (see `authorizeAccess`). */
  tokenGeneration: number;
}

/**
 * One hash per scrypt cost, made on first use, that no password matches. Verifying against it
 * for unknown emails makes them take as long as known ones.
 */
const dummyHashes = new Map<number, Promise<string>>();

function dummyHash(cost: number): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (hash === undefined) {
    hash = hashPassword("confide-dummy-password-that-no-account-has", { cost });
    dummyHashes.set(cost, hash);
  }
  return hash;
}

const invalidCredentials = () => new ConfideError("auth.invalid_credentials", "The email or password is not correct.");

/**
 * Checks an email and password and starts a new refresh-token family.
 * @throws ConfideError `auth.invalid_credentials` for an unknown email, a wrong password or an
 * inactive account alike, so a caller cannot tell which.
 */
export async function login(deps: ConfideDeps, input: LoginInput): Promise<LoginResult> {
  // No stored password is longer (the policy caps it), so skip hashing megabytes of input.
  if (input.password.length > 2 * maxPasswordLength) throw invalidCredentials();
  const user = await deps.users.getByEmail(normalizeEmail(input.email));
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash(deps.settings.passwordCost)));
  if (!user || !matches || !user.active) throw invalidCredentials();
  const issued = await issueRefreshToken(deps, { userId: user.id, familyId: deps.ids.newId() });
  return { user: toPublicUser(user), ...issued, tokenGeneration: user.tokenGeneration };
}
