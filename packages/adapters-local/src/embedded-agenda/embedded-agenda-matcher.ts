/**
 * AgendaMatcher in this process, no model (`CONFIDE_AGENDA=embedded`): an agenda item is covered
 * by a segment that says enough of the item's content words, compared by wink-nlp lemma (the
 * same reading and word matching as the embedded notes: "sleeping" and "slept" say "sleep").
 *
 * An item's content words are its words less stop words ("how", "the", "have"), punctuation
 * and the words an agenda uses to ask for a talk ("discuss", "talk about", "check in on"). A
 * segment covers an item when it says its one content word ("Sleep" is covered by "I haven't
 * been sleeping well"), or at least two and at least half of them for a longer item (a lone
 * "conversation" does not cover "the conversation with her mother"). Negation does not matter: "I haven't slept" is talking
 * about sleep. English only, like the embedded notes; deterministic.
 */
import type { AgendaItemText, AgendaMatch, AgendaMatcher, AgendaSegment } from "@confide/core/ports";
import { phraseStarts } from "../embedded-notes/lemma-phrases.ts";
import { readSegment, type ReadToken } from "../embedded-notes/segment-reader.ts";

/** Words of an agenda item that ask for a conversation rather than name its topic. */
const agendaVerbs = new Set([
  "talk",
  "discuss",
  "discussion",
  "check",
  "review",
  "revisit",
  "follow",
  "ask",
  "mention",
  "cover",
  "update",
  "go",
  "bring",
  "explore",
]);

const isWord = (token: ReadToken) => /\p{L}/u.test(token.value);

/** The lemmas an item is about, in order, each once. */
function contentLemmas(item: AgendaItemText): string[] {
  const tokens = readSegment({ id: item.id, speaker: "agenda", startMs: 0, text: item.text }, "unknown").sentences.flatMap(
    (sentence) => sentence.tokens,
  );
  const lemmas = tokens.filter((token) => isWord(token) && !token.stopWord && !agendaVerbs.has(token.lemma)).map((token) => token.lemma);
  return [...new Set(lemmas)];
}

/** How many of an item's `count` content words a segment must say. */
const wordsNeeded = (count: number) => (count === 1 ? 1 : Math.max(2, Math.ceil(count / 2)));

export function createEmbeddedAgendaMatcher(): AgendaMatcher {
  /** Items are matched against every final of a session: read each item text once. */
  const lemmasByText = new Map<string, string[]>();
  const lemmasOf = (item: AgendaItemText) => {
    let lemmas = lemmasByText.get(item.text);
    if (lemmas === undefined) {
      lemmas = contentLemmas(item);
      lemmasByText.set(item.text, lemmas);
    }
    return lemmas;
  };

  return {
    provider: "embedded",

    async match(items, segment: AgendaSegment, options = {}): Promise<AgendaMatch[]> {
      options.signal?.throwIfAborted();
      if (items.length === 0 || segment.text.trim() === "") return [];
      const tokens = readSegment({ id: segment.id, speaker: "segment", startMs: 0, text: segment.text }, segment.role).sentences
        .flatMap((sentence) => sentence.tokens)
        .filter((token) => isWord(token) && !token.stopWord);
      const matches: AgendaMatch[] = [];
      for (const item of items) {
        const lemmas = lemmasOf(item);
        if (lemmas.length === 0) continue;
        const said = lemmas.filter((lemma) => phraseStarts(tokens, lemma).length > 0);
        if (said.length < wordsNeeded(lemmas.length)) continue;
        const matchedTerms = [
          ...new Set(said.flatMap((lemma) => phraseStarts(tokens, lemma).map((index) => tokens[index]!.value))),
        ];
        matches.push({ itemId: item.id, segmentId: segment.id, matchedTerms });
      }
      return matches;
    },
  };
}
