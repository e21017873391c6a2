import { describe, expect, it } from "vitest";
import { anchorsOfPattern, indexAnchors, inFirst, inSecond, longestIndexed } from "./anchor-index.ts";
import { parseRiskRules, riskRules } from "./risk-rules.ts";
import { readRiskSentences, wordsCovered, type RiskSentence } from "./risk-reader.ts";
import { compileRules, compiledRules, spansIn, type CompiledRegex } from "./rule-matcher.ts";

describe("anchor index: anchors of a regex", () => {
  it.each([
    [" (?:drink\\S*|drank) a lot", [" drink", " drank"]],
    // An optional piece and a lookaround add nothing a match must contain.
    [" (?:very )?sad(?= |$)", [" sad", " very sad"]],
    [" (?:an |a )?o\\.? ?d(?<!to od)", [" od", " o d", " o.d", " o. d", " a od", " a o d", " a o.d", " a o. d", " an od", " an o d", " an o.d", " an o. d"]],
    // A gap of any words: the best literal run on either side.
    [" (?:pill|tablet)s? (?:\\S+ ){0,3}(?:hoard\\S*)", ["hoard"]],
    ["[sz]ad", ["sad", "zad"]],
  ] as const)("every match of %j contains one of its anchors", (source, anchors) => {
    expect(anchorsOfPattern(source)?.sort()).toEqual([...anchors].sort());
  });

  it.each([" (?:\\S+ )*x", " (?:a|b)", "(?:od)", "(x)", " \\x41bcdef", " \\u0041bcdef", " \\p{L}bcdef"])(
    "%j, with no anchor of three characters (or a syntax it does not read), is tried everywhere",
    (source) => {
      expect(anchorsOfPattern(source)).toBeNull();
    },
  );
});

describe("anchor index: one pass over each reading", () => {
  it("finds every anchor, overlapping ones and one inside another included, in the reading that holds it", () => {
    const index = indexAnchors(["hers", "she", "(?:he|his)", "(?:ushe)", "(?:xyz)", "(?:abcdefghijklmn)"]);
    // "he" is two characters: that pattern has no anchor and is tried everywhere.
    expect(index.everywhere).toEqual([2]);
    expect([...index.scan(" ushers ", " abc ")]).toEqual([inFirst, inFirst, inFirst | inSecond, inFirst, 0, 0]);
    expect([...index.scan(" a ", " she and hers ")]).toEqual([inSecond, inSecond, inFirst | inSecond, 0, 0, 0]);
    expect([...index.scan("", "")]).toEqual([0, 0, inFirst | inSecond, 0, 0, 0]);
    // A long anchor is indexed by its start: a reading holding that start may match, so the pattern is tried.
    expect([...index.scan(" abcdefghijklmn ", " abcdefghijkl ")]).toEqual([0, 0, inFirst | inSecond, 0, 0, inFirst | inSecond]);
  });

  it("tells the same as looking for each anchor's indexed start in turn, on the first example of every row and concept", () => {
    const { rows, concepts, index } = compiledRules();
    const patterns: CompiledRegex[] = [...rows, ...concepts, ...concepts.map((concept) => concept.companion)];
    const anchorsOf = new Map(patterns.map((pattern) => [pattern.slot, anchorsOfPattern(pattern.regex.source)?.map((anchor) => anchor.slice(0, longestIndexed))]));
    for (const text of [...rows, ...concepts].map((row) => row.examples[0]!)) {
      for (const sentence of readRiskSentences({ id: "s", speaker: "P", text })) {
        const found = index.scan(sentence.text, sentence.said);
        for (const pattern of patterns) {
          const anchors = anchorsOf.get(pattern.slot);
          const expected = anchors === null || anchors === undefined ? inFirst | inSecond : (anchors.some((anchor) => sentence.text.includes(anchor)) ? inFirst : 0) | (anchors.some((anchor) => sentence.said.includes(anchor)) ? inSecond : 0);
          expect(found[pattern.slot], `${pattern.regex.source.slice(0, 60)} on ${sentence.text}`).toBe(expected);
        }
      }
    }
  });
});

/** Where a pattern matches, found the slow way: every pattern on both readings joined, with no index. */
function spansEverywhere(sentence: RiskSentence, regex: RegExp): [number, number][] {
  const both = `${sentence.text}\n${sentence.said}`;
  const saidFrom = sentence.text.length + 1;
  const spans: [number, number][] = [];
  const seen = new Set<number>();
  for (const found of both.matchAll(regex)) {
    if (found[0].trim() === "") continue;
    const [text, offset] = found.index >= saidFrom ? [sentence.said, saidFrom] : [sentence.text, 0];
    const [first, last] = wordsCovered(text, found.index - offset + 1, found.index - offset + found[0].length);
    if (seen.has(first)) continue;
    seen.add(first);
    spans.push([first, last]);
  }
  return spans;
}

