import type { Evidence } from "@confide/core/ports";
import { concernNouns, concernPhrases, conditionAdjectives, habitDoers } from "./concern-nouns.ts";
import { isFiller } from "./conversation-fillers.ts";
import { isNegatedAt, phraseStarts } from "./lemma-phrases.ts";
import { lifeEvents } from "./life-events.ts";
import type { ReadSegment, ReadSentence, ReadToken } from "./segment-reader.ts";

/** A topic of the session — a noun or a noun phrase — and where it was said. */
export interface KeyTopic {
  /** The topic as the notes name it, lower case: a noun as the session said it most ("parents", "exercise") or a phrase said more than once ("breathing exercise"). */
  lemma: string;
  /** How it was first written. */
  firstValue: string;
  count: number;
  /** Up to `spansPerTopic` occurrences, in transcript order. */
  evidence: Evidence[];
}

const topicCount = 5;
const spansPerTopic = 3;
/** How many times a phrase must be said to name its noun's topic instead of the noun alone. */
const phraseRepeats = 2;
/** Nouns too general to be a topic of a session. */
const generalNouns = new Set(["problem", "problems", "situation", "issue", "issues", "feeling", "feelings", "life", "part", "person", "everyone", "someone", "anyone", "help", "advice", "suggestion", "suggestions", "support", "chat", "conversation", "hit", "survey", "button", "session", "talk", "reason", "matter", "case", "end", "thanks", "thank", "hope", "fact", "mind", "place", "lot", "side", "kind", "type", "future", "start", "deal", "number", "thing", "things", "way", "lot", "bit", "kind", "sort", "time", "day", "week", "today", "yesterday", "tomorrow", "something", "anything", "everything", "nothing", "stuff", "people", "yeah", "okay", "moment", "bit", "minute", "hour", "year", "month", "night", "morning", "evening", "one", "sense", "point", "idea", "step", "question", "afternoon", "alot", "others", "self", "term", "terms", "tonight", "plan", "plans", "event", "events", "emotion", "emotions", "fun", "concern", "concerns", "encouragement", "attention", "difference", "example", "description", "option", "options", "solution", "solutions", "tip", "tips", "information", "info", "understanding", "try", "trouble", "struggle", "word", "words", "piece", "half", "hold", "look", "round", "mil", "ml", "mg", "sir", "madam", "maam", "dude", "bro", "bloke", "blokes", "fella", "fellas", "chap", "chaps",
  // Measures of what was drunk, smoked or eaten ("a bottle of wine", "a packet a day"): the thing measured is the topic.
  "bottle", "glass", "pint", "packet", "pack", "cup", "can",
  // Units of money ("four hundred quid"): the money, or what it went on, is the topic.
  "quid", "pound", "pounds", "dollar", "dollars", "buck", "bucks", "euro", "euros", "grand"]);
/** Nouns said in a plural that only measures time ("for ages", "ages ago", "for yonks"): the singular may be a topic ("at my age"). */
const timePlurals = new Set(["ages", "yonks"]);

/**
 * A word that can be a topic: a common noun (NOUN; a proper noun is a name, never a topic),
 * not a stop word, a filler ("hmm", "mate"), a very general noun, a plural of time ("for ages")
 * or a name said in the session.
 */
function isTopicWord(token: ReadToken, names: ReadonlySet<string>): boolean {
  return (
    token.pos === "NOUN" &&
    !token.stopWord &&
    /^\p{L}[\p{L}-]{2,}$/u.test(token.value) &&
    !isFiller(token) &&
    !generalNouns.has(token.lemma) &&
    !timePlurals.has(token.value.toLowerCase()) &&
    !names.has(token.value.toLowerCase()) &&
    !names.has(token.lemma)
  );
}

/** Pronouns that, right after a word, make it the verb they are the object of. */
const objectPronouns = new Set(["me", "him", "us", "them"]);

/** True when the word at `index` has an object pronoun right after it: a verb the tagger read as a noun ("That's what stops me", "it bugs me"). */
function takesAnObject(tokens: readonly ReadToken[], index: number): boolean {
  return objectPronouns.has(tokens[index + 1]?.value.toLowerCase() ?? "");
}

