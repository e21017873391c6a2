/**
 * An anchor index over the patterns of `risk-rules.yaml` — every row, every concept and every
 * concept's companion — so that a pattern is tried only in a reading of a sentence that holds one
 * of its anchor words (the speed target: 1,200 segments in under 200 ms).
 *
 * Each pattern's regular expression is read (the subset the rules use: literals, escapes, `(?:…)`
 * groups, alternation, `?`, `*`, `+`, `{n,m}`, character classes, lookarounds, `^`, `$`, `\b`)
 * into a set of *anchors*: literal strings one of which every match of the pattern contains ("any
 * match of ` (?:drink\S*|drank) …` contains ` drink` or ` drank`"). The anchors are derived from
 * the rule data when the rules are loaded, never listed by hand, so a new row is indexed as it is
 * written. A pattern whose regex cannot be read this way, or whose best anchors are shorter than
 * three characters, has no anchor and is tried everywhere.
 *
 * All anchors go into one Aho-Corasick automaton (a trie with its failure links folded into one
 * transition table): one pass over a reading, one table look-up per character, tells which
 * patterns' anchors occur in it. A match cannot occur where none of its pattern's anchors does,
 * so the index never loses one (a test compares it with trying every pattern everywhere).
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

/** Anchors shorter than this narrow too little: a pattern with one is tried on every sentence. */
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
  // Shorter than three characters: in nearly every sentence, no use at all.
  if (anchor.length < shortestUseful) return 0;
  const letters = commonWords.has(anchor.trim()) ? 1 : anchor.replaceAll(" ", "").length;
  return letters * 4 + (anchor.startsWith(" ") ? 1 : 0) + (anchor.endsWith(" ") ? 1 : 0);
}

/** How good an anchor set is: its least narrow anchor, narrower being better; then fewer anchors. */
function quality(anchors: Set<string> | null): number {
  if (anchors === null || anchors.size === 0) return -1;
  const known = qualities.get(anchors);
  if (known !== undefined) return known;
  let shortest = Infinity;
  for (const anchor of anchors) shortest = Math.min(shortest, narrowness(anchor));
  const value = shortest * 10_000 - anchors.size;
  qualities.set(anchors, value);
  return value;
}
/** Each anchor set's quality, once (sets are not changed once made). */
const qualities = new WeakMap<Set<string>, number>();

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

