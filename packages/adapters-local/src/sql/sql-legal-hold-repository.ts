import { ConfideError, type LegalHold, type LegalHoldRepository, type Role } from "@confide/core/ports";
import type { SqlClient } from "./sql-client.ts";
import type { SqlRepositoryOptions } from "./sql-session-repository.ts";

interface HoldRow {
  id: string;
  patient_id: string;
  session_id: string | null;
  reason: string;
  set_at: Date;
  set_by: string;
  set_by_role: Role;
  released_at: Date | null;
  released_by: string | null;
}

function toHold(row: HoldRow): LegalHold {
  return {
    id: row.id,
    patientId: row.patient_id,
    sessionId: row.session_id,
    reason: row.reason,
    setAt: row.set_at,
    setBy: row.set_by,
    setByRole: row.set_by_role,
    releasedAt: row.released_at,
    releasedBy: row.released_by,
  };
}

/** LegalHoldRepository over SQL (migrations/0008_retention.sql): rows are inserted and released, never deleted. */
export function createSqlLegalHoldRepository(client: SqlClient, options: SqlRepositoryOptions = {}): LegalHoldRepository {
  return {
    async create(hold) {
      const rows = await client.query(
        `INSERT INTO confide_legal_holds (id, patient_id, session_id, reason, set_at, set_by, set_by_role, released_at, released_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO NOTHING
         RETURNING id`,
        [hold.id, hold.patientId, hold.sessionId, hold.reason, hold.setAt, hold.setBy, hold.setByRole, hold.releasedAt, hold.releasedBy],
      );
      if (rows.length === 0) {
        throw new ConfideError("validation.invalid_input", "A legal hold with this id exists.", { details: { field: "id" } });
      }
    },

    async get(id) {
      const [row] = await client.query<HoldRow>("SELECT * FROM confide_legal_holds WHERE id = $1", [id]);
      return row === undefined ? null : toHold(row);
    },

    async release(id, release) {
      // One statement: of two releases at once, the first one's who and when stay.
      const [row] = await client.query<HoldRow>(
        `UPDATE confide_legal_holds
            SET released_at = coalesce(released_at, $2), released_by = CASE WHEN released_at IS NULL THEN $3 ELSE released_by END
          WHERE id = $1
          RETURNING *`,
        [id, release.releasedAt, release.releasedBy],
      );
      if (row === undefined) throw new ConfideError("legal_hold.not_found", "No such legal hold.", { details: { holdId: id } });
      return toHold(row);
    },

    async listByPatient(patientId, listOptions = {}) {
      const rows = await client.query<HoldRow>(
        `SELECT * FROM confide_legal_holds
          WHERE patient_id = $1 ${listOptions.activeOnly ? "AND released_at IS NULL" : ""}
          ORDER BY set_at DESC, id DESC`,
        [patientId],
      );
      return rows.map(toHold);
    },

    close: options.close ?? (() => client.close()),
  };
}
