/**
 * Session listing benchmark: one page of 50 sessions of about 100 minutes each (1,500 transcript
 * segments with word timings, sentiment per segment: a ~2 MB document) from the SQL session
 * repository, on PostgreSQL and on PGlite. Measures `sessions.list` (summaries from the
 * generated `summary` column) against what a listing cost before it returned summaries — the
 * whole documents read and decoded, then summarized (`SELECT document … LIMIT 51`,
 * `fromSessionDocument`, `toSessionSummary`) — in the same run, on the same rows. Prints the
 * median milliseconds a page of each (BENCH_REPEATS pages, default 5) and their ratio.
 *
 * Run: node --conditions=source bench/session-list.ts
 * Environment: BENCH_LIST_SESSIONS (default 60), BENCH_LIST_SEGMENTS (default 1500),
 * CONFIDE_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test; a fresh schema is
 * made and dropped).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { defaultTranscriptionSettings, newProcessing, toSessionSummary } from "@confide/core";
import { fromSessionDocument } from "@confide/core/adapter-kit";
import type { Session, SessionDocument, SessionRepository, SessionSummary } from "@confide/core/ports";
import { createPgliteRepositories, createPostgresRepositories } from "@confide/adapters-local/providers";
import pg from "pg";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { median } from "./support/median.ts";

const sessionCount = Number(process.env.BENCH_LIST_SESSIONS ?? 60);
const segmentCount = Number(process.env.BENCH_LIST_SEGMENTS ?? 1500);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const postgresUrl = process.env.CONFIDE_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const pageLimit = 50;
const segmentMs = 4_000;

/** A ready, ~100-minute session: every segment with its words, every patient segment with its sentiment. */
function longSession(index: number): Session {
  const recordedAt = new Date(Date.UTC(2026, 0, 1) + index * 3_600_000);
  const segments = Array.from({ length: segmentCount }, (_, number) => {
    const startMs = number * segmentMs;
    const texts = `we talked about the week and how sleep has been since the last session ${number}`.split(" ");
    return {
      id: `seg-${number + 1}`,
      speaker: number % 2 === 0 ? "S1" : "S2",
      startMs,
      endMs: startMs + segmentMs - 200,
      text: texts.join(" "),
      confidence: 0.9,
      words: texts.map((text, position) => ({ text, startMs: startMs + position * 250, endMs: startMs + position * 250 + 220, confidence: 0.9 })),
    };
  });
  const patientSegments = segments.filter((segment) => segment.speaker === "S2");
  return {
    id: `session-${String(index).padStart(4, "0")}`,
    therapistId: "therapist-1",
    patientId: "patient-1",
    title: `Weekly session ${index}`,
    recordedAt,
    createdAt: recordedAt,
    updatedAt: recordedAt,
    version: 5,
    status: "ready",
    audio: {
      blobKey: `sessions/therapist-1/session-${index}/audio.wav`,
      contentType: "audio/wav",
      format: "wav",
      sizeBytes: 192_000_000,
      sha256: "0".repeat(64),
      durationMs: segmentCount * segmentMs,
      channels: 1,
      originalName: null,
    },
    settings: defaultTranscriptionSettings,
    transcript: {
      language: "en-US",
      durationMs: segmentCount * segmentMs,
      speakers: [
        { label: "S1", role: "therapist" },
        { label: "S2", role: "patient" },
      ],
      segments,
      provider: "bench",
      revision: 1,
      warnings: [],
    },
    sentiment: {
      language: "en-US",
      segments: patientSegments.map((segment) => ({
        segmentId: segment.id,
        label: "neutral",
        scores: { positive: 0.1, neutral: 0.8, negative: 0.1, mixed: 0 },
      })),
      speakers: [],
      windowMs: 60_000,
      timeline: [],
      transcriptRevision: 1,
    },
    review: { edits: [], finalizedAt: null, finalizedBy: null },
    processing: newProcessing(),
  };
}

/** Median milliseconds of `repeats` runs of `page`, after one unmeasured run. */
async function timePage(page: () => Promise<SessionSummary[]>): Promise<number> {
  const expected = await page();
  if (expected.length !== Math.min(pageLimit, sessionCount)) throw new Error(`a page held ${expected.length} sessions`);
  const runs: number[] = [];
  for (let run = 0; run < repeats; run += 1) {
    const startedAt = performance.now();
    await page();
    runs.push(performance.now() - startedAt);
  }
  return median(runs);
}

/** What a listing did before: read whole documents (one more than the page), decode them, summarize. */
const documentsQuery = `SELECT document FROM confide_sessions ORDER BY recorded_at DESC, id DESC LIMIT ${pageLimit + 1}`;
const summarized = (rows: Array<{ document: SessionDocument | string }>) =>
  rows.slice(0, pageLimit).map((row) => toSessionSummary(fromSessionDocument(row.document)));

async function measure(name: string, sessions: SessionRepository, readDocuments: () => Promise<Array<{ document: SessionDocument | string }>>) {
  const insertStartedAt = performance.now();
  for (let index = 0; index < sessionCount; index += 1) await sessions.create(longSession(index));
  const insertedS = (performance.now() - insertStartedAt) / 1000;
  const first = (await sessions.list({ limit: pageLimit })).items;
  const before = summarized(await readDocuments());
  if (JSON.stringify(first) !== JSON.stringify(before)) throw new Error(`${name}: the two ways list different summaries`);

  const summaryMs = await timePage(async () => (await sessions.list({ limit: pageLimit })).items);
  const documentMs = await timePage(async () => summarized(await readDocuments()));
  console.log(
    `${name.padEnd(10)} page of ${pageLimit}: summaries ${summaryMs.toFixed(1).padStart(7)} ms, whole documents ${documentMs.toFixed(1).padStart(8)} ms` +
      `  (${(documentMs / summaryMs).toFixed(0)}× faster; ${sessionCount} sessions stored in ${insertedS.toFixed(1)} s)`,
  );
}

try {
  console.log(machineLoadLine());
  const documentBytes = JSON.stringify(longSession(0)).length;
  console.log(`session-list: ${sessionCount} sessions of ${segmentCount} segments (${(documentBytes / 1e6).toFixed(1)} MB of JSON each), median of ${repeats} pages`);

  const schema = `bench_list_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  deferCleanup(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });
  const postgres = await createPostgresRepositories({ connectionString: postgresUrl, schema });
  deferCleanup(() => postgres.close());
  await postgres.prepare();
  await admin.query(`SET search_path TO "${schema}"`);
  await measure("PostgreSQL", postgres.sessions, async () => (await admin.query<{ document: SessionDocument }>(documentsQuery)).rows);

  const { PGlite } = await import("@electric-sql/pglite");
  const instance = await PGlite.create();
  deferCleanup(() => instance.close());
  const embedded = await createPgliteRepositories({ instance });
  await embedded.prepare();
  await measure("PGlite", embedded.sessions, async () => (await instance.query<{ document: SessionDocument }>(documentsQuery)).rows);
  console.log(machineLoadLine());
} finally {
  await runCleanup();
}
