import { patientSearchTerms, sessionSearchTerms, toSessionSummary, verifyNotes } from "@confide/core";
import { notAssessed, toSessionDocument } from "@confide/core/adapter-kit";
import type { Session } from "@confide/core/ports";
import { createPlainWordsClaimReader, quoteEverySegment } from "@confide/core/testing";
import { describe, expect, it } from "vitest";
import {
  buildSession,
  buildTranscript,
  describeSessionRepositoryContract,
  expectConfideError,
  minutesAfterEpoch,
} from "@confide/contracts";
import {
  createPostgresTestRepositories,
  describeSqlRepositorySuite,
  dropSchema,
  freshSchemaName,
  postgresUrl,
  repositoriesForEachTest,
  withAdminClient,
} from "../../test-support/sql-test-databases.ts";
import { createPostgresClient } from "../postgres/postgres-client.ts";
import { createPostgresRepositories } from "../postgres/postgres-repositories.ts";
import type { SqlClient } from "./sql-client.ts";
import { createSqlSessionRepository } from "./sql-session-repository.ts";
import { applyMigrations, loadMigrations } from "./sql-migrations.ts";

function saying(...texts: string[]) {
  return buildTranscript({
    segments: texts.map((text, index) => ({
      id: `seg-${index + 1}`,
      speaker: "S2",
      startMs: index * 1_000,
      endMs: index * 1_000 + 900,
      text,
    })),
  });
}

