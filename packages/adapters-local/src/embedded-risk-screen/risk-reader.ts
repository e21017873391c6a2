import { englishReaderWithoutEntities, readSegment, type ReadToken } from "../embedded-notes/segment-reader.ts";

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
  /**
   * The same words as said rather than lemmatised ("burned", "lighter"), word for word with
   * `text`: a pattern matches either.
   */
  said: string;
  /** For each word: the index of its token in `tokens`. */
  tokenOfWord: number[];
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
  // Speech recognition and texting drop the apostrophe of these too.
  id: ["i", "would"],
  hes: ["he", "be"],
  shes: ["she", "be"],
  theyre: ["they", "be"],
  youre: ["you", "be"],
  thats: ["that", "be"],
  whats: ["what", "be"],
  theres: ["there", "be"],
  wouldve: ["would", "have"],
  couldve: ["could", "have"],
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

/** Words wink-nlp reads with their full stop as one token, an abbreviation, where a sentence ends on the word. */
const sentenceEndAbbreviations: ReadonlySet<string> = new Set(["no.", "in."]);

/** A token's words, lemmatised and as said (the same number of each). */
function wordsOf(token: ReadToken, index: number): { lemmas: string[]; said: string[] } {
  const value = token.value.toLowerCase().replace(/[’‘`]/g, "'");
  // "Suicidal, no.", "before you went in." — wink-nlp reads "no." and "in." as one token (the abbreviations of "number" and "inch").
  if (sentenceEndAbbreviations.has(value)) return { lemmas: [value.slice(0, -1), "."], said: [value.slice(0, -1), "."] };
  const spelled = spelledOut[value];
  if (spelled) return { lemmas: spelled, said: spelled };
  // A name reads "person" among the lemmas; as said it stays (brand names of drugs are proper nouns too).
  if (token.pos === "PROPN" && index > 0 && /^\p{Lu}/u.test(token.value) && !notNames.has(value)) return { lemmas: ["person"], said: [value] };
  if (token.pos === "PUNCT" || keptAsSaid.has(value)) return { lemmas: [value], said: [value] };
  const lemma = token.lemma.replace(/[’‘`]/g, "'").trim();
  return { lemmas: [lemma === "" || /\s/.test(lemma) ? value : lemma], said: [value] };
}

/** A hyphen token touching the words on both sides ("self-harm"), not a dash between words ("so - well"). */
function isJoiningHyphen(tokens: readonly ReadToken[], index: number): boolean {
  const token = tokens[index]!;
  if (!/^[-‐‑]$/.test(token.value)) return false;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  return before !== undefined && after !== undefined && before.end === token.start && after.start === token.end;
}

/** A question's opening words, past a filler said first ("um is it true you can't eat tuna", as speech recognition gives it). */
const questionOpeners =
  /^ (?:(?:um|uh|er|erm|oh|so|and) )*(?:do|does|did|have|has|had|are|is|was|were|would|will|could|can|should|any|how (?:much|often|many|long|about)|what about|when did|when was|where do|is there|are there|have there be|has (?:anyone|anybody|someone|somebody)) /;

/**
 * Reads a segment into the sentences the risk rules match.
 * @returns one RiskSentence per sentence wink-nlp finds ([] for blank text).
 */
export function readRiskSentences(segment: { id: string; speaker: string; text: string }): RiskSentence[] {
  const read = readSegment({ ...segment, startMs: 0 }, "unknown", englishReaderWithoutEntities());
  return read.sentences.map((sentence) => {
    const words: string[] = [];
    const saidWords: string[] = [];
    const tokenOfWord: number[] = [];
    sentence.tokens.forEach((token, index) => {
      // A hyphen inside a word ("self-harmed", "co-codamol") joins its parts: they read as two
      // words, as they do when speech recognition writes them apart ("self harmed").
      if (isJoiningHyphen(sentence.tokens, index)) return;
      // A full stop inside a sentence the reader joined ("i nearly. killed myself. laughing.", "I'll go. This Wednesday.") is a pause, not an end: the words read on.
      if (token.value === "." && index < sentence.tokens.length - 1) return;
      const { lemmas, said } = wordsOf(token, index);
      lemmas.forEach((word, offset) => {
        words.push(word);
        saidWords.push(said[offset] ?? word);
        tokenOfWord.push(index);
      });
    });
    const text = ` ${words.join(" ")} `;
    const said = ` ${saidWords.join(" ")} `;
    const last = sentence.tokens[sentence.tokens.length - 1]?.value ?? "";
    return {
      text,
      said,
      words,
      tokenOfWord,
      tokens: sentence.tokens,
      // Speech recognition drops the "?": "okay can you tell me more" still asks.
      question: last === "?" || questionOpeners.test(text) || (!/[.?!]/.test(segment.text) && / (?:can|could|would|do|does|did|have|are|is|will|were|was) you /.test(text)),
      start: sentence.start,
      end: sentence.end,
    };
  });
}

/**
 * The index of the word at `offset` of `text` (the sentence's `text` or `said`: words one space
 * apart after a leading space), or of the word before when `offset` is a space.
 */
export function wordAt(text: string, offset: number): number {
  let spaces = 0;
  for (let index = 0; index <= offset && index < text.length; index += 1) if (text[index] === " ") spaces += 1;
  return Math.max(0, spaces - 1);
}

/** The word indices `[first, last]` a match at `[start, end)` of `text` covers. */
export function wordsCovered(text: string, start: number, end: number): [number, number] {
  const trimmedEnd = text[end - 1] === " " ? end - 1 : end;
  return [wordAt(text, start), wordAt(text, Math.max(start, trimmedEnd - 1))];
}
