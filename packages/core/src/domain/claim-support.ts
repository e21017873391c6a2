import type { ClaimReader, ClaimWord } from "../ports/claim-reader.ts";
import type { SpeakerRole } from "./transcript.ts";
import { citesCommitment, quotesQuestion } from "./plan-commitment.ts";

/**
 * How well the cited words carry an item's claim, beyond the citation existing:
 * - `quoted`: the item repeats words said (its quote is in the cited segments) and every content
 *   word of its claim is among the quoted words, with the same polarity;
 * - `paraphrased`: the claim's content words are said in the cited segments (`claimSupport`);
 * - `unsupported`: the citation exists but the cited words do not carry the claim.
 * An unsupported item counts as unverified and is never shown as fact.
 */
export type ClaimSupport = "quoted" | "paraphrased" | "unsupported";

/** A cited segment as the rule reads it: its whole text and who said it. */
export interface CitedSegment {
  text: string;
  role: SpeakerRole;
}

/** What of an item the rule reads: its claim, the words it quotes, whose words it attributes. */
export interface Claim {
  text: string;
  quote?: string;
  speaker?: Exclude<SpeakerRole, "unknown">;
}

/**
 * A `statement` asserts what it says ("Patient drinks": a negation said contradicts it); a
 * `topic` names what was talked about ("drinking", "Patient discussed drinking": said with or
 * without a negation, it was talked about). Key topics and follow-up topics are topics; any
 * other claim is a statement unless a topic verb (`topicLemmas`) introduces it. A `plan` item (an
 * action item) is a statement that must also stand on a commitment (`citesCommitment`).
 */
export type ClaimKind = "statement" | "topic" | "plan";

/** Verbs that make a claim a topic: "discussed", "talked about", "touched on", "mentioned", "explored". */
export const topicLemmas: ReadonlySet<string> = new Set(["discuss", "talk", "touch", "mention", "explore"]);

/** Parts of speech that carry content; the rest (pronouns, determiners, auxiliaries…) do not. */
const contentPartsOfSpeech = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"]);
/** Verbs that carry no content of their own ("I have been", "she does"), when tagged as verbs. */
const lightVerbs: ReadonlySet<string> = new Set(["be", "have", "do"]);

/**
 * Verbs a note uses to say who said what, not what was said ("Patient reports…", "You said…",
 * "Suggested: …", "The session touched on…", "Reflected: “…”", "Affirmed: “…”", a plan line's
 * "Agreed: …", a line's "To confirm: …"): they are not looked for in the transcript. Whether a plan line was agreed is the
 * plan check's (`citesCommitment`), not a word to find.
 */
export const reportingLemmas: ReadonlySet<string> = new Set([
  "say",
  "tell",
  "report",
  "state",
  "mention",
  "describe",
  "disclose",
  "discuss",
  "express",
  "share",
  "talk",
  "speak",
  "explain",
  "note",
  "indicate",
  "acknowledge",
  "admit",
  "endorse",
  "suggest",
  "recommend",
  "ask",
  "deny",
  "touch",
  "explore",
  "reflect",
  "summarise",
  "summarize",
  "affirm",
  "agree",
  "confirm",
]);

/**
 * Adverbs a note frames a report with, right beside its reporting verb ("Talked mainly about
 * work.", "Also talked about sleep.", "mostly discussed"): how the note weighs what was said, not
 * words said in the session. Elsewhere they are claimed ("Patient mainly drinks at weekends").
 */
const framingAdverbs: ReadonlySet<string> = new Set(["mainly", "mostly", "chiefly", "largely", "briefly", "also"]);

/** Lemmas that state the opposite of what follows them: "Patient denies drinking" claims "not drink". */
const denialLemmas: ReadonlySet<string> = new Set(["deny"]);
/** How a note names the patient or the therapist as the one who said or did something. */
const patientLemmas: ReadonlySet<string> = new Set(["patient", "client"]);
const therapistLemmas: ReadonlySet<string> = new Set(["therapist", "clinician", "counsellor", "counselor"]);

/**
 * A paraphrase must find said at least two thirds of its claim's content words: 1 of 1, 2 of 2,
 * 2 of 3, 3 of 4, 4 of 5 (`found / all ≥ paraphraseNumerator / paraphraseDenominator`).
 */
export const paraphraseNumerator = 2;
export const paraphraseDenominator = 3;

