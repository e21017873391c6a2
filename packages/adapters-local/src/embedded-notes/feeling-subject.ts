import { otherPersons, thingsNamed } from "./mood-lexicon.ts";
import type { ReadToken } from "./segment-reader.ts";

/** How many words before a word of feeling its subject (or, for the mood, a denying word) is looked for. */
export const subjectReach = 4;
/** First-person subjects: right after a word of feeling, they make it the patient's ("how unhappy I am"). */
const firstPersons = new Set(["i", "i'm", "i’m", "im"]);
/** Personal pronouns and the people `otherPersons` names: the nearest before a word of feeling is its subject ("it makes me sad": "me"). */
const persons = new Set([...firstPersons, "me", "we", "us", "you", ...otherPersons]);

const isIn = (words: ReadonlySet<string>, token: ReadToken) => words.has(token.lemma) || words.has(token.value.toLowerCase());

/**
 * True when the word of feeling at `index` (`length` words long) is said of someone else: the
 * nearest person within `subjectReach` words before it is one of `otherPersons` ("he was happy
 * with someone else", "my son always seems happy") — unless a first-person subject comes right
 * after it ("how unhappy I am"). The mood and the emotional themes read a feeling's subject so.
 */
export function saidOfSomeoneElse(tokens: readonly ReadToken[], index: number, length: number): boolean {
  if (causedInSomeoneElse(tokens, index, length)) return true;
  if (mannerOfSomeoneElse(tokens, index, length)) return true;
  const after = tokens.slice(index + length, index + length + 2);
  if (after.some((token) => isIn(firstPersons, token))) return false;
  const subject = tokens.slice(Math.max(0, index - subjectReach), index).filter((token) => isIn(persons, token)).at(-1);
  return subject !== undefined && isIn(otherPersons, subject);
}

/**
 * True when the word of feeling, opening its sentence or after "dead", "so" or "all", describes
 * how someone else was, said next ("Dead calm, like he's telling me what's for tea", "Calm as
 * anything, he was"): his manner, not the speaker's feeling.
 */
function mannerOfSomeoneElse(tokens: readonly ReadToken[], index: number, length: number): boolean {
  const before = tokens.slice(0, index).filter((token) => token.pos !== "PUNCT");
  if (before.length > 1 || (before.length === 1 && !["dead", "so", "all", "really", "very"].includes(before[0]!.value.toLowerCase()))) return false;
  const next = tokens.slice(index + length).filter((token) => token.pos !== "PUNCT").slice(0, 3);
  const [first, second] = next;
  return first !== undefined && second !== undefined && (first.value.toLowerCase() === "like" || first.value.toLowerCase() === "as") && isIn(otherPersons, second);
}

/** Subjects that, right before a word of feeling, make it a verb done to someone: "I scared her", "we upset them". */
const actingSubjects = new Set(["i", "we", "you", "he", "she", "they", "it"]);
/** Objects that name someone else: "scared her", "upset them". */
const otherObjects = new Set(["her", "him", "them"]);
/** Words that open an object naming someone else: "upset my mum", "scared the kids". */
const objectOpenings = new Set(["my", "his", "her", "their", "our", "the"]);
/** Adverbs and auxiliaries that may stand between the subject and the verb: "I really scared her", "I've already hurt her", "I might have upset them". */
const verbAdverbs = new Set(["really", "just", "properly", "totally", "kind", "kinda", "probably", "already", "have", "'ve", "’ve", "ve", "has", "had", "might", "may", "could", "would", "will", "'ll", "’ll"]);

/**
 * True when the word of feeling at `index` is a verb the speaker's subject did to someone else:
 * a subject (`actingSubjects`) right before it, adverbs and auxiliaries allowed, and a person of `otherPersons`
 * as its object right after ("I scared her", "I really upset my mum", "it scared the kids"). The
 * feeling is the other person's; "it scared me" and "I'm scared her dad will find out" (a form of
 * "be" before it) stay the speaker's.
 */
function causedInSomeoneElse(tokens: readonly ReadToken[], index: number, length: number): boolean {
  const next = tokens[index + length];
  const object = next !== undefined && (isIn(otherObjects, next) || (isIn(objectOpenings, next) && tokens[index + length + 1] !== undefined && isIn(otherPersons, tokens[index + length + 1]!)));
  if (!object) return false;
  let at = index - 1;
  while (at >= 0 && isIn(verbAdverbs, tokens[at]!)) at -= 1;
  return at >= 0 && isIn(actingSubjects, tokens[at]!);
}

