/**
 * What the therapist did in the session (the notes' `interventions`, a BIRP note's Intervention):
 * a line per kind of act the therapist's own words show, each quoting one whole sentence of theirs
 * — the screening questions about suicide and self-harm, a safety plan named, reflections, summaries, acknowledging
 * how hard something is, affirming the patient, information given, open questions. What they
 * proposed is the strategies' (shown after these). Only acts said in words a clinician would
 * name the same way are written: a sentence that might be either is left out, never guessed.
 */
import { stepsAsked } from "@confide/core/adapter-kit";
import type { NoteItemDraft } from "@confide/core/ports";
import { isWord } from "./conversation-fillers.ts";
import { brokenOff, type ReadSegment, type ReadSentence } from "./segment-reader.ts";

/** How a line names an act: a verb the claim check reads as saying who said what, so the quote alone must carry the line. */
type Act = "Asked" | "Reflected" | "Summarised" | "Acknowledged" | "Affirmed" | "Explained" | "Safety plan" | "Crisis plan";

interface ActRule {
  act: Act;
  /** Matched against the sentence's `opened` form (`Said`). */
  opens?: RegExp;
  /** Matched anywhere in the sentence. */
  says?: RegExp;
  /** A sentence that matches this is not the act ("It sounds like a plan."). */
  unless?: RegExp;
  /** Whether the sentence must be asked (true), must not be (false), or may be either (absent). */
  question?: boolean;
  /** The act is also a sentence the therapist checks with the patient right after it (`Said.checked`), without `opens`. */
  orChecked?: true;
  /** How many lines of this act a note holds at most. */
  lines: number;
}

/** The C-SSRS steps whose question names dying or suicide itself; "when was that?" or "do you intend to…?" alone could be about anything. */
const suicideSteps = new Set(["wish_dead", "suicidal_thoughts", "plan", "preparation"]);
/** Words that name dying or suicide: "Have you tried buying yourself a treat?" matches the preparation step's pattern but asks of no such thing. */
const dyingNamed = /\b(?:suicid\w*|kill(?:ing)? yourself|end(?:ing)? (?:your (?:own )?life|it all|things)|tak(?:e|ing) your (?:own )?life|dead|die|dying|not (?:to )?wake up)\b/;

const hard = String.raw`(?:hard|difficult|tough|painful|scary|frightening|stressful|overwhelming|exhausting|upsetting|awful|horrible|frustrating|lonely|distressing|heavy|a lot)`;
const intensifier = String.raw`(?:really |so |very |quite |incredibly |pretty |such )?`;
/**
 * Praise of what the patient did or does, which affirms even when put as a reflection ("It sounds
 * like you did the right thing there"): not a view of a step only proposed ("that would be a good
 * first step") nor a doubt ("…whether you are right to").
 */
const praise = String.raw`(?<!(?:if|whether) )\byou(?:'re| are)(?: really| clearly| definitely)? doing (?:a |such a )?${intensifier}(?:great|good|amazing|brilliant|fantastic|wonderful) job\b|\byou(?:'ve| have)(?: really)? done (?:a |such a )?${intensifier}(?:great|good|amazing|brilliant|fantastic|wonderful) job\b|(?<!(?:if|whether) )\byou(?:'re| are) doing the right thing\b|\b(?:that's|that is|was|is) (?:a )?(?:really |very )?(?:great|good) (?:start|first step)\b`;
/** A modal that puts something forward ("could be a great support", "you might try"); not a past one ("should have helped"), nor one that says what may be going on ("it might be affecting your sleep"). */
const proposalAfter = String.raw`\b(?:could|should|might|ought to)\b(?! have\b)(?! be \w+ing\b)|\bmay want\b`;

