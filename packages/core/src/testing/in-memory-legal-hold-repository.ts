import type { LegalHold } from "../domain/legal-hold.ts";
import { ConfideError } from "../errors.ts";
import type { LegalHoldRepository } from "../ports/legal-hold-repository.ts";

export function createInMemoryLegalHoldRepository(): LegalHoldRepository {
  const rows = new Map<string, LegalHold>();
  return {
    async create(hold) {
      if (rows.has(hold.id)) {
        throw new ConfideError("validation.invalid_input", "A legal hold with this id exists.", { details: { field: "id" } });
      }
      rows.set(hold.id, structuredClone(hold));
    },
    async get(id) {
      const row = rows.get(id);
      return row ? structuredClone(row) : null;
    },
    async release(id, release) {
      const row = rows.get(id);
      if (!row) throw new ConfideError("legal_hold.not_found", "No such legal hold.", { details: { holdId: id } });
      if (row.releasedAt === null) rows.set(id, { ...row, releasedAt: new Date(release.releasedAt), releasedBy: release.releasedBy });
      return structuredClone(rows.get(id) as LegalHold);
    },
    async listByPatient(patientId, options = {}) {
      return [...rows.values()]
        .filter((hold) => hold.patientId === patientId && (!options.activeOnly || hold.releasedAt === null))
        .sort((a, b) => b.setAt.getTime() - a.setAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .map((hold) => structuredClone(hold));
    },
    async close() {},
  };
}
