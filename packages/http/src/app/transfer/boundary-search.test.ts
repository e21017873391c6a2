import busboy from "busboy";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BoundarySearch, useNativeBoundarySearch } from "./boundary-search.ts";

type Callback = (isMatch: boolean, data: Buffer | undefined, start: number, end: number, isDataSafe: boolean) => void;
interface Search {
  push(chunk: Buffer, pos?: number): number;
  destroy(): void;
  matches: number;
}

/** busboy's own search (streamsearch 1.1.0), the reference, taken from a parser busboy made. */
const StreamSearch = (() => {
  const parser = busboy({ headers: { "content-type": "multipart/form-data; boundary=x" } });
  const reference = (parser as unknown as { _bparser: { constructor: new (needle: string, cb: Callback) => Search } })._bparser.constructor;
  parser.on("error", () => undefined);
  parser.destroy();
  return reference;
})();

/** What a search reported: plain bytes between boundaries, as text, then whatever it still held. */
function searchOutput(make: (needle: string, cb: Callback) => Search, needle: string, chunks: Buffer[]): string[] {
  const pieces: string[] = [];
  let current = "";
  const search = make(needle, (isMatch, data, start, end) => {
    if (data) current += data.toString("latin1", start, end);
    if (isMatch) {
      pieces.push(current);
      current = "";
    }
  });
  for (const chunk of chunks) search.push(chunk, 0);
  search.destroy();
  pieces.push(current);
  return pieces;
}

const native = (needle: string, cb: Callback) => new BoundarySearch(Buffer.from(needle, "latin1"), cb);
const reference = (needle: string, cb: Callback) => new StreamSearch(needle, cb);

/** Splits `text` at the given cut points into latin1 chunks. */
function split(text: string, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of [...points, text.length]) {
    if (point > from) chunks.push(Buffer.from(text.slice(from, point), "latin1"));
    from = Math.max(from, point);
  }
  return chunks;
}

const needle = "\r\n--b0undary";
/** Text made of the needle's own pieces, so that near-matches and split matches are common. */
const haystack = fc
  .array(fc.oneof(fc.constantFrom(needle, "\r\n--b0und", "\r\n-", "\r", "\n", "-", "b0undary", "\r\n--b0undar"), fc.string({ maxLength: 6 })), { maxLength: 30 })
  .map((parts) => parts.join(""));

describe("BoundarySearch (the multipart boundary found by Buffer.indexOf)", () => {
  it("reports the same bytes and boundaries as busboy's own search, however the input is cut", () => {
    fc.assert(
      fc.property(haystack, fc.array(fc.nat(400), { maxLength: 12 }), (text, cuts) => {
        const chunks = split(text, cuts);
        expect(searchOutput(native, needle, chunks)).toEqual(searchOutput(reference, needle, chunks));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds a boundary cut into one-byte chunks, and one that starts inside the held bytes", () => {
    const text = "ab\r\n-\r\n--b0undary cd\r\n--b0undary";
    expect(searchOutput(native, needle, split(text, [...text].map((_, index) => index)))).toEqual(["ab\r\n-", " cd", ""]);
    expect(searchOutput(native, needle, [Buffer.from("x\r\n--b0u"), Buffer.from("ndary")])).toEqual(["x", ""]);
  });

  it("hands back bytes held as a possible boundary start when destroyed, and says they are its own buffer", () => {
    const calls: Array<[boolean, string, boolean]> = [];
    const search = new BoundarySearch(Buffer.from(needle), (isMatch, data, start, end, safe) => {
      calls.push([isMatch, data ? data.toString("latin1", start, end) : "", safe]);
    });
    search.push(Buffer.from("tail\r\n--b0"));
    expect(calls).toEqual([[false, "tail", true]]);
    search.destroy();
    expect(calls).toEqual([
      [false, "tail", true],
      [false, "\r\n--b0", false],
    ]);
    expect(search.matches).toBe(0);
  });

  it("counts matches and stops at maxMatches, saying how far it read", () => {
    const search = new BoundarySearch(Buffer.from("--"), () => undefined);
    search.maxMatches = 1;
    expect(search.push(Buffer.from("a--b--c"))).toBe(3);
    expect(search.matches).toBe(1);
  });

  it("refuses an empty boundary", () => {
    expect(() => new BoundarySearch(Buffer.alloc(0), () => undefined)).toThrow(/empty/);
  });
});

describe("useNativeBoundarySearch", () => {
  const boundary = "----formdata7q";
  const contentType = `multipart/form-data; boundary=${boundary}`;
  const body = (fileBytes: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="patientId"\r\n\r\np-1\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n` +
    `${fileBytes}\r\n--${boundary}--\r\n`;

  /** Parses a body cut into chunks: the fields, the file's bytes, and the error if any. */
  function parse(chunks: Buffer[], withNative: boolean): Promise<{ fields: string[]; file: string; error: string | null; replaced: boolean }> {
    return new Promise((resolve) => {
      const parser = busboy({ headers: { "content-type": contentType } });
      const replaced = withNative ? useNativeBoundarySearch(parser) : false;
      const fields: string[] = [];
      let file = "";
      let settled = false;
      const done = (error: string | null) => {
        if (settled) return;
        settled = true;
        resolve({ fields, file, error, replaced });
      };
      parser.on("field", (name, value) => fields.push(`${name}=${value}`));
      parser.on("file", (name, stream) => {
        stream.on("data", (data: Buffer) => (file += data.toString("latin1")));
        stream.on("error", () => undefined);
      });
      parser.on("error", (error: Error) => done(error.message));
      parser.on("close", () => done(null));
      for (const chunk of chunks) parser.write(chunk);
      parser.end();
    });
  }

  it("replaces busboy 1.6's search, and a parser parses the same fields, file bytes and errors with it", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(`\r\n--${boundary}`, `\r\n--${boundary.slice(0, 6)}`, "\r\n-", "\r")),
        fc.array(fc.nat(400), { maxLength: 10 }),
        fc.nat(60),
        async (fileBytes, cuts, truncateBy) => {
          const whole = body(fileBytes);
          // Some bodies end early: the error busboy gives must be the same too.
          const text = whole.slice(0, Math.max(0, whole.length - (truncateBy > 40 ? truncateBy - 40 : 0)));
          const chunks = split(text, cuts);
          const withNative = await parse(chunks, true);
          expect(withNative.replaced).toBe(true);
          expect({ ...withNative, replaced: false }).toEqual(await parse(chunks, false));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("leaves alone a parser that does not keep busboy 1.6's search where it expects it", () => {
    const other = { _bparser: { push: () => 0 } };
    expect(useNativeBoundarySearch(other)).toBe(false);
    expect(useNativeBoundarySearch({})).toBe(false);
  });
});