/** A modifier that may open a noun phrase before its noun: an adjective or noun that is neither a filler nor a name ("sleep diary", "breathing exercise"). */
function isModifier(token: ReadToken, names: ReadonlySet<string>): boolean {
  return (token.pos === "ADJ" || token.pos === "NOUN") && !token.stopWord && /^\p{L}[\p{L}-]+$/u.test(token.value) && !isFiller(token) && !names.has(token.value.toLowerCase());
}

/**
 * Habits a session of behaviour change is about, which a patient says as verbs more than as nouns
 * ("I smoke about a pack", "I drink most nights"): each such verb counts as a mention of its habit's
 * noun (a concern noun), and the topic is named by the noun. "Drink" with a drink no one worries
 * about after it (`everydayDrinks`: "I drink a lot of water") is none.
 */
const habitVerbs: ReadonlyMap<string, string> = new Map([
  ["smoke", "smoking"],
  ["drink", "drinking"],
  ["gamble", "gambling"],
  ["bet", "betting"],
  ["vape", "vaping"],
  // The model does not know the verb: "vaping" is its own lemma.
  ["vaping", "vaping"],
]);
/** Words that make the verb after them a noun: "the betting", "my drinking". */
const nounDeterminers = new Set(["the", "my", "his", "her", "their", "our", "your", "this", "that"]);
/** A habit's verb weighs half a mention of its noun: the noun names a concern ("my drinking"), the verb may only tell how someone copes ("some nights I drink to get to sleep"). */
const habitVerbWeight = 0.5;
const everydayDrinks = new Set(["water", "tea", "coffee", "milk", "juice", "soda", "pop", "fluids", "enough"]);
/** How far after "drink" the drink may come: "I drink a lot of water". */
const drinkReach = 4;

/** The noun a word at `index` stands for when it is not that noun: a habit's verb ("smoking" for "I smoke") or doer ("drinking" for "drinker"), or a condition's adjective ("pregnancy" for "pregnant"), or undefined. */
function nounNotSaid(tokens: readonly ReadToken[], index: number): string | undefined {
  const token = tokens[index]!;
  const standsFor = token.pos === "ADJ" ? conditionAdjectives.get(token.lemma) : token.pos === "NOUN" ? habitDoers.get(token.lemma) : undefined;
  if (standsFor !== undefined) return standsFor;
  const habit = token.pos === "VERB" ? habitVerbs.get(token.lemma) : undefined;
  if (habit === undefined) return undefined;
  // "I bet you're tired" is no betting: that verb counts only as "betting".
  if (habit === "betting" && token.value.toLowerCase() !== "betting") return undefined;
  return habit === "drinking" && tokens.slice(index + 1, index + 1 + drinkReach).some((next) => everydayDrinks.has(next.lemma)) ? undefined : habit;
}

interface Occurrence {
  segmentId: string;
  position: number;
  phrase: string;
  value: string;
  phraseStart: number;
  /** Where each word of `phrase` starts, so that a shorter phrase ending in the noun ("muscle pain" in "terrible muscle pain") can be cited. */
  wordStarts?: readonly number[];
  nounStart: number;
  end: number;
  nounValue: string;
  patient: boolean;
  /** Said in one of the patient's first `openingTurns` turns of substance, where the presenting concern is told, or by the therapist before the first of them. */
  opening: boolean;
  /** Said by the therapist before the patient's first turn: the agenda ("Your GP asked me to talk with you about your drinking"). */
  agenda?: true;
  /** Not a word of the model's lexicon (`ReadToken.unknown`): a misspelling such as "wokr", or a rare word. */
  unknown: boolean;
  /** A habit's verb or a condition's adjective (`nounNotSaid`): it counts for its noun, at `habitVerbWeight`, but never names it. */
  notNoun?: true;
  /** Said before another topic's noun, as its modifier ("blood" in "blood pressure"). */
  beforeNoun?: true;
}

