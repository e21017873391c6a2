import { ConfideError } from "../errors.ts";
import { summarize, type Session, type SessionSummary, type SessionSummarySource } from "./session.ts";

/**
 * How a Session is stored as jsonb. JSON has no dates, so every Date, wherever it sits
 * (recordedAt, review.edits[].at, processing.notifiedAt…), is written as `{"$date": ISO 8601}`
 * and read back as a Date. Tagging (rather than a list of known date fields) keeps dates
 * added to the domain later round-tripping, and never turns a string that merely looks like a
 * date (a transcript line) into one. `undefined` properties are dropped, as JSON does.
 */
export type SessionDocument = Record<string, unknown>;

const dateTag = "$date";

function encodeValue(value: unknown, path: string): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new ConfideError("validation.invalid_input", `The session has an invalid date at ${path}.`, {
        details: { field: path },
      });
    }
    return { [dateTag]: value.toISOString() };
  }
  if (Array.isArray(value)) return value.map((item, index) => encodeValue(item, `${path}[${index}]`));
  if (typeof value === "object" && value !== null) {
    const encoded: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) encoded[key] = encodeValue(item, `${path}.${key}`);
    }
    return encoded;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new ConfideError("validation.invalid_input", `The session has a non-finite number at ${path}.`, {
      details: { field: path },
    });
  }
  return value;
}

function isDateTag(value: Record<string, unknown>): value is { [dateTag]: string } {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === dateTag && typeof value[dateTag] === "string";
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (isDateTag(record)) return new Date(record[dateTag]);
    const decoded: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) decoded[key] = decodeValue(item);
    return decoded;
  }
  return value;
}

/** @throws ConfideError `validation.invalid_input` for an invalid Date or a non-finite number. */
export function toSessionDocument(session: Session): SessionDocument {
  return encodeValue(session, "session") as SessionDocument;
}

/**
 * Reads a summary from a store's projection of a session document: the same encoding, holding
 * at least a SessionSummarySource (the SQL repositories' generated `summary` column). Accepts
 * the parsed jsonb or its text.
 */
export function fromSessionSummaryDocument(document: SessionDocument | string): SessionSummary {
  const parsed: unknown = typeof document === "string" ? JSON.parse(document) : document;
  return summarize(decodeValue(parsed) as SessionSummarySource);
}

/**
 * Accepts the parsed jsonb (what drivers return) or its text. A transcript stored before
 * engine warnings were kept reads with none (`warnings: []`).
 */
export function fromSessionDocument(document: SessionDocument | string): Session {
  const parsed: unknown = typeof document === "string" ? JSON.parse(document) : document;
  const session = decodeValue(parsed) as Session;
  if (session.transcript && !Array.isArray(session.transcript.warnings)) {
    return { ...session, transcript: { ...session.transcript, warnings: [] } };
  }
  return session;
}