describe("rule matcher: patterns tried only where their anchors are", () => {
  const { rows, concepts } = compiledRules();
  const patterns: CompiledRegex[] = [...rows, ...concepts, ...concepts.map((concept) => concept.companion)];
  // Every example of every row and concept, and some plain talk.
  const sentences = [
    ...riskRules().rows.flatMap((row) => row.examples),
    ...riskRules().concepts.flatMap((row) => row.examples),
    "I had a nice weekend with my sister.",
    "we talked about work and the kids",
    "OD'd on Friday, an o.d. they said",
  ].flatMap((text) => readRiskSentences({ id: "s", speaker: "P", text }));

  it("finds what trying every row, concept and companion on every sentence finds, span for span", () => {
    let matched = 0;
    for (const sentence of sentences) {
      for (const pattern of patterns) {
        const expected = spansEverywhere(sentence, pattern.regex);
        matched += expected.length;
        expect(spansIn(sentence, pattern), `${pattern.regex.source.slice(0, 60)} on ${sentence.text}`).toEqual(expected);
      }
    }
    // The comparison is not empty: the examples raise their rows.
    expect(matched).toBeGreaterThan(sentences.length);
  });

  it("tries far fewer patterns than all of them on plain talk", () => {
    const plain = readRiskSentences({ id: "s", speaker: "P", text: "We went to the park and had ice cream with my sister." })[0]!;
    const found = compiledRules().index.scan(plain.text, plain.said);
    expect(found.filter((readings) => readings !== 0).length).toBeLessThan(patterns.length / 10);
  });

  it("derives every anchor from the rules when they load: a new row is indexed, and a row with no anchor is still matched", () => {
    const rules = compileRules(
      parseRiskRules(
        [
          "version: test-1",
          "shorthands: {}",
          "rows:",
          "  - id: self_harm.scald",
          "    category: self_harm",
          "    says: Spoke of scalding themselves",
          "    match:",
          "      - scald\\S* myself",
          "    examples:",
          "      - I scalded myself.",
          // No literal of three characters: no anchor can be read, so it is tried everywhere.
          "  - id: substance.out",
          "    category: substance",
          "    says: Spoke of going out",
          "    match:",
          "      - (?:o|a)\\S*(?:n|t)",
          "    examples:",
          "      - I went out.",
          "concepts: []",
          "",
        ].join("\n"),
      ),
    );
    const [scald, out] = rules.rows;
    expect(rules.index.everywhere).toEqual([out!.slot]);
    expect(anchorsOfPattern(scald!.regex.source)).toEqual([" myself"]);
    const sentence = readRiskSentences({ id: "s", speaker: "P", text: "I scalded myself, then I went out." })[0]!;
    expect(spansIn(sentence, scald!, rules)).toEqual(spansEverywhere(sentence, scald!.regex));
    expect(spansIn(sentence, scald!, rules).length).toBe(1);
    expect(spansIn(sentence, out!, rules)).toEqual(spansEverywhere(sentence, out!.regex));
    expect(spansIn(sentence, out!, rules).length).toBe(1);
    // Where a row's anchor is absent, it is not tried and finds nothing.
    const other = readRiskSentences({ id: "s", speaker: "P", text: "I burned my hand." })[0]!;
    expect(rules.index.scan(other.text, other.said)[scald!.slot]).toBe(0);
    expect(spansIn(other, scald!, rules)).toEqual([]);
  });

  it("tries a pattern that could match a line break on both readings joined, as one text", () => {
    const rules = compileRules(
      parseRiskRules(
        ["version: test-1", "shorthands: {}", "rows:", "  - id: self_harm.burn", "    category: self_harm", "    says: Spoke of burning", "    match:", "      - burn[^x]+", "    examples:", "      - I burned myself.", "concepts: []", ""].join("\n"),
      ),
    );
    const [burn] = rules.rows;
    expect(burn!.joinsReadings).toBe(true);
    const sentence = readRiskSentences({ id: "s", speaker: "P", text: "I burned myself." })[0]!;
    expect(spansIn(sentence, burn!, rules)).toEqual(spansEverywhere(sentence, burn!.regex));
    expect(rules.rows.every((row) => row.slot === 0)).toBe(true);
    expect(compiledRules().rows.some((row) => row.joinsReadings)).toBe(false);
  });
});