/** How much a mention weighs for the topic's rank: the patient's words name the concern; the therapist's echo it. */
const patientWeight = 2;
const therapistWeight = 1;
/** The patient turns, from the first with a noun, in which the presenting concern is usually told. */
const openingTurns = 3;
/** What a mention in those turns adds to a topic's rank. */
const openingWeight = 3;
/** What a mention in the therapist's agenda, before the patient's first turn, adds: as much as the patient's own opening mention weighs ("your doctor asked me to talk with you about your drinking" names why they came). */
const agendaWeight = patientWeight + openingWeight - therapistWeight;
/** How many times a topic's weight counts when it names a problem people bring to counselling (`concernNouns`, a life event). */
const concernFactor = 2;
/** How many times a word the lexicon does not hold must be said to be a topic: once is most often a misspelling. */
const unknownWordRepeats = 2;
/** How many letters a word the model does not know needs to be a topic: "rte", "ert" typed at random are none; a name ("whānau") is longer. */
const unknownWordLetters = 4;

/** A token of a letter other than a-z: wink-nlp's lite model splits words such as "whānau" around it ("wh", "ā", "nau"). */
const nonAscii = /[^\u0000-\u007f]/u;
const lettersOnly = /^\p{L}+$/u;
/** A word of letters, or of letters joined by hyphens ("self-esteem"), as `wholeWords` builds it. */
const compoundLetters = /^\p{L}+(-\p{L}+)*$/u;

/**
 * The sentence's tokens with each word wink-nlp split apart joined again, so that a topic is a
 * word said, never a piece of one: a word split around a letter outside a-z ("wh" "ā" "nau" →
 * "whānau", read as a noun when a piece was one), and a hyphenated word split at its hyphens
 * ("self" "-" "esteem" → "self-esteem", "down" "-" "sizing" → "down-sizing"; its last part
 * gives its part of speech and the end of its lemma). A dash with a space on either side is
 * punctuation and joins nothing.
 */
export function wholeWords(tokens: readonly ReadToken[]): ReadToken[] {
  const words: ReadToken[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const last = words[words.length - 1];
    const next = tokens[index + 1];
    const hyphenJoins =
      token.value === "-" &&
      last !== undefined &&
      next !== undefined &&
      last.end === token.start &&
      token.end === next.start &&
      compoundLetters.test(last.value) &&
      lettersOnly.test(next.value);
    if (hyphenJoins) {
      const value = `${last.value}-${next.value}`;
      words[words.length - 1] = { ...next, value, lemma: `${last.value.toLowerCase()}-${next.lemma}`, stopWord: false, start: last.start };
      index += 1;
      continue;
    }
    const joins =
      last !== undefined && last.end === token.start && lettersOnly.test(last.value) && lettersOnly.test(token.value) && (nonAscii.test(last.value) || nonAscii.test(token.value));
    if (!joins) {
      words.push(token);
      continue;
    }
    const value = last.value + token.value;
    const pos = last.pos === "NOUN" || token.pos === "NOUN" || last.pos === "X" ? "NOUN" : last.pos;
    words[words.length - 1] = { ...last, value, lemma: value.toLowerCase(), pos, stopWord: false, end: token.end };
  }
  return words;
}

/** True when the token is written onto a number before it ("5min", "10pm", "3rd"): a unit of a quantity, never a topic. */
const gluedToNumber = (tokens: readonly ReadToken[], index: number) => {
  const previous = tokens[index - 1];
  return previous !== undefined && previous.end === tokens[index]!.start && /\d$/.test(previous.value);
};

/**
 * Topics of the session from the therapist's and the patient's turns: the common nouns
 * wink-nlp tags (stop words, fillers and contractions, very general nouns and the session's names
 * left out, and a unit written onto a number, `gluedToNumber`), words split around a letter
 * outside a-z joined again (`wholeWords`), by lemma,
 * ranked by weight — `patientWeight` for each time the patient said it, `therapistWeight` for the
 * therapist, `openingWeight` more for each mention in the patient's first `openingTurns` turns of
 * substance, where the presenting concern is told, and in the therapist's turns before the
 * patient's first with a noun — `agendaWeight` instead, as much as the patient's own opening
 * mention, before the patient has spoken at all, for a concern noun (the agenda a clinician opens
 * with: "your doctor asked me to talk with you about your blood pressure tablets", not "can I get
 * you a cup of tea?") — then by first mention. A noun said with the
 * same modifier at least `phraseRepeats` times is named by that phrase ("sleep diary"), which
 * then cites the phrase's occurrences.
 * @returns at most `topicCount` topics, the main concern first ([] for no nouns).
 */
