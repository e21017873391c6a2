import type { RefreshToken } from "../domain/refresh-token.ts";

/**
 * Persists refresh tokens (hashes only). Every method throws ConfideError
 * `dependency.unavailable` when the store cannot be reached or fails (retryable when it may pass:
 * a dropped connection, throttling), as the repositories' error maps say; nothing is half-written.
 */
export interface TokenRepository {
  /**
   * Stores a new token.
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  create(token: RefreshToken): Promise<void>;

  /**
   * @returns the token with this hash, or null.
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  getByHash(tokenHash: string): Promise<RefreshToken | null>;

  /**
   * Marks a token used, only if it was unused. Atomic: of two concurrent calls one wins.
   * @returns true when this call marked it (false for a token already used or unknown).
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  markUsed(id: string, at: Date): Promise<boolean>;

  /**
   * Revokes every token of the family. Unknown families do nothing.
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  revokeFamily(familyId: string, at: Date): Promise<void>;

  /**
   * Revokes every token of the user (password change, erasure).
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  revokeUser(userId: string, at: Date): Promise<void>;

  /**
   * Deletes every token of the user. A user without tokens does nothing.
   * @throws ConfideError `dependency.unavailable` when the store fails.
   */
  deleteByUser(userId: string): Promise<void>;

  /** Releases what the repository holds (its connection, when it owns one). */
  close(): Promise<void>;
}
