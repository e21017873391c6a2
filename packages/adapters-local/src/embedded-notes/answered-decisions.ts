import { answerAsIntent, decisionAsked } from "@confide/core/adapter-kit";
import { sentenceCommitment } from "./commitments.ts";
import { isWord } from "./conversation-fillers.ts";
import { isAsked } from "./offered-acts.ts";
import { readSegment, type ReadSegment, type ReadSentence } from "./segment-reader.ts";

/** The patient's answer to a question of what they have decided to do: the question, and the span of the answer's acts said alone. */
export interface AnsweredDecision {
  question: ReadSentence;
  start: number;
  end: number;
  /** `plain`: the plan; `tentative`: hedged ("Probably ring the GP."), to confirm with the patient. */
  strength: "plain" | "tentative";
}

/**
 * The patient's answer, in an act said alone, to the therapist's turn ending in a question of what
 * they have decided to do, with its mark or not (core's `decisionAsked`: "So what's the plan?" — "Ring the GP on
 * Monday."): the answer's first sentence, with the sentences right after it that are acts said
 * alone and plain too ("Walk out. Go round the block."). A sentence is an act said alone when it
 * commits to an act of its own once its subject and "will" are put back (core's `answerAsIntent`,
 * read as `sentenceCommitment` reads any commitment: "Keep smoking." or "See how it goes." are
 * none) and it commits to nothing as said (a turn that answers "I'll ring the GP." is the patient's
 * own commitment, `findCommitments`' line). To a question that sets a condition (core's
 * `decisionAsked`, a step asked for: "What will you do if the urge comes back?" — "Call my sister.") or
 * asks for ideas ("What could you do?" — "Go for a walk."), the answer is always tentative: to confirm.
 * @returns the answer, or null.
 */
export function answeredDecision(turn: ReadSegment, segment: ReadSegment): AnsweredDecision | null {
  // Asked by its words: speech recognition may leave the question mark out ("so whats the plan").
  const question = turn.sentences.at(-1);
  const asked = question === undefined ? null : decisionAsked(question.tokens.filter(isWord));
  if (question === undefined || asked === null) return null;
  // "What will you do if the urge comes back?": a step kept for a time that may not come; "What could you do?": an idea. Each to confirm however firmly said.
  const toConfirm = asked !== "decided";
  const [first, ...rest] = segment.sentences;
  const reading = first === undefined ? null : actSaidAlone(segment, first);
  if (reading === null) return null;
  let last = first!;
  for (const sentence of rest) {
    if (actSaidAlone(segment, sentence)?.hedged !== false) break;
    last = sentence;
  }
  return { question, start: first!.start, end: last.end, strength: reading.hedged || toConfirm ? "tentative" : "plain" };
}

/** How a sentence commits once its subject and "will" are put back, when it commits to an act of its own only so; else null. */
function actSaidAlone(segment: ReadSegment, sentence: ReadSentence): { hedged: boolean } | null {
  if (isAsked(sentence) || sentenceCommitment(sentence) !== null) return null;
  const words = sentence.tokens.filter(isWord).map((token) => ({ lemma: token.lemma, value: token.value, partOfSpeech: token.pos, start: token.start - sentence.start }));
  const said = answerAsIntent(segment.text.slice(sentence.start, sentence.end), words);
  if (said === null) return null;
  const [read] = readSegment({ id: segment.id, speaker: segment.speaker, startMs: segment.startMs, text: said }, segment.role).sentences;
  const commitment = read === undefined ? null : sentenceCommitment(read);
  return commitment !== null && commitment.act === "own" ? { hedged: commitment.hedged } : null;
}
