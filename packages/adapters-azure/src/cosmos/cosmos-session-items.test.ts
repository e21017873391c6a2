import { fromSessionDocument, type Segment, type Session } from "@confide/core";
import { buildSession, buildTranscript } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { documentWithWords, encodeSession, listKeyOf, type WordChunkItem, type WordsPiece } from "./cosmos-session-items.ts";

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

/** Segments with no word list, an empty one, or up to 40 words (some with confidences, some non-ASCII). */
function segmentsFrom(next: () => number): Segment[] {
  return Array.from({ length: Math.floor(next() * 12) }, (_, index) => {
    const segment: Segment = { id: `seg-${index}`, speaker: "S1", startMs: index * 1_000, endMs: index * 1_000 + 900, text: `segment ${index}` };
    const shape = next();
    if (shape < 0.25) return segment;
    if (shape < 0.4) return { ...segment, words: [] };
    const words = Array.from({ length: 1 + Math.floor(next() * 40) }, (_, position) => ({
      text: next() < 0.1 ? "größer—日本" : `w${position}`,
      startMs: position * 10,
      endMs: position * 10 + 9,
      ...(next() < 0.5 ? { confidence: Math.round(next() * 1000) / 1000 } : {}),
    }));
    return { ...segment, words };
  });
}

const asItems = (sessionId: string, chunks: WordsPiece[][]): WordChunkItem[] =>
  chunks.map((pieces, index) => ({ id: `${sessionId}.words.g.${index}`, sessionId, kind: "words", generation: "g", index, pieces }));

describe("encodeSession / documentWithWords", () => {
  it("puts every session's words back exactly, whatever the chunk budget, each chunk within it", () => {
    const next = random(20261122);
    for (let round = 0; round < 200; round += 1) {
      const session: Session = buildSession({ transcript: buildTranscript({ segments: segmentsFrom(next) }) });
      const budget = 40 + Math.floor(next() * 2_000);

      const encoded = encodeSession(session, session.version, budget);

      const segments = (encoded.item.document.transcript as { segments: Array<Record<string, unknown>> }).segments;
      expect(segments.every((segment) => !("words" in segment))).toBe(true);
      for (const chunk of encoded.chunks) {
        const wordsBytes = chunk.reduce((sum, piece) => sum + 32 + piece.words.reduce<number>((bytes, word) => bytes + Buffer.byteLength(JSON.stringify(word)) + 1, 0), 0);
        // Over the budget only when a chunk holds a single word that alone exceeds it.
        if (wordsBytes > budget) expect(chunk.flatMap((piece) => piece.words)).toHaveLength(1);
      }
      // Chunk items come back in any order.
      const items = asItems(session.id, encoded.chunks).reverse();
      expect(fromSessionDocument(documentWithWords(encoded.item.document, items))).toEqual(session);
    }
  });

  it("has no chunks, and a stable hash, for a session without words; the hash follows the words only", () => {
    const withoutWords = buildSession({ transcript: buildTranscript({ segments: [{ id: "s", speaker: "S1", startMs: 0, endMs: 1, text: "hi" }] }) });
    expect(encodeSession(withoutWords, 1).chunks).toEqual([]);
    expect(encodeSession(buildSession({ transcript: null }), 1).chunks).toEqual([]);

    const session = buildSession();
    const renamed = encodeSession({ ...session, title: "Renamed", status: "finalized" }, 2);
    expect(renamed.hash).toBe(encodeSession(session, 1).hash);
    const transcript = session.transcript!;
    const retimed = {
      ...session,
      transcript: { ...transcript, segments: [{ ...transcript.segments[0]!, words: transcript.segments[0]!.words!.map((word) => ({ ...word, endMs: word.endMs + 1 })) }, ...transcript.segments.slice(1)] },
    };
    expect(encodeSession(retimed, 1).hash).not.toBe(renamed.hash);
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
