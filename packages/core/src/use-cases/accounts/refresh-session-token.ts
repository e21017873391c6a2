import type { ConfideDeps } from "../../deps.ts";
import { toPublicUser } from "../../domain/user.ts";
import { revokeAccessTokensOf } from "./revoke-access-tokens.ts";
import { ConfideError } from "../../errors.ts";
import { hashRefreshToken, issueRefreshToken } from "./issue-refresh-token.ts";
import type { LoginResult } from "./login.ts";

export interface RefreshTokenInput {
  refreshToken: string;
}

const invalid = () => new ConfideError("auth.refresh_invalid", "The refresh token is not valid; sign in again.");
const reused = () =>
  new ConfideError("auth.refresh_reused", "The refresh token was already used; every session of this sign-in was ended.");

/**
 * A spent refresh token came back: someone holds a copy. The family ends, and so do the account's
 * access tokens (the copy may have been traded for one already); other devices refresh.
 */
async function revokeStolenFamily(deps: ConfideDeps, stored: { familyId: string; userId: string }, now: Date): Promise<void> {
  await deps.tokens.revokeFamily(stored.familyId, now);
  await revokeAccessTokensOf(deps, stored.userId);
}

/**
 * Trades a refresh token for a new one of the same family (rotation). A token can be traded
 * once: presenting a spent token again means it was copied, so the whole family is revoked —
 * including the token its legitimate use produced.
 * @throws ConfideError `auth.refresh_invalid` for an unknown, expired or revoked token or an
 * inactive account; `auth.refresh_reused` when the token was already used (also when a
 * concurrent call used it first).
 */
export async function refreshToken(deps: ConfideDeps, input: RefreshTokenInput): Promise<LoginResult> {
  const now = deps.clock.now();
  const stored = await deps.tokens.getByHash(hashRefreshToken(input.refreshToken));
  if (!stored) throw invalid();
  if (stored.usedAt !== null) {
    await revokeStolenFamily(deps, stored, now);
    throw reused();
  }
  if (stored.revokedAt !== null || stored.expiresAt.getTime() <= now.getTime()) throw invalid();
  const user = await deps.users.get(stored.userId);
  if (!user || !user.active) throw invalid();
  // The successor is stored before the token is marked used: when a concurrent call loses the
  // race below, the successor already exists and is revoked with the rest of the family.
  const issued = await issueRefreshToken(deps, { userId: user.id, familyId: stored.familyId });
  if (!(await deps.tokens.markUsed(stored.id, now))) {
    await revokeStolenFamily(deps, stored, now);
    throw reused();
  }
  return { user: toPublicUser(user), ...issued, tokenGeneration: user.tokenGeneration };
}
