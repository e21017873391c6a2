import { createHash, randomBytes } from "node:crypto";
import type { ConfideDeps } from "../../deps.ts";

/** The stored form of a refresh token: sha256 hex of the secret. */
export function hashRefreshToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export interface IssuedRefreshToken {
  /** The secret for the client (32 random bytes, base64url); only its hash is stored. */
  refreshToken: string;
  refreshExpiresAt: Date;
}

/**
 * Creates and stores a new unused refresh token for the user in the given family (a new
 * family when login starts one).
 */
export async function issueRefreshToken(
  deps: Pick<ConfideDeps, "tokens" | "clock" | "ids" | "settings">,
  options: { userId: string; familyId: string },
): Promise<IssuedRefreshToken> {
  const refreshToken = randomBytes(32).toString("base64url");
  const createdAt = deps.clock.now();
  const refreshExpiresAt = new Date(createdAt.getTime() + deps.settings.refreshTokenTtlMs);
  await deps.tokens.create({
    id: deps.ids.newId(),
    familyId: options.familyId,
    userId: options.userId,
    tokenHash: hashRefreshToken(refreshToken),
    createdAt,
    expiresAt: refreshExpiresAt,
    usedAt: null,
    revokedAt: null,
  });
  return { refreshToken, refreshExpiresAt };
}
