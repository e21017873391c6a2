import type { ConfideDeps } from "../deps.ts";
import type { Actor } from "../domain/user.ts";
import { hashRefreshToken } from "./issue-refresh-token.ts";

export interface LogoutInput {
  refreshToken: string;
}

/**
 * Ends a sign-in: revokes every token of the refresh token's family. An unknown token, or one
 * that belongs to someone else, changes nothing and is not an error.
 */
export async function logout(deps: ConfideDeps, actor: Actor, input: LogoutInput): Promise<void> {
  const stored = await deps.tokens.getByHash(hashRefreshToken(input.refreshToken));
  if (!stored || stored.userId !== actor.userId) return;
  await deps.tokens.revokeFamily(stored.familyId, deps.clock.now());
}
