import { describe, expect, it } from "vitest";
import { compiledRules } from "./embedded-risk-screen.ts";
import { riskRules } from "./risk-rules.ts";

import { readRiskSentences } from "./risk-reader.ts";
import { anchorsOfPattern, indexRows } from "./row-index.ts";

const compiledPatterns = compiledRules().rows;
const riskPatterns = riskRules().rows;

describe("row index: anchors of a regex", () => {
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

  it.each([" (?:\\S+ )*x", " (?:a|b)", "(?:od)", "(x)"])("%j, with no anchor of three characters (or a syntax it does not read), is tried everywhere", (source) => {
    expect(anchorsOfPattern(source)).toBeNull();
  });
});

describe("row index: the rows tried on a sentence", () => {
  const index = indexRows(compiledPatterns.map((row) => row.regex.source));
  // Every example of every row, and some plain talk: the index must offer every row that matches.
  const sentences = [...riskPatterns.flatMap((row) => row.examples), "I had a nice weekend with my sister.", "we talked about work and the kids", "OD'd on Friday, an o.d. they said"].flatMap((text) =>
    readRiskSentences({ id: "s", speaker: "P", text }),
  );

  it("offers every row whose regex matches the sentence (trying all rows finds no other)", () => {
    for (const sentence of sentences) {
      const both = `${sentence.text}\n${sentence.said}`;
      const matching = compiledPatterns.flatMap((row, position) => ([...both.matchAll(row.regex)].length > 0 ? [position] : []));
      const offered = new Set(index.candidates(both));
      expect(matching.filter((position) => !offered.has(position)), both).toEqual([]);
    }
  });

  it("tries far fewer rows than all of them on plain talk", () => {
    const plain = readRiskSentences({ id: "s", speaker: "P", text: "We went to the park and had ice cream with my sister." })[0]!;
    expect(index.candidates(`${plain.text}\n${plain.said}`).length).toBeLessThan(compiledPatterns.length / 10);
  });

  it("gives the rows in their own order", () => {
    const sentence = readRiskSentences({ id: "s", speaker: "P", text: "I want to kill myself with pills off the bridge tonight." })[0]!;
    const offered = index.candidates(`${sentence.text}\n${sentence.said}`);
    expect(offered).toEqual([...offered].sort((a, b) => a - b));
  });
});
