import type { RefreshToken } from "../domain/refresh-token.ts";
import type { TokenRepository } from "../ports/token-repository.ts";

export function createInMemoryTokenRepository(): TokenRepository {
  const tokens = new Map<string, RefreshToken>();
  const revokeWhere = (test: (token: RefreshToken) => boolean, at: Date) => {
    for (const token of tokens.values()) if (test(token) && token.revokedAt === null) token.revokedAt = at;
  };
  return {
    async create(token) {
      tokens.set(token.id, structuredClone(token));
    },
    async getByHash(tokenHash) {
      const token = [...tokens.values()].find((t) => t.tokenHash === tokenHash);
      return token ? structuredClone(token) : null;
    },
    async markUsed(id, at) {
      const token = tokens.get(id);
      if (!token || token.usedAt !== null) return false;
      token.usedAt = at;
      return true;
    },
    async revokeFamily(familyId, at) {
      revokeWhere((t) => t.familyId === familyId, at);
    },
    async revokeUser(userId, at) {
      revokeWhere((t) => t.userId === userId, at);
    },
    async deleteByUser(userId) {
      for (const [id, token] of tokens) if (token.userId === userId) tokens.delete(id);
    },
    async close() {},
  };
}
