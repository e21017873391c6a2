import type { NoteItemDraft } from "@confide/core/ports";
import { sentenceCommitment } from "./commitments.ts";
import { isWord } from "./conversation-fillers.ts";
import { firstWordsOf, mayHold, phraseStarts } from "./lemma-phrases.ts";
import type { ReadSegment, ReadSentence, ReadToken } from "./segment-reader.ts";

/** What the text of an agreed proposal starts with: the plan item is the therapist's proposal the patient took up. */
export const agreedPrefix = "Agreed: ";

/** Ways a therapist proposes something the patient could do, as lemma phrases. */
const proposalPhrases = [
  "you could",
  "could you",
  "you might",
  "you can try",
  "you should",
  "why not",
  "why do not you",
  "would you consider",
  "would you be willing",
  "what if you",
  "i would like you",
  "i would suggest",
  "i suggest",
  "i would recommend",
  "i recommend",
  "it might help",
  "it might also help",
  "it may help",
  "it might be worth",
  "it might be good",
  "it could help",
  "it would be good",
  "it would be helpful",
  "it may be helpful",
  "it might be helpful",
  "it could be helpful",
  "maybe you",
  "perhaps you",
  "one thing you",
  "have you try",
  "have you think about",
  "have you consider",
  "how about",
  "maybe try",
  "i wonder if you could",
  "some people find",
  "one thing that can help",
  "i would",
  "i think you should",
  "you can",
  "you may want",
  "make sure",
  "might help",
  "may help",
  "could help",
  "can help",
  "would help",
  "would be good",
  "would be a good",
  "could be a good",
  "worth a try",
  "have you look",
  "have you check",
  "have you ever think",
  "have you ever try",
];

/** Words that may open an imperative proposal before its verb: "And try not to…", "Maybe plan something…". */
const openers = new Set(["and", "so", "then", "maybe", "perhaps", "also", "just", "please"]);
/** Verbs that, opening a therapist's sentence, propose something: "Try the slow breathing", "Maybe plan something for the evening". */
const proposingVerbs = new Set(["try", "plan", "write", "keep", "practise", "practice", "remember", "call", "reach", "consider", "join", "book", "contact", "take", "make", "set", "go", "ask", "talk", "get", "look", "check", "search", "spend", "find", "stay", "give", "start", "focus", "google", "use"]);
/** What after an imperative makes it a courtesy of the session, not a proposal: "Go on", "Take care", "Take your time". */
const courtesies = new Set(["on", "ahead", "care", "your"]);
/**
 * Acts of the session itself that a proposal phrase may introduce — asking the patient to tell,
 * describe or explain ("Maybe you could tell me about how much you drank", "How about
 * friendship?") — or agenda: never a plan.
 */
const inSessionVerbs = new Set(["tell", "share", "describe", "explain", "say", "talk", "elaborate", "expand", "clarify", "give", "walk", "discuss", "hear", "know", "ask", "understand"]);
/** Verbs of talk in the session itself, never an act for after it: "I'd like you to discuss that". */
const sessionTalk = new Set(["discuss", "explain", "describe", "elaborate", "share", "expand", "clarify"]);
/** Phrases whose next word must be an act, not encouragement or the therapist's own state: "You can do it", "You should be [proud]", "I would notice", "I'd like you to be checked". */
const needsAnAct = new Set(["you can", "i would", "you should", "i would like you", "i would like"]);
/** Phrases a question may propose with ("Have you thought about…?", "How about…?"); any other question asks, it does not propose. */
const proposingQuestions = ["have you", "what about", "how about", "why not", "why do not you", "would you consider", "would you be willing", "what if you", "could you try", "can you try", "do you think you", "do you think", "perhaps you", "maybe you", "you could", "you might", "could you"];
/** Words opening a question that asks for the patient's own answer. */
const openQuestions = new Set(["what", "how", "which", "who", "where", "when"]);
/** How far into its sentence an ask to speak now is read ("Maybe you could tell me about…"); later, "told me" is part of what is proposed ("tell Graham what you just told me"). */
const askingWithin = 6;
/** How far into its sentence a phrase addressed to the patient may start ("So maybe you could…"): later, it is part of a statement ("There are programs you can apply for"). */
const addressedWithin = 2;
/** Phrases addressed to the patient, held to `addressedWithin`. */
const addressed = new Set(["you could", "you might", "you can", "you should", "you can try", "you may want"]);
/** Verbs of a phrase that encourage or reassure rather than propose an act: "you can do it", "I would be happy to help", "you might feel better". */
const notProposed = new Set(["be", "have", "feel", "imagine", "understand", "know", "hope", "agree", "think", "need", "find", "get", "see", "love", "like", "do", "notice", "hear", "help"]);