/** The acts in the order a note lists them: the screening questions first, open questions last. */
const actRules: readonly ActRule[] = [
  // Safety planning named in the therapist's words, proposed, asked or reviewed ("Can we work on a
  // safety plan together today?", "Let's go over your crisis plan"): headed by the plan's own
  // words, so the quote carries the line.
  { act: "Safety plan", says: /\bsafety plan(?:s|ning)?\b/, lines: 1 },
  { act: "Crisis plan", says: /\bcrisis plan(?:s|ning)?\b/, unless: /\bsafety plan/, lines: 1 },
  {
    act: "Asked",
    says: /\b(?:hurt(?:ing)?|harm(?:ing)?|cut(?:ting)?|injur(?:e|ing)|burn(?:ing)?) yourself\b|\bself[- ]?harm/,
    question: true,
    lines: 1,
  },
  {
    act: "Reflected",
    opens: new RegExp(
      String.raw`^(?:on (?:the )?one hand|it sounds (?:like|as if|as though)|sounds like|it seems (?:like|that|as if|as though)|seems like|it feels like you|you feel|you're feeling|you are feeling|you've been feeling|you have been feeling|you felt|what i'm hearing|what i hear|i'm hearing|i hear that|i hear you say|you're saying|you are saying|part of you|you're worried|you are worried|you're afraid|you are afraid|you're scared|you're not sure|you are not sure)\b`,
    ),
    // Said of the patient ("you"), not of the world or a third person, putting nothing forward ("It sounds like your brother could drive you", "…if you sorted it, things would ease", "the best thing you can do is…") and naming no illness ("…burnout is what you're suffering from": a view).
    says: /\byou(?:'re|'ve|'d|'ll)?\b|\byourself\b/,
    unless: new RegExp(String.raw`^(?:it )?sounds like (?:a |an )?(?:plan|good|great|fun|idea|nice|lovely)\b|\bsuffering from\b|${proposalAfter}|\bif you\b|\bbest (?:thing|goal|way|option)\b|\bwould (?:likely |really |probably )?help\b|${praise}`),
    question: false,
    lines: 1,
  },
  {
    act: "Summarised",
    opens: /^(?:to sum up|so to sum up|to summari[sz]e|let me (?:just )?(?:summari[sz]e|sum (?:it |things |that )?up|recap)|in summary|so far you've told me|so far you have told me|let me see if i've got this|if i understand you correctly|let me check i've understood|let me check i've got (?:it|that|this))\b/,
    // "So you'll keep the preventer by your toothbrush, take it twice a day and come back in four weeks. Have I got that right?"
    orChecked: true,
    question: false,
    lines: 1,
  },
  {
    act: "Acknowledged",
    opens: new RegExp(
      String.raw`^(?:that|this|it) (?:sounds|must (?:be|have been|feel)|seems) (?:(?:like )?(?:a|an) )?${intensifier}${hard}\b|^(?:that's|that is) (?:a |such a )?${intensifier}${hard} (?:position|situation|place|spot|time|decision|load|burden|thing to (?:carry|go through|live with)|to (?:be )?carry(?:ing)?|to deal with|to cope with|to go through|to take in|on your plate)\b|^i(?:'m| am) ${intensifier}sorry (?:to hear|that|you|for what)|^i can (?:only )?imagine\b|^it makes (?:a lot of |total |perfect )?sense (?:that|you|to)\b|^it's ${intensifier}(?:completely |totally |perfectly )?(?:understandable|natural) (?:that|to|you)\b|^anyone would\b`,
    ),
    question: false,
    lines: 1,
  },
  {
    act: "Affirmed",
    says: new RegExp(
      String.raw`^(?:well done|good for you)\b|\b(?:that took (?:a lot of |real )?(?:courage|strength|guts)|you should be ${intensifier}proud|i'm ${intensifier}(?:impressed|proud of you)|you've (?:done|made) ${intensifier}(?:well|great|amazing|brilliant)|you've come ${intensifier}(?:a long way|far)|(?:that's|that is) ${intensifier}(?:brave|courageous|impressive|a big step|an achievement)|you've been ${intensifier}(?:brave|strong|courageous)|you've (?:already )?made (?:a |some )?${intensifier}(?:big|real|huge|great|good) (?:change|progress|step|effort)s?|you(?:'re| are) being ${intensifier}(?:honest|open|brave)|it took (?:a lot|something|some courage|courage|guts|real courage) to (?:come|say|tell|share|talk|ask)|thank you for being (?:so )?(?:open|honest)|thanks for (?:being|telling me) (?:so )?(?:straight|honest|open))\b|${praise}`,
    ),
    question: false,
    lines: 1,
  },
  {
    act: "Explained",
    says: new RegExp(
      String.raw`\b(?:research|studies|evidence) (?:shows?|suggests?|has shown|have shown)\b|^it's (?:really |very |quite )?(?:common|normal|usual) for\b|^(?:a lot of|many|most) (?:people|women|men|parents|mums|moms|dads|smokers|drinkers|students|teenagers|young people) (?:who|with|find|experience|in your|drink|smoke|notice|struggle|feel)\b|^what we know (?:is|about)\b|^we know (?:that )?(?:drinking|smoking|alcohol|people|many|most)\b` +
        // "That's what we call a safety behaviour", "One of the things we know about low mood is…": a name or a fact given.
        String.raw`|\bwhat we call\b|^one of the things we know\b` +
        // "That's a really common worry": the patient's experience put beside others'.
        String.raw`|^(?:that's|that is|it's|it is) (?:a )?${intensifier}(?:common|normal|usual) (?:worry|concern|fear|feeling|reaction|question|experience|side effect)\b`,
    ),
    question: false,
    lines: 1,
  },
  {
    act: "Asked",
    opens: /^(?:what|how|why|in what way|tell me|can you tell me|could you tell me|would you tell me|can you say more|could you say more|can you describe|could you describe)\b/,
    // Greetings, offers to help and the agenda are no question of the session's substance; "How about ringing her?" and "What if you rang her?" are proposals.
    unless:
      /^how (?:are|is|was|have) (?:you|it|everything|things)(?: been)?(?: doing| going| feeling)?(?: today| tonight| now| lately| this \w+)?\??$|^how's it going\b|^how (?:is|was) (?:the weather|your (?:day|weekend|morning|evening|night))\b|^(?:how|what) (?:can|may|might|could) i (?:help|support|assist|do)\b|^what (?:can|may) i help\b|^what (?:would|do) you (?:like|want) to (?:talk|discuss|chat|share)\b|^what brings you\b|\b(?:talk|discuss|chat) (?:about )?today\b|^what do you mean\b|^what else\b|\bi (?:can|could|may|might) (?:help|support|assist)\b|\bbe of (?:help|support)\b|^(?:how|what) about \w+ing\b|^what if you\b/,
    question: true,
    lines: 1,
  },
];

