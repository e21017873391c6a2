/**
 * NoteWriter without a model (`CONFIDE_NOTES=embedded`, the default of every profile):
 * extractive notes, every item cut from the transcript and citing where. wink-nlp (with its
 * English lite model) reads the segments — sentences, tokens, lemmas, parts of speech, negation
 * — and the rules below pick:
 * - key topics: the most frequent common nouns of both speakers, named by a noun phrase when one
 *   is repeated ("sleep diary"), never a filler or a name said in the session (`findKeyTopics`,
 *   `personNames`), and a topic summary and a patient summary sentence naming them;
 * - significant quotes: whole patient statements of substance (`significantQuotes`);
 * - session mood and mood trajectory: from the patient's sentiment, backchannels and politeness
 *   left out and statements weighted by their content (`sessionMood`);
 * - the plan (action items): what was agreed — the patient's firm commitments to a future act
 *   ("I'll call the bank on Monday", `findCommitments`) and the therapist's proposals the patient
 *   plainly took up ("Agreed: …", then the assenting words, `findAgreedProposals`) — a proposal
 *   asked as a question, or something only put forward, in the patient's words: "Agreed: “Yes, I
 *   will do that.” — to “Could you try ringing her?”"; a summary of the plan confirmed, or an
 *   offer to arrange something accepted ("Would you like me to refer you today?" — "Yes, please.");
 * - to confirm (follow-up topics, "To confirm: …"): what is weaker — a hedged or untimed
 *   commitment ("I guess I'll quit"), a proposal only weighed ("That might help"); never the plan;
 * - the patient summary: the topics, and the patient's commitments that name no one;
 * - emotional themes: emotion words the patient said, not negated;
 * - what the therapist did (interventions): the suicide and self-harm questions asked, a
 *   reflection, a summary, an acknowledgement, an affirmation, information given and an open
 *   question, each quoting the therapist (`findTherapistActs`).
 * Risk is not this writer's: the risk screen (`RiskScreen`, run by core on every transcript)
 * reports it, and `riskFlags` says so.
 * What extraction cannot know — triggers, unresolved concerns,
 * therapist notes — is `not_assessed`, with the reason. Deterministic: the same input gives the
 * same notes. English only: another language gives notes with every field not assessed.
 */
import { allNotAssessed, notAssessed, offersToArrange, riskCategoryInfo } from "@confide/core/adapter-kit";
import { isWord } from "./conversation-fillers.ts";
import { ConfideError, type NoteItemDraft, type NotesDraft, type NoteWriter, type NoteWriterInput, type NoteWriterResult, type SpeakerRole } from "@confide/core/ports";
import { screenTranscript } from "../embedded-risk-screen/embedded-risk-screen.ts";
import { findCommitments } from "./commitments.ts";
import { findEmotionalThemes } from "./emotional-themes.ts";
import { findKeyTopics, type KeyTopic } from "./key-topics.ts";
import { mentionsName, personNames } from "./person-names.ts";
import { ideasAnsweringPlan } from "./own-ideas.ts";
import { earlierProposals, takenUpByPlan } from "./repeated-proposals.ts";
import { readSegment, type ReadSegment, type ReadSentence } from "./segment-reader.ts";
import { clinicalMoodReading } from "./clinical-mood.ts";
import { scoredSegments } from "./sentiment-notes.ts";
import { withWhatItAnswers } from "./pronoun-answers.ts";
import { significantQuotes } from "./significant-quotes.ts";
import { findTherapistActs } from "./therapist-acts.ts";
import { agreedPrefix, asksForPlan, callsItAProposal, findAgreedProposals, findProposals, opensAgreeing, proposes, toConfirmPrefix } from "./suggestions.ts";

