import { createHash } from "node:crypto";
import { sessionSearchIndex, toSessionDocument } from "@confide/core/adapter-kit";
import type { Session, SessionDocument, SessionStatus } from "@confide/core/ports";

/**
 * How a session is stored in the `sessions` container (partition key `/sessionId`): one session
 * item with what listings, filters and status steps need, and its content — the transcript (with
 * its words), the sentiment and the clinical notes — as JSON text in chunk items of the same logical partition, under
 * a generation id the session item names. See README.md.
 */

/** Bytes of a chunk item's text as stored (JSON-escaped): half of Cosmos DB's 2 MB item limit. */
export const contentChunkBudgetBytes = 1024 * 1024;

/** Where a session's content is: chunk items `<sessionId>.content.<generation>.<index>` for index < chunks. */
export interface ContentPointer {
  generation: string;
  chunks: number;
  /** sha256 of the content's JSON: an update that leaves transcript, sentiment and notes as they were keeps the chunks. */
  hash: string;
}

/** The session item. `document` is core's session document without `transcript` and `sentiment` while `content` points to them. */
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
  /** Sorts as updatedAt then id: `findStale` orders by it (ascending), and `findRetentionCandidates` a failed session. */
  staleKey: string;
  /**
   * A finalized session's finalizedAt (epoch ms) and `sortableTime(finalizedAt)|id`, which
   * `findRetentionCandidates` filters and orders by; null in other states. Absent on items
   * written before retention; `prepare()` fills them in (`backfillRetentionFields`).
   */
  finalizedAtMs?: number | null;
  finalizedKey?: string | null;
  /** True once the retention policy deleted the recording (`audio.removed`). */
  audioRemoved?: boolean;
  /**
   * core's sessionSearchIndex for a clinician: lowercase distinct words of the title, the
   * segments and the clinical notes.
   */
  searchTerms: string[];
  /**
   * core's sessionSearchIndex for a patient: the title's and segments' words, and the patient
   * summary's once finalized. Absent on items written before it was kept; their `searchTerms`
   * then hold the title's and segments' words only (see the repository's `list`).
   */
  patientSearchTerms?: string[];
  /** core's SessionSummarySource in the document encoding: what `list` reads. */
  summary: SessionDocument;
  document: SessionDocument;
  content: ContentPointer | null;
  _etag?: string;
}

export interface ContentChunkItem {
  id: string;
  sessionId: string;
  kind: "content";
  generation: string;
  index: number;
  /** A slice of the content's JSON text; the slices in index order are the whole text. */
  text: string;
}

/** Epoch milliseconds shifted to be positive and fixed-width for years 1–9999 (core's storable dates). */
function sortableTime(date: Date): string {
  return String(date.getTime() + 1e14).padStart(15, "0");
}

/** The listing key of a session: `sortableTime(recordedAt)|id`. */
export function listKeyOf(recordedAt: Date, id: string): string {
  return `${sortableTime(recordedAt)}|${id}`;
}

export function contentChunkId(sessionId: string, generation: string, index: number): string {
  return `${sessionId}.content.${generation}.${index}`;
}

/** The item fields `findRetentionCandidates` reads, from the session. */
export function retentionFieldsOf(session: Pick<Session, "id" | "status" | "review" | "audio">): Pick<SessionItem, "finalizedAtMs" | "finalizedKey" | "audioRemoved"> {
  const finalizedAt = session.status === "finalized" ? session.review.finalizedAt : null;
  return {
    finalizedAtMs: finalizedAt === null ? null : finalizedAt.getTime(),
    finalizedKey: finalizedAt === null ? null : retentionKeyOf(finalizedAt, session.id),
    audioRemoved: session.audio.removed !== undefined,
  };
}

/** `sortableTime(at)|id`: the keyset position of a stale session or a retention candidate. */
export function retentionKeyOf(at: Date, id: string): string {
  return `${sortableTime(at)}|${id}`;
}

export interface EncodedSession {
  item: Omit<SessionItem, "content">;
  /** The content's JSON text in slices, one per chunk item; empty without transcript, sentiment and notes. */
  chunks: string[];
  hash: string;
}

function searchTermsOf(session: Session): Pick<SessionItem, "searchTerms" | "patientSearchTerms"> {
  const index = sessionSearchIndex(session);
  return { searchTerms: index.clinician, patientSearchTerms: index.patient };
}

