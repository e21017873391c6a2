import type { AgendaMatch, AgendaMatcher } from "../ports/agenda-matcher.ts";

/**
 * An agenda matcher for core's tests: an item is covered by a segment holding one of the item's
 * words of five letters or more (case-insensitive, whole words). No lemmas, no meaning.
 */
export function createKeywordAgendaMatcher(): AgendaMatcher {
  const words = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return {
    provider: "keyword",
    async match(items, segment) {
      const said = new Set(words(segment.text));
      const matches: AgendaMatch[] = [];
      for (const item of items) {
        const matchedTerms = [...new Set(words(item.text).filter((word) => word.length >= 5 && said.has(word)))];
        if (matchedTerms.length > 0) matches.push({ itemId: item.id, segmentId: segment.id, matchedTerms });
      }
      return matches;
    },
  };
}
