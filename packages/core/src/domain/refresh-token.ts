/**
 * A stored refresh token. Only the hash of the secret is kept. Tokens rotate: each use
 * creates the next token of the same family; using a spent token revokes the whole family.
 */
export interface RefreshToken {
  id: string;
  familyId: string;
  userId: string;
  /** sha256 hex of the secret handed to the client. */
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}
