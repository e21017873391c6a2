import type { Container } from "@azure/cosmos";
import { ConfideError, type ConsentMethod, type ConsentRecord, type ConsentRepository, type ConsentScopeEntry, type Role } from "@confide/core/ports";
import type { CosmosContext } from "./cosmos-client.ts";
import { consentRecordsContainerId } from "./cosmos-containers.ts";
import { isCosmosConflict, withCosmosErrors } from "./cosmos-errors.ts";
import { queryAll, retryOnRace, type CosmosSystemFields } from "./cosmos-items.ts";

export interface CosmosConsentRepositoryOptions {
  /** What `close()` does (default: closes the context; the bundle passes its shared close). */
  close?: () => Promise<void>;
}

interface ConsentItem {
  /** The record's place in the history, fixed-width: unique in the partition, so a second append there answers 409. */
  id: string;
  /** The partition key: a patient's history is one partition. */
  patientId: string;
  recordId: string;
  sequence: number;
  kind: "grant" | "withdrawal";
  at: string;
  recordedBy: string;
  recordedByRole: Role;
  scopes: ConsentScopeEntry[];
  form?: { version: string; textSha256: string };
  method?: ConsentMethod;
  reason?: string | null;
  eraseSessions?: boolean;
}

const itemIdOf = (sequence: number) => String(sequence).padStart(10, "0");

function toItem(record: ConsentRecord): ConsentItem {
  const base = {
    id: itemIdOf(record.sequence),
    patientId: record.patientId,
    recordId: record.id,
    sequence: record.sequence,
    kind: record.kind,
    at: record.at.toISOString(),
    recordedBy: record.recordedBy,
    recordedByRole: record.recordedByRole,
    scopes: record.scopes,
  };
  return record.kind === "grant"
    ? { ...base, form: record.form, method: record.method }
    : { ...base, reason: record.reason, eraseSessions: record.eraseSessions };
}

function toRecord(item: ConsentItem): ConsentRecord {
  const base = {
    id: item.recordId,
    patientId: item.patientId,
    sequence: item.sequence,
    at: new Date(item.at),
    recordedBy: item.recordedBy,
    recordedByRole: item.recordedByRole,
    scopes: item.scopes,
  };
  return item.kind === "grant"
    ? { ...base, kind: "grant", form: item.form as { version: string; textSha256: string }, method: item.method as ConsentMethod }
    : { ...base, kind: "withdrawal", reason: item.reason ?? null, eraseSessions: item.eraseSessions === true };
}

const conflict = (record: ConsentRecord, cause?: unknown) =>
  new ConfideError("consent.conflict", "The consent history changed meanwhile; read it again.", {
    ...(cause === undefined ? {} : { cause }),
    details: { patientId: record.patientId, sequence: record.sequence },
  });

/**
 * ConsentRepository on Cosmos DB for NoSQL: `consent-records`, partition `/patientId`, item id =
 * the record's sequence (10 digits). A patient's history — what every upload and pipeline step
 * reads — is one single-partition query; an append at a taken place answers 409 inside the
 * partition (`consent.conflict`), so histories need no cross-partition uniqueness.
 * @returns the repository; its other errors are `dependency.unavailable` (cosmos-errors.ts).
 */
export function createCosmosConsentRepository(context: CosmosContext, options: CosmosConsentRepositoryOptions = {}): ConsentRepository {
  const records: Container = context.container(consentRecordsContainerId);

  const historyItems = (patientId: string) =>
    queryAll<ConsentItem & CosmosSystemFields>(
      records,
      { query: "SELECT * FROM c WHERE c.patientId = @patientId", parameters: [{ name: "@patientId", value: patientId }] },
      { partitionKey: patientId },
    );

  return {
    append(record) {
      return withCosmosErrors("append a consent record", async () => {
        const history = await historyItems(record.patientId);
        if (history.some((item) => item.recordId === record.id)) throw conflict(record);
        try {
          await records.items.create<ConsentItem>(toItem(record));
        } catch (error) {
          if (isCosmosConflict(error)) throw conflict(record, error);
          throw error;
        }
        return structuredClone(record);
      });
    },

    history(patientId) {
      return withCosmosErrors("read a consent history", async () =>
        (await historyItems(patientId)).sort((a, b) => a.sequence - b.sequence).map(toRecord),
      );
    },

    eraseReasons(patientId) {
      return withCosmosErrors("erase consent reasons", async () => {
        let erased = 0;
        for (const item of await historyItems(patientId)) {
          if (item.kind !== "withdrawal" || item.reason === null || item.reason === undefined) continue;
          await retryOnRace(() =>
            records.item(item.id, patientId).patch({ operations: [{ op: "set", path: "/reason", value: null }] }),
          );
          erased += 1;
        }
        return erased;
      });
    },

    close: options.close ?? (() => context.close()),
  };
}