export function findKeyTopics(segments: readonly ReadSegment[], names: ReadonlySet<string> = new Set()): KeyTopic[] {
  const byLemma = new Map<string, Occurrence[]>();
  /** Each life event's mentions (`lifeEvents`, by its place in the list), as occurrences named by the phrase's name. */
  const eventsSaid = lifeEvents.map((): Occurrence[] => []);
  let position = 0;
  let patientTurnsWithNouns = 0;
  let patientHasSpoken = false;
  for (const segment of segments) {
    const patient = segment.role !== "therapist";
    let hasNoun = false;
    // The patient's first turns of substance, or the therapist's before them (the agenda): where the concern is told.
    const opening = patient ? patientTurnsWithNouns < openingTurns : patientTurnsWithNouns === 0;
    // The therapist's words before the patient has said anything: the agenda.
    const agenda = patient || patientHasSpoken ? {} : { agenda: true as const };
    for (const sentence of segment.sentences) {
      if (patient) eventsIn(sentence, segment, position, opening, eventsSaid);
      const tokens = wholeWords(sentence.tokens);
      tokens.forEach((token, index) => {
        position += 1;
        const noun = nounNotSaid(tokens, index);
        if (noun !== undefined) {
          const occurrences = byLemma.get(noun) ?? [];
          const spoken = { phraseStart: token.start, nounStart: token.start, end: token.end, value: token.value, nounValue: token.value };
          // "The betting", "my drinking": a habit's verb after a determiner is said as its noun, and weighs as one.
          const asNoun = nounDeterminers.has(tokens[index - 1]?.lemma ?? "");
          occurrences.push({ segmentId: segment.id, position, phrase: noun, ...spoken, patient, opening, ...agenda, unknown: false, ...(asNoun ? {} : { notNoun: true as const }) });
          byLemma.set(noun, occurrences);
          hasNoun = true;
          return;
        }
        if (!isTopicWord(token, names) || gluedToNumber(tokens, index) || takesAnObject(tokens, index)) return;
        hasNoun = true;
        let first = index;
        while (first > 0 && index - first < 2 && isModifier(tokens[first - 1]!, names)) first -= 1;
        const head = tokens[first]!;
        const phrase = [...tokens.slice(first, index).map((word) => word.value.toLowerCase()), token.lemma].join(" ");
        const occurrences = byLemma.get(token.lemma) ?? [];
        occurrences.push({
          segmentId: segment.id,
          position,
          phrase,
          value: segment.text.slice(head.start, token.end),
          phraseStart: head.start,
          wordStarts: tokens.slice(first, index + 1).map((word) => word.start),
          nounStart: token.start,
          end: token.end,
          nounValue: token.value,
          patient,
          opening,
          // "Can I get you a cup of tea?": the agenda is a concern named, not everything said before the patient speaks.
          ...(concernNouns.has(token.lemma) ? agenda : {}),
          unknown: token.unknown,
          ...(tokens[index + 1] !== undefined && isTopicWord(tokens[index + 1]!, names) ? { beforeNoun: true as const } : {}),
        });
        byLemma.set(token.lemma, occurrences);
      });
    }
    if (patient && hasNoun) patientTurnsWithNouns += 1;
    if (patient) patientHasSpoken = true;
  }
  const weight = (occurrences: readonly Occurrence[]) =>
    occurrences.reduce((sum, item) => sum + ((item.patient ? patientWeight : therapistWeight) + (item.agenda ? agendaWeight : item.opening ? openingWeight : 0)) * (item.notNoun ? habitVerbWeight : 1), 0);
  const events = eventTopics(eventsSaid, byLemma, (occurrences) => weight(occurrences) * concernFactor);
  const nounTopics = [...byLemma.entries()]
    .filter(([lemma, occurrences]) => !occurrences.every((occurrence) => occurrence.unknown) || (occurrences.length >= unknownWordRepeats && lemma.length >= unknownWordLetters))
    .map(([lemma, occurrences]) => ({
      weight: weight(occurrences) * (namesAConcern(lemma, occurrences) ? concernFactor : 1),
      position: occurrences[0]!.position,
      topic: () => nounTopic(lemma, occurrences),
    }));
  const ranked = [...nounTopics, ...events].sort((a, b) => b.weight - a.weight || a.position - b.position);
  // A noun said only as the modifier of a phrase another leading topic is named by ("sleep" of "sleep schedule") is that
  // topic, not one of its own: the phrase takes the rank of whichever of the two ranks first. Leading: twice as many as are listed.
  const leading = ranked.slice(0, 2 * topicCount).map((candidate) => candidate.topic());
  const onlyModifier = (topic: KeyTopic) => byLemma.get(topic.lemma)?.every((occurrence) => occurrence.beforeNoun === true) ?? false;
  const phraseOf = (topic: KeyTopic) => leading.find((other) => other !== topic && other.lemma.split(" ").slice(0, -1).includes(topic.lemma));
  const topics: KeyTopic[] = [];
  for (const topic of leading) {
    const phrase = onlyModifier(topic) ? phraseOf(topic) : undefined;
    const named = phrase ?? topic;
    if (!topics.includes(named)) topics.push(named);
  }
  // Fewer than listed once phrases are merged: the next candidates, in rank order.
  for (const candidate of ranked.slice(2 * topicCount)) {
    if (topics.length >= topicCount) break;
    topics.push(candidate.topic());
  }
  return topics.slice(0, topicCount);
}

