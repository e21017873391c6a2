import type { RefreshToken } from "../domain/refresh-token.ts";

/** Persists refresh tokens (hashes only). */
export interface TokenRepository {
  create(token: RefreshToken): Promise<void>;

  /** @returns the token with this hash, or null. */
  getByHash(tokenHash: string): Promise<RefreshToken | null>;

  /**
   * Marks a token used, only if it was unused. Atomic: of two concurrent calls one wins.
   * @returns true when this call marked it.
   */
  markUsed(id: string, at: Date): Promise<boolean>;

  /** Revokes every token of the family. Unknown families do nothing. */
  revokeFamily(familyId: string, at: Date): Promise<void>;

  /** Revokes every token of the user (password change, erasure). */
  revokeUser(userId: string, at: Date): Promise<void>;

  /** Deletes every token of the user. */
  deleteByUser(userId: string): Promise<void>;

  close(): Promise<void>;
}