/** A content word of a claim and the polarity it claims (true: "not …"). */
interface ClaimedWord {
  lemma: string;
  stem: string;
  negated: boolean;
}

/**
 * True for a word that carries content: a noun, proper noun, adjective, number or verb ("be",
 * "have", "do" excepted), or an adverb that is not a stop word ("lately", not "so" or "really").
 * Stop words of other parts of speech count: the library's list holds verbs like "call".
 */
export function isContentWord(word: Pick<ClaimWord, "lemma" | "partOfSpeech" | "stopWord">): boolean {
  if (!contentPartsOfSpeech.has(word.partOfSpeech)) return false;
  if (word.partOfSpeech === "ADV") return !word.stopWord;
  return !(word.partOfSpeech === "VERB" && lightVerbs.has(word.lemma));
}

/** The same word: the same lemma, or the same stem ("drinking" read as a noun, "drink" as a verb). */
function sameWord(a: Pick<ClaimWord, "lemma" | "stem">, b: Pick<ClaimWord, "lemma" | "stem">): boolean {
  return a.lemma === b.lemma || a.stem === b.stem;
}

/**
 * A said word carries a claimed one when it is the same word (`sameWord`) or of the kind the
 * claimed word names: "worried" carries "anxiety" (the reader's `kinds`).
 */
function carries(said: ClaimWord, claimed: Pick<ClaimWord, "lemma" | "stem">): boolean {
  return sameWord(said, claimed) || (said.kinds?.includes(claimed.lemma) ?? false);
}

/**
 * The words of a claim before its first verb — its subject, where a note names who speaks
 * ("Patient reports…", "The therapist and the patient agreed…"); the whole claim when it has no
 * verb ("Patient drinks", read with "drinks" as a noun). "patient" after the verb ("touched on
 * the ward and a patient") names a topic, not a speaker.
 */
function subjectOf(words: readonly ClaimWord[]): readonly ClaimWord[] {
  const verb = words.findIndex((word) => word.partOfSpeech === "VERB");
  return verb === -1 ? words : words.slice(0, verb);
}

/** True for a word of the subject that names the patient or the therapist. */
function namesParticipant(word: ClaimWord): boolean {
  return patientLemmas.has(word.lemma) || therapistLemmas.has(word.lemma);
}

/** A claim's own words: all but its reporting verbs and the patient or therapist its subject names. */
function ownWords(words: readonly ClaimWord[]): ClaimWord[] {
  const named = new Set(subjectOf(words).filter(namesParticipant));
  const framing = (at: number) => framingAdverbs.has(words[at]!.lemma) && [words[at - 1], words[at + 1]].some((next) => next !== undefined && reportingLemmas.has(next.lemma));
  return words.filter((word, at) => !reportingLemmas.has(word.lemma) && !named.has(word) && !framing(at));
}

/**
 * The content words a claim asserts, with their polarity: its own words (`ownWords`) that carry
 * content, each with its negation as read, flipped once more after a denial ("denies", "denied").
 */
function claimedWords(words: readonly ClaimWord[]): ClaimedWord[] {
  const denied = words.some((word) => denialLemmas.has(word.lemma));
  return ownWords(words)
    .filter(isContentWord)
    .map((word) => ({ lemma: word.lemma, stem: word.stem, negated: word.negated !== denied }));
}

/**
 * Whose words the claim says these are: the item's `speaker` when it has one; otherwise the
 * patient when its subject (`subjectOf`) names the patient ("Patient reports…", "The client
 * said…") and not the therapist, the therapist when it names the therapist and not the patient;
 * nobody in particular otherwise.
 */
export function attributedSpeaker(claim: Claim, words: readonly ClaimWord[]): Exclude<SpeakerRole, "unknown"> | undefined {
  if (claim.speaker !== undefined) return claim.speaker;
  const subject = subjectOf(words);
  const patient = subject.some((word) => patientLemmas.has(word.lemma));
  const therapist = subject.some((word) => therapistLemmas.has(word.lemma));
  if (patient && !therapist) return "patient";
  if (therapist && !patient) return "therapist";
  return undefined;
}

/**
 * How a claimed word fares among said words: said (with its polarity, for a statement), said only
 * with the other polarity, or not said.
 */
function standing(claimed: ClaimedWord, said: readonly ClaimWord[], kind: ClaimKind): "said" | "contradicted" | "absent" {
  const same = said.filter((word) => carries(word, claimed));
  if (same.some((word) => kind === "topic" || word.negated === claimed.negated)) return "said";
  return same.length > 0 ? "contradicted" : "absent";
}

