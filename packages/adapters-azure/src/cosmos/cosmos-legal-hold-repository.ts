import type { Container } from "@azure/cosmos";
import { ConfideError, type LegalHold, type LegalHoldRepository, type Role } from "@confide/core/ports";
import type { CosmosContext } from "./cosmos-client.ts";
import { legalHoldsContainerId } from "./cosmos-containers.ts";
import { isCosmosConflict, withCosmosErrors } from "./cosmos-errors.ts";
import { queryAll, readItemOrNull, retryOnRace } from "./cosmos-items.ts";

export interface CosmosLegalHoldRepositoryOptions {
  /** What `close()` does (default: closes the context; the bundle passes its shared close). */
  close?: () => Promise<void>;
}

interface HoldItem {
  id: string;
  patientId: string;
  sessionId: string | null;
  reason: string;
  setAt: string;
  setBy: string;
  setByRole: Role;
  releasedAt: string | null;
  releasedBy: string | null;
  _etag?: string;
}

function toItem(hold: LegalHold): HoldItem {
  return {
    id: hold.id,
    patientId: hold.patientId,
    sessionId: hold.sessionId,
    reason: hold.reason,
    setAt: hold.setAt.toISOString(),
    setBy: hold.setBy,
    setByRole: hold.setByRole,
    releasedAt: hold.releasedAt === null ? null : hold.releasedAt.toISOString(),
    releasedBy: hold.releasedBy,
  };
}

function toHold(item: HoldItem): LegalHold {
  return {
    id: item.id,
    patientId: item.patientId,
    sessionId: item.sessionId,
    reason: item.reason,
    setAt: new Date(item.setAt),
    setBy: item.setBy,
    setByRole: item.setByRole,
    releasedAt: item.releasedAt === null ? null : new Date(item.releasedAt),
    releasedBy: item.releasedBy,
  };
}

/**
 * LegalHoldRepository on Cosmos DB for NoSQL (container `legal-holds`, partition key `/id`): a
 * hold is a point read and its id unique; a patient's holds are one query across partitions
 * (a patient has few). Releasing is a write conditional on the item's `_etag`, so of two
 * releases at once the first one's who and when stay. Items are never deleted.
 * @returns the repository; its errors are `dependency.unavailable` (cosmos-errors.ts).
 */
export function createCosmosLegalHoldRepository(context: CosmosContext, options: CosmosLegalHoldRepositoryOptions = {}): LegalHoldRepository {
  const container: Container = context.container(legalHoldsContainerId);
  const read = (id: string) => readItemOrNull<HoldItem>(container, id, id);

  return {
    create: (hold) =>
      withCosmosErrors("store a legal hold", async () => {
        try {
          await container.items.create<HoldItem>(toItem(hold));
        } catch (error) {
          if (!isCosmosConflict(error)) throw error;
          throw new ConfideError("validation.invalid_input", "A legal hold with this id exists.", { details: { field: "id" } });
        }
      }),

    async get(id) {
      const item = await withCosmosErrors("read a legal hold", () => read(id));
      return item === null ? null : toHold(item);
    },

    async release(id, release) {
      return withCosmosErrors("release a legal hold", () =>
        retryOnRace(async () => {
          const item = await read(id);
          if (item === null) throw new ConfideError("legal_hold.not_found", "No such legal hold.", { details: { holdId: id } });
          if (item.releasedAt !== null) return toHold(item);
          const released: HoldItem = { ...item, releasedAt: release.releasedAt.toISOString(), releasedBy: release.releasedBy };
          await container.item(id, id).replace<HoldItem>(released, { accessCondition: { type: "IfMatch", condition: item._etag ?? "" } });
          return toHold(released);
        }),
      );
    },

    async listByPatient(patientId, listOptions = {}) {
      const items = await withCosmosErrors("list legal holds", () =>
        queryAll<HoldItem>(container, {
          query: `SELECT * FROM c WHERE c.patientId = @patientId${listOptions.activeOnly ? " AND IS_NULL(c.releasedAt)" : ""}`,
          parameters: [{ name: "@patientId", value: patientId }],
        }),
      );
      // Sorted here: a patient has few holds, and no composite index is needed for them.
      return items
        .map(toHold)
        .sort((a, b) => b.setAt.getTime() - a.setAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    },

    close: options.close ?? (() => context.close()),
  };
}
