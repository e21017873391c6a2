import type { Container, SqlParameter } from "@azure/cosmos";
import { decodeCursor, fetchSizeOf, fromVoiceDocument, isNoteFormat, normalizeEmail, pageOfRows, systemClock, toVoiceDocument } from "@confide/core/adapter-kit";
import { type CareRelation, type Clock, ConfideError, type Page, type Role, type User, type UserQuery, type UserRepository, type VoiceEnrolmentDocument } from "@confide/core/ports";
import type { CosmosContext } from "./cosmos-client.ts";
import { careRelationsContainerId, usersContainerId } from "./cosmos-containers.ts";
import { cosmosEmailClaims, defaultEmailClaimStaleAfterMs, type EmailClaims } from "./cosmos-email-claims.ts";
import { isCosmosConflict, isCosmosNotFound, withCosmosErrors } from "./cosmos-errors.ts";
import { compareOrdinal, deleteItemIfPresent, queryAll, queryUpTo, readItemOrNull, retryOnRace, type CosmosSystemFields } from "./cosmos-items.ts";

export interface CosmosUserRepositoryOptions {
  /** Ages email claims (default: the system clock). */
  clock?: Clock;
  /** An orphan email claim older than this may be taken over (default 5 minutes). */
  emailClaimStaleAfterMs?: number;
  /** What `close()` does (default: closes the context; the bundle passes its shared close). */
  close?: () => Promise<void>;
}

interface UserItem {
  id: string;
  /** Normalised. */
  email: string;
  displayName: string;
  /** `displayName` lower-cased: the sort key of lists. */
  nameKey: string;
  role: Role;
  passwordHash: string;
  consent: { terms: string; agreedAt: string } | null;
  active: boolean;
  tokenGeneration: number;
  /** The voice enrolment, dates as ISO text; absent when none. */
  voice?: VoiceEnrolmentDocument;
  /** A therapist's default note format; absent when none is set. */
  defaultNoteFormat?: string;
  createdAt: string;
  updatedAt: string;
}

interface RelationItem {
  /** The patient's id: unique inside the therapist's partition, so linking twice answers 409. */
  id: string;
  therapistId: string;
  patientId: string;
  createdAt: string;
}

const cursorKind = "users";

