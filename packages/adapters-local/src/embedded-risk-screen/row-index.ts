/**
 * A word index over the rows of `risk-rules.yaml`, so that a sentence tries only the rows whose
 * words occur in it (issue 21's speed target: 1,200 segments in under 200 ms; trying every row
 * on every sentence was two thirds of the screen's time).
 *
 * For each row, its regular expression is read (the subset the rows use: literals, escapes,
 * `(?:…)` groups, alternation, `?`, `*`, `+`, `{n,m}`, character classes, lookarounds, `^`,
 * `$`, `\b`) into a set of *anchors*: literal strings one of which every match of the row
 * contains ("any match of ` (?:drink\S*|drank) …` contains ` drink` or ` drank`"). A row is
 * tried on a sentence only when one of its anchors occurs in the sentence's text — a match
 * cannot occur otherwise, so the index never loses one (the bench's figures and a test that
 * compares it with trying every row show it). A row whose regex cannot be read this way, or
 * whose best anchors are too short to narrow anything, is tried on every sentence.
 *
 * Anchors are found in a sentence by their first three characters (a map from three-character
 * grams to the anchors starting with them), one look-up per character of the sentence.
 */

/** What is known of a piece of a regex: every string it can match (when few), and anchors. */
interface Facts {
  /** Every string the piece can match, when they are at most `maxExact`; otherwise null. */
  exact: Set<string> | null;
  /** Strings one of which every match contains; null when nothing is known. */
  anchors: Set<string> | null;
  /** Strings one of which every match starts with; null when nothing is known. */
  prefixes: Set<string> | null;
}

const maxExact = 400;
const unknown: Facts = { exact: null, anchors: null, prefixes: null };
const empty = (): Facts => ({ exact: new Set([""]), anchors: null, prefixes: null });
const exactly = (strings: Set<string>): Facts => ({ exact: strings, anchors: null, prefixes: strings });

/** Anchors shorter than this narrow too little: a row with one is tried on every sentence. */
const shortestUseful = 3;

/** Words in nearly every sentence: an anchor that is one of them narrows nothing. */
const commonWords = new Set(
  "a an the i me my you he she it we they them him her his be am is are was were been being have has had get got do did does done not n't never no to of in on at for with and or but so that this just like what will would can could go going make take took know think say said feel want up out about all".split(" "),
);

/**
 * How narrow an anchor is: four points a letter (a common word counts as one letter) and one for
 * each end that is a word's end (" od" is rarer than "od").
 */
function narrowness(anchor: string): number {
  // Shorter than a gram of the index: no use at all.
  if (anchor.length < shortestUseful) return 0;
  const letters = commonWords.has(anchor.trim()) ? 1 : anchor.replaceAll(" ", "").length;
  return letters * 4 + (anchor.startsWith(" ") ? 1 : 0) + (anchor.endsWith(" ") ? 1 : 0);
}

/** How good an anchor set is: its least narrow anchor, narrower being better; then fewer anchors. */
function quality(anchors: Set<string> | null): number {
  if (anchors === null || anchors.size === 0) return -1;
  let shortest = Infinity;
  for (const anchor of anchors) shortest = Math.min(shortest, narrowness(anchor));
  return shortest * 10_000 - anchors.size;
}

function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  return quality(b) > quality(a) ? b : a;
}

/** Anchors of a piece: its exact strings when known (none empty), else its anchors. */
function anchorsOf(facts: Facts): Set<string> | null {
  const exact = facts.exact !== null && ![...facts.exact].includes("") ? facts.exact : null;
  return better(facts.anchors, exact);
}

function product(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > maxExact) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** A minimal reader of the regex syntax the rows use. */
class Reader {
  private at = 0;
  private readonly source: string;
  constructor(source: string) {
    this.source = source;
  }

  /** Reads the whole source. @throws Error on syntax it does not know. */
  read(): Facts {
    const facts = this.alternation();
    if (this.at !== this.source.length) throw new Error(`unexpected ${this.source[this.at]} at ${this.at}`);
    return facts;
  }

  private alternation(): Facts {
    const branches = [this.sequence()];
    while (this.source[this.at] === "|") {
      this.at += 1;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    let exact: Set<string> | null = new Set();
    let anchors: Set<string> | null = new Set();
    let prefixes: Set<string> | null = new Set();
    for (const branch of branches) {
      if (exact !== null && branch.exact !== null && exact.size + branch.exact.size <= maxExact) for (const s of branch.exact) exact.add(s);
      else exact = null;
      const own = anchorsOf(branch);
      if (anchors !== null && own !== null) for (const s of own) anchors.add(s);
      else anchors = null;
      if (prefixes !== null && branch.prefixes !== null) for (const s of branch.prefixes) prefixes.add(s);
      else prefixes = null;
    }
    return { exact, anchors, prefixes };
  }

  private sequence(): Facts {
    // Adjacent pieces with exact strings are joined (` ` + `(?:a|b)` → ` a`, ` b`), and such a
    // run joined to how the next piece starts; the best anchors of any run or piece are the
    // sequence's.
    let run: Set<string> | null = new Set([""]);
    let best: Set<string> | null = null;
    let whole: Set<string> | null = new Set([""]);
    let prefixes: Set<string> | null = null;
    let atStart = true;
    const closeRun = () => {
      if (run !== null && ![...run].includes("")) best = better(best, run);
    };
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const piece = this.quantified();
      best = better(best, piece.anchors);
      if (piece.exact !== null) {
        const joined: Set<string> | null = run === null ? null : product(run, piece.exact);
        if (joined === null) {
          closeRun();
          run = piece.exact;
          atStart = false;
        } else run = joined;
        whole = whole === null ? null : product(whole, piece.exact);
      } else {
        const into = run === null || piece.prefixes === null ? null : product(run, piece.prefixes);
        if (atStart) prefixes = into ?? run;
        atStart = false;
        closeRun();
        best = better(best, into !== null && ![...into].includes("") ? into : null);
        best = better(best, anchorsOf(piece));
        run = new Set([""]);
        whole = null;
      }
    }
    closeRun();
    if (atStart) prefixes = run;
    return { exact: whole, anchors: best, prefixes: prefixes !== null && [...prefixes].includes("") ? null : prefixes };
  }