/** The concern phrases as a phrase's end, a space before each: read once, not per occurrence. */
const concernPhraseEnds = [...concernPhrases].map((phrase) => ` ${phrase}`);
/** True when a noun names a problem people bring (`concernNouns`), or is said in a phrase that does (`concernPhrases`: "high blood pressure"). */
function namesAConcern(lemma: string, occurrences: readonly Occurrence[]): boolean {
  return concernNouns.has(lemma) || occurrences.some((occurrence) => concernPhrases.has(occurrence.phrase) || concernPhraseEnds.some((end) => occurrence.phrase.endsWith(end)));
}

/**
 * The life events (`lifeEvents`) a patient's sentence tells, not denied ("I didn't fail" is none),
 * each added to its event's occurrences in `eventsSaid` under the name of the phrase said, at its
 * place in the session (`position`, the sentence's first word's) and `opening` as the sentence's
 * turn is.
 */
function eventsIn(sentence: ReadSentence, segment: ReadSegment, position: number, opening: boolean, eventsSaid: Occurrence[][]): void {
  lifeEvents.forEach((event, which) => {
    for (const { phrase, name } of event.phrases) {
      for (const at of phraseStarts(sentence.tokens, phrase)) {
        const first = sentence.tokens[at]!;
        if (isNegatedAt(sentence.tokens, at) || (event.verbOnly === true && first.pos !== "VERB")) continue;
        const last = sentence.tokens[at + phrase.split(" ").length - 1]!;
        const value = segment.text.slice(first.start, last.end);
        eventsSaid[which]!.push({ segmentId: segment.id, position: position + at + 1, phrase: name, value, phraseStart: first.start, nounStart: first.start, end: last.end, nounValue: value, patient: true, opening, unknown: false });
      }
    }
  });
}

/**
 * The life events said as topics, each weighed as a noun is (`weight`) with its own nouns'
 * mentions added (and taken out of `byLemma`, so the concern is one topic), named by its most said
 * phrase's name and citing where that phrase was said.
 */
