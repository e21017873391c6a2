import { decodeCursor, fetchSizeOf, fromVoiceDocument, isNoteFormat, normalizeEmail, pageOfRows, toVoiceDocument } from "@confide/core/adapter-kit";
import { type CareRelation, ConfideError, type Page, type Role, type User, type UserQuery, type UserRepository, type VoiceEnrolmentDocument } from "@confide/core/ports";
import { isUniqueViolation } from "../postgres/postgres-errors.ts";
import type { SqlClient } from "./sql-client.ts";
import type { SqlRepositoryOptions } from "./sql-session-repository.ts";

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  consent_terms: string | null;
  consent_agreed_at: Date | null;
  active: boolean;
  token_generation: number;
  /** The voice enrolment as JSON (dates as ISO text), or null. */
  voice: VoiceEnrolmentDocument | string | null;
  /** A therapist's default note format, or null (none set). */
  default_note_format: string | null;
  created_at: Date;
  updated_at: Date;
}

interface RelationRow {
  therapist_id: string;
  patient_id: string;
  created_at: Date;
}

const userColumns =
  "u.id, u.email, u.display_name, u.role, u.password_hash, u.consent_terms, u.consent_agreed_at, u.active, u.token_generation, u.voice, u.default_note_format, u.created_at, u.updated_at";

/** The sort key of user lists: display name without case, byte-wise, then id. */
const nameKey = `lower(u.display_name) COLLATE "C"`;

const cursorKind = "users";

