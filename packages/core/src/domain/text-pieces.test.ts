import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { measureText, splitText, type TextMeasure } from "./text-pieces.ts";

const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;
const graphemes = (text: string) => Array.from(new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)).length;
/** True when `text` holds a lone surrogate: a code point was cut. */
const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

function sentenceText(sentences: string[], size: number): string {
  let text = "";
  for (let index = 0; text.length < size; index += 1) text += `${sentences[index % sentences.length]} `;
  return text.slice(0, size);
}

describe("measureText", () => {
  it("counts code points and UTF-8 bytes", () => {
    expect(measureText("😀é語a", "code-points")).toBe(4);
    expect(measureText("😀é語a", "utf8-bytes")).toBe(4 + 2 + 3 + 1);
    // A family emoji is one grapheme of 7 code points (25 bytes).
    expect(measureText("👨‍👩‍👧‍👦", "code-points")).toBe(7);
    expect(measureText("👨‍👩‍👧‍👦", "utf8-bytes")).toBe(25);
  });
});

describe("splitText", () => {
  it("gives a text that fits back whole, whatever it holds", () => {
    expect(splitText("I am fine. Thanks.", { limit: 5120, measure: "code-points" })).toEqual(["I am fine. Thanks."]);
    expect(splitText("x".repeat(5000), { limit: 5000, measure: "utf8-bytes" })).toEqual(["x".repeat(5000)]);
    expect(splitText("  ", { limit: 10, measure: "utf8-bytes" })).toEqual(["  "]);
  });

  it("cuts a 12,000-character text on sentence boundaries into pieces within 5,120", () => {
    const sentences = ["I slept badly again this week.", "Work was calmer, and I felt good on Friday!", "Is it normal to still feel this tired?"];
    const text = sentenceText(sentences, 12_000);
    const pieces = splitText(text, { limit: 5120, measure: "code-points" });

    expect(pieces).toHaveLength(3);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeLessThanOrEqual(5120);
      // Each piece ends where a sentence ends (its trailing space kept).
      expect(piece).toMatch(/[.!?] $/);
    }
  });

  it("cuts a sentence longer than the limit between words, and a word longer than the limit between characters", () => {
    const longSentence = `${"very ".repeat(30)}long.`;
    const pieces = splitText(longSentence, { limit: 32, measure: "utf8-bytes" });
    expect(pieces.join("")).toBe(longSentence);
    for (const piece of pieces) {
      expect(utf8Bytes(piece)).toBeLessThanOrEqual(32);
      expect(piece).toMatch(/^(very )+(long\.)?$|^long\.$/);
    }

    const word = "ü".repeat(50); // 100 bytes, no boundary but characters
    const wordPieces = splitText(word, { limit: 33, measure: "utf8-bytes" });
    expect(wordPieces.map(utf8Bytes)).toEqual([32, 32, 32, 4]);
    expect(wordPieces.join("")).toBe(word);
  });

  it("counts Comprehend's limit in bytes: 2,500 'é' fit in 5,000 bytes, 2,501 do not", () => {
    expect(splitText("é".repeat(2500), { limit: 5000, measure: "utf8-bytes" })).toHaveLength(1);
    const pieces = splitText("é".repeat(2501), { limit: 5000, measure: "utf8-bytes" });
    expect(pieces.map(utf8Bytes)).toEqual([5000, 2]);
  });

  it("counts Azure's limit in code points: 5,120 emoji (10,240 UTF-16 units) fit, the 5,121st starts a new piece", () => {
    expect(splitText("😀".repeat(5120), { limit: 5120, measure: "code-points" })).toHaveLength(1);
    expect(splitText("😀".repeat(5121), { limit: 5120, measure: "code-points" }).map(graphemes)).toEqual([5120, 1]);
    // Never fewer code points than the grapheme clusters Azure counts: 800 families of 7 code
    // points (800 clusters) go in pieces of at most 731 whole families.
    const pieces = splitText("👨‍👩‍👧‍👦".repeat(800), { limit: 5120, measure: "code-points" });
    expect(pieces.map(graphemes)).toEqual([731, 69]);
  });

  it("never splits a grapheme cluster that fits: a family emoji of 25 bytes stays whole", () => {
    const family = "👨‍👩‍👧‍👦";
    const pieces = splitText(family.repeat(10), { limit: 60, measure: "utf8-bytes" });
    expect(pieces).toEqual(Array.from({ length: 5 }, () => family.repeat(2)));
  });

  it("splits Japanese on its sentence ends (。) by bytes", () => {
    const sentence = "今日はとても気分が良いです。"; // 14 characters, 42 bytes
    const pieces = splitText(sentence.repeat(300), { limit: 5000, measure: "utf8-bytes", locale: "ja" });
    expect(pieces.join("")).toBe(sentence.repeat(300));
    for (const piece of pieces) {
      expect(utf8Bytes(piece)).toBeLessThanOrEqual(5000);
      expect(piece.endsWith("。")).toBe(true);
    }
  });

  it("leaves out pieces of whitespace only and never answers an empty piece", () => {
    const text = `Good.${" ".repeat(40)}Bad.`;
    const pieces = splitText(text, { limit: 8, measure: "utf8-bytes" });
    expect(pieces.every((piece) => piece.trim() !== "")).toBe(true);
    expect(pieces.map((piece) => piece.trim())).toEqual(["Good.", "Bad."]);
  });

  it("refuses a limit that cannot hold every code point", () => {
    expect(() => splitText("abc", { limit: 3, measure: "utf8-bytes" })).toThrow(RangeError);
    expect(() => splitText("abc", { limit: 4.5, measure: "utf8-bytes" })).toThrow(RangeError);
  });

  it("accepts a malformed language tag (boundaries of the root locale)", () => {
    expect(splitText("One. Two. Three.", { limit: 6, measure: "utf8-bytes", locale: "not a tag!" })).toEqual(["One. ", "Two. ", "Three."]);
  });

  describe("properties (fast-check)", () => {
    // Text from characters of 1–4 UTF-8 bytes, combining marks, ZWJ sequences, sentence and word ends.
    const pieceOfText = fc.oneof(
      fc.constantFrom("a", "é", "e\u0301", "語", "😀", "👍🏽", "👨‍👩‍👧", " ", ". ", "! ", "。", "\n", "ß", "ﷺ"),
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.string({ unit: "binary", maxLength: 6 }),
    );
    const textArbitrary = fc.array(pieceOfText, { maxLength: 120 }).map((parts) => parts.join(""));
    const measureArbitrary = fc.constantFrom<TextMeasure>("utf8-bytes", "code-points");

    it("pieces fit the limit, cut no code point, and join back to the text less whitespace-only pieces", () => {
      fc.assert(
        fc.property(textArbitrary, fc.integer({ min: 4, max: 80 }), measureArbitrary, (text, limit, measure) => {
          const pieces = splitText(text, { limit, measure });
          if (measureText(text, measure) <= limit) {
            expect(pieces).toEqual([text]);
            return;
          }
          for (const piece of pieces) {
            expect(measureText(piece, measure)).toBeLessThanOrEqual(limit);
            expect(piece.trim()).not.toBe("");
            // Every piece is valid UTF-16 unless the input itself held a lone surrogate.
            if (!hasLoneSurrogate(text)) expect(hasLoneSurrogate(piece)).toBe(false);
          }
          expect(pieces.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
        }),
        { numRuns: 400 },
      );
    });

    it("byte pieces of well-formed text encode to exactly the bytes of the text", () => {
      fc.assert(
        fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 400 }), fc.integer({ min: 4, max: 64 }), (text, limit) => {
          const pieces = splitText(text, { limit, measure: "utf8-bytes" });
          const kept = pieces.reduce((sum, piece) => sum + utf8Bytes(piece), 0);
          const dropped = utf8Bytes(text) - kept;
          // Only whitespace may be left out.
          expect(dropped).toBeGreaterThanOrEqual(0);
          if (dropped > 0) expect(text.replace(/\s/g, "")).toBe(pieces.join("").replace(/\s/g, ""));
          for (const piece of pieces) expect(utf8Bytes(piece)).toBeLessThanOrEqual(limit);
        }),
        { numRuns: 300 },
      );
    });
  });
});
