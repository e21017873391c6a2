import { verifyNotes } from "@confide/core";
import { fromSessionDocument } from "@confide/core/adapter-kit";
import type { Segment, Session } from "@confide/core/ports";
import { createPlainWordsClaimReader, quoteEverySegment } from "@confide/core/testing";
import { buildSession, buildTranscript } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { documentWithContent, encodeSession, listKeyOf, type ContentChunkItem } from "./cosmos-session-items.ts";

/** A small deterministic generator (mulberry32), so every run checks the same cases. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Segments with no word list, an empty one, or up to 40 words (some with confidences, quotes, escapes, emoji). */
function segmentsFrom(next: () => number): Segment[] {
  return Array.from({ length: Math.floor(next() * 12) }, (_, index) => {
    const segment: Segment = { id: `seg-${index}`, speaker: "S1", startMs: index * 1_000, endMs: index * 1_000 + 900, text: `segment ${index}` };
    const shape = next();
    if (shape < 0.25) return segment;
    if (shape < 0.4) return { ...segment, words: [] };
    const words = Array.from({ length: 1 + Math.floor(next() * 40) }, (_, position) => ({
      text: next() < 0.1 ? "größer—日本 \"q\" \\ \u0001 😀" : `w${position}`,
      startMs: position * 10,
      endMs: position * 10 + 9,
      ...(next() < 0.5 ? { confidence: Math.round(next() * 1000) / 1000 } : {}),
    }));
    return { ...segment, words };
  });
}

/** A slice that starts with a low surrogate or ends with a high one: a pair cut in two. */
const splitPair = /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/;

const asItems = (sessionId: string, chunks: string[]): ContentChunkItem[] =>
  chunks.map((text, index) => ({ id: `${sessionId}.content.g.${index}`, sessionId, kind: "content", generation: "g", index, text }));

describe("encodeSession / documentWithContent", () => {
  it("puts every session's transcript and sentiment back exactly, whatever the chunk budget, each chunk within it", () => {
    const next = random(20261122);
    for (let round = 0; round < 200; round += 1) {
      const session: Session = buildSession({ transcript: buildTranscript({ segments: segmentsFrom(next) }), ...(next() < 0.2 ? { sentiment: null } : {}) });
      const budget = 8 + Math.floor(next() * 2_000);

      const encoded = encodeSession(session, session.version, budget);

      expect("transcript" in encoded.item.document || "sentiment" in encoded.item.document).toBe(false);
      for (const text of encoded.chunks) {
        expect(Buffer.byteLength(JSON.stringify(text))).toBeLessThanOrEqual(budget);
        expect(text).not.toMatch(splitPair);
      }
      // Chunk items come back in any order.
      const items = asItems(session.id, encoded.chunks).reverse();
      expect(fromSessionDocument(documentWithContent(encoded.item.document, items))).toEqual(session);
    }
  });

  it("never cuts an emoji's surrogate pair in two, even when every character is one", () => {
    const base = buildSession();
    const session: Session = { ...base, transcript: buildTranscript({ segments: [{ id: "s", speaker: "S1", startMs: 0, endMs: 1, text: "😀".repeat(300) }] }) };
    for (let budget = 9; budget < 60; budget += 1) {
      const encoded = encodeSession(session, 1, budget);
      for (const text of encoded.chunks) expect(text).not.toMatch(splitPair);
      expect(fromSessionDocument(documentWithContent(encoded.item.document, asItems(session.id, encoded.chunks)))).toEqual(session);
    }
  });

  it("has no chunks for a session without transcript and sentiment; the hash follows the content only", () => {
    const uploaded = buildSession({ transcript: null, sentiment: null });
    const encodedUploaded = encodeSession(uploaded, 1);
    expect(encodedUploaded.chunks).toEqual([]);
    expect(fromSessionDocument(documentWithContent(encodedUploaded.item.document, []))).toEqual(uploaded);

    const session = buildSession();
    const renamed = encodeSession({ ...session, title: "Renamed", status: "finalized", updatedAt: new Date() }, 2);
    expect(renamed.hash).toBe(encodeSession(session, 1).hash);
    const transcript = session.transcript!;
    const retimed = {
      ...session,
      transcript: { ...transcript, segments: [{ ...transcript.segments[0]!, words: transcript.segments[0]!.words!.map((word) => ({ ...word, endMs: word.endMs + 1 })) }, ...transcript.segments.slice(1)] },
    };
    expect(encodeSession(retimed, 1).hash).not.toBe(renamed.hash);
    expect(encodeSession({ ...session, sentiment: null }, 1).hash).not.toBe(renamed.hash);
  });

  it("orders listing keys as recordedAt then id, for dates from year 1 to 9999", () => {
    const keys = [
      listKeyOf(new Date("0001-01-01T00:00:00.000Z"), "a"),
      listKeyOf(new Date("1969-12-31T23:59:59.999Z"), "a"),
      listKeyOf(new Date("1970-01-01T00:00:00.000Z"), "a"),
      listKeyOf(new Date("1970-01-01T00:00:00.000Z"), "a-b"),
      listKeyOf(new Date("1970-01-01T00:00:00.000Z"), "b"),
      listKeyOf(new Date("2026-11-22T17:00:00.000Z"), "0"),
      listKeyOf(new Date("9999-12-31T23:59:59.999Z"), "a"),
    ];
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys.map((key) => key.indexOf("|"))).size).toBe(1);
  });
});