function toUser(row: UserRow): User {
  const voice = row.voice === null ? undefined : fromVoiceDocument(typeof row.voice === "string" ? (JSON.parse(row.voice) as VoiceEnrolmentDocument) : row.voice);
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    consent:
      row.consent_terms === null || row.consent_agreed_at === null
        ? null
        : { terms: row.consent_terms, agreedAt: row.consent_agreed_at },
    active: row.active,
    tokenGeneration: Number(row.token_generation),
    ...(voice === undefined ? {} : { voice }),
    ...(isNoteFormat(row.default_note_format) ? { defaultNoteFormat: row.default_note_format } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRelation(row: RelationRow): CareRelation {
  return { therapistId: row.therapist_id, patientId: row.patient_id, createdAt: row.created_at };
}

function emailTaken(email: string, cause: unknown): ConfideError {
  return new ConfideError("user.email_taken", "An account with this email exists.", {
    cause,
    details: { email },
  });
}

/** `%` and `_` are LIKE wildcards and `\` escapes them: match them literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** UserRepository over SQL. Emails are stored lower-cased under a unique index. */
export function createSqlUserRepository(client: SqlClient, options: SqlRepositoryOptions = {}): UserRepository {
  async function page(
    from: string,
    conditions: string[],
    params: unknown[],
    query: Omit<UserQuery, "role"> & { role?: Role },
  ): Promise<Page<User>> {
    const fetchSize = fetchSizeOf(query.limit);
    const where = [...conditions];
    const parameter = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.role !== undefined) where.push(`u.role = ${parameter(query.role)}`);
    if (query.text !== undefined && query.text.trim() !== "") {
      const pattern = parameter(containsPattern(query.text.trim()));
      where.push(`(u.display_name ILIKE ${pattern} ESCAPE '\\' OR u.email ILIKE ${pattern} ESCAPE '\\')`);
    }
    if (query.cursor !== undefined) {
      const [name, id] = decodeCursor(cursorKind, query.cursor, ["string", "string"]);
      where.push(`(${nameKey}, u.id) > (${parameter(name)}, ${parameter(id)})`);
    }
    const rows = await client.query<UserRow & { name_key: string }>(
      `SELECT ${userColumns}, ${nameKey} AS name_key FROM ${from}
       ${where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`}
       ORDER BY ${nameKey}, u.id
       LIMIT ${parameter(fetchSize)}`,
      params,
    );
    return pageOfRows(rows, query.limit, { kind: cursorKind, positionOf: (row) => [row.name_key, row.id] }, toUser);
  }

  const values = (user: User) => [
    user.id,
    normalizeEmail(user.email),
    user.displayName,
    user.role,
    user.passwordHash,
    user.consent?.terms ?? null,
    user.consent?.agreedAt ?? null,
    user.active,
    user.createdAt,
    user.updatedAt,
    user.voice === undefined ? null : JSON.stringify(toVoiceDocument(user.voice)),
    user.defaultNoteFormat ?? null,
  ];

  return {
    async create(user) {
      try {
        await client.query(
          `INSERT INTO confide_users
             (id, email, display_name, role, password_hash, consent_terms, consent_agreed_at, active, created_at, updated_at,
              voice, default_note_format, token_generation)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13)`,
          [...values(user), user.tokenGeneration],
        );
      } catch (error) {
        if (isUniqueViolation(error, "confide_users_email")) throw emailTaken(normalizeEmail(user.email), error);
        throw error;
      }
    },

    async get(id) {
      const [row] = await client.query<UserRow>(`SELECT ${userColumns} FROM confide_users u WHERE u.id = $1`, [id]);
      return row === undefined ? null : toUser(row);
    },

    async getByEmail(email) {
      const [row] = await client.query<UserRow>(`SELECT ${userColumns} FROM confide_users u WHERE lower(u.email) = $1`, [
        normalizeEmail(email),
      ]);
      return row === undefined ? null : toUser(row);
    },

    async update(user) {
      let rows: unknown[];
      try {
        rows = await client.query(
          `UPDATE confide_users
              SET email = $2, display_name = $3, role = $4, password_hash = $5, consent_terms = $6,
                  consent_agreed_at = $7, active = $8, created_at = $9, updated_at = $10, voice = $11::jsonb,
                  default_note_format = $12
            WHERE id = $1
            RETURNING id`,
          values(user),
        );
      } catch (error) {
        if (isUniqueViolation(error, "confide_users_email")) throw emailTaken(normalizeEmail(user.email), error);
        throw error;
      }
      if (rows.length === 0) {
        throw new ConfideError("user.not_found", "The user does not exist.", { details: { userId: user.id } });
      }
    },

    async revokeAccessTokens(id) {
      const [row] = await client.query<{ token_generation: number }>(
        "UPDATE confide_users SET token_generation = token_generation + 1 WHERE id = $1 RETURNING token_generation",
        [id],
      );
      if (row === undefined) throw new ConfideError("user.not_found", "The user does not exist.", { details: { userId: id } });
      return Number(row.token_generation);
    },

    async delete(id) {
      await client.transaction(async (transaction) => {
        await transaction.query("DELETE FROM confide_care_relations WHERE therapist_id = $1 OR patient_id = $1", [id]);
        await transaction.query("DELETE FROM confide_users WHERE id = $1", [id]);
      });
    },

    list(query) {
      return page("confide_users u", [], [], query);
    },

    async link(relation) {
      await client.query(
        `INSERT INTO confide_care_relations (therapist_id, patient_id, created_at)
         VALUES ($1, $2, $3)
         ON CONFLICT (therapist_id, patient_id) DO NOTHING`,
        [relation.therapistId, relation.patientId, relation.createdAt],
      );
    },

    async unlink(therapistId, patientId) {
      await client.query("DELETE FROM confide_care_relations WHERE therapist_id = $1 AND patient_id = $2", [
        therapistId,
        patientId,
      ]);
    },

    async isLinked(therapistId, patientId) {
      const rows = await client.query(
        "SELECT 1 FROM confide_care_relations WHERE therapist_id = $1 AND patient_id = $2",
        [therapistId, patientId],
      );
      return rows.length > 0;
    },

    async relationsOf(userId) {
      const rows = await client.query<RelationRow>(
        `SELECT therapist_id, patient_id, created_at FROM confide_care_relations
          WHERE therapist_id = $1 OR patient_id = $1
          ORDER BY created_at, therapist_id, patient_id`,
        [userId],
      );
      return rows.map(toRelation);
    },

    listPatients(therapistId, query) {
      return page(
        "confide_users u JOIN confide_care_relations r ON r.patient_id = u.id",
        ["r.therapist_id = $1"],
        [therapistId],
        query,
      );
    },

    close: options.close ?? (() => client.close()),
  };
}
