import { authorizeAccess, loadAccessAccount, type AccessAccount, type AccessClaims, type Actor } from "@confide/core";
import type { UserRepository } from "@confide/core/ports";

export interface AccessCheckOptions {
  users: UserRepository;
  /**
   * How long an account read is reused by this process. A revocation made by another API process
   * takes effect here within this time; one made through `observe`d users, at once.
   */
  cacheMs: number;
}

export interface AccessCheck {
  /**
   * @returns the actor of a verified access token, its role read from the account.
   * @throws ConfideError `auth.unauthenticated` (reason `revoked`) for a missing or inactive
   * account or a revoked token generation.
   */
  actorOf(claims: AccessClaims): Promise<Actor>;
  /** The same repository; every write through it forgets the cached account at once. */
  observe(users: UserRepository): UserRepository;
}

/** Accounts remembered at most; the oldest read is forgotten first. */
const maxCachedAccounts = 10_000;

/** Checks per request that an access token still counts (docs/architecture.md#host), with a brief per-process cache. */
export function createAccessCheck(options: AccessCheckOptions): AccessCheck {
  const cache = new Map<string, { account: AccessAccount | null; readAtMs: number }>();
  const forget = (userId: string) => cache.delete(userId);

  async function read(userId: string): Promise<AccessAccount | null> {
    const account = await loadAccessAccount({ users: options.users }, userId);
    cache.delete(userId);
    cache.set(userId, { account, readAtMs: performance.now() });
    if (cache.size > maxCachedAccounts) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return account;
  }

  return {
    async actorOf(claims) {
      const cached = cache.get(claims.userId);
      const fresh = cached !== undefined && performance.now() - cached.readAtMs < options.cacheMs;
      // A token newer than the cached account (issued after a revocation this process has not
      // seen yet) is a reason to read again, never to refuse.
      const stale = fresh && cached.account !== null && claims.tokenGeneration > cached.account.tokenGeneration;
      const account = fresh && !stale ? cached.account : await read(claims.userId);
      return authorizeAccess(account, claims);
    },
    observe(users) {
      return {
        create: (user) => users.create(user),
        get: (id) => users.get(id),
        getByEmail: (email) => users.getByEmail(email),
        list: (query) => users.list(query),
        link: (relation) => users.link(relation),
        unlink: (therapistId, patientId) => users.unlink(therapistId, patientId),
        isLinked: (therapistId, patientId) => users.isLinked(therapistId, patientId),
        relationsOf: (userId) => users.relationsOf(userId),
        listPatients: (therapistId, query) => users.listPatients(therapistId, query),
        close: () => users.close(),
        async update(user) {
          try {
            await users.update(user);
          } finally {
            forget(user.id);
          }
        },
        async revokeAccessTokens(id) {
          try {
            return await users.revokeAccessTokens(id);
          } finally {
            forget(id);
          }
        },
        async delete(id) {
          try {
            await users.delete(id);
          } finally {
            forget(id);
          }
        },
      };
    },
  };
}