/** Words a sentence may open with before its act: "So it sounds like…", "Okay, what happened then?". */
const openers = /^(?:(?:so|and|okay|ok|right|yeah|yes|well|mm|hmm|um|uh|alright|i see|i know|oh)[,.]?\s+)+/;
/** A sentence shorter than this says too little to stand for an act on its own ("That's hard."). */
const minWords = 4;
/** Longer than this a sentence is a speech, not an act quoted. */
const maxWords = 45;

/** One sentence of the therapist, read once for every rule. */
interface Said {
  segment: ReadSegment;
  sentence: ReadSentence;
  /** As said. */
  text: string;
  /** In lower case with straight apostrophes. */
  lower: string;
  /** `lower` from its first word after an opener ("so", "okay"…). */
  opened: string;
  asked: boolean;
  words: number;
  /** Said of the patient ("you") in at least `checkedWords` words listing several things (`listedParts` commas at least), and the therapist's next sentence in the turn checks it with them (`checksBack`: "Have I got that right?"): a summary, not a reflection checked. */
  checked: boolean;
}

/** A question that checks what the therapist just said back with the patient: "Have I got that right?", "Did I miss anything?". */
const checksBack = /^(?:have i got (?:that|it|this|everything) right|did i get (?:that|it|this|everything) right|is that (?:about )?right|does that sound (?:about )?right|am i getting (?:that|it) right|did i miss anything|have i missed anything)\b.*\?$/;
/** The fewest words a sentence checked back needs to be a summary, not a short reflection ("You're worried. Is that right?"). */
const checkedWords = 10;
/** The fewest commas or semicolons a sentence checked back needs to gather several things, as a summary does ("…by your toothbrush, take it twice a day, and come back…"): one thing checked is a reflection. */
const listedParts = 2;