/** Words that make a feeling after them one only wished for or supposed: "could be happy", "want to be happy", "wish I was happy", "to feel calm". */
const wishingWords = new Set(["could", "would", "might", "want", "wanna", "wish", "to"]);
/** Linking verbs between the wish and the feeling. */
const linkingVerbs = new Set(["be", "feel", "get", "become"]);
/** Words that may stand between the linking verb and the feeling: "could be so happy", "want to feel a bit calmer". */
const degreeWords = new Set(["so", "really", "truly", "more", "a", "bit", "little", "finally", "actually", "just"]);
/** Words that may stand between the wish and the linking verb: "wish I was happy", "would just be happy" ("would never be happy" is negated apart). */
const wishSubjects = new Set(["i", "just", "really"]);

/**
 * True when the pleasant feeling at `index` is wished for or supposed, not felt: a linking verb
 * ("be", "feel", "get", "become") just before it, with only degree words between ("so", "a bit"),
 * and a modal or a wish before that ("I could be happy in a quieter job", "I just want to feel calm",
 * "I wish I was happy"). The mood and the emotional themes read no hope or joy from it.
 */
export function wishedFor(tokens: readonly ReadToken[], index: number): boolean {
  // A phrase that opens with its linking verb ("feel better") is read from that verb.
  let at = linkingVerbs.has(tokens[index]!.lemma) ? index : index - 1;
  while (at >= 0 && degreeWords.has(tokens[at]!.lemma)) at -= 1;
  if (at < 0 || !linkingVerbs.has(tokens[at]!.lemma)) return false;
  at -= 1;
  while (at >= 0 && wishSubjects.has(tokens[at]!.lemma)) at -= 1;
  return at >= 0 && wishingWords.has(tokens[at]!.lemma) && (tokens[at]!.lemma !== "to" || ["want", "wanna", "like", "love", "wish", "need"].includes(tokens[at - 1]?.lemma ?? ""));
}

/** Words in -ing that are no act: "I hate everything", "I hate that thing". */
const notActs = new Set(["thing", "nothing", "something", "anything", "everything", "king", "morning", "evening", "spring", "ring", "building", "ceiling", "feeling", "feelings"]);

/**
 * True when "hate" at `index` is a dislike of an act, not anger: an -ing form right after it ("I
 * hate seeing her like that", "I hate being on my own"). It says what the patient finds hard: the
 * mood reads it as low, the emotional themes as no anger.
 */
export function dislikesAnAct(tokens: readonly ReadToken[], index: number): boolean {
  const next = tokens[index + 1];
  return tokens[index]!.lemma === "hate" && next !== undefined && /^[a-z]{3,}ing$/i.test(next.value) && !notActs.has(next.value.toLowerCase());
}

/** Words before "positive" that make it a thing's, not a feeling: "do something positive", "nothing positive". */
const thingsPositive = new Set(["something", "anything", "nothing", "everything", "test", "result", "tested"]);
/**
 * True when "positive" at `index` says a thing or a test is positive, not the patient: a test
 * result ("positive with flu", "tested positive for it", "the test came back positive") or
 * something done ("do something positive").
 */
export function positiveOfAThing(tokens: readonly ReadToken[], index: number): boolean {
  if (tokens[index]!.lemma !== "positive") return false;
  const before = tokens[index - 1]?.lemma ?? "";
  const after = tokens[index + 1]?.lemma ?? "";
  return after === "for" || after === "with" || thingsPositive.has(before) || (before === "back" && tokens[index - 2]?.lemma === "come");
}

/** True when a word of feeling at `index`, with the word before or after it, names a thing (`thingsNamed`: "blood pressure", "stress fracture"), not a feeling. */
export function namesAThing(tokens: readonly ReadToken[], index: number, phraseLength = 1): boolean {
  const word = (at: number) => tokens[at]?.value.toLowerCase() ?? "";
  const said = tokens.slice(index, index + phraseLength).map((token) => token.value.toLowerCase()).join(" ");
  return thingsNamed.has(`${word(index - 1)} ${said}`) || thingsNamed.has(`${said} ${word(index + phraseLength)}`);
}
