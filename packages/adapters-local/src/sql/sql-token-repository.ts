import type { RefreshToken, TokenRepository } from "@confide/core/ports";
import type { SqlClient } from "./sql-client.ts";
import type { SqlRepositoryOptions } from "./sql-session-repository.ts";

interface TokenRow {
  id: string;
  family_id: string;
  user_id: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

function toToken(row: TokenRow): RefreshToken {
  return {
    id: row.id,
    familyId: row.family_id,
    userId: row.user_id,
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
  };
}

/** TokenRepository over SQL. `markUsed` is one conditional UPDATE, so one concurrent call wins. */
export function createSqlTokenRepository(client: SqlClient, options: SqlRepositoryOptions = {}): TokenRepository {
  return {
    async create(token) {
      await client.query(
        `INSERT INTO confide_refresh_tokens
           (id, family_id, user_id, token_hash, created_at, expires_at, used_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          token.id,
          token.familyId,
          token.userId,
          token.tokenHash,
          token.createdAt,
          token.expiresAt,
          token.usedAt,
          token.revokedAt,
        ],
      );
    },

    async getByHash(tokenHash) {
      const [row] = await client.query<TokenRow>("SELECT * FROM confide_refresh_tokens WHERE token_hash = $1", [
        tokenHash,
      ]);
      return row === undefined ? null : toToken(row);
    },

    async markUsed(id, at) {
      const rows = await client.query(
        "UPDATE confide_refresh_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id",
        [id, at],
      );
      return rows.length > 0;
    },

    async revokeFamily(familyId, at) {
      // The first revocation's time is kept.
      await client.query(
        "UPDATE confide_refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL",
        [familyId, at],
      );
    },

    async revokeUser(userId, at) {
      await client.query("UPDATE confide_refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL", [
        userId,
        at,
      ]);
    },

    async deleteByUser(userId) {
      await client.query("DELETE FROM confide_refresh_tokens WHERE user_id = $1", [userId]);
    },

    close: options.close ?? (() => client.close()),
  };
}