/**
 * Judges how well the cited segments carry a claim. The rule, in order:
 * 1. Read the claim (`reader`). Its content words (`isContentWord`), by lemma, less the verbs that
 *    say who said what (`reportingLemmas`: "reports", "said", "discussed"…) and the patient or
 *    therapist its subject names ("Patient…"). Each carries the polarity read with it ("does not
 *    drink" claims *not* drink), flipped after "denies".
 * 2. The words said: those of the cited segments (whole segments, read in context so a negation
 *    before the cited span still counts) — only the segments of the speaker the claim attributes
 *    (`attributedSpeaker`): "Patient reports X" is not carried by the therapist's words.
 * 3. A content word is *said* when a said word is the same word (same lemma, or same stem:
 *    "drinking" and "drink") or a word of the kind it names ("worried" for "anxiety": the
 *    reader's `kinds`) with its polarity, *contradicted* when it is said only with the
 *    other polarity ("I don't drink" against "Patient drinks"). A topic (`ClaimKind`: `kind`, or a
 *    claim with a topic verb) asserts no polarity: the same word said either way is said.
 * 4. A claim with no content word ("Yeah.", "You said: “I'll tell him.”") is `quoted` when it has
 *    a quote, something of the cited segments is said, and its own words (`ownWords`) are all
 *    words of the quote; otherwise `unsupported` (nothing the cited words could carry).
 * 5. `unsupported` when any content word is contradicted.
 * 6. `quoted` when the item has a quote and every content word is said by a word of the quote.
 * 7. `paraphrased` when at least two thirds of the content words are said (so a claim of one or
 *    two content words needs all of them); `unsupported` otherwise.
 * 8. A `plan` claim is `unsupported` when its quote is a question (`quotesQuestion`: "Could you
 *    try…?" is not what was agreed, whatever the answer), or unless a cited segment not the
 *    therapist's commits or assents (`citesCommitment`): a suggestion nobody took up is no plan.
 * Whether the quote appears and the spans exist is `verifyItem`'s check, made before this one.
 * @returns the support. Never throws.
 */
export function claimSupport(claim: Claim, cited: readonly CitedSegment[], reader: ClaimReader, kind: ClaimKind = "statement"): ClaimSupport {
  if (kind === "plan") {
    const support = claimSupport(claim, cited, reader, "statement");
    return support === "unsupported" || (claim.quote !== undefined && quotesQuestion(claim.quote)) || !citesCommitment(cited, reader) ? "unsupported" : support;
  }
  const claimWords = reader.read(claim.text);
  const readAs = claimWords.some((word) => topicLemmas.has(word.lemma)) ? "topic" : kind;
  const speaker = attributedSpeaker(claim, claimWords);
  const said = cited.filter((segment) => speaker === undefined || segment.role === speaker).flatMap((segment) => reader.read(segment.text));
  const claimed = claimedWords(claimWords);
  const quoteWords = claim.quote === undefined ? null : reader.read(claim.quote);
  if (claimed.length === 0) {
    if (quoteWords === null || said.length === 0) return "unsupported";
    return ownWords(claimWords).every((word) => quoteWords.some((quoteWord) => quoteWord.lemma === word.lemma)) ? "quoted" : "unsupported";
  }
  const standings = claimed.map((word) => standing(word, said, readAs));
  if (standings.includes("contradicted")) return "unsupported";
  if (quoteWords !== null) {
    const quoted = said.filter((word) => quoteWords.some((quoteWord) => sameWord(quoteWord, word)));
    if (claimed.every((word) => standing(word, quoted, readAs) === "said")) return "quoted";
  }
  const found = standings.filter((state) => state === "said").length;
  return found * paraphraseDenominator >= claimed.length * paraphraseNumerator ? "paraphrased" : "unsupported";
}

/**
 * `reader` with a memo for one check of a session's notes (`verifyNotes` wraps its reader once):
 * a segment cited by many items is read once, and so is a quote that is its item's text. The
 * memo lives as long as the wrapped reader, so no session's words outlive the check that read
 * them.
 */
export function readingOnce(reader: ClaimReader): ClaimReader {
  const byText = new Map<string, ClaimWord[]>();
  return {
    name: reader.name,
    read(text) {
      let words = byText.get(text);
      if (!words) {
        words = reader.read(text);
        byText.set(text, words);
      }
      return words;
    },
  };
}
