/**
 * Values a hostile or careless client sends, as fast-check arbitraries: NUL characters, bytes
 * that are not UTF-8, lone surrogates, huge and empty values, wrong types.
 */
import fc from "fast-check";

/**
 * Stands for bytes that are not UTF-8 inside generated text: `encodeText` writes it as an
 * invalid byte sequence, `encodeUriText` as its percent-encoding.
 */
export const notUtf8Marker = "\uF8FF";
const invalidSequences = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];
const markerBytes = Buffer.from(notUtf8Marker, "utf8");

/** UTF-8 bytes of `text`, with each `notUtf8Marker` replaced by an invalid byte sequence. */
export function encodeText(text: string): Buffer {
  const encoded = Buffer.from(text, "utf8");
  const pieces: Buffer[] = [];
  let start = 0;
  let found = encoded.indexOf(markerBytes, start);
  let count = 0;
  while (found !== -1) {
    pieces.push(encoded.subarray(start, found), Buffer.from(invalidSequences[count % invalidSequences.length] ?? [0xff]));
    count += 1;
    start = found + markerBytes.length;
    found = encoded.indexOf(markerBytes, start);
  }
  pieces.push(encoded.subarray(start));
  return Buffer.concat(pieces);
}

/** Percent-encodes `text` for a path segment or query value, `notUtf8Marker` as invalid bytes. */
export function encodeUriText(text: string): string {
  return text
    .split(notUtf8Marker)
    .map((piece) => {
      try {
        return encodeURIComponent(piece);
      } catch {
        // A lone surrogate: sent as the raw bytes a broken client would send.
        return "%ED%A0%80";
      }
    })
    .join("%FF%C3%28");
}

/** `arbitrary` one run in `oneIn` (3 unless given), else `otherwise`: most requests stay close to valid. */
export function sometimes<T>(arbitrary: fc.Arbitrary<T>, otherwise: T, oneIn = 3): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: fc.constant(otherwise), weight: oneIn - 1 }, { arbitrary, weight: 1 });
}

/** Text any client could send: short, arbitrary Unicode (lone surrogates included). */
const anyText = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 }), fc.string({ unit: "grapheme", maxLength: 10 }));

/** Strings built to break things, sized so a run stays quick (one case passes the 1 MiB JSON cap). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\uD800", "\uDFFF", notUtf8Marker, `x${notUtf8Marker}y`, "null", "undefined", "-1", "0", "1e309", "NaN"),
  fc.constantFrom("' OR 1=1 --", "../../etc/passwd", "%00", "%ff", "\\", "\"", "{}", "[]", "\r\n", "\u202e", "🙂".repeat(3)),
  fc.tuple(anyText, fc.constantFrom("\u0000", notUtf8Marker, "\uD800"), anyText).map(([before, bad, after]) => before + bad + after),
  fc.integer({ min: 201, max: 70_000 }).map((length) => "x".repeat(length)),
  fc.constant("y".repeat(1_100_000)),
  anyText,
);

/** A value of another type than the schema asks for. */
export const wrongTypeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER * 8, -0, 1e308),
  fc.array(fc.oneof(fc.integer(), hostileString, fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), hostileString), { maxKeys: 3 }),
  hostileString,
);

/** A header value `fetch` can send (Latin-1, no control characters), sometimes odd. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((code) => code !== 0x7f).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  fc.constantFrom("", "*", "W/\"1\"", "\"1\"", "\"999999999999999999999\"", "bytes=0-", "bytes=-1", "bytes=5-1", "bytes=0-0,1-1", "bytes=99999999999999999999-"),
  fc.integer({ min: 100, max: 8_000 }).map((length) => "a".repeat(length)),
);