/**
 * Encodes `session` stored with `version`: its document (core's encoding, so every field
 * round-trips) with the transcript, sentiment and clinical notes moved out as JSON text in slices of at most
 * `budgetBytes` once escaped.
 * @throws ConfideError `validation.invalid_input` for an invalid date or number (core's encoding).
 */
export function encodeSession(session: Session, version: number, budgetBytes = contentChunkBudgetBytes): EncodedSession {
  const { transcript, sentiment, notes, ...rest } = toSessionDocument({ ...session, version }) as SessionDocument & { notes?: unknown };
  // The notes grow with the transcript (every item cites it): they travel with it in the chunks.
  const hasContent = transcript !== null || sentiment !== null || (notes !== undefined && notes !== null);
  const text = hasContent ? JSON.stringify({ transcript, sentiment, ...(notes === undefined ? {} : { notes }) }) : "";
  const summary: SessionDocument = {
    id: rest.id,
    therapistId: rest.therapistId,
    patientId: rest.patientId,
    title: rest.title,
    ...(rest.titleShared === undefined ? {} : { titleShared: rest.titleShared }),
    status: rest.status,
    recordedAt: rest.recordedAt,
    createdAt: rest.createdAt,
    updatedAt: rest.updatedAt,
    version,
    audio: { durationMs: (rest.audio as { durationMs: unknown }).durationMs },
    transcript: session.transcript === null ? null : { durationMs: session.transcript.durationMs, segmentCount: session.transcript.segments.length },
    review: { finalizedAt: (rest.review as { finalizedAt: unknown }).finalizedAt },
    // Of the risk screen only what the count of unacknowledged flags needs: no words.
    risk: session.risk
      ? { flags: (rest.risk as { flags: Array<{ temporality: unknown; acknowledgement?: unknown }> }).flags.map(({ temporality, acknowledgement }) => ({ temporality, ...(acknowledgement === undefined ? {} : { acknowledgement }) })) }
      : null,
  };
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
      staleKey: retentionKeyOf(session.updatedAt, session.id),
      ...retentionFieldsOf(session),
      ...searchTermsOf(session),
      summary,
      document: hasContent ? rest : { ...rest, transcript: null, sentiment: null, ...(notes === undefined ? {} : { notes }) },
    },
    chunks: hasContent ? sliceText(text, budgetBytes) : [],
    hash: createHash("sha256").update(text).digest("base64url"),
  };
}

/** Bytes of `slice` as a JSON string value (quotes, escapes, UTF-8). */
const storedBytes = (slice: string) => Buffer.byteLength(JSON.stringify(slice), "utf8");

/**
 * Cuts `text` into slices each at most `budgetBytes` once stored as a JSON string, never between
 * the two halves of a surrogate pair.
 */
function sliceText(text: string, budgetBytes: number): string[] {
  const slices: string[] = [];
  let start = 0;
  while (start < text.length) {
    let length = Math.min(text.length - start, Math.max(1, budgetBytes - 2));
    for (;;) {
      let end = start + length;
      const code = text.charCodeAt(end - 1);
      if (end < text.length && code >= 0xd800 && code <= 0xdbff && length > 1) end -= 1;
      const bytes = storedBytes(text.slice(start, end));
      if (bytes <= budgetBytes || end - start <= 1) {
        length = end - start;
        break;
      }
      // Shrink in proportion to the overshoot (escapes and multi-byte characters take more than one byte).
      length = Math.max(1, Math.min(end - start - 1, Math.floor(((end - start) * budgetBytes) / bytes)));
    }
    slices.push(text.slice(start, start + length));
    start += length;
  }
  return slices;
}

/** The session document with its transcript, sentiment and notes put back from the chunks' text. */
export function documentWithContent(document: SessionDocument, chunks: ContentChunkItem[]): SessionDocument {
  if (chunks.length === 0) return document;
  const text = [...chunks]
    .sort((a, b) => a.index - b.index)
    .map((chunk) => chunk.text)
    .join("");
  const content = JSON.parse(text) as { transcript: unknown; sentiment: unknown; notes?: unknown };
  // Items written before notes moved into the chunks keep them in the document.
  return { ...document, transcript: content.transcript, sentiment: content.sentiment, ...("notes" in content ? { notes: content.notes } : {}) };
}
