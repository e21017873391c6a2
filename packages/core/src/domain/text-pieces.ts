/**
 * Splitting a text that is too long for a provider's document limit into pieces that fit, on the
 * most natural boundary available: sentences first, then words, then user-perceived characters
 * (grapheme clusters), then code points. A piece never cuts a code point, never a grapheme
 * cluster unless that one cluster alone is over the limit, and never a sentence or word that
 * fits on its own. Pieces keep the text's own whitespace (joined, they are the text again,
 * except for pieces of whitespace only, which are left out: they carry no sentiment and
 * providers refuse them).
 *
 * The limit is counted in one of two measures:
 * - `code-points`: Unicode code points ("😀" is 1, although 2 UTF-16 code units). Azure Text
 *   Analytics counts its 5,120 "characters" in text elements (grapheme clusters), by the Unicode
 *   version of its own runtime; a text never has more grapheme clusters than code points, so a
 *   piece within the limit in code points is within it whatever grapheme rules the service
 *   applies (only texts rich in combining marks or emoji sequences are cut a little earlier);
 * - `utf8-bytes`: bytes of the text encoded as UTF-8 (Amazon Comprehend's 5,000 bytes: "é" is
 *   2, "語" 3 and "😀" 4).
 */

export type TextMeasure = "code-points" | "utf8-bytes";

export interface TextPieceLimit {
  /** Largest piece, in `measure` units; at least 4 (one code point in UTF-8). */
  limit: number;
  measure: TextMeasure;
  /** BCP 47 tag of the text's language, for its sentence and word boundaries. Default "en". */
  locale?: string;
}

const utf8 = new TextEncoder();

/** Segmenters per locale and granularity, made once (they are costly to create). */
const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string, granularity: "sentence" | "word" | "grapheme"): Intl.Segmenter {
  const key = `${locale}|${granularity}`;
  let found = segmenters.get(key);
  if (found === undefined) {
    try {
      found = new Intl.Segmenter(locale, { granularity });
    } catch {
      // Not a well-formed language tag: the root locale's boundaries (Unicode's defaults).
      found = new Intl.Segmenter(undefined, { granularity });
    }
    segmenters.set(key, found);
  }
  return found;
}

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * The size of `text` in `measure` units.
 * @returns code points for `code-points`, UTF-8 bytes for `utf8-bytes`.
 */
export function measureText(text: string, measure: TextMeasure): number {
  return measure === "utf8-bytes" ? utf8.encode(text).byteLength : codePointCount(text);
}

/** Each finer level splits a unit of the previous one that is still over the limit. */
type Level = (text: string, locale: string) => string[];

const bySegmenter =
  (granularity: "sentence" | "word" | "grapheme"): Level =>
  (text, locale) =>
    Array.from(segmenter(locale, granularity).segment(text), (part) => part.segment);

const levels: Level[] = [bySegmenter("sentence"), bySegmenter("word"), bySegmenter("grapheme"), (text) => Array.from(text)];

/**
 * Splits `text` into pieces of at most `limit` units (see the module comment for where it cuts).
 * @returns `[text]` when it fits; otherwise the pieces in order, none empty or whitespace only;
 * `[]` for a text of whitespace only that is over the limit.
 * @throws RangeError when `limit` is below 4 or not a whole number (no piece could hold every
 * code point).
 */
export function splitText(text: string, options: TextPieceLimit): string[] {
  const { limit, measure } = options;
  if (!Number.isInteger(limit) || limit < 4) throw new RangeError(`A piece limit must be a whole number of at least 4 (got ${limit}).`);
  const locale = options.locale ?? "en";
  const size = (part: string) => measureText(part, measure);
  if (size(text) <= limit) return [text];

  const pieces: string[] = [];
  let current = "";
  let currentSize = 0;
  const add = (unit: string, unitSize: number) => {
    if (currentSize + unitSize > limit && current !== "") {
      pieces.push(current);
      current = "";
      currentSize = 0;
    }
    current += unit;
    currentSize += unitSize;
  };
  // Both measures add up over concatenation: a piece's size is the sum of its units'.
  const walk = (part: string, level: number) => {
    for (const unit of (levels[level] as Level)(part, locale)) {
      const unitSize = size(unit);
      if (unitSize > limit && level + 1 < levels.length) walk(unit, level + 1);
      else add(unit, unitSize);
    }
  };
  walk(text, 0);
  if (current !== "") pieces.push(current);
  return pieces.filter((piece) => piece.trim() !== "");
}