const proposalFirstWords = firstWordsOf(proposalPhrases);

/** True for an imperative proposal: the sentence's first word after `openers` is one of `proposingVerbs`. */
function proposesImperative(tokens: readonly ReadToken[]): boolean {
  const first = tokens.find((token) => !openers.has(token.lemma) && /[\p{L}]/u.test(token.value));
  // The verb as said is its own base form: "Try…", not "Going to the town hall means…" or "Looks to me…".
  if (first === undefined || !proposingVerbs.has(first.lemma) || first.value.toLowerCase() !== first.lemma) return false;
  const next = tokens.slice(tokens.indexOf(first) + 1).find(isWord);
  return next !== undefined && !courtesies.has(next.lemma);
}

/** True when the proposal phrase at `index` is negated right after it ("you couldn't get on the bus" proposes nothing). */
const negatedAfter = (tokens: readonly ReadToken[], index: number, length: number) => tokens[index + length]?.lemma === "not";

/**
 * True for a sentence of the therapist that proposes an act for after the session: a proposal
 * phrase not negated, or an imperative of a proposing verb — not one asking the patient to say
 * something in the session (`inSessionVerbs`, "tell me", "talk about"), not a question about a
 * topic with no act in it ("How about friendship?").
 */
export function proposes(sentence: ReadSentence): boolean {
  const tokens = sentence.tokens;
  const words = tokens.filter(isWord);
  const question = tokens[tokens.length - 1]?.value === "?";
  if (question && !proposingQuestions.some((phrase) => phraseStarts(tokens, phrase).length > 0)) return false;
  // "What could you do this week?": asking for the patient's own plan, not proposing one.
  if (question && openQuestions.has(words[0]?.lemma ?? "") && !["if", "about"].includes(words[1]?.lemma ?? "")) return false;
  // "Tell me more", "talk to me about…", "could you share more": asking the patient to speak now.
  if (words.slice(0, askingWithin).some((token, index) => inSessionVerbs.has(token.lemma) && ["me", "us", "more"].includes(words[index + 1]?.lemma ?? (words[index + 2]?.lemma === "me" ? "me" : "")))) return false;
  const phrased = mayHold(tokens, proposalFirstWords) && proposalPhrases.some((phrase) =>
    phraseStarts(tokens, phrase).some((index) => {
      const length = phrase.split(" ").length;
      if (negatedAfter(tokens, index, length)) return false;
      if (addressed.has(phrase) && tokens.slice(0, index).filter(isWord).length > addressedWithin) return false;
      const after = tokens.slice(index + length).filter(isWord);
      const next = after[0]?.lemma === "to" ? after[1] : after[0];
      if (needsAnAct.has(phrase) && (next === undefined || notProposed.has(next.lemma) || sessionTalk.has(next.lemma) || after.length < 2)) return false;
      const verb = after.find((token) => token.pos === "VERB");
      if (phrase === "how about" || phrase === "what if you" || phrase === "what about") return verb !== undefined;
      return true;
    }),
  );
  return phrased || proposesImperative(tokens);
}

/** Phrases by which a patient takes up what was proposed: "That's a good idea", "I'll try that", "Sounds like a plan". */
const assentPhrases = [
  "good idea",
  "great idea",
  "nice idea",
  "good suggestion",
  "great suggestion",
  "sound good",
  "sound great",
  "sound like a plan",
  "sound like a good",
  "sound like a great",
  "good advice",
  "great advice",
  "good tip",
  "great tip",
  "like the idea",
  "like that idea",
  "i like that",
  "i really like that",
  "i can do that",
  "something i can do",
  "i think i can",
  "i will try",
  "i will do",
  "i will give",
  "i be go to try",
  "that might work",
  "that could work",
  "that would help",
  "that might help",
  "that could help",
  "worth a try",
  "worth a shot",
  "give it a try",
  "give that a try",
  "give it a shot",
];

const assentFirstWords = firstWordsOf(assentPhrases);

/** Words anywhere in the patient's turn that leave the assent tentative: "Maybe… that's a better idea", "Perhaps I will try that". */
const tentative = new Set(["maybe", "perhaps", "might", "probably", "suppose"]);
/** Words in the assenting sentence that put it off or turn it down: "That's a good idea, but I've already tried it", "if I had the time". */
const putOff = new Set(["already", "if", "?", "however"]);
/** Contrasts that, followed by a negation in the sentence, decline: "good idea but I can't afford it". */
const contrasts = new Set(["but", "though", "although"]);
const negations = new Set(["not", "n't", "never", "no", "cannot"]);