function toItem(user: User, tokenGeneration: number): UserItem {
  return {
    id: user.id,
    email: normalizeEmail(user.email),
    displayName: user.displayName,
    nameKey: user.displayName.toLowerCase(),
    role: user.role,
    passwordHash: user.passwordHash,
    consent: user.consent === null ? null : { terms: user.consent.terms, agreedAt: user.consent.agreedAt.toISOString() },
    active: user.active,
    tokenGeneration,
    ...(user.voice === undefined ? {} : { voice: toVoiceDocument(user.voice) }),
    ...(user.defaultNoteFormat === undefined ? {} : { defaultNoteFormat: user.defaultNoteFormat }),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

function toUser(item: UserItem): User {
  return {
    id: item.id,
    email: item.email,
    displayName: item.displayName,
    role: item.role,
    passwordHash: item.passwordHash,
    consent: item.consent === null ? null : { terms: item.consent.terms, agreedAt: new Date(item.consent.agreedAt) },
    active: item.active,
    tokenGeneration: item.tokenGeneration,
    ...(item.voice === undefined || item.voice === null ? {} : { voice: fromVoiceDocument(item.voice) }),
    ...(isNoteFormat(item.defaultNoteFormat) ? { defaultNoteFormat: item.defaultNoteFormat } : {}),
    createdAt: new Date(item.createdAt),
    updatedAt: new Date(item.updatedAt),
  };
}

function toRelation(item: RelationItem): CareRelation {
  return { therapistId: item.therapistId, patientId: item.patientId, createdAt: new Date(item.createdAt) };
}

function userNotFound(id: string, cause?: unknown): ConfideError {
  return new ConfideError("user.not_found", "The user does not exist.", { ...(cause === undefined ? {} : { cause }), details: { userId: id } });
}

/**
 * UserRepository on Cosmos DB for NoSQL: users in `users` (partition `/id`: `get` is a point
 * read), emails unique through claim items in `email-claims` (cosmos-email-claims.ts), care
 * relations in `care-relations` (partition `/therapistId`). Lists fan out over the users'
 * partitions ordered by (lower-cased display name, id) and page by that key.
 * @returns the repository; its errors are the port's or `dependency.unavailable` (cosmos-errors.ts).
 */
export function createCosmosUserRepository(context: CosmosContext, options: CosmosUserRepositoryOptions = {}): UserRepository & {
  /** Deletes orphan email claims older than the stale age. @returns how many. */
  sweepEmailClaims(): Promise<number>;
} {
  const users: Container = context.container(usersContainerId);
  const relations: Container = context.container(careRelationsContainerId);
  const claims: EmailClaims = cosmosEmailClaims(context, {
    clock: options.clock ?? systemClock,
    staleAfterMs: options.emailClaimStaleAfterMs ?? defaultEmailClaimStaleAfterMs,
  });

  const readUser = (id: string) => readItemOrNull<UserItem>(users, id, id);

  /** The relations in which the user is therapist (one partition) or patient (a fan-out). */
  const relationItemsOf = (userId: string) =>
    queryAll<RelationItem>(relations, {
      query: "SELECT * FROM c WHERE c.therapistId = @userId OR c.patientId = @userId",
      parameters: [{ name: "@userId", value: userId }],
    });

  /** One page of users matching `conditions` (and the query's role, text and cursor), in list order. */
  async function page(conditions: string[], parameters: SqlParameter[], query: Omit<UserQuery, "role"> & { role?: Role }): Promise<Page<User>> {
    const fetchSize = fetchSizeOf(query.limit);
    const where = [...conditions];
    if (query.role !== undefined) {
      where.push("c.role = @role");
      parameters.push({ name: "@role", value: query.role });
    }
    const text = query.text?.trim() ?? "";
    if (text !== "") {
      where.push("(CONTAINS(c.nameKey, @text) OR CONTAINS(c.email, @text))");
      parameters.push({ name: "@text", value: text.toLowerCase() });
    }
    if (query.cursor !== undefined) {
      const [nameKey, id] = decodeCursor(cursorKind, query.cursor, ["string", "string"]);
      where.push("(c.nameKey > @afterName OR (c.nameKey = @afterName AND c.id > @afterId))");
      parameters.push({ name: "@afterName", value: nameKey }, { name: "@afterId", value: id });
    }
    const items = await queryUpTo<UserItem>(
      users,
      {
        query: `SELECT * FROM c ${where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`} ORDER BY c.nameKey, c.id`,
        parameters,
      },
      fetchSize,
    );
    return pageOfRows(items, query.limit, { kind: cursorKind, positionOf: (item) => [item.nameKey, item.id] }, toUser);
  }

  /** Reads the user, applies `change` and writes it back if nobody wrote meanwhile; on 412 all again. */
  function rewrite(id: string, change: (current: UserItem & CosmosSystemFields) => Promise<UserItem>): Promise<UserItem> {
    return retryOnRace(async () => {
      const current = await readUser(id);
      if (current === null) throw userNotFound(id);
      const next = await change(current);
      try {
        await users.item(id, id).replace<UserItem>(next, { accessCondition: { type: "IfMatch", condition: current._etag } });
      } catch (error) {
        if (isCosmosNotFound(error)) throw userNotFound(id, error);
        throw error;
      }
      return next;
    });
  }

  return {
    create: (user) =>
      withCosmosErrors("create a user", async () => {
        const email = normalizeEmail(user.email);
        const claimed = await claims.claim(email, user.id);
        try {
          await users.items.create<UserItem>(toItem(user, user.tokenGeneration));
        } catch (error) {
          // The claim this call made goes with the failed write; one that was already this id's stays.
          if (claimed) await claims.release(email, user.id);
          if (isCosmosConflict(error)) {
            throw new ConfideError("validation.invalid_input", "A user with this id exists.", { cause: error, details: { userId: user.id } });
          }
          throw error;
        }
      }),

    get: (id) =>
      withCosmosErrors("read a user", async () => {
        const item = await readUser(id);
        return item === null ? null : toUser(item);
      }),

    getByEmail: (email) =>
      withCosmosErrors("find a user by email", async () => {
        const normalized = normalizeEmail(email);
        const holder = await claims.holderOf(normalized);
        if (holder === null) return null;
        const item = await readUser(holder);
        // An orphan claim (its user gone or moved to another email) finds no one.
        return item === null || item.email !== normalized ? null : toUser(item);
      }),

    update: (user) =>
      withCosmosErrors("update a user", async () => {
        const email = normalizeEmail(user.email);
        const claimedNew: string[] = [];
        let previousEmail = email;
        try {
          await rewrite(user.id, async (current) => {
            previousEmail = current.email;
            // The new email is claimed before the user names it; the old one is released after.
            if (current.email !== email && (await claims.claim(email, user.id))) claimedNew.push(email);
            // tokenGeneration is revokeAccessTokens' alone: the stored one is kept.
            return toItem(user, current.tokenGeneration);
          });
        } catch (error) {
          for (const claimed of claimedNew) await claims.release(claimed, user.id);
          throw error;
        }
        if (previousEmail !== email) await claims.release(previousEmail, user.id);
      }),

    revokeAccessTokens: (id) =>
      withCosmosErrors("revoke a user's access tokens", async () => {
        try {
          // `incr` is applied atomically by Cosmos DB: concurrent calls each add one.
          const { resource } = await users.item(id, id).patch<UserItem>([{ op: "incr", path: "/tokenGeneration", value: 1 }]);
          if (resource === undefined) throw userNotFound(id);
          return resource.tokenGeneration;
        } catch (error) {
          if (isCosmosNotFound(error)) throw userNotFound(id, error);
          throw error;
        }
      }),

    delete: (id) =>
      withCosmosErrors("delete a user", async () => {
        // Relations, then the email claims, then the user last: while the user item exists an
        // interrupted delete (or erasure) finds it and can be run again to the end.
        for (const relation of await relationItemsOf(id)) {
          await deleteItemIfPresent(relations, relation.id, relation.therapistId);
        }
        await claims.releaseAllOf(id);
        await deleteItemIfPresent(users, id, id);
      }),

    list: (query) => withCosmosErrors("list users", () => page([], [], query)),

    link: (relation) =>
      withCosmosErrors("link a therapist and a patient", async () => {
        const item: RelationItem = {
          id: relation.patientId,
          therapistId: relation.therapistId,
          patientId: relation.patientId,
          createdAt: relation.createdAt.toISOString(),
        };
        try {
          await relations.items.create<RelationItem>(item);
        } catch (error) {
          // Linked already: the first link (and its createdAt) stays.
          if (!isCosmosConflict(error)) throw error;
        }
      }),

    unlink: (therapistId, patientId) =>
      withCosmosErrors("unlink a therapist and a patient", async () => {
        await deleteItemIfPresent(relations, patientId, therapistId);
      }),

    isLinked: (therapistId, patientId) =>
      withCosmosErrors("check a care relation", async () => (await readItemOrNull<RelationItem>(relations, patientId, therapistId)) !== null),

    relationsOf: (userId) =>
      withCosmosErrors("list a user's care relations", async () =>
        (await relationItemsOf(userId))
          .sort((a, b) => compareOrdinal(a.createdAt, b.createdAt) || compareOrdinal(a.therapistId, b.therapistId) || compareOrdinal(a.patientId, b.patientId))
          .map(toRelation),
      ),

    listPatients: (therapistId, query) =>
      withCosmosErrors("list a therapist's patients", async () => {
        fetchSizeOf(query.limit); // a bad limit is refused also for a therapist without patients
        const linked = await queryAll<{ patientId: string }>(
          relations,
          { query: "SELECT c.patientId FROM c WHERE c.therapistId = @therapistId", parameters: [{ name: "@therapistId", value: therapistId }] },
          { partitionKey: therapistId },
        );
        if (linked.length === 0) return { items: [], nextCursor: null };
        return page(["ARRAY_CONTAINS(@patientIds, c.id)"], [{ name: "@patientIds", value: linked.map((row) => row.patientId) }], query);
      }),

    sweepEmailClaims: () => withCosmosErrors("sweep orphan email claims", () => claims.sweep()),

    close: options.close ?? (() => context.close()),
  };

}
