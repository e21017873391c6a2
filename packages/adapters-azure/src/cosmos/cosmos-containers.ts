import type { IndexingPolicy } from "@azure/cosmos";
import type { CosmosContext } from "./cosmos-client.ts";
import { isCosmosConflict, isCosmosNotFound, withCosmosErrors } from "./cosmos-errors.ts";
import { ConfideError } from "@confide/core/ports";

/** One container of the database, as `prepare()` creates it. */
export interface CosmosContainerDefinition {
  id: string;
  /** e.g. `/sessionId`: every item of the container has this property. */
  partitionKeyPath: string;
  /** Default: Cosmos DB's (every path, consistent). */
  indexingPolicy?: IndexingPolicy;
  /** Seconds; -1 = items expire only when they carry a `ttl` of their own. Default: no expiry. */
  defaultTtl?: number;
  /** Unique keys within a logical partition. */
  uniqueKeyPaths?: string[][];
}

/** The sessions container: a session item and its content chunk items share the session's partition. */
export const sessionsContainerId = "sessions";

/** Users, partition key `/id`: a user is a point read; lists fan out ordered by (nameKey, id). */
export const usersContainerId = "users";
/** Email claims, partition key `/id` = the normalised email: the one place an email is unique. */
export const emailClaimsContainerId = "email-claims";
/** Care relations, partition key `/therapistId`, item id = the patient's id. */
export const careRelationsContainerId = "care-relations";
/** Refresh tokens, partition key `/id`: the token item's id is its hash, a pointer item's is `id:<token id>`. */
export const refreshTokensContainerId = "refresh-tokens";
/** Push devices, partition key `/userId`: a user's devices are one partition. */
export const devicesContainerId = "devices";
/** Push-token index, partition key `/id` = sha256 of the token: a token belongs to one device. */
export const deviceTokensContainerId = "device-tokens";
/** Audit events, partition key `/id`: appends spread over every partition; lists fan out by (at, id). */
export const auditEventsContainerId = "audit-events";

/**
 * Consent records, partition key `/patientId`, item id = the record's sequence: a patient's history
 * (read before every upload and pipeline step) is one partition, and a place in it is unique there.
 */
export const consentRecordsContainerId = "consent-records";

/** Every path indexed except the system `_etag`, plus the composite indexes an ORDER BY on two paths needs. */
function indexedWith(compositeIndexes: IndexingPolicy["compositeIndexes"], excluded: string[] = []): IndexingPolicy {
  return {
    indexingMode: "consistent",
    automatic: true,
    includedPaths: [{ path: "/*" }],
    excludedPaths: [...excluded.map((path) => ({ path })), { path: '/"_etag"/?' }],
    ...(compositeIndexes === undefined ? {} : { compositeIndexes }),
  };
}

/** Legal holds, partition key `/id`: a hold is a point read; a patient's few holds are one query. */
export const legalHoldsContainerId = "legal-holds";

/** Containers of users, tokens, devices, consent records, audit events and legal holds (README.md, "Partition keys"). */
const accountContainerDefinitions: readonly CosmosContainerDefinition[] = [
  {
    id: usersContainerId,
    partitionKeyPath: "/id",
    indexingPolicy: indexedWith(
      [
        [
          { path: "/nameKey", order: "ascending" },
          { path: "/id", order: "ascending" },
        ],
      ],
      ["/passwordHash/?"],
    ),
  },
  { id: emailClaimsContainerId, partitionKeyPath: "/id" },
  { id: careRelationsContainerId, partitionKeyPath: "/therapistId" },
  // -1: no default expiry; each token item carries a `ttl` until its expiry.
  { id: refreshTokensContainerId, partitionKeyPath: "/id", defaultTtl: -1 },
  { id: devicesContainerId, partitionKeyPath: "/userId" },
  { id: consentRecordsContainerId, partitionKeyPath: "/patientId" },
  { id: deviceTokensContainerId, partitionKeyPath: "/id" },
  {
    id: auditEventsContainerId,
    partitionKeyPath: "/id",
    indexingPolicy: indexedWith(
      [
        [
          { path: "/at", order: "descending" },
          { path: "/id", order: "descending" },
        ],
      ],
      ["/detail/*"],
    ),
  },
  // The reason is read, never filtered on.
  { id: legalHoldsContainerId, partitionKeyPath: "/id", indexingPolicy: indexedWith(undefined, ["/reason/?"]) },
];

/**
 * Every container of the Cosmos repositories, in the order `prepare()` creates them. Each
 * repository module adds its own entry here (one list, one place).
 */
export const cosmosContainerDefinitions: readonly CosmosContainerDefinition[] = [
  {
    id: sessionsContainerId,
    partitionKeyPath: "/sessionId",
    indexingPolicy: {
      indexingMode: "consistent",
      automatic: true,
      includedPaths: [{ path: "/*" }],
      // The stored session and its content (chunk items' text) are read whole, never filtered on.
      excludedPaths: [{ path: "/document/*" }, { path: "/text/?" }, { path: '/"_etag"/?' }],
    },
  },
  ...accountContainerDefinitions,
];

function refuse(message: string): ConfideError {
  return new ConfideError("internal", message, { details: { dependency: "cosmos" } });
}

/**
 * Creates the database and each container of `definitions` that does not exist yet, and checks
 * that an existing container has the partition key this version uses (which Cosmos DB cannot
 * change). Safe to run again and from several processes at once (a creation raced by another
 * process counts as existing).
 * @returns what it created, e.g. `["database confide", "container sessions"]`; empty when nothing was missing.
 * @throws ConfideError `internal` when a container exists with another partition key,
 * `dependency.unavailable` when Cosmos DB cannot be reached.
 */
export async function prepareCosmosContainers(
  context: CosmosContext,
  definitions: readonly CosmosContainerDefinition[] = cosmosContainerDefinitions,
): Promise<string[]> {
  const created: string[] = [];
  await withCosmosErrors("prepare the database", async () => {
    if (await createIfMissing(() => context.database.read(), () => context.client.databases.create({ id: context.databaseId }))) {
      created.push(`database ${context.databaseId}`);
    }
    for (const definition of definitions) {
      const made = await createIfMissing(
        async () => {
          const { resource } = await context.container(definition.id).read();
          const paths = resource?.partitionKey?.paths ?? [];
          if (paths.length !== 1 || paths[0] !== definition.partitionKeyPath) {
            throw refuse(
              `The Cosmos DB container ${definition.id} is partitioned by ${paths.join(", ") || "nothing"}, not ${definition.partitionKeyPath}: move its items to a new container.`,
            );
          }
        },
        () =>
          context.database.containers.create({
            id: definition.id,
            partitionKey: { paths: [definition.partitionKeyPath] },
            ...(definition.indexingPolicy === undefined ? {} : { indexingPolicy: definition.indexingPolicy }),
            ...(definition.defaultTtl === undefined ? {} : { defaultTtl: definition.defaultTtl }),
            ...(definition.uniqueKeyPaths === undefined
              ? {}
              : { uniqueKeyPolicy: { uniqueKeys: definition.uniqueKeyPaths.map((paths) => ({ paths })) } }),
          }),
      );
      if (made) created.push(`container ${definition.id}`);
    }
  });
  return created;
}

/** Reads; on 404 creates. @returns true when this call created it (a 409 race means another did). */
async function createIfMissing(read: () => Promise<unknown>, create: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return false;
  } catch (error) {
    if (!isCosmosNotFound(error)) throw error;
  }
  try {
    await create();
    return true;
  } catch (error) {
    if (isCosmosConflict(error)) {
      await read();
      return false;
    }
    throw error;
  }
}
