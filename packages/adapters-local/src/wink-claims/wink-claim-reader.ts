import type { ClaimReader, ClaimWord } from "@confide/core/ports";
import type { ItemToken, ItsFunction } from "wink-nlp";
import { conditionAdjectives, habitDoers } from "../embedded-notes/concern-nouns.ts";
import { emotionLexicon } from "../embedded-notes/emotion-lexicon.ts";
import { englishReader, insideNote, notesIn } from "../embedded-notes/segment-reader.ts";

/** Emotion words by word or lemma, with the emotions they are words of (the embedded writer's lexicon); condition adjectives with their noun. */
const kindsOf = new Map<string, string[]>();
for (const [emotion, words] of Object.entries(emotionLexicon)) {
  for (const word of words) kindsOf.set(word, [...(kindsOf.get(word) ?? []), emotion]);
}
/** Condition adjectives and habits' doers as words of their noun's kind: "pregnant" carries "pregnancy", "drinker" carries "drinking". */
for (const [word, noun] of [...conditionAdjectives, ...habitDoers]) kindsOf.set(word, [...(kindsOf.get(word) ?? []), noun]);

/** Lemmas that negate what follows them. */
const negationCues = new Set(["not", "never", "no", "nor", "without", "nothing", "none", "nobody", "neither"]);

/**
 * How far after a negation cue a word is still negated, in tokens. wink-nlp's own scope runs to
 * the end of the clause: in "I don't know why I want to die" it negates "die"; the window keeps
 * the negation on the words it governs ("don't drink wine") and "want to die" stays said.
 */
export const negationWindow = 3;

/** Parts of speech that are not words: punctuation, symbols, spaces. */
const notWords = new Set(["PUNCT", "SYM", "SPACE", "X"]);

/**
 * The ClaimReader of every profile: wink-nlp with its English lite model (loaded once per
 * process, shared with the embedded note writer), lemmas lower-cased, its Porter stem, its stop-word flag, and
 * its negation flag kept for words at most `negationWindow` tokens after a negation cue
 * ("not", "n't", "never", "no"…), and an emotion word's emotions as its `kinds` (the embedded
 * note writer's emotion lexicon: "worried" is a word of anxiety), a condition adjective's noun
 * likewise ("pregnant" is a word of pregnancy). Offsets are UTF-16 positions in
 * the text read.
 */
export function createWinkClaimReader(): ClaimReader {
  return {
    name: "wink-nlp/wink-eng-lite-web-model",
    read(text) {
      const nlp = englishReader();
      const its = nlp.its;
      const words: ClaimWord[] = [];
      // "(pause) Fine.": a transcriber's note is no words said, as the notes' reader reads it.
      const notes = notesIn(text);
      let offset = 0;
      let sinceCue = Number.POSITIVE_INFINITY;
      nlp
        .readDoc(text)
        .tokens()
        .each((token: ItemToken) => {
          const value = token.out(its.value) as string;
          const start = offset + (token.out(its.precedingSpaces) as string).length;
          offset = start + value.length;
          // wink-nlp's types declare `its.lemma` and `its.stem` with the model's add-ons as a parameter `out` does not pass.
          // A token the model has no lemma or stem for (some symbols and emoji in typed chat) is read as written.
          const lemma = ((token.out(its.lemma as unknown as ItsFunction<string>) as string | undefined) ?? value).toLowerCase();
          const partOfSpeech = token.out(its.pos) as string;
          const cue = negationCues.has(lemma);
          if (!notWords.has(partOfSpeech) && value.trim() !== "" && !insideNote(notes, start)) {
            const kinds = kindsOf.get(lemma) ?? kindsOf.get(value.toLowerCase());
            words.push({
              value,
              lemma,
              ...(kinds ? { kinds } : {}),
              stem: ((token.out(its.stem as unknown as ItsFunction<string>) as string | undefined) ?? value).toLowerCase(),
              partOfSpeech,
              stopWord: token.out(its.stopWordFlag) as boolean,
              negated: !cue && (token.out(its.negationFlag) as boolean) && sinceCue <= negationWindow,
              start,
              end: offset,
            });
          }
          sinceCue = cue ? 1 : sinceCue + 1;
        });
      return words;
    },
  };
}
