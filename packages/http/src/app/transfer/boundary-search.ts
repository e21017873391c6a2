/**
 * The multipart boundary search, done by `Buffer.indexOf` (native code) instead of busboy's
 * JavaScript Boyer-Moore-Horspool (`streamsearch`), which was the largest single cost of an
 * upload on the request's thread (~0.29 s of CPU per GiB, 20 % of the thread's busy time;
 * `bench/upload-profile.ts`). busboy does not let a caller choose its search, so
 * {@link useNativeBoundarySearch} replaces the instance busboy made for one parser; it speaks
 * streamsearch 1.1.0's contract, which busboy 1.6 calls:
 *
 * - `push(chunk, pos)`: search `chunk` from `pos`;
 * - the callback `(isMatch, data, start, end, isDataSafe)`: `data[start, end)` are bytes that are
 *   not part of a boundary, in order; `isMatch` says a boundary follows them; `isDataSafe` is
 *   false when `data` is this search's own reused buffer (the callback must copy those bytes);
 * - `destroy()`: hands back the bytes still held as a possible boundary start, and resets.
 *
 * A boundary split across chunks is held in a lookbehind buffer of fewer than `needle.length`
 * bytes until the next chunk says whether it is one.
 */

type SearchCallback = (isMatch: boolean, data: Buffer | undefined, start: number, end: number, isDataSafe: boolean) => void;

export class BoundarySearch {
  /** Read by streamsearch's callers; busboy leaves both alone. */
  matches = 0;
  maxMatches = Number.POSITIVE_INFINITY;
  readonly #needle: Buffer;
  readonly #callback: SearchCallback;
  readonly #lookbehind: Buffer;
  #lookbehindSize = 0;

  constructor(needle: Buffer, callback: SearchCallback) {
    if (needle.length === 0) throw new Error("The boundary to search for is empty.");
    this.#needle = needle;
    this.#callback = callback;
    this.#lookbehind = Buffer.alloc(needle.length);
  }

  /** Carries over what another search held (its lookbehind bytes and match count). */
  static continuing(needle: Buffer, callback: SearchCallback, held: Buffer, matches: number): BoundarySearch {
    const search = new BoundarySearch(needle, callback);
    if (held.length >= needle.length) throw new Error("A held boundary start is as long as the boundary.");
    held.copy(search.#lookbehind);
    search.#lookbehindSize = held.length;
    search.matches = matches;
    return search;
  }

  reset(): void {
    this.matches = 0;
    this.#lookbehindSize = 0;
  }

  destroy(): void {
    if (this.#lookbehindSize > 0) this.#callback(false, this.#lookbehind, 0, this.#lookbehindSize, false);
    this.reset();
  }

  /** @returns the position in `chunk` up to which it was read (its length unless `maxMatches` stopped it). */
  push(chunk: Buffer | string, pos = 0): number {
    const data = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    let start = pos;
    while (start < data.length && this.matches < this.maxMatches) {
      start = this.#lookbehindSize > 0 ? this.#resolveLookbehind(data, start) : this.#searchChunk(data, start);
    }
    return start;
  }

  /** Searches `data` from `start` with nothing held. @returns where to go on from. */
  #searchChunk(data: Buffer, start: number): number {
    const needle = this.#needle;
    const at = data.indexOf(needle, start);
    if (at !== -1) {
      this.#match(data, start, at, true);
      return at + needle.length;
    }
    // No whole boundary: keep the earliest tail that could begin one.
    const tail = earliestPrefixStart(data, start, data.length, needle);
    if (tail > start) this.#callback(false, data, start, tail, true);
    data.copy(this.#lookbehind, 0, tail, data.length);
    this.#lookbehindSize = data.length - tail;
    return data.length;
  }

  /**
   * Decides what the held bytes are, with up to `needle.length - 1` bytes of `data` after them:
   * a boundary starting among them, plain bytes, or (when `data` is too short to tell) still a
   * possible boundary start. @returns where to go on from in `data`.
   */
  #resolveLookbehind(data: Buffer, start: number): number {
    const needle = this.#needle;
    const held = this.#lookbehindSize;
    const taken = Math.min(data.length - start, needle.length - 1);
    const joined = Buffer.concat([this.#lookbehind.subarray(0, held), data.subarray(start, start + taken)]);
    const at = joined.indexOf(needle);
    if (at !== -1 && at < held) {
      // A boundary that starts among the held bytes.
      this.#lookbehindSize = 0;
      this.#match(this.#lookbehind, 0, at, false);
      return start + at + needle.length - held;
    }
    if (at !== -1 || start + taken < data.length) {
      // Every boundary starting among the held bytes would end within `joined`: none does.
      this.#lookbehindSize = 0;
      this.#callback(false, this.#lookbehind, 0, held, false);
      return start;
    }
    // `data` ended before it could tell: hold the earliest tail that could still begin one.
    const tail = earliestPrefixStart(joined, 0, joined.length, needle);
    if (tail > 0) {
      const fromHeld = Math.min(tail, held);
      this.#callback(false, this.#lookbehind, 0, fromHeld, false);
      if (tail > held) this.#callback(false, data, start, start + tail - held, true);
    }
    joined.copy(this.#lookbehind, 0, tail);
    this.#lookbehindSize = joined.length - tail;
    return data.length;
  }

  #match(data: Buffer, start: number, end: number, isDataSafe: boolean): void {
    this.matches += 1;
    if (end > start) this.#callback(true, data, start, end, isDataSafe);
    else this.#callback(true, undefined, 0, 0, true);
  }
}

/** The first position in `data[from, to)` whose bytes up to `to` begin `needle` (`to` when none does). */
function earliestPrefixStart(data: Buffer, from: number, to: number, needle: Buffer): number {
  // A tail as long as the needle would be a whole boundary, not the start of one.
  for (let position = Math.max(from, to - needle.length + 1); position < to; position += 1) {
    if (data[position] !== needle[0]) continue;
    if (data.compare(needle, 0, to - position, position, to) === 0) return position;
  }
  return to;
}

/** What busboy 1.6 keeps of its streamsearch instance (private: checked before it is relied on). */
interface StreamSearchState {
  _needle: Buffer;
  _cb: SearchCallback;
  _lookbehind: Buffer;
  _lookbehindSize: number;
  matches: number;
}

const isStreamSearch = (value: unknown): value is StreamSearchState => {
  if (typeof value !== "object" || value === null) return false;
  const state = value as Partial<StreamSearchState>;
  return (
    Buffer.isBuffer(state._needle) &&
    typeof state._cb === "function" &&
    Buffer.isBuffer(state._lookbehind) &&
    typeof state._lookbehindSize === "number" &&
    typeof state.matches === "number"
  );
};

/**
 * Gives a busboy multipart parser the native boundary search, keeping what its own search had
 * already read (busboy writes a CRLF into it as it starts). A parser that does not hold a
 * streamsearch instance where busboy 1.6 keeps it (another busboy version) is left as it is.
 * @returns whether the search was replaced.
 */
export function useNativeBoundarySearch(parser: object): boolean {
  const holder = parser as { _bparser?: unknown };
  const current = holder._bparser;
  if (!isStreamSearch(current)) return false;
  holder._bparser = BoundarySearch.continuing(
    current._needle,
    current._cb,
    current._lookbehind.subarray(0, current._lookbehindSize),
    current.matches,
  );
  return true;
}