describeSqlRepositorySuite({
  title: "SQL session repository",
  port: "sessions",
  // PostgreSQL full-text search with the english configuration stems words.
  contract: (options) => describeSessionRepositoryContract({ ...options, capabilities: { stemming: true } }),
  specifics: (repositories) => {
    // A clinician's search: titles are searched whether or not the patient is shown them.
    const listIds = async (text: string) =>
      (await repositories.sessions.list({ limit: 100, text, searchAudience: "clinician" })).items.map((session) => session.id);

    it("revives every Date field as a Date, nested ones included", async () => {
      const session = buildSession({
        status: "finalized",
        review: {
          edits: [
            { at: minutesAfterEpoch(-9), by: "t-1", kind: "segment", target: "seg-2", before: "a", after: "b" },
            { at: minutesAfterEpoch(-8), by: "t-1", kind: "speaker", target: "S1", before: "patient", after: "therapist" },
          ],
          finalizedAt: minutesAfterEpoch(-7),
          finalizedBy: "t-1",
        },
        processing: { attempts: 2, lastError: null, providerRef: "job-1", polls: 3, notifiedAt: minutesAfterEpoch(-6), run: 1 },
      });
      await repositories.sessions.create(session);

      const stored = (await repositories.sessions.get(session.id)) as Session;
      const dates: Array<[unknown, Date]> = [
        [stored.recordedAt, session.recordedAt],
        [stored.createdAt, session.createdAt],
        [stored.updatedAt, session.updatedAt],
        [stored.review.edits[0]?.at, minutesAfterEpoch(-9)],
        [stored.review.edits[1]?.at, minutesAfterEpoch(-8)],
        [stored.review.finalizedAt, minutesAfterEpoch(-7)],
        [stored.processing.notifiedAt, minutesAfterEpoch(-6)],
      ];
      for (const [actual, expected] of dates) {
        expect(actual).toBeInstanceOf(Date);
        expect((actual as Date).getTime()).toBe(expected.getTime());
      }
      expect(stored).toEqual(session);
    });

    it("keeps text that looks like a date as text", async () => {
      const session = buildSession({
        title: "2026-03-02T09:30:00.000Z",
        transcript: saying('{"$date": "2026-03-02T09:30:00.000Z"}', "2026-03-02"),
      });
      await repositories.sessions.create(session);

      const stored = (await repositories.sessions.get(session.id)) as Session;
      expect(stored.title).toBe("2026-03-02T09:30:00.000Z");
      expect(stored.transcript?.segments.map((segment) => segment.text)).toEqual([
        '{"$date": "2026-03-02T09:30:00.000Z"}',
        "2026-03-02",
      ]);
    });

    it("keeps millisecond precision and ignores the version carried by the session on update", async () => {
      const recordedAt = new Date("2026-03-02T09:30:00.123Z");
      const session = buildSession({ recordedAt, version: 5 });
      await repositories.sessions.create(session);

      const stored = await repositories.sessions.update({ ...session, version: 42 }, 5);

      expect(stored.version).toBe(6);
      expect(stored.recordedAt.getTime()).toBe(recordedAt.getTime());
      expect((await repositories.sessions.get(session.id))?.version).toBe(6);
    });

    it("finds inflected forms of a word (english stemming) and words that are stop words", async () => {
      const worried = buildSession({ title: "Check-in", transcript: saying("I was worried about the exams.") });
      const other = buildSession({ title: "Check-in", transcript: saying("All fine.") });
      await repositories.sessions.create(worried);
      await repositories.sessions.create(other);

      expect(await listIds("worry")).toEqual([worried.id]);
      expect(await listIds("exam")).toEqual([worried.id]);
      expect(await listIds("the exams")).toEqual([worried.id]);
      expect(await listIds("about")).toEqual([worried.id]);
    });

    it("searches every segment of a long transcript", async () => {
      const lines = Array.from({ length: 400 }, (_, index) => `Line number ${index} of an ordinary conversation.`);
      lines[377] = "Then the word xylophone came up.";
      const session = buildSession({ transcript: saying(...lines) });
      await repositories.sessions.create(session);

      expect(await listIds("xylophone conversation")).toEqual([session.id]);
    });

    it("treats a query without any word as no text filter", async () => {
      const session = buildSession();
      await repositories.sessions.create(session);

      expect(await listIds("?! -- ")).toEqual([session.id]);
    });

    it("treats query syntax as plain words", async () => {
      const session = buildSession({ title: "Anger & sadness" });
      await repositories.sessions.create(session);

      expect(await listIds("anger & (sadness | !")).toEqual([session.id]);
      expect(await listIds("anger | joy")).toEqual([]);
      expect(await listIds("anger:* joy")).toEqual([]);
    });

    it("finds words by core's search rule: decomposed accents, full-width letters and ligatures as their plain form", async () => {
      const session = buildSession({ title: "Cafe\u0301 visit", transcript: saying("ＡＮＧＥＲ at the oﬃce.") });
      const other = buildSession({ title: "Check-in", transcript: saying("All fine.") });
      await repositories.sessions.create(session);
      await repositories.sessions.create(other);

      expect(await listIds("café")).toEqual([session.id]);
      expect(await listIds("anger office")).toEqual([session.id]);
      expect(await listIds("Café ANGER")).toEqual([session.id]);
    });

    it("rejects a malformed cursor, a cursor of another list and a bad limit with validation.invalid_input", async () => {
      await repositories.users.create({
        id: "user-1",
        email: "a@example.test",
        displayName: "A",
        role: "therapist",
        passwordHash: "x",
        consent: null,
        active: true,
        tokenGeneration: 0,
        createdAt: minutesAfterEpoch(0),
        updatedAt: minutesAfterEpoch(0),
      });
      await repositories.users.create({
        id: "user-2",
        email: "b@example.test",
        displayName: "B",
        role: "therapist",
        passwordHash: "x",
        consent: null,
        active: true,
        tokenGeneration: 0,
        createdAt: minutesAfterEpoch(0),
        updatedAt: minutesAfterEpoch(0),
      });
      const userCursor = (await repositories.users.list({ limit: 1 })).nextCursor as string;

      for (const cursor of ["not a cursor", "e30", Buffer.from("[1,2]").toString("base64url"), userCursor, ""]) {
        await expectConfideError(repositories.sessions.list({ limit: 10, cursor }), "validation.invalid_input");
      }
      await expectConfideError(repositories.sessions.list({ limit: 0 }), "validation.invalid_input");
      await expectConfideError(repositories.sessions.list({ limit: 101 }), "validation.invalid_input");
    });

    it("keeps ids ordered byte-wise, whatever the server's locale", async () => {
      const recordedAt = minutesAfterEpoch(0);
      for (const id of ["session-a", "session-B", "session-_", "session-0"]) {
        await repositories.sessions.create(buildSession({ id, recordedAt }));
      }

      const page = await repositories.sessions.list({ limit: 10 });
      expect(page.items.map((session) => session.id)).toEqual(["session-a", "session-_", "session-B", "session-0"]);
    });
  },
});

