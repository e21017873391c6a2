import type { RiskCategory } from "@confide/core/ports";
import { offersCareWords } from "./risk-context.ts";
import type { RiskSentence } from "./risk-reader.ts";

/**
 * Context that real counselling brings, where risk words are about care rather than risk. Each
 * rule reads one sentence (its lemmas and its words as said) and answers one question; the
 * screen (`embedded-risk-screen.ts`) applies them to every row of `risk-rules.yaml`.
 */

/** Words that say dying or ending one's life outright: with them, no rule below takes a sentence back. */
const saysDyingOutright =
  / (?:kill\S* (?:myself|my self)|end\S* (?:my|it all|my own) ?(?:life)?|take my (?:own )?life|suicid\S*|want\S* to die|wanna die|not (?:to )?wake up|(?:be|better) dead|on purpose|deliberate\S*|meant to)(?= )/;

const textOf = (sentence: RiskSentence) => `${sentence.text}|${sentence.said}`;

/**
 * Harm reduction: the fear of an accidental overdose ("scared I'll OD one day, the stuff is so
 * strong now"), naloxone or Narcan kept or given, drugs tested first. Such words are about using
 * safely, not about ending one's life.
 */
const overdoseFeared =
  / (?:scare\S*|afraid|terrifi\S*|frighten\S*|fear\S*|worr\S*|nervous|paranoid|panic\S*) (?:\S+ ){0,6}(?:overdos\S*|od|o d|od'ing|go over|take too much|use too much)(?= )/;
const harmReductionWords = / (?:naloxone|narcan|nalaxone|test strip\S*|fentanyl strip\S*|test (?:my|the|our) (?:stuff|gear|drug\S*|bag\S*)|needle exchange|clean needle\S*|safe (?:use|using|injecting|supply)|never use alone|not use alone|use with (?:someone|a friend|people))(?= )/;

export function isHarmReduction(sentence: RiskSentence): boolean {
  const text = textOf(sentence);
  return (overdoseFeared.test(text) || harmReductionWords.test(text)) && !saysDyingOutright.test(text);
}

/**
 * The risk of an accidental overdose as a drug worker speaks of it: "that's where the overdose risk
 * really goes up, especially if your tolerance has dropped", "the risk of overdose is higher after
 * a break". Such words tell how using harms, not of ending one's life: they start no talk of suicide,
 * and a yes after them says nothing of a method — unless the sentence names the risk outright (the
 * screen's own test, as for a means made safe).
 */
const overdoseRiskWords = / (?:overdose risk|od risk|risk of (?:an? )?(?:overdose|od)|(?:accidental|accidentally) (?:overdos\S*|od)|tolerance (?:\S+ ){0,3}(?:drop\S*|go\S* down|be (?:low|lower|down))|lost (?:\S+ ){0,2}tolerance)(?= )/;

/**
 * Safety-netting: a statement (not a question) telling the patient whom to contact if things get
 * worse, the risk named only in its condition — "if things start to feel worse, or if you ever did
 * have thoughts of harming yourself, I want you to ring the GP, or 111, straight away", "if those
 * thoughts get stronger, it's 116 123, 111, or A&E", "if the urges come up you've got your plan". It asks
 * nothing: a yes to it (or to "Is that okay?" after it, or to it asked: "…will you contact your GP?")
 * agrees to the instruction.
 */
const safetyNetWords =
  / if (?:\S+ ){0,25}?(?:(?:ring|call|phone|contact|go to|get in touch with|text) (?:\S+ )?(?:gp|doctor|surgery|111|999|911|988|a&e|a and e|samaritans|crisis line|crisis team|helpline|me|us|someone|ambulance|hospital|out of hours)|(?:it be|it's|it is|the number be|the numbers be|there be|there's) (?:\S+ ){0,3}(?:116|111|999|911|988|a&e|a and e|samaritans|crisis line|the card)|you (?:have|'ve|have get|'ve got|got) (?:your|the) (?:safety |coping |crisis )?plan)(?= )/;

export function givesSafetyNet(sentence: RiskSentence): boolean {
  const text = textOf(sentence);
  // Asked as a question ("…if that gets stronger, will you contact your GP?"), it asks for a promise, unless it also asks of the risk itself ("have you…").
  return safetyNetWords.test(text) && (!sentence.question || !asksOfTheRiskItself.test(text));
}

/** A question's words that ask of the risk itself beside a safety net: "have you…", "did you…", "are you…". */
const asksOfTheRiskItself = / (?:have|did|are|were|do) you /;

export function speaksOfOverdoseRisk(sentence: RiskSentence): boolean {
  const text = textOf(sentence);
  return overdoseRiskWords.test(text) && !saysDyingOutright.test(text);
}

/**
 * Medication counselling: when, where and how medicines are taken or stored, their doses, side
 * effects and interactions, a missed dose, a medicine for an everyday complaint ("paracetamol for
 * my sore throat", "I inject the insulin before I eat"). Such words are no method and no
 * gathering of means.
 */
const medicine =
  / (?:pill|pills|tablet|tablets|med|meds|medication|medications|medicine|medicines|dose|doses|dosage|prescription|insulin|statin|statins|paracetamol|ibuprofen|aspirin|antibiotic|antibiotics|inhaler|injection|inject|capsule|capsules|blood thinner|blood thinners|warfarin|metformin|painkiller|painkillers)(?= )/;
const routine = new RegExp(
  ` (?:${[
    "when (?:do|should|can|to) (?:i |you )?take",
    "what time",
    "where (?:do|should|can|will|would) (?:i|you) (?:keep|store|put)",
    "how (?:often|many|much) (?:do|should|can)",
    // "How many tablets are you on these days?", "what meds is he on": what is prescribed.
    "(?:be|are|am|is) (?:you|i|he|she|they|we) on(?! (?:top|purpose|your own|my own|the (?:bridge|roof|edge|ledge)))",
    "(?:take|took|have|inject|use) (?:\\S+ ){0,5}(?:in the morning|at night|at bedtime|every (?:morning|night|day|evening|four hours|six hours)|(?:twice|once|three times) a day|with (?:food|water|a meal|breakfast|dinner)|before (?:i eat|eat\\S*|meal\\S*|breakfast|bed|food)|after (?:i eat|eat\\S*|meal\\S*|food))",
    "side effect\\S*",
    "interact\\S*",
    "miss\\S* (?:a |one |my |the |any )?(?:dose|pill|tablet)",
    "forgot (?:to take|my)",
    "refill\\S*",
    "repeat prescription",
    "pharmac\\S*",
    "chemist",
    "pill ?box",
    "dosette",
    "for (?:my|the|a) (?:sore )?(?:throat|headache|cold|flu|fever|infection|back|knee|pain|period|cramps?|tooth|toothache|migraines?|blood sugar|blood pressure|cholesterol|diabetes|heart|chest)",
    "blood sugar",
    "cholesterol",
    "(?:the|my) (?:doctor|gp|pharmacist|nurse|consultant) (?:say|said|told|tell|explain\\S*)",
  ].join("|")})(?= )`,
);

/** Gathering pills, which no routine explains away ("saving them up", "stockpiling", "a stash"). */
const gathering = / (?:sav\S* (?:\S+ ){0,3}up|stockpil\S*|hoard\S*|stash\S*|squirrel\S*|collect\S*|put\S* (?:\S+ )?aside|hid\S*|hiding|build\S* up|enough to)(?= )/;

export function isMedicationCounselling(sentence: RiskSentence): boolean {
  const text = textOf(sentence);
  return medicine.test(text) && routine.test(text) && !saysDyingOutright.test(text) && !gathering.test(text);
}

/**
 * Means made safe, as a safety plan makes them: pills, a knife, a rope, the car keys (the way to
 * the place) or the drink in the house handed to someone to keep, locked away, thrown out, taken back to the pharmacy or round to someone's ("I'll give the tablets to my sister",
 * "I could give them to Dan", "could you give those to someone to keep?", "I could lock the knives
 * away"). A pronoun handed over ("I could give them to my sister") is the means only when a means
 * was named just before (`meansNamedBefore`: in the last few turns, or earlier in this one). Such words are a step towards safety, not
 * preparation, a method or a plan — unless dying is said outright.
 */
/** Means one cuts with: named by someone whose self-harm is not to die, they are its means (the screen's `cutNotToDie`). */
const cuttingMeans = "(?:knife|knives|blade|blades|razor|razors)";
export const cuttingWords = new RegExp(` ${cuttingMeans} `);
const means = `(?:pill|pills|tablet|tablets|med|meds|medication|medications|medicine|medicines|paracetamol|painkiller|painkillers|insulin|${cuttingMeans}|rope|cord|belt|gun|guns|rifle|shotgun|shotguns|cartridge|cartridges|shell|shells|ammo|ammunition|keys|car keys|bottle|bottles|wine|prosecco|vodka|booze|alcohol|beer|cans)`;
const meansWords = new RegExp(` ${means}(?= )`);
/**
 * Handed to anyone at all ("give them to dan", as speech recognition writes a name; "give the
 * tablets to him"): the means named, or "them" / "those" — never "it" ("I'll give it to him" may be
 * a beating).
 */
// "the tin of blades", "my box of tablets": the means in what holds them.
const pluralMeans = `(?:them|those|these|all of them|the lot|the whole lot|everything|(?:the|my|his|her|mum's|mum 's) (?:\\S+ ){0,2}${means})`;
/** What is made safe: the means named, or "them" / "it" — never a person ("get rid of him", "lock her in"). */
const meansObject = `(?:it|${pluralMeans})`;
/**
 * Who keeps it: a person named by who they are or by name (the reader reads a name as "person"),
 * someone, or the pharmacy: what "it" may be handed to.
 */
const keepers = "(?:sister|brother|mum|mom|dad|mother|father|nan|gran|grandma|aunt|uncle|partner|husband|wife|boyfriend|girlfriend|friend|mate|neighbour|neighbor|flatmate|son|daughter|pharmacy|pharmacist|chemist|gp|doctor|nurse|police)";
// Given or handed, never taken or brought ("I'll take the knife to him" is no keeping).
const handedOver = new RegExp(
  ` (?:give|hand|pass) (?:${meansObject} (?:over |back )?to (?:(?:my |a |the |our )(?:\\S+ )?${keepers}|person|someone|somebody)|${pluralMeans} (?:over |back )?to (?!myself|yourself|themselves|themself)\\S+)(?= )`,
);
/** A keeper's home: "pat's" (a name as said), "my mum's", "the neighbour's". */
const keepersHome = `(?:\\S+ ?'s|(?:my |your |his |her |a |the |our )(?:\\S+ )?${keepers}(?: ?'s)?)`;
const putAway = new RegExp(
  ` (?:lock\\S* ${meansObject} (?:up|away)|clear (?:out )?(?:the|your|my|his|her) (?:medicine |kitchen |bathroom )?(?:cupboard|cabinet|drawer)|get rid of ${meansObject}|throw\\S* ${meansObject} (?:away|out)|(?:put|throw|chuck|bin)\\S* ${meansObject} (?:\\S+ ){0,2}(?:in|into) the (?:\\S+ )?(?:bin|rubbish|sharps box|sharps bin)|flush\\S* ${meansObject}|hand ${meansObject} in|take ${meansObject} (?:back )?to the (?:pharmacy|chemist)` +
    // "take the tablets round to Pat's", "the tablets have gone to my mum's": taken to someone who keeps them.
    `|take ${pluralMeans} (?:round |over |across |back )?to ${keepersHome}|${pluralMeans} (?:have |have be |be )?(?:go|gone) (?:round |over |back )?to ${keepersHome}` +
    // "you take them love i dont want them in the house": means not wanted at home, handed back.
    `|(?:do not|not) want ${meansObject} in (?:the|my) (?:house|home|flat)` +
    // "there's a cash box in the garage i'll put them all in that", "put the tablets in the safe": shut away in something that locks.
    `|put ${meansObject} (?:all )?(?:in|into) (?:that|it|a (?:\\S+ )?(?:lock ?box|lockbox|cash box|safe|locked \\S+)|the (?:\\S+ )?(?:lock ?box|lockbox|cash box|safe|locked \\S+)|(?:a|the) box (?:that|which|with a) lock\\S*)(?= \\.| ,| $|$| and| tonight| today| now| when| as soon)` +
    // "ask him to come and take the gun and the cartridges tonight", "ring Rhys after this call to take the gun": someone asked to take them away.
    `|(?:ask|get|ring|call|phone|text) (?:(?:my |a |the |our )(?:\\S+ )?${keepers}|(?!(?:me|myself|yourself)\\b)\\S+) (?:\\S+ ){0,4}?to (?:come (?:round |over )?and )?(?:take|collect|pick up|hold on to|hold onto|keep|look after|mind) ${pluralMeans})(?= )`,
);

export const namesMeans = (sentence: RiskSentence): boolean => meansWords.test(textOf(sentence));

export function makesMeansSafe(sentence: RiskSentence, meansNamedBefore: boolean): boolean {
  const text = textOf(sentence);
  return (handedOver.test(text) || putAway.test(text)) && (meansNamedBefore || meansWords.test(text)) && !saysDyingOutright.test(text);
}

/** What these two rules take back: a suicide method, plan or means, and the self-harm of an overdose. */
const takenBackInCare = new Set<RiskCategory>(["suicide_method", "suicide_intent_or_plan", "preparatory_behaviour", "active_ideation", "self_harm"]);

/**
 * Whether a match of `category` in this sentence is taken back as care, not risk: harm reduction
 * or medication counselling. Substance use stays (it is listed to review).
 */
export function isCareNotRisk(category: RiskCategory, sentence: RiskSentence): boolean {
  return takenBackInCare.has(category) && (isHarmReduction(sentence) || isMedicationCounselling(sentence));
}

/**
 * Harm from the speaker's drinking or drug use: an overdose of a drug they use ("I overdosed on
 * heroin two years ago", "I OD'd on the gear at a party") or a habit said to be killing them ("my
 * wife says I'll drink myself to death", "if I go back on the gear I'll be dead in a year"). To review as substance use, not as a method or a plan to
 * end one's life — unless dying is said outright or the act was meant ("on purpose").
 */
const drugsUsed = / (?:heroin|smack|gear|fentanyl|fent|opiate\S*|opioid\S*|cocaine|coke|crack|meth|ketamine|ket|ghb|mdma|ecstasy|molly|spice|drug|drugs)(?= )/;
const overdosed = / (?:over ?dos\S*|od|o d|od'd|od'ing)(?= )/;
const habitToDeath = / (?:drink|smoke|vape) (?:myself|yourself|himself|herself|themselves|themself) to death(?= )/;
/** The categories harm from use is read in place of: a method, a plan, a wish to be dead. */
const readAsUse = new Set<RiskCategory>(["suicide_method", "suicide_intent_or_plan", "passive_death_wish", "active_ideation"]);

/** Death foretold as what using again will bring: "if I go back on the gear properly I'll be dead in a year". */
const deathIfUsing = / if i (?:\S+ ){0,2}(?:go back (?:on|to)|keep (?:on )?(?:use|using|drink|drinking|go|going)|carry on (?:use|using|drink|drinking|like this|like that|this way|the way i be|the way i am)|start (?:use|using|drink|drinking) again|relapse\S*) (?:\S+ ){0,6}(?:i will|i 'll|i'll|i would|i 'd|i'd) (?:\S+ )?be dead(?= )/g;
const usedOrDrunk = / (?:gear|heroin|smack|crack|coke|drink\S*|booze|drug\S*|use|using|bottle)(?= )/;

export function isHarmOfUse(category: RiskCategory, sentence: RiskSentence): boolean {
  const text = textOf(sentence);
  if (!readAsUse.has(category)) return false;
  // The death foretold set aside, dying may still be said outright ("…and I want to die").
  const foretoldAside = text.replace(deathIfUsing, " ");
  if (foretoldAside !== text && usedOrDrunk.test(text) && !saysDyingOutright.test(foretoldAside)) return true;
  return ((overdosed.test(text) && drugsUsed.test(text)) || habitToDeath.test(text)) && !saysDyingOutright.test(text);
}

/**
 * Going without food to lose weight ("I've basically been starving myself to lose the weight",
 * "I skip meals to keep the calories down"): restrictive eating, listed to review, never a
 * statement of self-harm that pages — unless it is said to punish or hurt.
 */
const starving = / (?:starv\S*|not eat\S*|skip\S* (?:\S+ )?meal\S*)(?= )/;
const forWeight = / (?:(?:lose|lost|losing|drop|shed|shift) (?:\S+ ){0,2}(?:weight|pound\S*|stone|kilo\S*|kg|lbs|belly)|diet\S*|calorie\S*|slim\S*|fit into)(?= )/;
const toHurt = / (?:punish\S*|deserve\S*|hurt\S*|hate my ?self|on purpose to)(?= )/;

export function isDieting(category: RiskCategory, sentence: RiskSentence): boolean {
  const text = textOf(sentence);
  return category === "self_harm" && starving.test(text) && forWeight.test(text) && !toHurt.test(text) && !saysDyingOutright.test(text);
}

/**
 * Death by illness or loss: a prognosis ("the oncologist gave me six months to live", "I have
 * terminal cancer, I'm going to die by Christmas"), a death that happened ("my grandfather died
 * last Tuesday, the funeral is next week") or someone else's dying ("Mum is going to die soon").
 * Dying there is illness or grief, not an intent or plan to end a life.
 */
const illness =
  / (?:cancer|cancers|tumou?r\S*|terminal\S*|leuka?emia|lymphoma|diagnos\S*|prognosis|chemo\S*|radiotherapy|hospice|palliative|illness|disease|dementia|alzheimer\S*|heart failure|oncolog\S*|life support|intensive care|(?:\S+ )?(?:days|weeks|months|years) to live|(?:the|my|his|her|their) (?:doctor|doctors|consultant|specialist) (?:say|said|tell|told|give|gave))(?= )/;
const bereavement = / (?:died|pass away|passed away|passed on|funeral|burial|cremation|bereave\S*|widow\S*|grave|griev\S*|grief|memorial)(?= )/;
/** Dying in bare words, which illness or grief explains: "die", "death", "not be here", "to live". */
const bareDying = / (?:die|died|dying|death|dead|be here|be around|be alive|to live)(?= )/;

/**
 * Whether a match of `category` is taken back as a death by illness or loss. Only a plan or intent,
 * and only where nothing says dying outright ("kill myself", "want to die", "suicide" keep it): its
 * own words must be bare dying ("die", "not be here") — or, for a row that counts only after suicide
 * was talked about (`contextOnly`: "when I go", "before Christmas"), any words, since the illness or
 * grief in its sentence explains them. Someone else's dying in bare words is theirs, and natural.
 * @param matched the match's words (lemmas), with a space before and after; a concept's companion
 *   said in the next sentence is among them.
 */
export function isDeathByIllnessOrLoss(category: RiskCategory, sentence: RiskSentence, matched: string, subject: "speaker" | "other_person", contextOnly: boolean, terminalIllnessTold = false): boolean {
  if (category !== "suicide_intent_or_plan") return false;
  const text = textOf(sentence);
  if (saysDyingOutright.test(text) || saysDyingOutright.test(matched)) return false;
  const bare = bareDying.test(matched);
  if (!bare && !contextOnly) return false;
  return illness.test(text) || bereavement.test(text) || (bare && (subject === "other_person" || (terminalIllnessTold && !soon.test(text))));
}

/** A time set soon: "I'm going to die tonight" is no prognosis, whatever illness was named. */
const soon = / (?:tonight|tomorrow|today|this (?:week|weekend)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?= )/;

/**
 * A terminal illness named ("the cancer has spread", "the hospice", "my prognosis", "months to
 * live"): once a speaker has named one, their dying in bare words ("I'm going to die, I know that")
 * is the illness — unless a time is set soon ("tonight") — and planning their funeral is planning
 * ahead, not preparing to end a life. Illness in general ("my illness", "the diagnosis") is not
 * enough: depression is one too.
 */
const terminalIllness = / (?:cancer|cancers|tumou?r\S*|terminal\S*|metasta\S*|chemo\S*|radiotherapy|palliative|hospice|prognosis|oncolog\S*|motor neurone|dialysis|(?:kidney|renal) failure|end stage|end of life care|dnacpr|dnr|do not resuscitate|(?:\S+ )?(?:days|weeks|months) to live|(?:weeks|months) rather than (?:months|years))(?= )/;
export const namesTerminalIllness = (sentence: RiskSentence): boolean => terminalIllness.test(textOf(sentence));

/** Planning one's funeral or affairs (a row marked `plannedAheadInIllness`) where a terminal illness was named, and nothing says dying by one's own hand: planning ahead. */
export function isPlanningAhead(plannedAheadInIllness: boolean, sentence: RiskSentence, terminalIllnessTold: boolean): boolean {
  return terminalIllnessTold && plannedAheadInIllness && !saysDyingOutright.test(textOf(sentence));
}

/**
 * A therapist's question about medicines taken or stored ("when do you take your
 * medications?", "where do you keep them?"): a yes to it says nothing about a risk.
 */
export function isMedicationQuestion(sentence: RiskSentence): boolean {
  return isMedicationCounselling(sentence);
}

/**
 * A therapist's sentence that offers to set up care (`offersCareWords`: "They do patches and weekly
 * check-ins, would you like me to refer you"), the risk not named outright in it: a yes to it
 * accepts the care, and says nothing more of the use or the risk the sentence spoke of.
 */
export function offersCare(sentence: RiskSentence): boolean {
  const text = textOf(sentence);
  return offersCareWords.test(text) && !saysDyingOutright.test(text);
}
