import type { ConfideDeps } from "../../deps.ts";
import type { Actor, User } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";

/** What a verified access token says about its holder. */
export interface AccessClaims {
  userId: string;
  /** The user's `tokenGeneration` when the token was issued. */
  tokenGeneration: number;
}

/** The part of an account that decides whether its access tokens still count. */
export type AccessAccount = Pick<User, "id" | "role" | "active" | "tokenGeneration">;

/** @returns the account's access-relevant fields, or null when there is no such user. */
export async function loadAccessAccount(deps: Pick<ConfideDeps, "users">, userId: string): Promise<AccessAccount | null> {
  const user = await deps.users.get(userId);
  return user === null ? null : { id: user.id, role: user.role, active: user.active, tokenGeneration: user.tokenGeneration };
}

/**
 * Decides whether a verified access token still stands for its account: the account exists, is
 * active, and has not revoked the token's generation (logout, password change, erasure…). The
 * role comes from the account, not the token.
 * @returns the actor to run use cases as.
 * @throws ConfideError `auth.unauthenticated` (details.reason `revoked`) otherwise.
 */
export function authorizeAccess(account: AccessAccount | null, claims: AccessClaims): Actor {
  if (account === null || !account.active || account.id !== claims.userId || claims.tokenGeneration < account.tokenGeneration) {
    throw new ConfideError("auth.unauthenticated", "The access token was revoked; sign in again.", {
      details: { reason: "revoked" },
    });
  }
  return { userId: account.id, role: account.role };
}