function eventTopics(eventsSaid: readonly Occurrence[][], byLemma: Map<string, Occurrence[]>, weight: (occurrences: readonly Occurrence[]) => number) {
  return lifeEvents.flatMap((event, which) => {
    const said = eventsSaid[which]!;
    if (said.length === 0) return [];
    const nounMentions = event.nouns.flatMap((noun) => {
      const occurrences = byLemma.get(noun) ?? [];
      byLemma.delete(noun);
      return occurrences;
    });
    const count = (name: string) => said.filter((item) => item.phrase === name).length;
    const name = [...new Set(said.map((item) => item.phrase))].sort((a, b) => count(b) - count(a))[0]!;
    const cited = said.filter((item) => item.phrase === name).slice(0, spansPerTopic);
    const topic: KeyTopic = { lemma: name, firstValue: cited[0]!.value, count: said.length + nounMentions.length, evidence: cited.map((item) => ({ segmentId: item.segmentId, start: item.phraseStart, end: item.end })) };
    return [{ weight: weight([...said, ...nounMentions]), position: said[0]!.position, topic: () => topic }];
  });
}

/** A noun's topic: its lemma, or the phrase it is said in at least `phraseRepeats` times, citing where. */
function nounTopic(lemma: string, occurrences: readonly Occurrence[]): KeyTopic {
  // Each phrase said, and each shorter one ending in the noun within it ("terrible muscle pain" says "muscle pain" too), with where it starts.
  const saidIn = occurrences.map((occurrence) => phrasesOf(occurrence));
  const phraseCounts = new Map<string, number>();
  for (const phrases of saidIn) for (const { phrase } of phrases) phraseCounts.set(phrase, (phraseCounts.get(phrase) ?? 0) + 1);
  // The phrase said most, at least `phraseRepeats` times; of phrases said as often, the longer.
  const [phrase] = [...phraseCounts.entries()].filter(([, count]) => count >= phraseRepeats).sort((a, b) => b[1] - a[1] || b[0].split(" ").length - a[0].split(" ").length)[0] ?? [];
  if (phrase === undefined) {
    const cited = occurrences.slice(0, spansPerTopic);
    return { lemma: mostSaid(lemma, occurrences), firstValue: cited[0]!.nounValue, count: occurrences.length, evidence: cited.map((item) => ({ segmentId: item.segmentId, start: item.nounStart, end: item.end })) };
  }
  const cited = occurrences
    .map((occurrence, at) => ({ occurrence, start: saidIn[at]!.find((said) => said.phrase === phrase)?.start }))
    .filter((entry): entry is { occurrence: Occurrence; start: number } => entry.start !== undefined)
    .slice(0, spansPerTopic);
  const first = cited[0]!;
  return {
    lemma: phrase,
    firstValue: first.occurrence.value.slice(first.start - first.occurrence.phraseStart),
    count: occurrences.length,
    evidence: cited.map(({ occurrence, start }) => ({ segmentId: occurrence.segmentId, start, end: occurrence.end })),
  };
}

/** The phrases of more than one word an occurrence says, ending in its noun: its whole phrase and each shorter tail of it, with where each starts. */
function phrasesOf(occurrence: Occurrence): Array<{ phrase: string; start: number }> {
  const words = occurrence.phrase.split(" ");
  const starts = occurrence.wordStarts ?? [];
  if (words.length < 2 || starts.length !== words.length) return [];
  return words.slice(0, -1).map((_, from) => ({ phrase: words.slice(from).join(" "), start: starts[from]! }));
}

/**
 * How a noun's topic is named: the form the session said most, lower case ("parents" when the
 * patient spoke of their parents, not the lemma "parent"); the lemma when it is said as often as
 * any other form, or said only as no noun ("smoking" for "I smoke").
 */
function mostSaid(lemma: string, occurrences: readonly Occurrence[]): string {
  const counts = new Map<string, number>();
  for (const occurrence of occurrences) {
    if (occurrence.notNoun) continue;
    const form = occurrence.nounValue.toLowerCase();
    counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  const lemmaCount = counts.get(lemma) ?? 0;
  const [form, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [lemma, 0];
  return count > lemmaCount ? form : lemma;
}