/** The version of the rules and lexicons above, recorded with the notes as their prompt version. */
export const embeddedRulesVersion = "embedded-rules-107";
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
  // The patient answers a proposal when the therapist's turn before proposed an act, offered to arrange one ("Would you want me to have a word with your head of year?") or asked what the patient will do ("What could you do this week?"), when the sentence itself takes one up by name
  // ("That's a good idea, I will…"), when it repeats what the therapist proposed earlier in the session,
  const repeatsProposal = earlierProposals(segments, proposes);
  // Or when the patient's turn opens agreeing with the therapist's turn before it ("Yes, you're right. I will…").
  const answersProposal = (index: number, sentence: ReadSentence) =>
    (index > 0 && segments[index - 1]!.role === "therapist" && (segments[index - 1]!.sentences.some((said) => proposes(said) || asksForPlan(said) || offersToArrange(said.tokens.filter(isWord))) || callsItAProposal(sentence) || opensAgreeing(segments[index]!))) ||
    repeatsProposal(sentence, index);
  const ideas = ideasAnsweringPlan(segments, asksForPlan);
  const commitments = findCommitments(segments, answersProposal, ideas);
  const agreements = findAgreedProposals(segments);
  const order = new Map(segments.map((segment, index) => [segment.id, index]));
  const place = (item: NoteItemDraft) => order.get(item.evidence[0]?.segmentId ?? "") ?? 0;
  const inOrder = (items: NoteItemDraft[]) => items.sort((a, b) => place(a) - place(b) || (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
  // Where the risk screen core ran found a current risk to the patient's own life or body: the mood reads it as the screen does,
  // and no plan line, item to confirm or patient summary quotes it ("I'm going to kill myself tomorrow" is a risk to act on, never a plan).
  const risks = input.currentRisks ?? [];
  const textOf = new Map(input.segments.map((segment) => [segment.id, segment.text]));
  // A cited span the screen reported, that states the risk on its own: not a commitment the screen only read beside one ("Next week I will call my sister. I have been thinking about ending my life.").
  const citesRisk = (item: NoteItemDraft) =>
    item.evidence.some((span) => risks.some((risk) => risk.segmentId === span.segmentId && risk.start < span.end && span.start < risk.end) && statesRiskAlone((textOf.get(span.segmentId) ?? "").slice(span.start, span.end), input.language));
  // A turn where the screen read a threat to someone else records no plan: "Six feet under, I'm going to get it done… I will make sure this stops".
  const threatening = new Set((input.harmToOthers ?? []).map((span) => span.segmentId));
  const noRisk = (items: NoteItemDraft[]) => items.filter((item) => !citesRisk(item) && !item.evidence.some((span) => threatening.has(span.segmentId)));
  // "Yes I'll do that, and I'll tell my mum about it.": a clause an agreement line already quotes whole is that line's.
  const quotedWhole = (item: NoteItemDraft) =>
    agreements.agreed.some((agreed) => agreed.evidence.some((span) => item.evidence.every((own) => own.segmentId === span.segmentId && span.start <= own.start && own.end <= span.end)));
  const firm = noRisk(commitments.firm).filter((item) => !quotedWhole(item));
  // "Yes, I'll call him.": what "him" is, from the therapist's sentence it answers — unless the turn already agreed to that
  // turn's offer ("Friday's fine. I'll come."): the pronoun's answer is the same agreement, said again.
  const agreedTurns = new Set(agreements.agreed.map((item) => item.evidence.at(-1)?.segmentId));
  const answered = firm.map(withWhatItAnswers(segments, order)).filter((item) => !(item.text.startsWith(agreedPrefix) && agreedTurns.has(item.evidence.at(-1)?.segmentId)));
  const actionItems = inOrder([...answered, ...noRisk(agreements.agreed)]);
  // A hedged commitment an agreement quotes as the patient's idea taken up ("Maybe I'll ring him." — "Would you try that?" — "Yes, I will.") is that agreement's line, not one more.
  const quotedByAgreement = new Set([...agreements.agreed, ...agreements.toConfirm].flatMap((item) => item.evidence.map((span) => `${span.segmentId}@${span.start}`)));
  // So is an idea put forward in answer to a question asking for the plan ("What could you do?" — "I could batch cook on Sunday.").
  const ownToConfirm = [...commitments.toConfirm, ...ideas.filter((idea) => !commitments.firmedIdeas.includes(idea))].filter((item) => !quotedByAgreement.has(`${item.evidence[0]?.segmentId}@${item.evidence[0]?.start}`));
  // An item to confirm that a plan line takes up ("Maybe I could go to the medical room." … "I'll go to the medical room on Monday.") is that line's.
  const planned = takenUpByPlan(segments, actionItems);
  const toConfirm = inOrder(noRisk([...ownToConfirm.map((item) => ({ ...item, text: `${toConfirmPrefix}${item.text}` })), ...agreements.toConfirm]).filter((item) => !planned(item)));
  const patientCommitments = firm.filter((item) => item.speaker === "patient" && !mentionsName(item.text, names));
  const moodReading = clinicalMoodReading(segments, risks);
  return {
    keyTopics: topics.map((topic) => ({ text: topic.lemma, quote: topic.firstValue, evidence: topic.evidence })),
    topicSummary: topicLines(topics),
    strategies: nonEmpty(findProposals(segments), "The therapist proposed nothing in words this writer recognises."),
    interventions: nonEmpty(findTherapistActs(segments), "The therapist's words show none of the acts this writer recognises: add what you did."),
    emotionalThemes: findEmotionalThemes(segments),
    triggers: notFound(),
    actionItems: actionItems.length > 0 ? actionItems : notAssessed("No plan was agreed in words this writer recognises. If a plan was made, add it."),
    significantQuotes: scored.length === 0 ? notAssessed("No patient segment was analysed for sentiment.") : significantQuotes(scored, segments),
    sessionMood: moodReading.mood,
    moodTrajectory: moodReading.trajectory,
    followUpTopics: toConfirm.length > 0 ? toConfirm : notFound(),
    unresolvedConcerns: notFound(),
    riskFlags: notAssessed("Risk language is reported by the automated risk screen, not by this writer."),
    therapistNotes: notFound(),
    patientSummary: [
      ...topicSentence(topics, "We talked about"),
      ...patientCommitments.map((item) => ({ ...item, text: `You said: “${item.quote}”` })),
    ],
  };
}

/** True when words the patient said state a current risk to their own life or body on their own, as the embedded risk screen reads them (a category of core's type `self_harm`, which `currentRiskSpans` reads). */
function statesRiskAlone(text: string, language: string): boolean {
  const output = screenTranscript({ language, speakers: [{ label: "P", role: "patient" }], segments: [{ id: "quote", speaker: "P", text }] });
  return output.status === "screened" && output.findings.some((finding) => finding.subject === "speaker" && finding.temporality === "current" && finding.category !== undefined && riskCategoryInfo[finding.category].type === "self_harm");
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
    // A reflection is new words for what the patient said: rules cannot write one safely.
    async reflect() {
      throw new ConfideError("provider.unsupported", "The embedded note writer suggests no reflections: it has no language model.", {
        details: { provider: "embedded", feature: "reflections" },
      });
    },
    // Its rules and language model are part of the package (importing it loaded them): nothing
    // outside the process to ask. Building the model's reader (most of a second of CPU) waits
    // for the first note, so that it never holds a readiness probe past its deadline.
    async check() {},
    async close() {},
  };
}
