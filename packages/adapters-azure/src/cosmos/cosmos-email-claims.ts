/**
 * Unique emails on Cosmos DB. Uniqueness holds only inside one logical partition, so an email is
 * claimed as the id of an item in a container partitioned by `/id`: a second create of the same
 * id answers 409. A claim is live while the user it names exists with that email; a claim whose
 * user does not (a create or an email change that crashed between its steps) is an orphan, and an
 * orphan older than `staleAfterMs` may be taken over by the next claim or swept.
 */
import type { Container } from "@azure/cosmos";
import { normalizeEmail } from "@confide/core/adapter-kit";
import { type Clock, ConfideError } from "@confide/core/ports";
import type { CosmosContext } from "./cosmos-client.ts";
import { emailClaimsContainerId, usersContainerId } from "./cosmos-containers.ts";
import { isCosmosConflict, isCosmosPreconditionFailed } from "./cosmos-errors.ts";
import { cosmosItemIdOf, deleteItemIfPresent, queryAll, readItemOrNull } from "./cosmos-items.ts";

export interface EmailClaimItem {
  /** `emailClaimIdOf(email)`. */
  id: string;
  /** Normalised (trimmed, lower-cased). */
  email: string;
  userId: string;
  /** ISO time the claim was made or taken over. */
  claimedAt: string;
}

/** A claim younger than this is left alone even when its user does not exist yet: its create may still be running. */
export const defaultEmailClaimStaleAfterMs = 5 * 60_000;

/** Tries of a claim raced by a release or a takeover before it gives up (each race means someone else progressed). */
const claimAttempts = 5;

/** The claim item id of an email: the normalised email (escaped as `cosmosItemIdOf` does). */
export function emailClaimIdOf(email: string): string {
  return cosmosItemIdOf(normalizeEmail(email));
}

export function emailTaken(email: string, cause?: unknown): ConfideError {
  return new ConfideError("user.email_taken", "An account with this email exists.", {
    ...(cause === undefined ? {} : { cause }),
    details: { email },
  });
}

export interface EmailClaimsOptions {
  clock: Clock;
  staleAfterMs: number;
}

export interface EmailClaims {
  /**
   * Claims `email` for `userId`: creates the claim, or takes over a stale orphan.
   * @returns true when this call wrote the claim, false when `userId` held it already.
   * @throws ConfideError `user.email_taken` when another user holds it (or a claim too young to judge).
   */
  claim(email: string, userId: string): Promise<boolean>;
  /** Deletes the claim of `email` if `userId` holds it; a missing claim or another holder is left as it is. */
  release(email: string, userId: string): Promise<void>;
  /** Deletes every claim that names `userId` (its current email and any an interrupted change left). */
  releaseAllOf(userId: string): Promise<void>;
  /** @returns the id of the user `email` is claimed for, or null. The claim may be an orphan: check the user. */
  holderOf(email: string): Promise<string | null>;
  /** Deletes orphan claims older than `staleAfterMs`. @returns how many it deleted. */
  sweep(): Promise<number>;
}

/**
 * The email claims of `context`'s database. Errors are the SDK's except `user.email_taken`;
 * callers map them with `withCosmosErrors`.
 */
export function cosmosEmailClaims(context: CosmosContext, options: EmailClaimsOptions): EmailClaims {
  const claims: Container = context.container(emailClaimsContainerId);
  const users: Container = context.container(usersContainerId);

  /** True while the claim's user exists and has this email. */
  async function isLive(claim: EmailClaimItem): Promise<boolean> {
    const user = await readItemOrNull<{ id: string; email: string }>(users, claim.userId, claim.userId);
    return user !== null && user.email === claim.email;
  }

  function isStale(claim: EmailClaimItem): boolean {
    const claimedAt = Date.parse(claim.claimedAt);
    return !Number.isFinite(claimedAt) || options.clock.now().getTime() - claimedAt >= options.staleAfterMs;
  }

  return {
    async claim(email, userId) {
      const normalized = normalizeEmail(email);
      const id = emailClaimIdOf(normalized);
      const item = (): EmailClaimItem => ({ id, email: normalized, userId, claimedAt: options.clock.now().toISOString() });
      for (let attempt = 0; attempt < claimAttempts; attempt += 1) {
        try {
          await claims.items.create<EmailClaimItem>(item());
          return true;
        } catch (error) {
          if (!isCosmosConflict(error)) throw error;
        }
        const existing = await readItemOrNull<EmailClaimItem>(claims, id, id);
        if (existing === null) continue; // released meanwhile: create again
        if (existing.userId === userId) return false;
        if (!isStale(existing) || (await isLive(existing))) throw emailTaken(normalized);
        try {
          await claims.item(id, id).replace<EmailClaimItem>(item(), { accessCondition: { type: "IfMatch", condition: existing._etag } });
          return true;
        } catch (error) {
          // Another claimer took it over or released it first: look again.
          if (!isCosmosPreconditionFailed(error)) throw error;
        }
      }
      throw emailTaken(normalized);
    },

    async release(email, userId) {
      const id = emailClaimIdOf(email);
      const existing = await readItemOrNull<EmailClaimItem>(claims, id, id);
      if (existing === null || existing.userId !== userId) return;
      // Conditional: a claimer that took the orphan over in the meantime keeps it.
      await deleteItemIfPresent(claims, id, id, existing._etag);
    },

    async releaseAllOf(userId) {
      const held = await queryAll<EmailClaimItem & { _etag: string }>(claims, {
        query: "SELECT * FROM c WHERE c.userId = @userId",
        parameters: [{ name: "@userId", value: userId }],
      });
      for (const claim of held) await deleteItemIfPresent(claims, claim.id, claim.id, claim._etag);
    },

    async holderOf(email) {
      const id = emailClaimIdOf(email);
      return (await readItemOrNull<EmailClaimItem>(claims, id, id))?.userId ?? null;
    },

    async sweep() {
      const cutoff = new Date(options.clock.now().getTime() - options.staleAfterMs).toISOString();
      const old = await queryAll<EmailClaimItem & { _etag: string }>(claims, {
        query: "SELECT * FROM c WHERE c.claimedAt <= @cutoff",
        parameters: [{ name: "@cutoff", value: cutoff }],
      });
      let swept = 0;
      for (const claim of old) {
        if (await isLive(claim)) continue;
        if (await deleteItemIfPresent(claims, claim.id, claim.id, claim._etag)) swept += 1;
      }
      return swept;
    },
  };
}