describe("SQL session repository on PostgreSQL: concurrency", () => {
  const repositories = repositoriesForEachTest(() => createPostgresTestRepositories({ max: 20 }));

  it("lets exactly one of 20 parallel updates of the same version win; 19 get session.version_conflict", async () => {
    const session = buildSession({ version: 1 });
    await repositories.sessions.create(session);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) => repositories.sessions.update({ ...session, title: `Writer ${index}` }, 1)),
    );

    const winners = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers.map((outcome) => (outcome.reason as { code?: string }).code)).toEqual(
      Array.from({ length: 19 }, () => "session.version_conflict"),
    );
    const winner = (winners[0] as PromiseFulfilledResult<Session>).value;
    expect(await repositories.sessions.get(session.id)).toMatchObject({ title: winner.title, version: 2 });
  });

  it("answers text searches from the GIN index", async () => {
    const schema = repositories.schema;
    const plan = await withAdminClient(async (client) => {
      await client.query(`SET search_path TO "${schema}"; SET enable_seqscan = off`);
      const result = await client.query(
        `EXPLAIN SELECT id FROM confide_sessions
          WHERE search @@ ((plainto_tsquery('english', 'panic') || plainto_tsquery('simple', 'panic'))
                        && (plainto_tsquery('english', 'and') || plainto_tsquery('simple', 'and')))`,
      );
      return result.rows.map((row: Record<string, string>) => Object.values(row)[0]).join("\n");
    });
    expect(plan).toContain("confide_sessions_search");
  });
});

describe("SQL session repository on PostgreSQL: listing", () => {
  const repositories = repositoriesForEachTest(() => createPostgresTestRepositories());

  it("lists from the generated summary column, reading no session document", async () => {
    const client = await createPostgresClient({ connectionString: postgresUrl, schema: repositories.schema });
    const statements: string[] = [];
    const spied: SqlClient = {
      ...client,
      query: (text, params) => {
        statements.push(text);
        return client.query(text, params);
      },
    };
    const sessions = createSqlSessionRepository(spied, { close: () => client.close() });
    try {
      const long = buildSession({ transcript: saying(...Array.from({ length: 500 }, (_, index) => `Segment ${index} of a long session.`)) });
      await sessions.create(long);
      statements.length = 0;

      expect((await sessions.list({ limit: 10, text: "segment" })).items).toEqual([toSessionSummary(long)]);

      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/SELECT summary FROM/);
      expect(statements[0]).not.toMatch(/document/);
    } finally {
      await sessions.close();
    }
  });

  it("leaves the clinical notes out of the summary column", async () => {
    const transcript = saying("I have been sleeping badly.", "Work keeps me awake.");
    const draft = quoteEverySegment({ language: "en-US", speakers: transcript.speakers, segments: transcript.segments, sentiment: [] });
    const notes = verifyNotes({ ...draft, riskFlags: notAssessed("test") }, transcript, {
      provider: "test",
      model: "test",
      promptVersion: "1",
      writtenAt: new Date("2026-01-01T00:00:00Z"),
    }, createPlainWordsClaimReader());
    const session = buildSession({ transcript, notes });
    await repositories.sessions.create(session);
    const client = await createPostgresClient({ connectionString: postgresUrl, schema: repositories.schema });
    try {
      const [row] = await client.query<{ hasNotes: boolean; hasTitle: boolean }>(
        `SELECT summary ? 'notes' AS "hasNotes", summary ? 'title' AS "hasTitle" FROM confide_sessions WHERE id = $1`,
        [session.id],
      );
      expect(row).toEqual({ hasNotes: false, hasTitle: true });
      expect((await repositories.sessions.get(session.id))?.notes).toEqual(notes);
    } finally {
      await client.close();
    }
  });
});