/** A quantifier `{n}`, `{n,}`, `{n,m}` and a group's opening, read where the reader stands. */
const quantifierAt = /\{(\d+)(,(\d*))?\}/y;
const groupAt = /\((\?:|\?=|\?!|\?<=|\?<!)?/y;

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
      quantifierAt.lastIndex = this.at;
      const found = quantifierAt.exec(this.source);
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
      groupAt.lastIndex = this.at;
      const head = groupAt.exec(this.source)![0];
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
      // An escape that goes on past its letter (`\x41`, `\u0041`, `\cJ`, `\k<name>`, `\p{L}`) is not read.
      if ("xuckpP".includes(escaped)) throw new Error(`unread escape \\${escaped} at ${this.at - 2}`);
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

/** How many characters of an anchor go into the automaton (its start: an anchor too). */
export const longestIndexed = 12;

/** Which patterns may match a reading. */
export interface AnchorIndex {
  /**
   * One pass over each reading: for each pattern (in the order given), 0 when none of its
   * anchors occurs in either reading, else bit 1 set when one occurs in `first`, bit 2 when one
   * occurs in `second`; both bits for a pattern with no anchor.
   */
  scan(first: string, second: string): Uint8Array;
  /** The patterns with no anchor, tried on every reading. */
  readonly everywhere: readonly number[];
}

/** Bits of `AnchorIndex.scan`: which reading holds an anchor of the pattern. */
export const inFirst = 1;
export const inSecond = 2;

/**
 * Builds the index over regex sources (one pattern each, in their order): the anchors of each
 * (`anchorsOfPattern`) in one Aho-Corasick automaton.
 */
export function indexAnchors(sources: readonly string[]): AnchorIndex {
  const everywhere: number[] = [];
  const patternsOfAnchor = new Map<string, number[]>();
  sources.forEach((source, pattern) => {
    const anchors = anchorsOfPattern(source);
    if (anchors === null) {
      everywhere.push(pattern);
      return;
    }
    for (const whole of anchors) {
      // Any part of an anchor is an anchor too: the first characters keep the automaton small.
      const anchor = whole.slice(0, longestIndexed);
      const patterns = patternsOfAnchor.get(anchor) ?? [];
      if (!patterns.includes(pattern)) patterns.push(pattern);
      patternsOfAnchor.set(anchor, patterns);
    }
  });
  // The characters anchors use, numbered from 1; any other character is 0 and leads back to the root.
  const classOf = new Uint16Array(0x10000);
  let classes = 1;
  for (const anchor of patternsOfAnchor.keys()) {
    for (let at = 0; at < anchor.length; at += 1) {
      const code = anchor.charCodeAt(at);
      if (classOf[code] === 0) classOf[code] = classes++;
    }
  }
  // The trie: `next[state * classes + class]`, -1 where it has no edge yet.
  let next = new Int32Array(1024 * classes).fill(-1);
  const outputs: number[][] = [];
  const newState = () => {
    if ((outputs.length + 1) * classes > next.length) {
      const grown = new Int32Array(next.length * 2).fill(-1);
      grown.set(next);
      next = grown;
    }
    outputs.push([]);
    return outputs.length - 1;
  };
  newState();
  for (const [anchor, patterns] of patternsOfAnchor) {
    let state = 0;
    for (let at = 0; at < anchor.length; at += 1) {
      const edge = state * classes + classOf[anchor.charCodeAt(at)]!;
      if (next[edge] === -1) {
        // A new state may grow the table: made first, then linked.
        const child = newState();
        next[edge] = child;
      }
      state = next[edge]!;
    }
    outputs[state]!.push(...patterns);
  }
  // Failure links, breadth first: each missing edge takes the failure state's edge, and each
  // state also outputs what its failure state outputs (an anchor ending inside a longer one).
  const fail = new Array<number>(outputs.length).fill(0);
  const queue: number[] = [];
  for (let c = 0; c < classes; c += 1) {
    const child = next[c]!;
    if (child === -1) next[c] = 0;
    else queue.push(child);
  }
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head]!;
    for (const pattern of outputs[fail[state]!]!) if (!outputs[state]!.includes(pattern)) outputs[state]!.push(pattern);
    for (let c = 0; c < classes; c += 1) {
      const edge = state * classes + c;
      const child = next[edge]!;
      const fallback = next[fail[state]! * classes + c]!;
      if (child === -1) next[edge] = fallback;
      else {
        fail[child] = fallback;
        queue.push(child);
      }
    }
  }
  const table = next.slice(0, outputs.length * classes);
  const outputStart = new Int32Array(outputs.length + 1);
  outputs.forEach((patterns, state) => (outputStart[state + 1] = outputStart[state]! + patterns.length));
  const outputPatterns = Int32Array.from(outputs.flat());
  const patternCount = sources.length;

  function mark(text: string, bit: number, found: Uint8Array): void {
    let state = 0;
    for (let at = 0; at < text.length; at += 1) {
      state = table[state * classes + classOf[text.charCodeAt(at)]!]!;
      for (let out = outputStart[state]!; out < outputStart[state + 1]!; out += 1) {
        const pattern = outputPatterns[out]!;
        found[pattern] = found[pattern]! | bit;
      }
    }
  }

  return {
    everywhere,
    scan(first, second) {
      const found = new Uint8Array(patternCount);
      for (const pattern of everywhere) found[pattern] = inFirst | inSecond;
      mark(first, inFirst, found);
      mark(second, inSecond, found);
      return found;
    },
  };
}
