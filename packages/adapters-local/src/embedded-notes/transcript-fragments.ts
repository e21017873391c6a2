/** What of a token the joining reads (the reader's `ReadToken` holds more). */
interface ReadToken {
  value: string;
  lemma: string;
  pos: string;
  start: number;
}
/** A sentence as the reader splits it (the reader's `ReadSentence`). */
interface ReadSentence<Token extends ReadToken = ReadToken> {
  start: number;
  end: number;
  tokens: Token[];
}

/**
 * Speech recognition in its lower-case form puts full stops where the speaker paused, not where a
 * sentence ended: "i nearly. killed myself. laughing." is one sentence said in three breaths, and
 * read apart its middle is a disclosure it is not. A sentence is joined to the one before it in
 * the same segment when it opens in lower case (a writer who starts sentences with a capital ended
 * the one before on purpose) and either the one before stops where no sentence can ("i have to.",
 * "and i nearly.", "last night i.", "but if i go.") or it has no verb and no subject of its own, or
 * opens on an inflected verb with no other ("with the dagger.", "two packets.", "killed myself.",
 * "laughing."). A bare answer ("no.", "yeah.") is never joined, before or after: it answers on its
 * own; nor is a sentence that opens on "not" or "never" ("i used to. not now."), which takes back
 * what came before, or on an answer ("no. but…").
 */
export function withFragmentsJoined<Token extends ReadToken>(text: string, sentences: ReadSentence<Token>[]): ReadSentence<Token>[] {
  const joined: ReadSentence<Token>[] = [];
  /** The sentence before has had one joined to it: its condition, if it opened on one, has its clause. */
  let grown = false;
  for (const sentence of sentences) {
    const before = joined.at(-1);
    if (before !== undefined && continuesBefore(text, before, sentence, grown)) {
      joined[joined.length - 1] = { start: before.start, end: sentence.end, tokens: [...before.tokens, ...sentence.tokens] };
      grown = true;
    } else {
      joined.push(sentence);
      grown = false;
    }
  }
  return joined;
}

/** Yes, no and their kin: an answer on their own, and the opening of a sentence of its own ("no. but…", "okay. send them."). */
const yesOrNo = ["no", "nope", "nah", "naw", "yes", "yeah", "yep", "aye", "ok", "okay", "alright", "sure", "thanks"];
/** The words that answer on their own: yes or no, and fillers said with them. */
const answerWords = new Set([...yesOrNo, "yup", "ye", "yea", "right", "mm", "mhm", "hmm", "um", "uh", "er", "erm", "so", "well", "like", "oh", "fine", "sorry"]);

/** Words a sentence cannot stop on: an adverb that leans on a verb still to come. */
const leaningAdverbs = new Set(["just", "nearly", "almost", "already", "really", "even", "only", "also", "actually", "never", "ever", "still", "kind", "sort"]);
/** Words that open a sentence of its own: a take-back ("not now."), an aside ("lol …") or an answer ("no. but…"). */
const notJoined = new Set(["not", "never", "lol", ...yesOrNo]);
/** Pronouns that stand as a subject whose verb has not come yet. */
const subjectPronouns = new Set(["i", "we", "he", "she", "they"]);
/** Parts of speech a sentence cannot stop on. */
const leaningParts = new Set(["CCONJ", "SCONJ", "PART"]);
/** Determiners that want their noun ("the whole.", "my."): not "that" or "her", which may close a sentence. */
const leaningDeterminers = new Set(["the", "a", "an", "my", "your", "his", "our", "their", "every", "each"]);
/** Prepositions that want their object ("i think about.", "she went with."); others may close a phrasal verb ("hang on.", "check those out."). */
const objectPrepositions = new Set(["about", "of", "with", "to", "for", "from", "at", "into", "like"]);
/** Parts of speech that make a verb phrase of a sentence. */
const verbParts = new Set(["VERB", "AUX"]);

const wordsOf = (sentence: ReadSentence): ReadToken[] => sentence.tokens.filter((token) => /\w/.test(token.value));

function continuesBefore(text: string, before: ReadSentence, sentence: ReadSentence, grown: boolean): boolean {
  const words = wordsOf(sentence);
  const first = words[0];
  const previous = wordsOf(before);
  const last = previous.at(-1);
  if (first === undefined || last === undefined) return false;
  // Only a lower-case opening, and only after a full stop ("?" and "!" end what they end).
  if (!/^\p{Ll}/u.test(text.slice(first.start))) return false;
  if (before.tokens.at(-1)?.value !== "." && !last.value.endsWith(".")) return false;
  const lower = (token: ReadToken) => token.value.toLowerCase().replace(/\.$/, "");
  if (previous.every((token) => answerWords.has(lower(token))) || words.every((token) => answerWords.has(lower(token)))) return false;
  // An answer or an aside opens its own sentence: "okay yeah good idea.", "lol not a bad idea though".
  if (notJoined.has(lower(first)) || first.pos === "INTJ") return false;
  const opening = previous.find((token) => token.pos !== "CCONJ");
  // A question is its own: "I'll check those out. are you a real person?"
  if (sentence.tokens.at(-1)?.value === "?") return false;
  // "hang on.", "I'll check those out.": a particle closes its verb; "i think about.", "i have to." lean on what comes.
  const leaning = last.pos === "ADP" ? objectPrepositions.has(lower(last)) : last.pos === "DET" ? leaningDeterminers.has(lower(last)) : leaningParts.has(last.pos);
  const stopsShort = leaning || leaningAdverbs.has(lower(last)) || subjectPronouns.has(lower(last)) || (!grown && opening !== undefined && lower(opening) === "if");
  // A verb as said, not as its lemma ("killed", "took", "laughing"), with no verb after it opens no
  // sentence of its own; a bare verb may ("hang on."), a verb whose "it" is left out ("sounds good.")
  // and a subject ("moving on was hard").
  const inflectedVerb = first.pos === "VERB" && lower(first) !== first.lemma && !lower(first).endsWith("s") && !words.slice(1).some((token) => verbParts.has(token.pos));
  const fragment = inflectedVerb || !words.some((token) => verbParts.has(token.pos) || subjectPronouns.has(lower(token)));
  // A pause cuts short pieces: a long sentence that stops short, or a long piece after one, was typed so.
  return (stopsShort && previous.length <= pieceLength) || (fragment && words.length <= pieceLength);
}

/** The most words a piece cut off by a pause holds: "and i nearly.", "of my sit a low pram.", "about an hour ago. maybe more". */
const pieceLength = 6;
