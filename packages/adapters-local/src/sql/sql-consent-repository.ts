import { ConfideError, type ConsentMethod, type ConsentRecord, type ConsentRepository, type ConsentScopeEntry, type Role } from "@confide/core/ports";
import { isUniqueViolation } from "../postgres/postgres-errors.ts";
import type { SqlClient } from "./sql-client.ts";
import type { SqlRepositoryOptions } from "./sql-session-repository.ts";

interface ConsentRow {
  patient_id: string;
  sequence: number;
  id: string;
  kind: "grant" | "withdrawal";
  at: Date;
  recorded_by: string;
  recorded_by_role: Role;
  scopes: ConsentScopeEntry[] | string;
  form_version: string | null;
  form_text_sha256: string | null;
  method: ConsentMethod | null;
  reason: string | null;
  erase_sessions: boolean | null;
}

function toRecord(row: ConsentRow): ConsentRecord {
  const base = {
    id: row.id,
    patientId: row.patient_id,
    sequence: Number(row.sequence),
    at: row.at,
    recordedBy: row.recorded_by,
    recordedByRole: row.recorded_by_role,
    scopes: typeof row.scopes === "string" ? (JSON.parse(row.scopes) as ConsentScopeEntry[]) : row.scopes,
  };
  if (row.kind === "grant") {
    return {
      ...base,
      kind: "grant",
      form: { version: row.form_version as string, textSha256: row.form_text_sha256 as string },
      method: row.method as ConsentMethod,
    };
  }
  return { ...base, kind: "withdrawal", reason: row.reason, eraseSessions: row.erase_sessions === true };
}

/** ConsentRepository over SQL: `confide_consent_records`, keyed by (patient, sequence). */
export function createSqlConsentRepository(client: SqlClient, options: SqlRepositoryOptions = {}): ConsentRepository {
  return {
    async append(record) {
      const grant = record.kind === "grant" ? record : null;
      const withdrawal = record.kind === "withdrawal" ? record : null;
      try {
        await client.query(
          `INSERT INTO confide_consent_records
             (patient_id, sequence, id, kind, at, recorded_by, recorded_by_role, scopes, form_version, form_text_sha256,
              method, reason, erase_sessions)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13)`,
          [
            record.patientId,
            record.sequence,
            record.id,
            record.kind,
            record.at,
            record.recordedBy,
            record.recordedByRole,
            JSON.stringify(record.scopes),
            grant?.form.version ?? null,
            grant?.form.textSha256 ?? null,
            grant?.method ?? null,
            withdrawal?.reason ?? null,
            withdrawal === null ? null : withdrawal.eraseSessions,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConfideError("consent.conflict", "The consent history changed meanwhile; read it again.", {
            cause: error,
            details: { patientId: record.patientId, sequence: record.sequence },
          });
        }
        throw error;
      }
      return structuredClone(record);
    },

    async history(patientId) {
      const rows = await client.query<ConsentRow>(
        "SELECT * FROM confide_consent_records WHERE patient_id = $1 ORDER BY sequence",
        [patientId],
      );
      return rows.map(toRecord);
    },

    async eraseReasons(patientId) {
      const erased = await client.query<{ id: string }>(
        `UPDATE confide_consent_records SET reason = NULL
         WHERE patient_id = $1 AND kind = 'withdrawal' AND reason IS NOT NULL
         RETURNING id`,
        [patientId],
      );
      return erased.length;
    },

    close: options.close ?? (() => client.close()),
  };
}