/** True when the assent phrase at `index` is negated just before it ("not a bad idea", "I don't think it's a good idea"). */
const negatedBefore = (tokens: readonly ReadToken[], index: number) => tokens.slice(Math.max(0, index - 5), index).some((token) => negations.has(token.lemma));

/** True when a sentence declines or puts off what it assents to (`putOff`, or a contrast followed by a negation). */
function declines(tokens: readonly ReadToken[]): boolean {
  if (tokens.some((token) => putOff.has(token.lemma) || putOff.has(token.value))) return true;
  const contrast = tokens.findIndex((token) => contrasts.has(token.lemma));
  return contrast !== -1 && tokens.slice(contrast + 1).some((token) => negations.has(token.lemma));
}

/**
 * Where the patient's turn takes up what was proposed: a sentence that commits in words pointing
 * back ("I'll try that", "Will do.") or says an assent phrase not negated ("That's a good idea",
 * "Sounds like a plan"), and does not decline or put it off (`declines`) — in a turn without a
 * tentative word (`tentative`: "Perhaps I will try that" is not agreement).
 * @returns the assenting sentence's span, or null.
 */
export function assents(segment: ReadSegment): { start: number; end: number } | null {
  if (segment.sentences.some((sentence) => sentence.tokens.some((token) => tentative.has(token.lemma)))) return null;
  for (const sentence of segment.sentences) {
    if (declines(sentence.tokens)) continue;
    const commitment = sentenceCommitment(sentence);
    const said =
      commitment !== null ||
      (mayHold(sentence.tokens, assentFirstWords) &&
        assentPhrases.some((phrase) => phraseStarts(sentence.tokens, phrase).some((index) => !negatedBefore(sentence.tokens, index))));
    if (said) return { start: sentence.start, end: sentence.end };
  }
  return null;
}

const ownCommitmentAt = (segment: ReadSegment, start: number) =>
  segment.sentences.some((sentence) => sentence.start === start && sentenceCommitment(sentence)?.act === "own");

/** The last sentence of a therapist turn that proposes an act (`proposes`), or null. */
function lastProposal(segment: ReadSegment): ReadSentence | null {
  return [...segment.sentences].reverse().find(proposes) ?? null;
}

/**
 * The therapist's proposals the patient agreed to: a proposal (`proposes`) in the therapist's
 * last turn before a patient turn that assents (`assents`). Each item's text is "Agreed: " and the
 * proposal; it quotes the proposal and cites both the proposal and the assent, so a reader sees
 * which turn agreed. A proposal nobody took up is no plan, and a question, a reflection or
 * information never is one.
 * @returns the items in transcript order ([] when none).
 */
export function findAgreedProposals(segments: readonly ReadSegment[]): NoteItemDraft[] {
  const items: NoteItemDraft[] = [];
  segments.forEach((segment, index) => {
    if (segment.role !== "patient" || index === 0 || segments[index - 1]!.role !== "therapist") return;
    const assent = assents(segment);
    // An assent in the patient's own words ("I'll ring the helpline tomorrow") is their commitment (`findCommitments`).
    if (assent === null || ownCommitmentAt(segment, assent.start)) return;
    // The proposal: in the therapist's last turn, or the one before it when the last only closes ("Anyway, I hope I helped").
    const candidates = segments.slice(Math.max(0, index - 3), index).filter((turn) => turn.role === "therapist").reverse();
    const found = candidates.map((turn) => ({ turn, sentence: lastProposal(turn) })).find((entry) => entry.sentence !== null);
    if (!found || found.sentence === null) return;
    const previous = found.turn;
    const proposal = found.sentence;
    const quote = previous.text.slice(proposal.start, proposal.end);
    items.push({
      text: `${agreedPrefix}${quote}`,
      quote,
      evidence: [
        { segmentId: previous.id, start: proposal.start, end: proposal.end },
        { segmentId: segment.id, ...assent },
      ],
    });
  });
  return items;
}


/**
 * What the therapist proposed in the session (`proposes`), taken up or not: the strategies
 * discussed — in a BIRP note, the intervention. Each is the therapist's sentence, quoted and
 * attributed to the therapist.
 * @returns the items in transcript order ([] when none).
 */
export function findProposals(segments: readonly ReadSegment[]): NoteItemDraft[] {
  return segments
    .filter((segment) => segment.role === "therapist")
    .flatMap((segment) =>
      segment.sentences.filter(proposes).map((sentence) => {
        const quote = segment.text.slice(sentence.start, sentence.end);
        return { text: quote, quote, speaker: "therapist" as const, evidence: [{ segmentId: segment.id, start: sentence.start, end: sentence.end }] };
      }),
    );
}
