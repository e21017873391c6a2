import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { hashRefreshToken } from "./issue-refresh-token.ts";
import { revokeAccessTokensOf } from "./revoke-access-tokens.ts";

export interface LogoutInput {
  refreshToken: string;
}

/**
 * Ends a sign-in: revokes every token of the refresh token's family, and every access token of
 * the caller (their token generation rises; other devices trade their refresh token for a new
 * access token). An unknown refresh token, or one that belongs to someone else, revokes no
 * refresh token and is not an error.
 */
export async function logout(deps: ConfideDeps, actor: Actor, input: LogoutInput): Promise<void> {
  const stored = await deps.tokens.getByHash(hashRefreshToken(input.refreshToken));
  if (stored && stored.userId === actor.userId) await deps.tokens.revokeFamily(stored.familyId, deps.clock.now());
  await revokeAccessTokensOf(deps, actor.userId);
}