function saidOf(segment: ReadSegment, sentence: ReadSentence): Said {
  const text = segment.text.slice(sentence.start, sentence.end);
  const lower = text.toLowerCase().replaceAll("’", "'").trim();
  return { segment, sentence, text, lower, opened: lower.replace(openers, ""), asked: lower.endsWith("?"), words: sentence.tokens.filter(isWord).length, checked: false };
}

/** A turn's sentences as said, each `checked` when the sentence after it checks it back (`Said.checked`). */
function saidIn(segment: ReadSegment): Said[] {
  const said = segment.sentences.map((sentence) => saidOf(segment, sentence));
  said.forEach((sentence, at) => {
    const next = said[at + 1];
    sentence.checked =
      next !== undefined && !sentence.asked && sentence.words >= checkedWords && (sentence.opened.match(/[,;]/g) ?? []).length >= listedParts && /\byou(?:'re|'ll|'ve|'d)?\b/.test(sentence.opened) && checksBack.test(next.opened);
  });
  return said;
}

/** True when a sentence is the act `rule` names. */
function isAct(rule: ActRule, said: Said): boolean {
  if (rule.question !== undefined && said.asked !== rule.question) return false;
  if (rule.unless?.test(said.opened)) return false;
  if (rule.opens && !rule.opens.test(said.opened) && !(rule.orChecked === true && said.checked)) return false;
  return !rule.says || rule.says.test(said.opened);
}

/** A therapist's question of the suicide screening (core's `stepsAsked`, the live suggestions' rule), naming dying or suicide itself. */
const asksOfSuicide = (said: Said) => said.asked && dyingNamed.test(said.lower) && stepsAsked(said.lower).some((step) => suicideSteps.has(step));

const lineOf = (act: Act, said: Said): NoteItemDraft => ({
  text: `${act}: “${said.text}”`,
  quote: said.text,
  speaker: "therapist",
  evidence: [{ segmentId: said.segment.id, start: said.sentence.start, end: said.sentence.end }],
});

/**
 * The lines of what the therapist did (see the module comment): every distinct question of the
 * suicide screening (up to two), then per act (a safety or crisis plan named first) the longest
 * sentence that shows it — the one that
 * says most of what the act was about. Each sentence serves one line.
 * @returns [] when the therapist's words show none of these acts.
 */
export function findTherapistActs(segments: readonly ReadSegment[]): NoteItemDraft[] {
  const sentences: Said[] = segments
    .filter((segment) => segment.role === "therapist")
    .flatMap((segment) => saidIn(segment).filter((said) => !brokenOff(segment, said.sentence)))
    .filter((said) => said.words <= maxWords);
  const used = new Set<Said>();
  const lines: NoteItemDraft[] = [];
  for (const said of sentences.filter(asksOfSuicide).slice(0, 2)) {
    used.add(said);
    lines.push(lineOf("Asked", said));
  }
  for (const rule of actRules) {
    const shown = sentences
      .filter((said) => !used.has(said) && said.words >= minWords && isAct(rule, said))
      .sort((a, b) => b.words - a.words)
      .slice(0, rule.lines);
    for (const said of shown) {
      used.add(said);
      lines.push(lineOf(rule.act, rule.act === "Summarised" ? withSummaryAfter(said) : said));
    }
  }
  return lines;
}

/** The most words a sentence that only announces a summary holds ("Let me just sum up."): the summary is the sentence after it. */
const announcementWords = 8;

/**
 * A summary announced in a short sentence ("Let me just sum up. You've been drinking most
 * nights…"), quoted with the sentence after it in the turn, which is the summary; the sentence as
 * it is when it says more, or when nothing follows (or the two together would be a speech).
 */
function withSummaryAfter(said: Said): Said {
  const sentences = said.segment.sentences;
  const next = sentences[sentences.indexOf(said.sentence) + 1];
  if (said.words > announcementWords || next === undefined) return said;
  const joined = saidOf(said.segment, { start: said.sentence.start, end: next.end, tokens: [...said.sentence.tokens, ...next.tokens] });
  return joined.words <= maxWords ? joined : said;
}
