import { readSegment, type ReadToken } from "../embedded-notes/segment-reader.ts";

/**
 * A sentence as the risk rules read it: wink-nlp's tokens (sentence boundaries, lemmas, parts of
 * speech) turned into lower-case words, one or more per token, with where each token stands in
 * the segment's text. Spoken forms are spelled out ("gonna" → "go to", "dont" → "do not") and a
 * few lemmas kept as said ("better" stays "better", not "good"), so one pattern serves written
 * and transcribed speech.
 */
export interface RiskSentence {
  /** The words joined by single spaces, with a space before the first and after the last. */
  text: string;
  /** For each word: the index of its token in `tokens`. */
  tokenOfWord: number[];
  /** For each word: the offset in `text` where it starts. */
  wordStarts: number[];
  tokens: ReadToken[];
  /** The words. */
  words: string[];
  /** True when the sentence ends with "?" or opens like a question ("do you…", "have you…"). */
  question: boolean;
  /** UTF-16 offsets of the sentence in the segment. */
  start: number;
  end: number;
}

/** Spoken and unpunctuated forms, spelled out as the words a pattern expects. */
const spelledOut: Readonly<Record<string, string[]>> = {
  gonna: ["go", "to"],
  wanna: ["want", "to"],
  gotta: ["have", "to"],
  tryna: ["try", "to"],
  kinda: ["kind", "of"],
  sorta: ["sort", "of"],
  "i'm": ["i", "be"],
  im: ["i", "be"],
  ive: ["i", "have"],
  "i've": ["i", "have"],
  "i'd": ["i", "would"],
  "i'll": ["i", "will"],
  dont: ["do", "not"],
  cant: ["can", "not"],
  wont: ["will", "not"],
  didnt: ["do", "not"],
  doesnt: ["do", "not"],
  isnt: ["be", "not"],
  wasnt: ["be", "not"],
  arent: ["be", "not"],
  werent: ["be", "not"],
  havent: ["have", "not"],
  hasnt: ["have", "not"],
  wouldnt: ["would", "not"],
  couldnt: ["could", "not"],
  shouldnt: ["should", "not"],
  aint: ["be", "not"],
  "ain't": ["be", "not"],
  cuz: ["because"],
  cos: ["because"],
  coz: ["because"],
  "'cause": ["because"],
  anymore: ["anymore"],
  alot: ["a", "lot"],
  mum: ["mum"],
  ok: ["okay"],
};

/** Words whose lemma would lose what the rules need ("better" → "good", "left" → "leave" is fine). */
const keptAsSaid = new Set(["better", "best", "worse", "worst", "dead", "born", "burnt", "bit", "threw", "thrown", "struck", "drank", "drunk", "wasted", "high", "felt", "shot"]);

/** Pronouns and words wink-nlp may tag as proper nouns that are not names. */
const notNames = new Set(["i", "i'm", "im", "god", "mum", "mom", "dad", "mummy", "daddy", "nan", "gran", "ok", "okay", "yeah", "christmas", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);

function wordsOf(token: ReadToken, index: number): string[] {
  const value = token.value.toLowerCase().replace(/[’‘`]/g, "'");
  const spelled = spelledOut[value];
  if (spelled) return spelled;
  if (token.pos === "PUNCT") return [value];
  if (token.pos === "PROPN" && index > 0 && /^\p{Lu}/u.test(token.value) && !notNames.has(value)) return ["person"];
  if (keptAsSaid.has(value)) return [value];
  const lemma = token.lemma.replace(/[’‘`]/g, "'");
  if (lemma === "'s" || lemma === "’s") return ["'s"];
  return lemma.split(/\s+/).filter((word) => word !== "");
}

const questionOpeners =
  /^ (?:do|does|did|have|has|had|are|is|was|were|would|will|could|can|should|any|how (?:much|often|many|long|about)|what about|when did|when was|where do|is there|are there|have there be|has (?:anyone|anybody|someone|somebody)) /;

/**
 * Reads a segment into the sentences the risk rules match.
 * @returns one RiskSentence per sentence wink-nlp finds ([] for blank text).
 */
export function readRiskSentences(segment: { id: string; speaker: string; text: string }): RiskSentence[] {
  const read = readSegment({ ...segment, startMs: 0 }, "unknown");
  return read.sentences.map((sentence) => {
    const words: string[] = [];
    const tokenOfWord: number[] = [];
    sentence.tokens.forEach((token, index) => {
      for (const word of wordsOf(token, index)) {
        words.push(word);
        tokenOfWord.push(index);
      }
    });
    const wordStarts: number[] = [];
    let offset = 1;
    for (const word of words) {
      wordStarts.push(offset);
      offset += word.length + 1;
    }
    const text = ` ${words.join(" ")} `;
    const last = sentence.tokens[sentence.tokens.length - 1]?.value ?? "";
    return {
      text,
      words,
      tokenOfWord,
      wordStarts,
      tokens: sentence.tokens,
      question: last === "?" || questionOpeners.test(text),
      start: sentence.start,
      end: sentence.end,
    };
  });
}

/** The index of the word that starts at or covers `offset` in the sentence's text. */
export function wordAt(sentence: RiskSentence, offset: number): number {
  let index = 0;
  while (index + 1 < sentence.wordStarts.length && (sentence.wordStarts[index + 1] ?? Infinity) <= offset) index += 1;
  return index;
}
