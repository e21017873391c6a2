/**
 * The rules of `risk-rules.yaml` compiled for matching, and where a pattern matches a sentence.
 *
 * A pattern is compiled to match whole words: it starts with the space before a word (taken, so
 * that the regex engine looks only at word starts — a lookbehind made it try every character) and
 * ends before a space (or after one it took). A sentence is read twice, as lemmas and as said
 * (`risk-reader.ts`); a pattern is tried only on a reading that holds one of its anchors
 * (`anchor-index.ts`: one pass per reading serves every row, concept and companion, the result
 * kept for the sentence).
 */
import { expandShorthands, riskRules, type RiskConcept, type RiskPattern, type RiskRules } from "./risk-rules.ts";
import { inFirst, inSecond, indexAnchors, type AnchorIndex } from "./anchor-index.ts";
import { wordsCovered, type RiskSentence } from "./risk-reader.ts";

/** One compiled wording list: its regex and its place in the anchor index. */
export interface CompiledRegex {
  regex: RegExp;
  /** Its pattern's number in the anchor index. */
  slot: number;
  /**
   * True when the regex holds something that can match a line break (`[^…]`, `\s`, an escape
   * by code): it is then tried on both readings joined by one, as one text, so that what it
   * finds never depends on the readings being tried apart.
   */
  joinsReadings: boolean;
}

export interface CompiledPattern extends RiskPattern, CompiledRegex {}

export interface CompiledConcept extends CompiledPattern {
  /** What must be said with the concept's words (`with`). */
  companion: CompiledRegex;
  sameSentence: boolean;
  /** What takes the concept back when its companion is only in the sentence next to it (`notApartWith`), or null. */
  notApart: CompiledRegex | null;
  /** `RiskConcept.pastIsNoPlan`. */
  pastIsNoPlan?: boolean;
}

/** The rules of `risk-rules.yaml`, compiled once, at the first screen. */
export interface CompiledRules {
  version: string;
  /** The rows, each matching whole words of a sentence's text. */
  rows: readonly CompiledPattern[];
  concepts: readonly CompiledConcept[];
  /** The anchors of every row, concept and companion (their `slot`s). */
  index: AnchorIndex;
  /** Rows whose own words say a negation ("don't want to live"): a cue inside them is theirs. */
  rowNegates: ReadonlySet<string>;
}

/** Something in a regex source that may match a line break (see `CompiledRegex.joinsReadings`). */
const mayMatchLineBreak = /\[\^|\\[ace-vx-zAC-RT-Z0-9]/;

/**
 * Compiles rules as read by `parseRiskRules`: rows, then concepts, then their companions, each
 * given its slot in one anchor index derived from the patterns themselves.
 */
export function compileRules({ version, macros, rows, concepts }: RiskRules): CompiledRules {
  let slots = 0;
  const compile = (pattern: string): CompiledRegex => {
    const regex = new RegExp(` (?:${expandShorthands(pattern, macros)})(?:(?= )|(?<= )|$)`, "gm");
    return { regex, slot: slots++, joinsReadings: mayMatchLineBreak.test(regex.source) };
  };
  const compiledRows = rows.map((row): CompiledPattern => ({ ...row, ...compile(row.pattern) }));
  const withoutCompanions = concepts.map((row: RiskConcept) => ({ ...row, ...compile(row.pattern) }));
  const compiledConcepts = withoutCompanions.map(
    (row): CompiledConcept => ({ ...row, companion: compile(row.with), sameSentence: row.sameSentence ?? false, notApart: row.notApartWith === undefined ? null : compile(row.notApartWith) }),
  );
  const sources: string[] = [];
  for (const row of compiledRows) sources[row.slot] = row.regex.source;
  for (const row of compiledConcepts) {
    sources[row.slot] = row.regex.source;
    sources[row.companion.slot] = row.companion.regex.source;
    if (row.notApart !== null) sources[row.notApart.slot] = row.notApart.regex.source;
  }
  return {
    version,
    rows: compiledRows,
    concepts: compiledConcepts,
    index: indexAnchors(sources),
    // Read from the row's compiled wording, its shorthands expanded: a negation inside one is the row's own.
    rowNegates: new Set(compiledRows.filter((row) => /(?:^|[^a-z])(?:not|never|no|nothing|nobody|without)(?:[^a-z]|$)/.test(row.regex.source)).map((row) => row.id)),
  };
}

let compiled: CompiledRules | null = null;

/**
 * The rules of `risk-rules.yaml`, compiled once.
 * @throws Error when `risk-rules.yaml` is broken (naming the row).
 */
export function compiledRules(): CompiledRules {
  compiled ??= compileRules(riskRules());
  return compiled;
}

/** Each sentence's anchor scan, by the rules it was scanned for: read once, whatever asks. */
const scans = new WeakMap<RiskSentence, { rules: CompiledRules; found: Uint8Array }>();

/** Which readings of a sentence may hold a match of each pattern (`AnchorIndex.scan`). */
function readingsOf(sentence: RiskSentence, rules: CompiledRules): Uint8Array {
  const known = scans.get(sentence);
  if (known !== undefined && known.rules === rules) return known.found;
  const found = rules.index.scan(sentence.text, sentence.said);
  scans.set(sentence, { rules, found });
  return found;
}

/** Whether a pattern may match a sentence: one of its anchors occurs in a reading (or it has none). */
export function mayMatch(sentence: RiskSentence, pattern: CompiledRegex, rules: CompiledRules = compiledRules()): boolean {
  return readingsOf(sentence, rules)[pattern.slot] !== 0;
}

/**
 * Where a compiled pattern matches a sentence: the word indices `[first, last]` of each match
 * (one per first word), the lemmas' matches before the said words'. Only a reading holding one of
 * the pattern's anchors is tried.
 */
export function spansIn(sentence: RiskSentence, pattern: CompiledRegex, rules: CompiledRules = compiledRules()): [number, number][] {
  const readings = readingsOf(sentence, rules)[pattern.slot]!;
  if (readings === 0) return [];
  const spans: [number, number][] = [];
  const seen = new Set<number>();
  /** Each match in `searched`, as `matchAll` gives them; `locate` says in which reading it lies and from where. */
  const collect = (searched: string, locate: (index: number) => [text: string, offset: number]) => {
    const { regex } = pattern;
    regex.lastIndex = 0;
    for (let found = regex.exec(searched); found !== null; found = regex.exec(searched)) {
      if (found[0] === "") regex.lastIndex += 1;
      if (found[0].trim() === "") continue;
      const [text, offset] = locate(found.index);
      const [first, last] = wordsCovered(text, found.index - offset + 1, found.index - offset + found[0].length);
      if (seen.has(first)) continue;
      seen.add(first);
      spans.push([first, last]);
    }
  };
  if (pattern.joinsReadings) {
    // The lemmas on the first line, the words as said on the second: one text.
    const saidFrom = sentence.text.length + 1;
    collect(`${sentence.text}\n${sentence.said}`, (index) => (index >= saidFrom ? [sentence.said, saidFrom] : [sentence.text, 0]));
    return spans;
  }
  if ((readings & inFirst) !== 0) collect(sentence.text, () => [sentence.text, 0]);
  if ((readings & inSecond) !== 0) collect(sentence.said, () => [sentence.said, 0]);
  return spans;
}
