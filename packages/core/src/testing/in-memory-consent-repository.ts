import type { ConsentRecord } from "../domain/consent.ts";
import { ConfideError } from "../errors.ts";
import type { ConsentRepository } from "../ports/consent-repository.ts";

/** The reference ConsentRepository: histories in a map, copies in and out. */
export function createInMemoryConsentRepository(): ConsentRepository {
  const byPatient = new Map<string, ConsentRecord[]>();
  const ids = new Set<string>();
  return {
    async append(record) {
      const history = byPatient.get(record.patientId) ?? [];
      if (ids.has(record.id) || history.some((stored) => stored.sequence === record.sequence)) {
        throw new ConfideError("consent.conflict", "The consent history changed meanwhile; read it again.", {
          details: { patientId: record.patientId, sequence: record.sequence },
        });
      }
      history.push(structuredClone(record));
      byPatient.set(record.patientId, history);
      ids.add(record.id);
      return structuredClone(record);
    },
    async history(patientId) {
      return (byPatient.get(patientId) ?? []).toSorted((a, b) => a.sequence - b.sequence).map((record) => structuredClone(record));
    },
    async eraseReasons(patientId) {
      let erased = 0;
      for (const record of byPatient.get(patientId) ?? []) {
        if (record.kind === "withdrawal" && record.reason !== null) {
          record.reason = null;
          erased += 1;
        }
      }
      return erased;
    },
    async close() {},
  };
}