describe("clinical notes", () => {
  /** The session with notes quoting each of its patient's segments (core's scripted writer, verified). */
  function withNotes(session: Session): Session {
    const transcript = session.transcript!;
    const draft = quoteEverySegment({
      language: transcript.language,
      speakers: transcript.speakers.map((speaker) => ({ label: speaker.label, role: speaker.role })),
      segments: transcript.segments.map((segment) => ({ id: segment.id, speaker: segment.speaker, startMs: segment.startMs, endMs: segment.endMs, text: segment.text })),
      sentiment: [],
    });
    return { ...session, notes: verifyNotes(draft, transcript, { provider: "scripted", model: "scripted", promptVersion: "1", writtenAt: new Date(0) }, createPlainWordsClaimReader()) };
  }

  it("go into the chunks with the transcript, not into the session item, and come back exactly", () => {
    const long = "I keep going over what happened at work and it will not stop. ".repeat(40);
    const base = buildSession();
    const segments = Array.from({ length: 600 }, (_, index): Segment => ({ id: `seg-${index}`, speaker: base.transcript!.segments[1]!.speaker, startMs: index * 1_000, endMs: index * 1_000 + 900, text: long }));
    const session = withNotes({ ...base, transcript: buildTranscript({ segments }) });
    expect(session.notes!.significantQuotes).toHaveLength(600);

    const encoded = encodeSession(session, session.version);

    expect("notes" in encoded.item.document).toBe(false);
    expect(Buffer.byteLength(JSON.stringify(encoded.item))).toBeLessThan(64 * 1024);
    expect(fromSessionDocument(documentWithContent(encoded.item.document, asItems(session.id, encoded.chunks)))).toEqual(session);
  });

  it("notes that change alone change the content hash; an item written with notes in its document keeps them", () => {
    const session = withNotes(buildSession());
    const encoded = encodeSession(session, 1);
    expect(encodeSession({ ...session, notes: { ...session.notes!, stale: true } }, 2).hash).not.toBe(encoded.hash);

    const { transcript, sentiment } = JSON.parse(encoded.chunks.join("")) as { transcript: unknown; sentiment: unknown };
    const older = asItems(session.id, [JSON.stringify({ transcript, sentiment })]);
    const olderDocument = { ...encoded.item.document, notes: JSON.parse(encoded.chunks.join("")).notes };
    expect(fromSessionDocument(documentWithContent(olderDocument, older))).toEqual(session);
  });
});
