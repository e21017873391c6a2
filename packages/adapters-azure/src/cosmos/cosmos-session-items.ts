import { createHash } from "node:crypto";
import { sessionSearchTerms, toSessionDocument, type Session, type SessionDocument, type SessionStatus } from "@confide/core";

/**
 * How a session is stored in the `sessions` container (partition key `/sessionId`): one session
 * item with everything but the transcript's words, and its words in chunk items of the same
 * logical partition, under a generation id the session item names. See README.md.
 */

/** Bytes of words' JSON per chunk item: half of Cosmos DB's 2 MB item limit, leaving room for the item's own fields. */
export const wordChunkBudgetBytes = 1024 * 1024;

/** Where a session's words are: chunk items `<sessionId>.words.<generation>.<index>` for index < chunks. */
export interface WordsPointer {
  generation: string;
  chunks: number;
  /** sha256 of the words' JSON: an update that leaves the words as they were keeps the chunks. */
  hash: string;
}

/** The session item. `document` is core's session document without any segment's `words`. */
export interface SessionItem {
  id: string;
  sessionId: string;
  kind: "session";
  therapistId: string;
  patientId: string;
  status: SessionStatus;
  version: number;
  recordedAtMs: number;
  updatedAtMs: number;
  /** Sorts as recordedAt then id: `list` orders by it (descending) and pages after it. */
  listKey: string;
  /** Sorts as updatedAt then id: `findStale` orders by it (ascending). */
  staleKey: string;
  /** core's sessionSearchTerms: lowercase distinct words of the title and segments. */
  searchTerms: string[];
  /** core's SessionSummarySource in the document encoding: what `list` reads. */
  summary: SessionDocument;
  document: SessionDocument;
  words: WordsPointer | null;
  _etag?: string;
}

/** The words of one segment, or a run of them when a segment's words span chunks. */
export interface WordsPiece {
  /** Index of the segment in `transcript.segments`. */
  segment: number;
  words: unknown[];
}

export interface WordChunkItem {
  id: string;
  sessionId: string;
  kind: "words";
  generation: string;
  index: number;
  pieces: WordsPiece[];
}

/** Epoch milliseconds shifted to be positive and fixed-width for years 1–9999 (core's storable dates). */
function sortableTime(date: Date): string {
  return String(date.getTime() + 1e14).padStart(15, "0");
}

/** The listing key of a session: `sortableTime(recordedAt)|id`. */
export function listKeyOf(recordedAt: Date, id: string): string {
  return `${sortableTime(recordedAt)}|${id}`;
}

export function wordChunkId(sessionId: string, generation: string, index: number): string {
  return `${sessionId}.words.${generation}.${index}`;
}

export interface EncodedSession {
  item: Omit<SessionItem, "words">;
  /** The words' pieces in chunk order; empty when no segment has words. */
  chunks: WordsPiece[][];
  hash: string;
}

/**
 * Encodes `session` stored with `version`: its document (core's encoding, so every field
 * round-trips) with the words moved out into chunks of at most `budgetBytes` of JSON each.
 * @throws ConfideError `validation.invalid_input` for an invalid date or number (core's encoding).
 */
export function encodeSession(session: Session, version: number, budgetBytes = wordChunkBudgetBytes): EncodedSession {
  const document = toSessionDocument({ ...session, version });
  const pieces: WordsPiece[] = [];
  const transcript = document.transcript as { segments: Array<Record<string, unknown>> } | null;
  if (transcript !== null) {
    transcript.segments = transcript.segments.map((segment, index) => {
      if (!("words" in segment)) return segment;
      const { words, ...rest } = segment;
      pieces.push({ segment: index, words: words as unknown[] });
      return rest;
    });
  }
  const summary: SessionDocument = {
    id: document.id,
    therapistId: document.therapistId,
    patientId: document.patientId,
    title: document.title,
    status: document.status,
    recordedAt: document.recordedAt,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    version,
    audio: { durationMs: (document.audio as { durationMs: unknown }).durationMs },
    transcript: session.transcript === null ? null : { durationMs: session.transcript.durationMs, segmentCount: session.transcript.segments.length },
    review: { finalizedAt: (document.review as { finalizedAt: unknown }).finalizedAt },
  };
  const chunks = chunkPieces(pieces, budgetBytes);
  return {
    item: {
      id: session.id,
      sessionId: session.id,
      kind: "session",
      therapistId: session.therapistId,
      patientId: session.patientId,
      status: session.status,
      version,
      recordedAtMs: session.recordedAt.getTime(),
      updatedAtMs: session.updatedAt.getTime(),
      listKey: listKeyOf(session.recordedAt, session.id),
      staleKey: `${sortableTime(session.updatedAt)}|${session.id}`,
      searchTerms: sessionSearchTerms(session),
      summary,
      document,
    },
    chunks,
    hash: createHash("sha256").update(JSON.stringify(pieces)).digest("base64url"),
  };
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

/** What a piece costs besides its words: `{"segment":n,"words":[]}` and a comma. */
const pieceOverheadBytes = 32;

/** Splits pieces into chunks of at most `budgetBytes` of words' JSON, splitting a segment's words where needed. */
function chunkPieces(pieces: WordsPiece[], budgetBytes: number): WordsPiece[][] {
  const chunks: WordsPiece[][] = [];
  let current: WordsPiece[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) chunks.push(current);
    current = [];
    used = 0;
  };
  for (const piece of pieces) {
    // A piece costs its words plus ~32 bytes of `{"segment":n,"words":[]}`.
    if (current.length > 0 && used + pieceOverheadBytes > budgetBytes) flush();
    let run: WordsPiece = { segment: piece.segment, words: [] };
    current.push(run);
    used += pieceOverheadBytes;
    for (const word of piece.words) {
      const size = bytesOf(word) + 1;
      if (used + size > budgetBytes && (run.words.length > 0 || current.length > 1)) {
        if (run.words.length === 0) current.pop();
        flush();
        run = { segment: piece.segment, words: [] };
        current.push(run);
        used = pieceOverheadBytes;
      }
      run.words.push(word);
      used += size;
    }
  }
  flush();
  return chunks;
}

/** The session document with its words put back from the chunks' pieces, in chunk order. */
export function documentWithWords(document: SessionDocument, chunks: WordChunkItem[]): SessionDocument {
  if (chunks.length === 0) return document;
  const transcript = document.transcript as { segments: Array<Record<string, unknown>> };
  const segments = transcript.segments.map((segment) => ({ ...segment }));
  for (const chunk of [...chunks].sort((a, b) => a.index - b.index)) {
    for (const piece of chunk.pieces) {
      const segment = segments[piece.segment];
      if (segment === undefined) continue;
      segment.words = [...((segment.words as unknown[] | undefined) ?? []), ...piece.words];
    }
  }
  return { ...document, transcript: { ...transcript, segments } };
}
