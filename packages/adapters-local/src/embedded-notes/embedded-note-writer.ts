/**
 * NoteWriter without a model (`CONFIDE_NOTES=embedded`, the default of every profile, issue 11):
 * extractive notes, every item cut from the transcript and citing where. wink-nlp (with its
 * English lite model) reads the segments — sentences, tokens, lemmas, parts of speech, negation
 * — and the rules below pick:
 * - key topics: the most frequent common nouns of both speakers, named by a noun phrase when one
 *   is repeated ("sleep diary"), never a filler or a name said in the session (`findKeyTopics`,
 *   `personNames`), and a topic summary and a patient summary sentence naming them;
 * - significant quotes: whole patient statements of substance (`significantQuotes`);
 * - session mood and mood trajectory: from the patient's sentiment, backchannels and politeness
 *   left out and statements weighted by their content (`sessionMood`);
 * - action items: the patient's first-person future commitments ("I will…", "next week I'm going
 *   to…", `findCommitments`), and the therapist's suggestions as separate items whose text starts
 *   "Suggested: " (`findSuggestions`);
 * - the patient summary: the topics, and the patient's commitments that name no one;
 * - emotional themes: emotion words the patient said, not negated.
 * Risk is not this writer's: the risk screen (`RiskScreen`, run by core on every transcript)
 * reports it, and `riskFlags` says so.
 * What extraction cannot know — strategies, triggers, follow-up topics, unresolved concerns,
 * therapist notes — is `not_assessed`, with the reason. Deterministic: the same input gives the
 * same notes. English only: another language gives notes with every field not assessed.
 */
import {
  allNotAssessed,
  ConfideError,
  notAssessed,
  type NoteItemDraft,
  type NotesDraft,
  type NoteWriter,
  type NoteWriterInput,
  type NoteWriterResult,
  type SpeakerRole,
} from "@confide/core/ports";
import { findCommitments } from "./commitments.ts";
import { findEmotionalThemes } from "./emotional-themes.ts";
import { findKeyTopics, type KeyTopic } from "./key-topics.ts";
import { mentionsName, personNames } from "./person-names.ts";
import { englishReader, readSegment, type ReadSegment } from "./segment-reader.ts";
import { clinicalMood, clinicalTrajectory } from "./clinical-mood.ts";
import { scoredSegments } from "./sentiment-notes.ts";
import { significantQuotes } from "./significant-quotes.ts";
import { findAgreedProposals, findProposals } from "./suggestions.ts";

/** The version of the rules and lexicons above, recorded with the notes as their prompt version. */
export const embeddedRulesVersion = "embedded-rules-4";
const model = "extractive-wink-eng-lite";

const isEnglish = (language: string) => /^en(-|_|$)/i.test(language.trim());

function listing(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function topicSentence(topics: readonly KeyTopic[], lead: string): NoteItemDraft[] {
  if (topics.length === 0) return [];
  return [{ text: `${lead} ${listing(topics.map((topic) => topic.lemma))}.`, evidence: topics.map((topic) => topic.evidence[0]!) }];
}

/** How many of the topics, the main ones first, the first topic line names. */
const mainTopics = 2;

/** The topic lines: the session's main concern first ("Talked mainly about rent and the landlord."), then what else came up. */
function topicLines(topics: readonly KeyTopic[]): NoteItemDraft[] {
  return [...topicSentence(topics.slice(0, mainTopics), "Talked mainly about"), ...topicSentence(topics.slice(mainTopics), "Also talked about")];
}

/** What this writer leaves to the clinician, said the same way for every such field so a note can say it once. */
export const leftToJudgement = "Left to your clinical judgement: this writer quotes and summarises what was said and does not infer it.";
const notFound = () => notAssessed(leftToJudgement);

const nonEmpty = (items: NoteItemDraft[], reason: string) => (items.length > 0 ? items : notAssessed(reason));

/** The notes of one transcript (see the module comment). */
export function writeEmbeddedNotes(input: NoteWriterInput): NotesDraft {
  if (!isEnglish(input.language)) return allNotAssessed(`The embedded writer reads English only (the transcript is ${input.language}).`);
  if (input.segments.every((segment) => segment.text.trim() === "")) return allNotAssessed("The transcript has no speech.");
  const roleOf = new Map<string, SpeakerRole>(input.speakers.map((speaker) => [speaker.label, speaker.role]));
  const segments: ReadSegment[] = input.segments.map((segment) => readSegment(segment, roleOf.get(segment.speaker) ?? "unknown"));
  const names = personNames(segments);
  const topics = findKeyTopics(segments, names);
  const scored = scoredSegments(segments, input.sentiment);
  const commitments = findCommitments(segments);
  const order = new Map(segments.map((segment, index) => [segment.id, index]));
  const place = (item: NoteItemDraft) => order.get(item.evidence[0]?.segmentId ?? "") ?? 0;
  const actionItems = [...commitments, ...findAgreedProposals(segments)].sort((a, b) => place(a) - place(b) || (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
  const patientCommitments = commitments.filter((item) => item.speaker === "patient" && !mentionsName(item.text, names));
  return {
    keyTopics: topics.map((topic) => ({ text: topic.lemma, quote: topic.firstValue, evidence: topic.evidence })),
    topicSummary: topicLines(topics),
    strategies: nonEmpty(findProposals(segments), "The therapist proposed nothing in words this writer recognises."),
    emotionalThemes: findEmotionalThemes(segments),
    triggers: notFound(),
    actionItems: actionItems.length > 0 ? actionItems : notAssessed("No plan was agreed in words this writer recognises. If a plan was made, add it."),
    significantQuotes: scored.length === 0 ? notAssessed("No patient segment was analysed for sentiment.") : significantQuotes(scored, segments),
    sessionMood: clinicalMood(segments),
    moodTrajectory: clinicalTrajectory(segments),
    followUpTopics: notFound(),
    unresolvedConcerns: notFound(),
    riskFlags: notAssessed("Risk language is reported by the automated risk screen, not by this writer."),
    therapistNotes: notFound(),
    patientSummary: [
      ...topicSentence(topics, "We talked about"),
      ...patientCommitments.map((item) => ({ ...item, text: `You said: “${item.quote}”` })),
    ],
  };
}

/** The embedded NoteWriter: no model, no network (see the module comment). */
export function createEmbeddedNoteWriter(): NoteWriter {
  return {
    provider: "embedded",
    async write(input, options = {}): Promise<NoteWriterResult> {
      if (options.signal?.aborted) {
        throw new ConfideError("provider.interrupted", "Writing the notes was stopped.", { cause: options.signal.reason });
      }
      return { notes: writeEmbeddedNotes(input), model, promptVersion: embeddedRulesVersion };
    },
    async check() {
      try {
        englishReader();
      } catch (error) {
        throw new ConfideError("dependency.unavailable", "The embedded note writer's language model did not load.", { cause: error });
      }
    },
    async close() {},
  };
}