  private quantified(): Facts {
    const atom = this.atom();
    const next = this.source[this.at];
    if (next === "?" || next === "*" || next === "+") {
      this.at += 1;
      if (this.source[this.at] === "?") this.at += 1;
      if (next === "+") return { exact: null, anchors: anchorsOf(atom), prefixes: atom.prefixes };
      if (next === "?" && atom.exact !== null) return exactly(new Set([...atom.exact, ""]));
      return unknown;
    }
    if (next === "{") {
      const found = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (found === null) throw new Error(`unknown quantifier at ${this.at}`);
      this.at += found[0].length;
      if (this.source[this.at] === "?") this.at += 1;
      const min = Number(found[1]);
      return min >= 1 ? { exact: null, anchors: anchorsOf(atom), prefixes: atom.prefixes } : unknown;
    }
    return atom;
  }

  private atom(): Facts {
    const char = this.source[this.at]!;
    if (char === "(") {
      const head = /^\((\?:|\?=|\?!|\?<=|\?<!)?/.exec(this.source.slice(this.at))![0];
      if (head === "(" ) throw new Error("capturing groups are not expected in a row");
      this.at += head.length;
      const inner = this.alternation();
      if (this.source[this.at] !== ")") throw new Error(`unclosed group at ${this.at}`);
      this.at += 1;
      // A lookaround matches nothing itself: what it looks at is no part of the match.
      return head === "(?:" ? inner : empty();
    }
    if (char === "^" || char === "$") {
      this.at += 1;
      return empty();
    }
    if (char === "[") {
      const end = this.source.indexOf("]", this.at + 2);
      if (end < 0) throw new Error(`unclosed class at ${this.at}`);
      const body = this.source.slice(this.at + 1, end);
      this.at = end + 1;
      // A small class of plain characters ("[sz]", "[- ]") is its characters; anything else is unknown.
      if (body.startsWith("^") || body.includes("\\") || /.-./.test(body)) return unknown;
      return exactly(new Set([...body]));
    }
    if (char === "\\") {
      const escaped = this.source[this.at + 1]!;
      this.at += 2;
      if (escaped === "b" || escaped === "B") return empty();
      if (/[a-zA-Z0-9]/.test(escaped)) return unknown;
      return exactly(new Set([escaped]));
    }
    if (char === ".") {
      this.at += 1;
      return unknown;
    }
    this.at += 1;
    return exactly(new Set([char]));
  }
}


/**
 * The anchors of one regex source (one of which every match contains), or null when it must be
 * tried everywhere.
 */
export function anchorsOfPattern(source: string): string[] | null {
  let facts: Facts;
  try {
    facts = new Reader(source).read();
  } catch {
    return null;
  }
  const anchors = anchorsOf(facts);
  if (anchors === null || [...anchors].some((anchor) => anchor.length < shortestUseful)) return null;
  return [...anchors];
}

/** Which rows may match a text. */
export interface RowIndex {
  /** The indices of the rows that may match `text`, ascending (the rows' own order). */
  candidates(text: string): number[];
  /** The rows tried on every text. */
  readonly everywhere: readonly number[];
}

/** Builds the index over the rows' regex sources, in their order. */
export function indexRows(sources: readonly string[]): RowIndex {
  const everywhere: number[] = [];
  const byGram = new Map<string, { anchor: string; row: number }[]>();
  sources.forEach((source, row) => {
    const anchors = anchorsOfPattern(source);
    if (anchors === null) {
      everywhere.push(row);
      return;
    }
    for (const anchor of anchors) {
      const gram = anchor.slice(0, shortestUseful);
      const list = byGram.get(gram) ?? [];
      list.push({ anchor, row });
      byGram.set(gram, list);
    }
  });
  const rowCount = sources.length;
  return {
    everywhere,
    candidates(text) {
      const hit = new Uint8Array(rowCount);
      for (const row of everywhere) hit[row] = 1;
      for (let at = 0; at + shortestUseful <= text.length; at += 1) {
        const list = byGram.get(text.slice(at, at + shortestUseful));
        if (list === undefined) continue;
        for (const { anchor, row } of list) if (hit[row] === 0 && text.startsWith(anchor, at)) hit[row] = 1;
      }
      const out: number[] = [];
      for (let row = 0; row < rowCount; row += 1) if (hit[row] === 1) out.push(row);
      return out;
    },
  };
}
