/**
 * One word of a text as a language library read it, with its place in the text. Punctuation and
 * spaces are not words.
 */
export interface ClaimWord {
  /** The word as written. */
  value: string;
  /** Its dictionary form, lower-cased: "hits" → "hit", "was" → "be", "n't" → "not". */
  lemma: string;
  /**
   * Its stem, lower-cased: what is left when inflection and derivation suffixes are cut
   * ("drinking" → "drink", "drinks" → "drink"), for forms the lemmatiser reads as different parts
   * of speech ("drinking" as a noun keeps its lemma "drinking").
   */
  stem: string;
  /** Universal Dependencies part of speech: NOUN, PROPN, VERB, ADJ, ADV, NUM, PRON, AUX, PART… */
  partOfSpeech: string;
  /** True for a function word of the language ("the", "I", "really", "some"). */
  stopWord: boolean;
  /**
   * True when the word is in the scope of a negation in its sentence: "drink" in "I don't
   * drink", "hurt" in "I never hurt anyone". The negating word itself ("not", "never") is not.
   */
  negated: boolean;
  /** UTF-16 offsets `[start, end)` into the text read. */
  start: number;
  end: number;
  /**
   * The names of what the word is an instance of, lower-cased, from the reader's lexicon: an
   * emotion word's emotion ("worried" → ["anxiety"], "crying" → ["sadness"]). A claim that names
   * the kind ("anxiety") is carried by a word of that kind. Absent: none known.
   */
  kinds?: readonly string[];
}

/**
 * Reads text into lemmatised words with their negation, for core's claim-support rule
 * (`claimSupport` in domain/claim-support.ts): the language analysis behind a port, so core stays
 * free of an NLP library while the rule that judges a claim stays in core, one place for every
 * note writer. Synchronous: an in-process library, no I/O.
 */
export interface ClaimReader {
  /** The library and model that read, e.g. "wink-nlp/wink-eng-lite-web-model". */
  readonly name: string;

  /**
   * Reads one text (English; other languages are read as English words, which finds little).
   * Deterministic: the same text gives the same words.
   * @returns the words in text order ([] for text without words). Never throws for any string.
   */
  read(text: string): ClaimWord[];
}