describe("SQL session repository on PostgreSQL: sessions stored before search terms and summaries were kept", () => {
  it("finds and lists them after prepare(), which fills in their terms by core's rule and generates their summaries", async () => {
    const schema = freshSchemaName();
    const client = await createPostgresClient({ connectionString: postgresUrl, schema });
    const repositories = await createPostgresRepositories({ connectionString: postgresUrl, schema });
    try {
      const before = (await loadMigrations()).filter((migration) => migration.name < "0003");
      await applyMigrations(client, { schema, migrations: before });
      const older = buildSession({ title: "Insomnia follow-up", transcript: saying("The panic came back on the train.") });
      await client.query(
        `INSERT INTO confide_sessions (id, therapist_id, patient_id, status, recorded_at, updated_at, version, document)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
        [older.id, older.therapistId, older.patientId, older.status, older.recordedAt, older.updatedAt, older.version,
          JSON.stringify(toSessionDocument(older))],
      );

      // Later migrations (0007 on) apply too; these are the ones this backfill is about.
      expect((await repositories.prepare()).slice(0, 4)).toEqual([
        "0003_session_search_terms.sql",
        "0004_session_summary.sql",
        "0005_session_summary_without_notes.sql",
        "0006_session_patient_search_terms.sql",
      ]);

      const [row] = await client.query<{ search_terms: string; patient_search_terms: string }>(
        "SELECT search_terms, patient_search_terms FROM confide_sessions WHERE id = $1",
        [older.id],
      );
      expect(row?.search_terms).toBe(sessionSearchTerms(older).join(" "));
      expect(row?.patient_search_terms).toBe(patientSearchTerms(older).join(" "));
      expect((await repositories.sessions.list({ limit: 10, text: "panic insomnia", searchAudience: "clinician" })).items).toEqual([toSessionSummary(older)]);
      expect(await repositories.prepare()).toEqual([]);
    } finally {
      await repositories.close();
      await client.close();
      await dropSchema(schema);
    }
  });
});

describe("SQL session repository on PostgreSQL: sessions with notes stored before the patient's terms were kept apart", () => {
  it("finds them by their notes for a clinician and by their transcript, never their notes, for a patient after prepare()", async () => {
    const schema = freshSchemaName();
    const client = await createPostgresClient({ connectionString: postgresUrl, schema });
    const repositories = await createPostgresRepositories({ connectionString: postgresUrl, schema });
    try {
      const before = (await loadMigrations()).filter((migration) => migration.name < "0006");
      await applyMigrations(client, { schema, migrations: before });
      const transcript = saying("I have been sleeping badly.");
      const draft = quoteEverySegment({ language: "en-US", speakers: transcript.speakers, segments: transcript.segments, sentiment: [] });
      const notes = verifyNotes(
        { ...draft, keyTopics: [{ text: "Hypnogram review", evidence: [{ segmentId: "seg-1", start: 0, end: 3 }] }] },
        transcript,
        { provider: "test", model: "test", promptVersion: "1", writtenAt: new Date("2026-01-01T00:00:00Z") },
        createPlainWordsClaimReader(),
      );
      const older = buildSession({ status: "finalized", title: "Check-in", transcript, notes });
      // As the repository wrote it under 0005: terms of the title and transcript only.
      await client.query(
        `INSERT INTO confide_sessions (id, therapist_id, patient_id, status, recorded_at, updated_at, version, document, search_terms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
        [older.id, older.therapistId, older.patientId, older.status, older.recordedAt, older.updatedAt, older.version,
          JSON.stringify(toSessionDocument(older)), "check in i have been sleeping badly"],
      );

      expect((await repositories.prepare())[0]).toBe("0006_session_patient_search_terms.sql");

      const ids = async (text: string, searchAudience: "clinician" | "patient") =>
        (await repositories.sessions.list({ limit: 10, text, searchAudience })).items.map((summary) => summary.id);
      expect(await ids("hypnogram", "clinician")).toEqual([older.id]);
      expect(await ids("hypnogram", "patient")).toEqual([]);
      expect(await ids("sleeping", "patient")).toEqual([older.id]);
      expect(await repositories.prepare()).toEqual([]);
    } finally {
      await repositories.close();
      await client.close();
      await dropSchema(schema);
    }
  });
});
