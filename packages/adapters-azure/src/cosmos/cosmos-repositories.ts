import { unsupportedDatabaseSnapshots } from "@confide/core/adapter-kit";
import { ConfideError, type Repositories } from "@confide/core/ports";
import { createCosmosAuditLog } from "./cosmos-audit-log.ts";
import { createCosmosContext, type CosmosContext } from "./cosmos-client.ts";
import type { CosmosSettings } from "./settings.ts";
import { createCosmosConsentRepository } from "./cosmos-consent-repository.ts";
import { prepareCosmosContainers } from "./cosmos-containers.ts";
import { createCosmosDeviceRepository } from "./cosmos-device-repository.ts";
import { createCosmosLegalHoldRepository } from "./cosmos-legal-hold-repository.ts";
import { toCosmosError } from "./cosmos-errors.ts";
import { backfillRetentionFields, createCosmosSessionRepository, type CosmosSessionRepositoryOptions } from "./cosmos-session-repository.ts";
import { createCosmosTokenRepository } from "./cosmos-token-repository.ts";
import { createCosmosUserRepository } from "./cosmos-user-repository.ts";

export interface CosmosRepositoriesOptions {
  /** Options of the session repository (tests: small query pages, small word chunks). */
  sessions?: Omit<CosmosSessionRepositoryOptions, "close">;
}

/**
 * The persistence ports over one Cosmos DB database, sharing one client (cosmos-client.ts).
 * `prepare()` creates the database and the containers that are missing (cosmos-containers.ts;
 * `confide migrate` runs it) and returns what it created. `check()` reads the database's own
 * resource (no item of Confide's), bounded by the request timeout and the caller's signal.
 * The client closes when the bundle or the last of its repositories is closed.
 * @returns the bundle over `context`.
 */
export function createCosmosRepositoriesOn(context: CosmosContext, options: CosmosRepositoriesOptions = {}): Repositories {
  let open = 7;
  const closeAll = () => context.close();
  const releaser = () => {
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      open -= 1;
      if (open === 0) await closeAll();
    };
  };
  return {
    sessions: createCosmosSessionRepository(context, { ...options.sessions, close: releaser() }),
    users: createCosmosUserRepository(context, { close: releaser() }),
    tokens: createCosmosTokenRepository(context, { close: releaser() }),
    devices: createCosmosDeviceRepository(context, { close: releaser() }),
    audit: createCosmosAuditLog(context, { close: releaser() }),
    holds: createCosmosLegalHoldRepository(context, { close: releaser() }),
    consents: createCosmosConsentRepository(context, { close: releaser() }),
    snapshots: unsupportedDatabaseSnapshots("Cosmos DB", "use its continuous backup (point-in-time restore) and the blob store's own versioning."),
    async prepare() {
      const created = await prepareCosmosContainers(context);
      // Sessions written before retention get the fields its sweep filters on (none once done).
      await backfillRetentionFields(context);
      return created;
    },
    async check(checkOptions = {}) {
      try {
        await context.database.read(checkOptions.signal === undefined ? {} : { abortSignal: checkOptions.signal });
      } catch (error) {
        const mapped = toCosmosError(error, "answer a readiness check");
        if (ConfideError.is(mapped)) throw mapped;
        throw new ConfideError("dependency.unavailable", "Cosmos DB does not answer.", {
          retryable: true,
          cause: error,
          details: { dependency: "cosmos" },
        });
      }
    },
    close: closeAll,
  };
}

/**
 * Creates the client for `settings` (the SDK loads here) and the bundle over it. Nothing is sent
 * until the first call; run `prepare()` once at start-up.
 * @returns the repositories with prepare/check/close.
 * @throws ConfideError `validation.invalid_input` naming the first bad setting.
 */
export async function createCosmosRepositories(settings: CosmosSettings, options: CosmosRepositoriesOptions = {}): Promise<Repositories> {
  return createCosmosRepositoriesOn(await createCosmosContext(settings), options);
}
