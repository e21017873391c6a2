import type { RiskCategory } from "@confide/core/ports";

/**
 * The embedded risk screen's rules, in one table a clinician can review: each row is one way of
 * saying a risk, the category it raises (C-SSRS for suicide: wish to be dead, active ideation,
 * method, intent or plan, preparatory behaviour; then self-harm, harm to others, abuse
 * experienced, substance use), what the flag says, and examples that must raise it (a test
 * reads every example). The context rules — negation, hypotheticals, someone else's risk, the
 * past, idioms, questions — are in `risk-context.ts` and apply to every row.
 *
 * How a pattern reads: it is matched against a sentence's words as wink-nlp lemmatises them,
 * lower-cased, one space between words ("I've been saving up my pills" reads
 * "i have be save up my pill"; "don't" reads "do not"; a name reads "person"). Patterns are
 * regular expressions over that text, with these shorthands:
 * - `{self}` myself; `{gap}` up to three words of any kind; `{adv}` adverbs like "just",
 *   "really", "sometimes"; `{pills}` medicines and pills; `{person}` someone other than the
 *   speaker; `{family}` a relative or partner; `{drug}` an illicit drug by name or street name.
 * - `\S*` after a stem accepts every ending ("drink\S*": drink, drinking, drinker).
 *
 * Changing a row changes `embeddedRiskRulesVersion`.
 */
export interface RiskPattern {
  /** Stable name, shown in a flag's details: `<category>.<what>`. */
  id: string;
  category: RiskCategory;
  /** What the flag says it saw, in plain words (the subject is the speaker). */
  says: string;
  pattern: string;
  /** Sentences that must raise this row (checked by the tests). */
  examples: string[];
  /** Rows about someone else's risk: recorded as such, never as the speaker's. */
  subject?: "other_person";
  /** Rows that only ever speak of the past ("I stopped drinking"): a history flag. */
  temporality?: "history";
  /** Rows too ambiguous alone ("I'm going to do it on Friday"): raised only when suicide was talked about in the last few turns. */
  needsSuicideContext?: boolean;
}

export const embeddedRiskRulesVersion = "embedded-risk-rules-6";

export const macros: Readonly<Record<string, string>> = {
  self: "(?:myself|my self|meself|mysel|my own self)",
  gap: "(?:\\S+ ){0,3}",
  end: "(?=(?: [.!?,;])* ?$)",
  adv: "(?:(?:just|really|actually|sometimes|even|kind of|kinda|sort of|seriously|honestly|literally|so|almost|nearly|constantly|often|always|still|already|definitely|probably|genuinely|truly|all|finally|simply|quietly|maybe|also|ever|like) )*",
  pills: "(?:pill|pils|tablet|med|meds|medication|medicine|paracetamol|tylenol|acetaminophen|ibuprofen|aspirin|painkiller|sleeping pill|sleeping tablet|antidepressant|sertraline|prozac|lithium|insulin|oxy\\S*|xanax|valium|diazepam|codeine|tramadol|benzo\\S*|opioid\\S*|morphine|fentanyl|zopiclone|amitriptyline|quetiapine|seroquel|co ?- ?codamol|cocodamol|codamol|pregabalin|gabapentin|zolpidem|temazepam|lorazepam|clonazepam|alprazolam|oxycodone|hydrocodone|dihydrocodeine|methylphenidate|adderall|ritalin|elvanse|vyvanse|modafinil|mirtazapine|citalopram|fluoxetine|venlafaxine|propranolol|nytol|naproxen)s?",
  family:
    "(?:mom|mum|mommy|mummy|mother|dad|daddy|father|stepdad|stepfather|stepmom|stepmum|stepmother|brother|sister|son|daughter|husband|wife|partner|boyfriend|girlfriend|fiance|fiancee|ex|uncle|aunt|auntie|grandad|grandpa|granddad|grandma|gran|nan|nana|cousin|parent|kid|child|baby|family|friend|mate|boss|manager|teacher|coach|neighbou?r|colleague|coworker|roommate|flatmate|landlord|carer|priest|stepbrother|stepsister|man|guy|woman|girl|bloke|lad)s?",
  person: "(?:he|she|they|him|her|them|someone|somebody|person|people|everyone|everybody|(?:my|his|her|their|our|the|a|this|that) (?:\\S+ )?{family})",
  // Concepts (used by `riskConcepts` below): kinds of meaning, not phrases.
  /** A first-person future, decision or plan: "I'm going to", "I'll", "I've decided", "my plan is", "I know exactly how". */
  intent:
    "(?:(?:i|we) (?:\\S+ )?(?:be go to|go to|will|shall|be gonna|be about to|be ready to|be set on|be determine to)|i (?:have |'ve )?(?:decide|make up my mind|make my mind up|work (?:it |everything |it all )?out|figure (?:it |everything )?out|plan|pick|choose|settle on)\\S*|my (?:mind be make up|plan be|plan|mind be set)|the plan be|i (?:\\S+ )?know (?:exactly |just )?(?:how|when|where|which|what)|i have (?:everything|it all|it) (?:\\S+ )?(?:ready|sort\\S*|set|plan\\S*|line\\S* up|work\\S* out)|(?:that|this|there) be (?:where|how|when) i (?:would|will|be go to))",
  /** When: a day, a time, an occasion, "when everyone's out". */
  timing:
    "(?:tonight|tomorrow|(?:after|by|before|on) the \\d+(?:st|nd|rd|th)?(?= |$)|(?:this|next|at the) (?:weekend|week|month|year|friday|saturday|sunday|monday|tuesday|wednesday|thursday)|on (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|my birthday|the anniversary|\\S+ 's birthday)|(?:before|after|by) (?:summer|christmas|new year|easter|the (?:end|weekend|holiday\\S*|funeral|wedding)|my birthday|friday|saturday|sunday|monday|tuesday|wednesday|thursday|next)|when (?:everyone|everybody|he|she|they|the kids|the house|my (?:\\S+ )?(?:wife|husband|partner|mum|mom|dad|parents|kids|flatmate)) (?:\\S+ )?(?:be (?:at|out|away|asleep|gone|empty)|go (?:out|away|to|back)|leave))",
  /** Dying or ending one's life, said plainly. */
  dying:
    "(?:kill {self}|unalive {self}|end (?:my (?:own )?life|it all|everything|my life)|take my (?:own )?life|suicide|(?:be|go to be) dead|die|death|not (?:be )?(?:here|around|alive) (?:\\S+ ){0,2}(?:next|by|after|for|anymore|much longer)|(?:not|never) (?:\\S+ )?need (?:\\S+ ){1,3}(?=after|by|past|where i be go|when i be go)|(?:not|never) be a next|overdose|take (?:them|the lot|it|all of them|all my \\S+) all|(?:hang|drown|gas|shoot) {self}|jump (?:off|from|in front)|not wake up|end it)",
  /** A decision or a plan made, not only a future ("my plan is", "I've decided", "I know exactly how"). */
  decision:
    "(?:i (?:have |'ve )?(?:decide|make up my mind|make my mind up|work (?:it |everything |it all )?out|figure (?:it |everything )?out|plan|pick|choose|settle on)\\S*|my (?:mind be make up|plan be|plan|mind be set)|the plan be|i (?:\\S+ )?know (?:exactly |just )?(?:how|when|where|which)|i have (?:everything|it all|it) (?:\\S+ )?(?:ready|sort\\S*|set|plan\\S*|line\\S* up|work\\S* out)|(?:that|this|there) be (?:where|how|when) i (?:would|will|be go to))",
  /** Means of suicide that have little everyday use: a noose, a gun, helium, a stash of pills. */
  lethalMeans:
    "(?:noose|ligature|gun|rifle|shotgun|revolver|pistol|cartridge\\S*|bullet\\S*|ammo|antifreeze|weedkiller|helium|charcoal|exhaust|hosepipe|overdose|(?:all|all of|the rest of|enough|a lot of|loads of|a handful of|handfuls of|how many|a stash of|the whole (?:box|bottle|pack|packet|strip|tub|lot) of) (?:my |the |them |of |these |those )?(?:\\S+ )?{pills})",
  /** Places and things of everyday life that are also means ("the bridge", "a rope"): a means only with dying or a decision. */
  places: "(?:rope|belt|cord|knife|bridge|cliff\\S*|rooftop|roof|ledge|car park|multi-storey|tracks|railway|train line|motorway|the sea|the river|blade\\S*|razor\\S*|bleach)",
  /** Ambiguous alone ("I'm going to do it"): counts only where suicide was just talked about. */
  doIt: "(?:do it|do this|go through with it|end it|(?:get|be) it over with|finish it|follow through)",
  /** Hurting someone: a violent act. */
  violence:
    "(?:kill\\S*|hurt\\S*|stab\\S*|smother\\S*|suffocat\\S*|strangl\\S*|throttl\\S*|choke\\S*|batter\\S*|beat\\S* (?:up|the)|glass\\S*|set\\S* fire to|torch\\S*|burn\\S* down|run\\S* (?:over|down)|shoot\\S*|punch\\S*|smash\\S*|end(?= (?:him|her|them) )|attack\\S*|go after|wait\\S* for|pour (?:\\S+ )?on|drown\\S*|poison\\S*)",
  /** Someone else as the target of an act ("him", "the baby", "his face", "his car"). */
  target: "(?:(?:him|her|them|the baby|the kids|my (?:\\S+ )?{family}|his (?:\\S+ )?(?:face|head|car|house|throat)|her (?:\\S+ )?(?:face|head|car|house|throat)|{person}))",
  /** A drug, a drink, a smoke: brand and street names too. */
  using:
    "(?:percocet|vicodin|oxycontin|oxy\\S*|xanax|xannie\\S*|valium|diazepam|codeine|tramadol|pregabalin|gabapentin|lyrica|zoot\\S*|spliff\\S*|joint\\S*|weed|cannabis|coke|cocaine|ket|ketamine|mdma|pill\\S* (?:at|on a) (?:night|party|festival)|speed|heroin|crack|spice|vodka|cider|lager|beer\\S*|wine|spirits|cans|pints|cigarette\\S*|fag\\S*|vape\\S*|nicotine)",
  drug: "(?:cocaine|coke|crack|heroin|smack|gear|meth|crystal|methamphetamine|speed|amphetamine\\S*|mdma|molly|ecstasy|pingers|ket|ketamine|lsd|acid|shroom\\S*|magic mushroom\\S*|weed|cannabis|marijuana|pot|skunk|joint|spliff|blunt|bong|edible\\S*|dab\\S*|thc|spice|fentanyl|fent|xanax|bar|benzo\\S*|oxy\\S*|percocet|perc\\S*|vicodin|pill|pils|dope|drug|substance|crack cocaine|crank|ice|tina|g|ghb|poppers|nitrous|whippet|opiate\\S*|opioid\\S*|methadone|suboxone|bupe)s?",
};

/** The rows, grouped by category. */
export const riskPatterns: readonly RiskPattern[] = [
  // — Wish to be dead (C-SSRS 1): passive, no thought of acting.
  {
    id: "passive.wish_dead",
    category: "passive_death_wish",
    says: "Said they wish they were dead or had never been born",
    pattern: "wish {gap}i (?:be|was|were|would be|could be|had) {adv}(?:dead|gone|never bear|never born|not bear|not alive|not here|not around|go|never exist|never wake up|not wake up)",
    examples: ["I wish I was dead.", "honestly i wish i was never born", "Some days I wish I could be gone."],
  },
  {
    id: "passive.want_to_die",
    category: "passive_death_wish",
    says: "Said they want to die or not wake up",
    pattern:
      "(?:want|wanna|wish|like|long|hope|pray) (?:that )?(?:i )?(?:could |would |can |might )?(?:to )?{adv}(?:die|be dead|disappear (?:forever|for good|permanently)|not wake up|never wake up|go to sleep and (?:not|never) wake up|fall asleep and (?:not|never) wake up|sleep forever|stop exist\\S*|cease to exist|not exist|not be (?:here|alive|around))",
    examples: ["I just want to die.", "i wanna go to sleep and never wake up", "I want to disappear forever.", "Part of me wants to stop existing."],
  },
  {
    id: "passive.hope_not_wake",
    category: "passive_death_wish",
    says: "Said they hope not to wake up",
    pattern: "(?:hope|pray|wish) (?:that )?i (?:would |will |do |could )?(?:not|never) wake up",
    examples: ["Every night I hope I don't wake up.", "i pray i never wake up"],
  },
  {
    id: "passive.not_want_to_live",
    category: "passive_death_wish",
    says: "Said they do not want to live or be here",
    pattern:
      "(?:not|never|no longer) {adv}(?:want|wanna|wish|feel like) (?:to )?{adv}(?:be (?:here|alive|around|on this earth|in this world)|live|exist|go on|keep go\\S*|carry on|keep live|wake up|be anymore)",
    examples: ["I don't want to be here anymore.", "i dont wanna live", "I don't want to wake up tomorrow.", "I no longer want to be alive."],
  },
  {
    id: "passive.no_reason_to_live",
    category: "passive_death_wish",
    says: "Said they see no reason or point in living",
    pattern:
      "(?:no|not (?:see|find|have) (?:a|any|the)|nothing|zero|lost (?:the|my|all)|what be the|what the) {adv}(?:point|reason|purpose|will|hope|use|sense)s? (?:in |of |to |for )?{adv}(?:live|living|life|go\\S* on|keep\\S* go\\S*|carry\\S* on|be (?:here|alive)|exist\\S*|stay\\S* alive|keep\\S* live|anymore|any more)",
    examples: ["I don't see a reason to keep living.", "there's no point in living", "What's the point in going on?", "I've lost the will to live."],
  },
  {
    id: "passive.nothing_to_live_for",
    category: "passive_death_wish",
    says: "Said they have nothing to live for",
    pattern: "(?:nothing|no one|nobody|not much|no reason) (?:left )?(?:to|worth) live (?:for)?|life (?:be )?(?:not|n't) worth (?:live|living|it)|not worth (?:live|living|be alive|stay alive)",
    examples: ["I've got nothing to live for.", "life isn't worth living", "Nothing left to live for."],
  },
  {
    id: "passive.better_off_without",
    category: "passive_death_wish",
    says: "Said others would be better off without them",
    pattern: "(?:better|easier|happier|good) (?:off )?without me|(?:better|good) off (?:dead|gone|not here|not around|in the ground)|(?:better|easier) if i (?:be|was|were) (?:not|n't|never) (?:here|around|bear|born)|(?:better|easier|happier|kinder|simpler) (?:for (?:\\S+ ){1,2})?if i (?:just )?(?:die|be dead|go|disappear|be go|be gone|be not here|be not around)",
    examples: ["Everyone would be better off without me.", "my family would be happier without me", "It would be easier if I wasn't around.", "I'd be better off dead."],
  },
  {
    id: "passive.burden",
    category: "passive_death_wish",
    says: "Said they feel like a burden",
    pattern: "(?:i be|i feel|feel like|i am|i'm|just|such|nothing but|i have become|i've become|be|being|feel\\S*) (?:a |such a |nothing but a |just a )?(?:\\S+ )?burden",
    examples: ["I feel like such a burden to everyone.", "i'm just a burden", "I'm nothing but a burden on my kids."],
  },
  {
    id: "passive.want_it_to_end",
    category: "passive_death_wish",
    says: "Said they want it all to end or to stop",
    pattern: "(?:want|wish|need) (?:it|everything|all of it|this|life|things) (?:all )?(?:to |would |could )?(?:all )?(?:just )?(?:end|stop|be over)|want (?:it|everything) (?:all )?over|(?:want|wish) (?:to |i could )?(?:just )?(?:end|stop) (?:it all|everything)",
    examples: ["I just want it all to end.", "sometimes i want everything to stop", "I wish it would all be over.", "I want it all to be over."],
  },
  {
    id: "passive.cannot_go_on",
    category: "passive_death_wish",
    says: "Said they cannot go on",
    pattern: "(?:can|could|will) (?:not|no longer) (?:go on|keep go\\S*|carry on|do this|take (?:it|this)|cope|live like this)(?: any ?more| any longer| much longer)|(?:can|could) (?:not|no longer) (?:go on|keep go\\S*|carry on)",
    examples: ["I can't go on.", "i cant do this anymore", "I can't take it any more."],
  },
  {
    id: "passive.tired_of_living",
    category: "passive_death_wish",
    says: "Said they are tired of living",
    pattern: "(?:tired|sick|weary|exhaust\\S*) (?:of|with) (?:live|living|life|be alive|being alive|exist\\S*|wake\\S* up)",
    examples: ["I'm so tired of living.", "sick of being alive"],
  },
  {
    id: "passive.not_care_if_die",
    category: "passive_death_wish",
    says: "Said they would not care or mind if they died",
    pattern: "(?:not|never) (?:care|mind|matter|bother) (?:if|whether|when) i (?:die|live|be dead|wake up|do not wake up|get (?:hit|kill\\S*))|(?:welcome|relief) (?:if|when) i (?:die|be dead|do not wake up)",
    examples: ["I wouldn't care if I died tomorrow.", "it would be a relief if i died"],
  },
  {
    id: "passive.wish_something_kills",
    category: "passive_death_wish",
    says: "Wishes something would end their life",
    pattern: "(?:wish|hope|pray) (?:that )?(?:something|someone|somebody|god|a car|a bus|a truck|a lorry|a train|the plane|cancer|it) {adv}(?:would |will |could )?{adv}(?:kill|take|hit|run over|end) me|(?:wish|hope|pray) (?:\\S+ ){0,3}(?:get|be|got) (?:hit|knock\\S* down|run over|kill\\S*) by (?:a|the) (?:bus|car|lorry|truck|train)",
    examples: ["I wish something would just kill me.", "sometimes i hope a bus hits me", "I do wish sometimes I'd get hit by a bus."],
  },
  {
    id: "passive.think_about_death",
    category: "passive_death_wish",
    says: "Spoke of thinking about dying or being dead",
    pattern: "(?:think\\S*|thought|fantasi[sz]\\S*|dream\\S*|obsess\\S*) (?:a lot |all the time |constantly )?(?:about|of) (?:die|dying|death|be dead|being dead|not be\\S* (?:here|alive|around)|my (?:own )?death|my (?:own )?funeral)|i (?:\\S+ ){0,2}(?:imagine|picture) (?:\\S+ ){0,2}my (?:own )?funeral",
    examples: ["I think about dying a lot.", "i keep thinking about being dead", "I've been fantasising about my own funeral.", "i imagine my funeral and who would come"],
  },

  {
    id: "passive.not_around",
    category: "passive_death_wish",
    says: "Spoke of not being around or of being better dead",
    pattern:
      "(?:if|when|once) i {adv}(?:be|was|were)(?: not| n't)? (?:no longer )?(?:around|here|alive|in the picture|in the world)(?! (?:for|to|when|at))|i (?:would|'d) (?:\\S+ )?rather (?:be dead|not be (?:here|alive|around)|not exist|not wake up|just die)|six feet under|pushing up daisies|(?:favou?r|relief|kind\\S*|easier|better|happier) (?:\\S+ ){0,3}(?:if|when) i (?:\\S+ )?(?:be |was |were )?(?:go|gone|dead|not (?:here|around)|disappear\\S*)|off the face of the (?:earth|planet)|the point (?:of|in) (?:me )?(?:be|being|wake|waking|get|getting|go|going|carry\\S*) (?:up|here|on|alive)|(?:not|never) (?:mind|care) (?:\\S+ )?not wak\\S* up|(?:will|would|wo|could) not wake up|one (?:day|night|morning) i (?:will|would|wo)(?: not|n't)? (?:never )?wake up|(?:not|n't) (?:imagine|see|picture) (?:myself )?(?:still )?(?:be|being) (?:alive|here|around)|(?:ready|want) to go (?:\\S+ ){0,4}be with (?:my )?(?:late |dead )?(?:\\S+ )?(?:husband|wife|mum|mom|dad|son|daughter|partner|him|her|god)|(?:wish|hope) (?:\\S+ )?i (?:would|'d|could|will|might) (?:just )?(?:die|not wake up|never wake up|go in my sleep)|(?:just )?(?:not|never) (?:come|coming) back(?= |$)|(?:want|wish|need) (?:to )?(?:just )?(?:disappear|vanish|fade away|not exist)(?! (?:for a (?:bit|while|day|week|few)|to|into|on holiday|somewhere))",
    examples: ["I can't imagine still being alive this time next year.", "It would be kinder to everyone if I wasn't around.", "i'd rather be dead than keep going", "I'd be better off six feet under.", "whats the point in waking up"],
  },
  {
    id: "passive.not_do_this",
    category: "passive_death_wish",
    says: "Said they do not want to go on like this",
    pattern: "(?:not|never) (?:\\S+ )?(?:want|wanna) (?:to )?(?:do this|do it|be like this|keep do\\S* this|keep go\\S*|carry on like this|live like this|feel like this) (?:any ?more|any longer|forever)",
    examples: ["I don't want to do this anymore.", "i dont wanna live like this any more"],
  },
  {
    id: "passive.hopeless_about_living",
    category: "passive_death_wish",
    says: "Spoke of life not being worth it, or of no future",
    pattern:
      "(?:wish (?:that )?i (?:could|would) (?:just )?(?:disappear|vanish|go away forever|sleep forever|not exist|stop exist\\S*|not be here|fade away))|(?:want|wanna) to (?:be gone|give up on (?:life|living|everything))|give\\S* up on (?:life|living)|(?:no|not see a|not see any|there be no|can not see a|can not see any) (?:future|way out)(?: for me)?|(?:be|i be|i'm) (?:so )?done with (?:it all|everything|life|living)|(?:be|would be) (?:a )?relief (?:to|if) (?:\\S+ )?(?:die|not wake|be gone|be dead|it all end\\S*)|(?:life|living|everything|my life) (?:be|feel\\S*|seem\\S*) (?:so )?(?:pointless|meaningless|hopeless|unbearable|not worth it|too much to bear)|(?:pray|hope|wish) for death|welcome death|death (?:would be|be|feel\\S*) (?:like )?(?:a )?(?:relief|welcome|peace|release)|(?:ready|prepared) (?:to die|for death)|not (?:afraid|scared|frightened) (?:of|to) (?:die|dying|death) (?:any ?more|now)|(?:can not|can't) (?:cope with|bear|stand) (?:live|living|being alive|life)|(?:tired|sick) of (?:everything|it all)(?= \\.|$)",
    examples: ["I wish I could just disappear.", "I don't see a future for me.", "Life feels pointless.", "Death would be a relief.", "I'm done with it all."],
  },
  {
    id: "passive.not_wake_or_taken",
    category: "passive_death_wish",
    says: "Wishes not to wake up, or to be taken",
    pattern:
      "(?:not|never) (?:\\S+ )?(?:open|opening) my eye\\S* (?:again|ever again|in the morning|anymore)|(?:die|go|pass away|slip away) in my sleep|(?:take|took|come for) me (?:\\S+ ){0,2}(?:in my sleep|tonight|away from all this|home to (?:him|her|them|god)|now)|(?:disappoint\\S*|gutted|annoyed|angry|sad) (?:\\S+ ){0,2}(?:i|to) (?:\\S+ )?(?:wake|woke|be still (?:here|alive)|be alive)|(?:wake|woke) up (?:\\S+ ){0,3}(?:disappoint\\S*|gutted|sad that|annoyed|angry that)|(?:sleep|sleeping) (?:forever|for ever|and never stop)",
    examples: ["I'd like to go to bed and never open my eyes again.", "I ask for it to come for me in my sleep.", "Every morning I wake up disappointed.", "i just wanna sleep forever"],
  },
  {
    id: "passive.burden_and_without_me",
    category: "passive_death_wish",
    says: "Said others would be better off without them, or that they are a burden",
    pattern:
      "(?:fine|okay|ok|alright|better|happier|easier|lighter|free|relieve\\S*|manage|cope|get on|move on|be happy) (?:\\S+ ){0,3}without me(?! (?:for|at|on|this|tonight|today|there))|(?:weight|millstone|drain|drag) (?:around|round|on) (?:their|his|her|everyone's|everybody's|my (?:\\S+ )?{family}'s) (?:neck|shoulder)s?|dead weight|(?:in|get\\S*) (?:everyone's|everybody's|their|the) way(?= \\.| $|$)|(?:do|doing|did) (?:\\S+ ){0,2}(?:a )?favo\\S* (?:\\S+ ){0,2}(?:if|by) (?:i|go|leave|die|disappear)|(?:life|thing|everything|it)s? (?:would|will|'d) be (?:\\S+ )?(?:simpler|easier|better|lighter) (?:for (?:\\S+ ){1,3})?(?:without me|with me go|with me gone|if i go)",
    examples: ["My family would cope better without me.", "I'm a millstone around their necks.", "I'd be doing them all a favour if I went.", "i'm just dead weight"],
  },
  {
    id: "passive.tired_of_being_here",
    category: "passive_death_wish",
    says: "Said they are tired of being here or of existing",
    pattern:
      "(?:tired|sick|weary|exhaust\\S*|done) (?:of|with) (?:be|being) (?:here|alive|around|me|in this world|on this earth)|(?:not|never) (?:want|wanna|like) (?:to )?(?:be )?(?:a )?part of (?:any of )?(?:this|it|the world|life)|(?:stop|stopp\\S*) exist\\S*|cease to exist|switch\\S* (?:myself )?off (?:for good|permanently|forever|for ever)|(?:just |rather )?not exist(?= \\.| $|$| anymore| any more)",
    examples: ["I'm tired of being alive.", "I don't want to be part of any of it.", "To stop existing, that's all.", "i'd rather not exist"],
  },
  {
    id: "passive.no_future",
    category: "passive_death_wish",
    says: "Said they do not expect to live long or see a future",
    pattern:
      "(?:not|never|n't) (?:\\S+ )?(?:expect|picture|imagine|see|think i will (?:see|make|reach|get to)|plan on) (?:\\S+ )?(?:to )?(?:see|make it to|reach|get to|live to|see myself at|be here at|be around at|be alive at) (?:\\S+ ){0,2}(?:forty|fifty|thirty|sixty|\\d+|next (?:year|christmas|summer|birthday)|my (?:next )?birthday|old)|(?:not|never) (?:\\S+ )?(?:picture|see|imagine) (?:a|any|one|my) future|(?:do|be) not (?:go to )?be (?:\\S+ )?here (?:\\S+ )?long(?: anyway)?|(?:what be|what's|whats) the point (?:of|in) (?:any of (?:it|this)|anything|it all|me|trying|carrying on|bothering)",
    examples: ["I don't expect to see fifty.", "I can't picture any future.", "What's the point of any of this?"],
  },
  {
    id: "passive.not_care_if_hit",
    category: "passive_death_wish",
    says: "Said they would not care if something killed them",
    pattern:
      "(?:not|never|n't) (?:\\S+ ){0,2}(?:care|mind|bother\\S*) (?:if|whether|when) (?:\\S+ ){0,3}(?:hit\\S*|kill\\S*|run\\S* me over|take\\S* me|end\\S*|happen\\S* to me|live or die|die|dead|wake up|come\\S* for me)|(?:would|'d) (?:\\S+ )?(?:welcome|accept|embrace) (?:it|death|dying)(?= \\.| $|$| if| when)|(?:ask|asking|asked|beg\\S*|pray\\S*) (?:to )?(?:god|him|the lord|the universe) (?:\\S+ ){0,4}(?:take me|let me die|end it|not wake)",
    examples: ["I wouldn't care if a lorry hit me.", "i dont mind if i live or die", "I pray to God every night to take me."],
  },
  {
    id: "passive.wish_for_death",
    category: "passive_death_wish",
    says: "Wished, hoped or would welcome being dead or gone",
    pattern:
      "(?:wish\\S*|want\\S*|hope\\S*|rather|prefer\\S*|pray\\S*|long\\S*|relief|welcome) (?:\\S+ ){0,5}(?:be dead|die in|just die|die now|be go forever|be gone for good|go away forever|disappear forever|not (?:be )?(?:here|around|alive) (?:anymore|any more|tomorrow|now)|never wake|not wake|not to wake)|(?:nobody|no one|noone|not one person|not a single person) (?:would|will|'d) (?:\\S+ )?(?:miss|notice|care|even notice)(?: me| if i)|(?:would|'d|wo) (?:not|n't) (?:mind|care|object) (?:\\S+ ){0,2}(?:dying|being dead|not being here|not waking|if it (?:all )?(?:end\\S*|stop\\S*)|if (?:i|it) (?:just )?(?:end\\S*|stop\\S*|die\\S*|happen\\S*)(?= \\.| $|$| tomorrow| tonight| in my sleep))",
    examples: ["Nobody would even notice if I was gone.", "I'd rather just die now.", "Part of me hopes I'll be gone for good.", "I wouldn't mind if it all ended tomorrow."],
  },
  {
    id: "passive.relief_if_gone",
    category: "passive_death_wish",
    says: "Said dying or not waking up would be a relief or welcome",
    pattern:
      "(?:glad|grateful|happy|relieved|thankful|fine|okay|ok|alright|a relief|a blessing|welcome) (?:\\S+ ){0,3}if i (?:just )?(?:die|died|do not wake up|never wake up|not wake up|go in my sleep|do not make it|get hit|got hit)|if (?:\\S+ ){0,4}(?:i (?:die|died)|i (?:do not|never) wake up|something happen\\S*)(?: \\S+){0,6} (?:that|it|i) (?:would|'d|will) (?:\\S+ )?be (?:\\S+ ){0,2}(?:fine|a relief|relief|grateful|glad|welcome|okay|a blessing)|(?:easier|better|simpler|kinder|nicer) (?:\\S+ ){0,2}(?:not to be|to not be|not be|not being) (?:here|around|alive)|(?:wish|want|like|hope|long) (?:\\S+ ){0,8}(?:fade|slip|drift) away(?! (?:for a|from (?:the|work|everyone) for))|why (?:god|he|the lord|the universe) (?:\\S+ ){0,2}(?:not|n't) (?:just )?(?:take|come for) me|(?:hop\\S*|wish\\S*|pray\\S*) (?:that )?(?:i (?:will|would|could|might) )?(?:get|catch|develop|have) (?:some |a |an )?(?:\\S+ )?(?:terminal|fatal)? ?(?:illness|disease|cancer|heart attack|tumou?r)",
    examples: ["If I died in my sleep I'd honestly be glad.", "it would be easier not to be around", "I keep hoping I'll get cancer or something.", "I wish I could just fade away."],
  },
  {
    id: "passive.would_not_mind_going",
    category: "passive_death_wish",
    says: "Said they would not mind dying or not waking up",
    pattern:
      "(?:not|never) (?:\\S+ ){0,2}(?:be sorry (?:\\S+ ){0,1}(?:to (?:go|die)|if i (?:\\S+ ){0,2}(?:die|go|do not wake up|never wake up|be dead|be go|be not here))|(?:mind|care) (?:\\S+ ){0,1}(?:to (?:go|die)|if i (?:\\S+ ){0,2}(?:go|be go|be not here)))(?= |$)|if i (?:\\S+ ){0,2}(?:die|do not wake up|never wake up|be dead|be not here)(?: \\S+){0,16} (?:i (?:\\S+ ){0,2}(?:would|will|do) not (?:\\S+ ){0,3}(?:mind|care|be sorry)|(?:that|it) would (?:\\S+ )?be (?:fine|okay|ok|alright|a relief|a blessing|good|nice))|i would go (?:gladly|happily|willingly)|(?:if|when) (?:the lord|god|jesus|death) (?:\\S+ ){0,2}(?:take|come for) me",
    examples: ["I'd not be sorry to go.", "If I just didn't wake up, that'd be fine.", "if i died in here nobody would find me for weeks and honestly i dont think i'd mind", "If the Lord took me tonight I'd go gladly."],
  },
  {
    id: "passive.if_it_happened_in_context",
    category: "passive_death_wish",
    says: "Said they would not mind if it happened, after dying was talked about",
    needsSuicideContext: true,
    pattern: "(?:not|never) (?:\\S+ ){0,2}(?:be sorry|mind|care) (?:\\S+ ){0,2}if (?:it|that) (?:\\S+ )?happen|if it happen it happen",
    examples: ["no not doing anything i just wouldn't be sorry if it happened", "if it happened it happened you know", "if it happened it happened, that would be alright"],
  },
  {
    id: "passive.join_the_dead",
    category: "passive_death_wish",
    says: "Said they want to go and be with someone who has died",
    pattern:
      "(?:want|like|wish|long|ready|think about) (?:\\S+ ){0,2}to (?:go (?:and )?)?be with (?:him|her|them|my (?:\\S+ )?(?:husband|wife|son|daughter|mum|mom|mother|dad|father|baby|partner|boy|girl|brother|sister))(?= \\.| ,| !| $|$| again| now| up there| in heaven)|(?:want|wish|long) (?:\\S+ ){0,2}to go with (?:him|her|them)(?= \\.| !| $|$)",
    examples: ["I keep thinking I'd like to go and be with him.", "I'd lost the baby. I wanted to go with her."],
  },
  {
    id: "passive.should_have_died",
    category: "passive_death_wish",
    says: "Said they should have died or do not deserve to be alive",
    pattern:
      "(?:do not|not|never) deserve to (?:be here|be alive|live|exist|be around)|should (?:have|of) (?:die|be the one (?:who|that) die|come home in a box|be kill\\S*|not (?:survive|make it|wake up))|(?:should|ought to) be dead",
    examples: ["I don't deserve to be here.", "i think i should have come home in a box like the others", "I should have died in that crash, not him."],
  },
  {
    id: "passive.sleep_for_good",
    category: "passive_death_wish",
    says: "Said they want to sleep forever",
    pattern:
      "(?:want|wanna|wish|like|long) (?:\\S+ ){0,2}(?:to )?(?:go to )?sleep (?:\\S+ ){0,6}(?:forever|for good|for ever)(?= |$)",
    examples: ["i just want to go to sleep for a really long time like forever you know"],
  },
  // — Active ideation (C-SSRS 2): thoughts of killing oneself.
  {
    id: "active.kill_self",
    category: "active_ideation",
    says: "Spoke of killing themselves",
    pattern:
      "(?:kill\\S*|murder\\S*|off|offing|unaliv\\S*|top|topp\\S*|end|end\\S*|hang\\S*|shoot\\S*|drown\\S*|gas\\S*|poison\\S*|stab\\S*|suffocat\\S*|strangl\\S*|chok\\S*|smother\\S*|electrocut\\S*|take {self} out) {self}(?! (?:laugh\\S*|with laughter|silly))|unaliv\\S*|kms|k m s|(?:want|wanna|ready|need) (?:to )?(?:get )?out(?: of (?:here|this|life|it all))?{end}|(?:ready|want) to check out|(?:have|had) enough of (?:life|live|living|be alive|everything|it all)|(?:i be|i'm) done with (?:life|living|everything|it all)",
    examples: ["I want to kill myself.", "ive thought about killing myself", "Sometimes I think about offing myself.", "i wanna unalive myself", "I might top myself."],
  },
  {
    id: "active.end_life",
    category: "active_ideation",
    says: "Spoke of ending their life",
    pattern: "(?:end|take|finish) (?:my (?:own )?life|it all|my existence|everything)|(?:end|finish) it (?:for good|once and for all|permanently)",
    examples: ["I've thought about ending my life.", "i want to end it all", "I could take my own life."],
  },
  {
    id: "active.suicide",
    category: "active_ideation",
    says: "Spoke of suicide or feeling suicidal",
    pattern: "suicid\\S*|sewer ?side\\S*|sue ?icide|sooey ?side|self[- ]?(?:destruct\\S*)|kill myself|(?:commit|attempt\\S*|try\\S*) (?:to )?(?:suicide|to die)",
    examples: ["I've been feeling suicidal.", "the suicidal thoughts are back", "I've been having thoughts of suicide."],
  },
  {
    id: "active.do_something_to_self",
    category: "active_ideation",
    says: "Spoke of doing something to themselves",
    pattern: "(?:do|did) (?:something|anything|it) (?:stupid |bad |drastic )?to {self}|(?:do|did) something (?:stupid|drastic|permanent)",
    examples: ["I'm scared I'll do something to myself.", "i might do something stupid"],
  },
  {
    id: "active.thoughts_of_dying_by",
    category: "active_ideation",
    says: "Spoke of urges or thoughts to die",
    pattern: "(?:urge|thought|idea|impulse)s? (?:to|of|about) (?:die|dying|end\\S* it|end\\S* my life|not be\\S* here)",
    examples: ["I get these urges to end it.", "i have thoughts of dying"],
  },
  {
    id: "active.other_suicide",
    category: "active_ideation",
    subject: "other_person",
    says: "Spoke of someone else's suicide or suicidal thoughts",
    pattern: "(?:kill\\S*|hang\\S*|shoot\\S*|drown\\S*|poison\\S*|harm\\S*|hurt\\S*) (?:himself|herself|themselves|themself)|(?:take|took|end\\S*) (?:his|her|their) (?:own )?life",
    examples: ["My uncle killed himself when I was ten.", "my friend tried to take her own life"],
  },

  {
    id: "active.euphemisms",
    category: "active_ideation",
    says: "Spoke of ending their life in other words",
    pattern:
      "(?:take|taking|took|remove|removing|get|getting) (?:{self}|me) (?:out of (?:the )?(?:equation|picture|world|game)|off this (?:earth|planet)|permanently)|(?:take|taking|took) the (?:easy |coward ?'?s |coward 's |only |quick |final |permanent )?way out|(?:end|ending|finish|finishing) (?:thing|it)s? (?:properly|for good|permanently|once and for all|this time)|(?:think\\S*|thought|dream\\S*|fantasi\\S*|urge\\S*|want\\S*|tempt\\S*|plan\\S*|consider\\S*) (?:about |of |to )?(?:just )?end\\S* it(?= \\.| $|$| all| every| sometimes| a lot| constantly| again| tonight| soon| now| properly)|(?:the )?(?:only|one) (?:thing|reason|person|one)s? (?:that )?(?:stop\\S*|keep\\S*|hold\\S*) me (?:from (?:do\\S* it|go\\S* through|end\\S*|kill\\S*)|alive|here|back|(?:be|is|'s) )|(?:only|one) reason i (?:have not|have n't|be still (?:here|alive|around)|be not dead|do not)|(?:scared|afraid|frighten\\S*|terrified) (?:of )?(?:myself|what i (?:might|could|will) do(?: to myself)?)|(?:not|n't) trust (?:myself|{self}) (?:\\S+ ){0,2}(?:alone|tonight|at home|around|with)|(?:sewer|sue|sui|sooey|soo) ?(?:a |e )?(?:side|cide|slide)|sewerslide|self ?delet\\S*|(?:rope|roped|rope) ?(?:myself|{self})|(?:kill|killed|killing) my (?:shelf|shelve|sell|elf)",
    examples: ["I think about ending it every day.", "I want to take myself out of the picture.", "I keep thinking about taking the coward's way out.", "The only thing stopping me is my dog.", "i dont trust myself alone tonight", "i think about sewerslide"],
  },
  {
    id: "active.urges_to_act",
    category: "active_ideation",
    says: "Spoke of urges to act on ending their life",
    pattern:
      "(?:urge|pull|impulse|temptation)s? (?:to|of) (?:just )?(?:jump|step|throw|drive|crash|swerve|walk|lean|let go|take (?:them|it|the lot|all)|drink it)|how easy (?:it )?(?:would be|be|will be|it would be|it be) (?:to )?(?:\\S+ ){0,2}(?:end|kill|die|do it|go|jump|step|let go|take)",
    examples: ["I get the urge to step off the kerb when a lorry comes.", "i think about how easy it would be to just let go"],
  },
  {
    id: "active.ending_it",
    category: "active_ideation",
    says: "Spoke of ending it or ending things themselves",
    pattern:
      "(?:think\\S*|thought|could|can|want\\S*|go to|plan\\S*|decide\\S*|ready to|tempt\\S*|consider\\S*|urge\\S*|better off|rather|about to|close to|nearly|almost) (?:\\S+ ){0,3}(?:end|ending|ended) (?:things|it|everything)(?! (?:with|between|off|at work|there|for (?:him|her|them|us)))(?= \\.| \\?| ,| !| $|$| all| for good| properly| now| tonight| soon| like| and| but| once| for real| today| myself| me)|(?:do\\S*|did|done) {self} in(?= |$)|(?:finish\\S*|knock\\S*|bump\\S*) {self} off|pull\\S* the (?:pin|plug) on (?:it all|everything|me|myself|my life|life)|call\\S* (?:it a day|time) on (?:me|myself|my life|life|everything)|plan\\S* my (?:own )?(?:death|suicide|exit|way out|end)|tak\\S* matters? into my own hands? (?:\\S+ ){0,4}(?:before|die|death|dying|disease|illness|cancer)",
    examples: ["Some nights I think I could just end things.", "ive been thinking about doing myself in", "finishing myself off is all I think about at 3am", "A part of me is planning my own death.", "I've thought about pulling the pin on everything."],
  },
  {
    id: "active.done_in_context",
    category: "active_ideation",
    says: "Said they want to be done, after suicide was talked about",
    needsSuicideContext: true,
    pattern: "(?:want|wanna|ready|need) (?:to )?(?:be )?(?:done|finish\\S*|over with|gone)(?= \\.| $|$)",
    examples: ["I want to be done."],
  },
  {
    id: "active.ending_in_other_words",
    category: "active_ideation",
    says: "Spoke of ending their life in other words",
    pattern:
      "(?:go to|will|want to|could|about to|be go to) (?:\\S+ ){0,1}end this(?= \\.| ,| !| $|$| now| tonight| for good| once)|(?:want\\S*|think\\S*|thought|go to|about to) (?:\\S+ ){0,3}(?:delete {self}|top my shelf)(?! (?:from|off))|there be nothing (?:\\S+ )?stop\\S* me(?= \\.| ,| $|$| really| anymore| now| then)|pros and cons of (?:stay\\S* alive|live|living|be alive|be here|go\\S* on|kill\\S*|end\\S*|die|dying)|(?:easy|simple) (?:enough )?(?:\\S+ ){0,2}to (?:just )?(?:step off|jump|let go|step out|walk off|drive off)|(?:slide|slip|sink) (?:\\S+ ){0,2}(?:into|under) the (?:canal|river|sea|lake|loch|water|reservoir|waves) (?:\\S+ ){0,3}(?:be do|never come up|not come up|disappear)",
    examples: ["I said out loud, I'm going to end this, I can't do another year of it.", "i just kind of want to delete myself", "I'll ask my sister to take her and then there's nothing stopping me really", "I wrote down the pros and cons of staying alive.", "thinking it'd be easy enough to just step off", "i wanted to just slide into the canal and be done"],
  },
  {
    id: "active.about_to_jump_in_context",
    category: "active_ideation",
    says: "Spoke of having been about to jump, or of waiting until they decide, after suicide was talked about",
    needsSuicideContext: true,
    pattern: "(?:be|was) go to jump(?= \\.| ,| $|$| i| and| but| off| from)|for when i (?:decide|be ready|make up my mind)(?= \\.| ,| $|$)",
    examples: ["just that i was gonna jump i was counting to ten", "I want them there for when I decide."],
  },
  // — Method (C-SSRS 3): how they would do it.
  {
    id: "method.overdose",
    category: "suicide_method",
    says: "Spoke of an overdose",
    pattern: "over ?dos\\S*|(?:take|took|taking|swallow\\S*|down\\S*) (?:a |the )?(?:whole )?(?:bottle|box|pack|packet|load|handful|tub|strip) of (?:\\S+ ){0,3}(?:and|to|so|until|till|\\.)|(?:an |a )?o\\.? ?d\\.?(?= |$)(?<!(?:to|my|the) od)|(?:take|took|swallow\\S*|down\\S*|neck\\S*) {adv}(?:all|every|the whole|a whole|a bunch|loads|a load|handful\\S*|a handful|a lot|enough|the rest|bottle\\S*|box\\S*|pack\\S*|packet\\S*|all of) (?:of )?(?:(?:bottle|box|pack|packet|strip|load|tub)s? of )?(?:my |the |them |these |those )?(?:\\S+ ){0,3}{pills}|(?:go to|gonna|will|would|could|think\\S* about|thought about|want\\S* to|plan\\S* to|be go to) (?:\\S+ ){0,2}(?:take|inject|swallow) (?:all|the whole lot|everything|every one) (?:of )?(?:my |the |them |it )?(?:\\S+ ){0,4}(?:at once|in one go|at the same time)",
    examples: ["I thought about taking all my pills.", "i could just overdose", "I'd swallow the whole bottle of paracetamol.", "Took a handful of sleeping pills.", "i'm gonna take all my insulin at once"],
  },
  {
    id: "method.lethal_amount",
    category: "suicide_method",
    says: "Looked into how much would be lethal or how to die",
    pattern: "(?:how many|how much|lethal|fatal|enough) (?:\\S+ ){0,3}(?:{pills}|it (?:would|will) take|would it take|to (?:die|kill|be fatal))|(?:look\\S*|search\\S*|google\\S*|research\\S*|read\\S*) (?:\\S+ ){0,3}(?:how to (?:die|kill|end|hang|overdose)|way\\S* to (?:die|kill|end)|painless|lethal dose|suicide method\\S*)|(?:know|figure\\S*|work\\S*|plan\\S*|decide\\S*|think\\S*) (?:out )?(?:exactly )?how (?:i would|i'd|i will|i'll|i be go to|to) (?:do it|die|end it|kill|go)",
    examples: ["I looked up how many tablets it would take.", "i googled painless ways to die", "I've worked out how I'd do it."],
  },
  {
    id: "method.many_tablets",
    category: "suicide_method",
    says: "Spoke of taking many tablets at once",
    pattern:
      "(?:take|took|taking|swallow\\S*|down\\S*|neck\\S*) (?:about |around |like |maybe |over |nearly |almost )?(?:eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a hundred|[1-9][0-9]+) (?:\\S+ )?{pills}(?! (?:a|per|every|each|over) (?:day|week|month))",
    examples: ["On Friday I took about ten ibuprofen.", "i swallowed twenty paracetamol"],
  },
  {
    id: "method.hanging",
    category: "suicide_method",
    says: "Spoke of hanging or a rope",
    pattern: "noose|(?:hang|hanging) (?:{self}|from|off)|(?:a |the )?rope (?:to|around my neck|from)|(?:tie|tied) (?:a |the )?(?:rope|belt|cord)",
    examples: ["I've thought about a noose.", "i could hang myself from the banister", "I tied a belt."],
  },
  {
    id: "method.jumping",
    category: "suicide_method",
    says: "Spoke of jumping from a height or in front of a vehicle",
    pattern:
      "(?:jump\\S*|throw\\S* {self}|step\\S*|walk\\S*|fall\\S*|drive\\S*|crash\\S*|swerve\\S*) (?:off|from|in front of|under|into|over|onto) (?:a |the |my |an |that |this )?(?:\\S+ )?(?:bridge|building|roof|rooftop|cliff|train|tube|car|bus|truck|lorry|traffic|balcony|tower|car park|parking garage|multi-storey|overpass|window|ledge|tracks|railway|motorway|highway|river|sea|ocean|lake|wall|tree|oncoming|platform|edge|quarry|barrier)|crash\\S* (?:\\S+ )?(?:the |my |a )?(?:car|van|truck|motorbike)|(?:step\\S*|jump\\S*) off (?:the )?(?:platform|edge|ledge|roof)",
    examples: ["I keep thinking about jumping off the bridge.", "i could just step in front of a train", "Sometimes I want to drive into a wall."],
  },
  {
    id: "method.cutting_wrists",
    category: "suicide_method",
    says: "Spoke of cutting their wrists or throat",
    pattern: "(?:slit\\S*|slash\\S*|cut\\S*|slice\\S*|open\\S*) (?:\\S+ )?(?:my |both )?(?:wrist|throat|vein|artery)s?",
    examples: ["I thought about slitting my wrists.", "cut my wrists"],
  },
  {
    id: "method.firearm",
    category: "suicide_method",
    says: "Spoke of a gun they could use",
    pattern: "(?:shoot|shot) (?:{self}|me in the head)|(?:use|get|buy|bought|have|has|own|borrow\\S*|take|took|hold\\S*|held|load\\S*|keep\\S*|think\\S*|thought) (?:\\S+ ){0,4}(?:gun|pistol|rifle|shotgun|firearm|handgun|revolver)|(?:gun|pistol|rifle|shotgun) (?:to my head|in my mouth)",
    examples: ["I keep thinking about my dad's gun.", "i could use my dad's gun", "I held the gun to my head."],
  },
  {
    id: "method.other_means",
    category: "suicide_method",
    says: "Spoke of a way of ending their life",
    pattern: "carbon monoxide|helium|exhaust (?:pipe|fume\\S*)|(?:engine|car) running in the garage|(?:drink\\S*|drank|swallow\\S*) (?:bleach|antifreeze|poison|weed ?killer)|rat poison|(?:walk|swim\\S*) (?:out )?into the (?:sea|ocean|lake|river|water)|drown {self}|(?:starve|freeze) {self} to death|plastic bag over my head",
    examples: ["I thought about carbon monoxide.", "i'd just walk into the sea", "I could drink bleach."],
  },

  {
    id: "method.heights_and_vehicles",
    category: "suicide_method",
    says: "Spoke of a height, a vehicle or water as a way to die",
    pattern:
      "(?:drive|driving|drove|crash\\S*|steer\\S*|roll\\S*) (?:the |my |a |our )?(?:car|van|truck|motorbike|bike) (?:off|into|over) |(?:look\\S*|jump\\S*|lean\\S*|climb\\S*|stand\\S*|stood|step\\S*|peer\\S*|sit\\S*|sat) (?:\\S+ ){0,2}(?:over|off|from) the (?:edge|rail\\S*|parapet|balcony|side of the bridge)|(?:top|roof) (?:floor |level )?of the (?:multi ?- ?storey|multistorey|multi storey|car park|building|tower|block|flat\\S*)|(?:leg|legs|foot|feet) over (?:the )?(?:rail\\S*|edge|side|barrier|parapet|fence)|not (?:turn\\S*|brak\\S*|stop\\S*|steer\\S*) (?:\\S+ ){0,3}(?:bend|corner|wall|tree|lorry|truck)|(?:go|going|drive|driving|drove|plough\\S*|veer\\S*|smash\\S*|swerv\\S*) (?:\\S+ ){0,2}into (?:the |a |an )?(?:wall|tree|lorry|truck|bridge|oncoming|river|sea|barrier)|(?:walk\\S*|swim\\S*|wade\\S*) (?:\\S+ ){0,2}into the (?:sea|water|river|lake|waves|ocean) (?:and|until|till)|(?:stone|rock|weight)s? in (?:my|the) (?:coat )?pocket\\S*|weigh\\S* (?:\\S+ ){0,3}pocket\\S*|(?:would|could|will|be go to|want\\S* to|think\\S* about|thought about|just) (?:\\S+ ){0,3}(?:walk\\S* (?:out )?into the (?:sea|water|river|lake|loch|tide|waves|canal)|walk\\S* out (?:\\S+ ){0,3}keep walk\\S*|(?:slide|slip|sink) (?:\\S+ ){0,2}(?:into|under) the (?:canal|river|sea|lake|loch|water|reservoir|waves))|(?:think\\S*|thought|imagin\\S*|picture\\S*) (?:about )?(?:it )?(?:\\S+ ){0,8}(?:step\\S*|walk\\S*|jump\\S*|throw\\S* {self}) (?:out )?in front of (?:a |the )?(?:\\S+ )?(?:bus|train|lorry|truck|car|traffic|tube)|(?:think\\S*|thought) about (?:\\S+ ){0,2}go\\S* over the (?:edge|side|rail\\S*|wall|balcony)|(?:idea|thought|intention|plan) of (?:\\S+ ){0,2}(?:driv\\S*|crash\\S*|jump\\S*|walk\\S*|step\\S*) (?:\\S+ ){0,3}(?:into|off|in front)",
    examples: ["I keep looking over the edge of the car park roof.", "i think about not turning at the bend on the bypass", "I thought about filling my pockets with stones and walking into the river until it was over.", "i'd go down the beach at night and just walk out and keep walking", "I got in the car with the idea of driving it into the big oak at the bottom of our lane.", "i thought about it on the way here like just stepping out in front of the bus", "just thinking about going over the edge"],
  },
  {
    id: "method.means_at_hand",
    category: "suicide_method",
    says: "Spoke of means at hand: blades, a rope, a gun, pills, a car",
    pattern:
      "(?:razor|blade|knife|rope|noose|ligature|belt|cord)s? (?:\\S+ ){0,6}(?:wrist|rist|neck|throat|vein|beam|banister|bannister|hook|loft hatch)s?|bleed\\S* out|bled out|(?:which|what) (?:\\S+ )?{pills} and how many|(?:bottle|box|packet|pack|stash|load|strip)s? of (?:\\S+ ){0,3}{pills} (?:\\S+ ){0,3}(?:in|under|at the back of) (?:the|my) (?:cabinet|drawer|cupboard|room|bag|wardrobe|bedside)|(?:least|less|most) painful (?:way|method)|painless (?:way|method)|quickest way|(?:gun|shotgun|rifle|pistol|firearm)s? (?:\\S+ ){0,4}(?:cabinet|safe|key|bullet\\S*|cartridge\\S*|ammo|loaded|under the bed|in the house|at home|in the loft)|(?:engine|car) (?:\\S+ ){0,3}(?:running|run) (?:\\S+ ){0,5}garage|garage (?:\\S+ ){0,6}(?:engine|exhaust|car) (?:\\S+ )?(?:running|run|on)|hose ?pipe|(?:tie|tied|test|tested|hang|hung|fix\\S*) (?:\\S+ ){0,3}(?:to|from|over|on|round|around) (?:the |a )?(?:beam|banister|bannister|door|loft|tree|hook|rail|pipe)",
    examples: ["I keep the razor blade by my wrist in the bath.", "i read about how long it takes to bleed out", "My husband's rifle is in the safe and I know the code.", "I tied the cord to the banister."],
  },
  // — Intent and plan (C-SSRS 4–5).
  {
    id: "plan.intend",
    category: "suicide_intent_or_plan",
    says: "Said they intend to end their life",
    pattern:
      "(?:go to|go|will|shall|decide\\S* to|intend\\S* to|mean\\S* to|plan\\S* to|plan\\S* on|plan|ready to|about to|try\\S* to|gonna|determine\\S* to|commit\\S* to|make up my mind to|(?:this|that) be how i|the day i) {adv}(?:kill {self}|end (?:my (?:own )?life|it all|it|everything|things)|take my (?:own )?life|die|overdose|hang {self})",
    examples: ["I'm going to kill myself.", "i've decided to end it", "I'm ready to die.", "I'll take my own life."],
    needsSuicideContext: false,
  },
  {
    id: "plan.attempt",
    category: "suicide_intent_or_plan",
    says: "Spoke of an attempt to end their life",
    pattern:
      "(?:try|tried|trying|attempt\\S*) (?:to )?(?:kill|end|hang|strangle|drown|overdose|take my|gas|poison|suffocate|shoot|jump|cut my wrist)|(?:my|an|the|a|last|suicide|previous) (?:suicide )?attempt\\S*|(?:took|take|taking) (?:a |an )?over ?dos\\S*|(?:be|was|were|got) (?:\\S+ )?(?:found|rushed|taken) (?:\\S+ ){0,3}(?:hospital|a and e|a&e|intensive care|icu)|stomach pump\\S*|(?:found me|walked in) (?:first|in time|before)",
    examples: ["Two years ago I tried to kill myself.", "After my attempt in 2019 I was in hospital.", "i took a over dose of my mums tablets on tuesday"],
  },
  {
    id: "plan.have_plan",
    category: "suicide_intent_or_plan",
    says: "Said they have a plan",
    pattern: "(?:have|get|make|come up with|work\\S* out|figure\\S* out|sort\\S* out|got|plan\\S* out|thought out) (?:a |the |my |an |some )?(?:\\S+ )?(?:plan|date|day|time|place|spot|way)(?: (?:to|for|about|on) (?:kill|end|die|do|it|how|when|where)| (?:all )?(?:sort\\S*|set|worked out|ready|figured))|(?:my |a |the )?(?:suicide|exit) plan|(?:pick\\S*|chose|choose|chosen|set|settle\\S* on) (?:a |the )?(?:date|day|time|place|spot|bridge|method)",
    examples: ["I've got a plan to end it.", "i've picked a date", "I have a plan all sorted."],
  },
  {
    id: "plan.have_plan_in_context",
    category: "suicide_intent_or_plan",
    says: "Said they have a plan, after suicide was talked about",
    pattern: "(?:have|get|got|make|made) (?:a |the |my )?(?:plan|way|date|day)|(?:know|figure\\S*|work\\S*|think\\S* about|thought about) (?:out )?(?:exactly )?(?:how|when|where) (?:i would|i'd|i will|i'll|i be go to|to|i might|i could)|(?:want|wanna|go to|gonna|need|ready) to (?:just )?end it(?= \\.| $| now| all| tonight| soon)|(?:tell|told) (?:\\S+ ){0,2}goodbye|(?:note|letter)s? (?:to|for) (?:my )?(?:\\S+ )?{family}|(?:be|go|will|gonna) (?:go to )?do (?:it|that) (?:on|this|next|tonight|tomorrow|after|before|when|soon|at|once|the|soon)|go through with it|(?:yes|yeah|yep|i do|i have|kind of|sort of)\\b(?: i)?(?: do| have)?(?: a)? ?plan",
    examples: ["I know exactly how I'd do it.", "I'm going to do it this weekend.", "i've decided im doing it next week"],
    needsSuicideContext: true,
  },
  {
    id: "plan.timed",
    category: "suicide_intent_or_plan",
    says: "Spoke of when or where they would do it",
    pattern: "(?:kill {self}|end (?:it|my life|it all)|take my (?:own )?life|overdose|die|be gone|will be gone) (?:\\S+ ){0,3}(?:by |before )?(?:tonight|tomorrow|this (?:weekend|week|friday|saturday|sunday|monday|tuesday|wednesday|thursday|month|year)|on (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|my birthday|the anniversary)|next (?:week|month|friday)|after (?:the|my|christmas|the wedding|the funeral|exam\\S*)|before (?:christmas|my birthday|the weekend)|when (?:everyone|they|the kid\\S*|my \\S+) (?:be )?(?:asleep|gone|out|away|at work))",
    examples: ["I'm going to end it after Christmas.", "I'll kill myself on my birthday."],
  },

  {
    id: "plan.when_and_how_in_context",
    category: "suicide_intent_or_plan",
    says: "Spoke of when or how, after suicide was talked about",
    needsSuicideContext: true,
    pattern:
      "(?:when|once|after|before|until) (?:\\S+ ){0,3}(?:the time be right|birthday|christmas|wedding|funeral|exam\\S*|the house (?:be )?empty|the flat(?: 's)? (?:be )?empty|everyone\\S* (?:be )?(?:asleep|gone|out)|i (?:go|be go|be gone|leave))|(?:make|made) (?:up )?my mind(?: up)?|my mind be made up|(?:i|i have|i be) (?:\\S+ )?decide\\S*|plan\\S* (?:it|this|that|for (?:weeks|months|a while))|(?:not|never) (?:\\S+ )?(?:be|go to be) (?:\\S+ )?(?:around|here) (?:much )?(?:long|longer|for long|anymore|next)|where i be go|before i go|look (?:natural|like an accident)|(?:nobody|no one) (?:would|will) know|life insurance|(?:need|want|wait\\S*) (?:for )?the (?:house|flat|place) to be empty|last thing on my list|(?:take|swallow|down|use) (?:them|it|the lot|those) (?:all|at once|together)|take all of (?:them|it)|(?:it|that) would be the (?:bath|bridge|car|garage|rope|pills|tablets|woods|river)",
    examples: ["I've made my mind up.", "I'm going to do it when the time is right.", "I'm not going to be around much longer."],
  },
  {
    id: "method.place_or_means_in_context",
    category: "suicide_method",
    says: "Named a place or means, after suicide was talked about",
    needsSuicideContext: true,
    pattern: "(?:the |a |my )?(?:bridge|bath|bathtub|rope|hose\\S*|woods|river|railway|train|tracks|garage|car park|multi-storey|roof|cliff|pill|tablet|knife|blade|razor|gun|belt|exhaust|motorway|sea|quarry|drown\\S*|insulin|paracetamol)s?",
    examples: ["The bridge on the ring road.", "It would be the bath, probably."],
  },
  {
    id: "plan.not_be_around",
    category: "suicide_intent_or_plan",
    says: "Said they will not be around, or plan not to be",
    pattern:
      "(?:not|n't|never) (?:\\S+ )?(?:plan|planning|intend\\S*) (?:on |to )?(?:still )?(?:be|being) (?:\\S+ )?(?:around|here|alive|about)(?! (?:for (?:the|that|this|your|his|her|long (?:at|in))|at the|in the (?:office|room)))|i (?:will|'ll) be (?:go|gone|dead) (?:by|before)|(?:this|that) (?:be|is|'s) (?:the |my )?last (?:one|christmas|birthday|time) i (?:\\S+ ){0,3}(?:sit through|have to|will|spend|see|celebrate)",
    examples: ["I'm not planning on being here next year.", "I don't intend to be alive for my fortieth.", "This is the last birthday I'll have to sit through."],
  },
  {
    id: "plan.decided_and_rehearsed",
    category: "suicide_intent_or_plan",
    says: "Spoke of a decision, a date or a rehearsal",
    pattern:
      "(?:to see|see) (?:if|whether|how) (?:it|they|the \\S+|i) (?:would|will|'d|could|can) (?:\\S+ ){0,2}(?:hold|take (?:my|the) weight|work|heavy|hurt|feel)|(?:dry|test|practice) run|(?:set|have|got|pick\\S*|chose|chosen|fix\\S*) (?:a |the )?date (?:in my head|set|picked|for it)|not (?:a )?(?:question of )?if (?:\\S+ )?any ?more,? (?:\\S+ )?(?:it be|it's|its|but|just) when|(?:one of these|one) (?:day|night|morning|weekend)s? i (?:will|'ll|be go to|really will|actually will)(?! (?:\\S+ ){0,2}(?:tell|call|ring|go to the|get|learn|try|manage|sort|finish|be (?:okay|fine|happy|better)))",
    examples: ["I tied it up to see if it would take my weight.", "it's not if any more it's when", "I've got a date in my head."],
  },
  {
    id: "plan.attempt_told",
    category: "suicide_intent_or_plan",
    says: "Spoke of an attempt, or one that was stopped or called off",
    pattern:
      "(?:wake|woke|come|came) (?:up |round |to )?(?:\\S+ ){0,3}in (?:the )?(?:hospital|a and e|a&e|icu|intensive care|an ambulance|resus)|(?:stop\\S*|talk\\S*|pull\\S*) me (?:down|back|off the|out of it|from (?:jump\\S*|do\\S* it|go\\S* through))|(?:change\\S*|changed) my mind (?:at the last|last minute|at the top|on the (?:bridge|edge|platform))|(?:rope|ligature|noose) (?:\\S+ )?(?:snap\\S*|broke|break\\S*|gave way)|(?:almost|nearly) (?:went through with it|go through with it|jump\\S*)|(?:go|went|got|get) as far as|(?:got|had|have) my stomach pump\\S*|(?:be|was|got) (?:\\S+ )?(?:section\\S*|admit\\S*) (?:\\S+ ){0,3}(?:after|because|when) i (?:tried|try|took|take|cut|jump\\S*|overdos\\S*)|(?:can not|can't|cannot|could not|not) (?:\\S+ )?(?:promise|guarantee|keep (?:myself|me)|say i (?:will|'ll) (?:be|stay)) (?:\\S+ ){0,4}safe|(?:not|n't) (?:feel )?safe (?:with|around|from) (?:myself|me)|(?:tonight|tomorrow|this weekend|friday|saturday|sunday) (?:be|is|'s) the (?:night|day)",
    examples: ["I woke up in intensive care.", "My brother talked me down off the roof.", "The rope snapped.", "I can't promise I'll keep myself safe tonight.", "i nearly went through with it on sunday"],
  },
  {
    id: "plan.not_here_for",
    category: "suicide_intent_or_plan",
    says: "Said they will not be here for a coming date or event",
    pattern:
      "(?:before|once|when) i (?:go and )?(?:end it|go through with it)(?= \\.| $|$| ,)|(?:not|never) (?:go to |gonna )?be (?:\\S+ )?(?:here|around|alive) (?:for|by|at|on|to see) (?:\\S+ ){0,3}(?:christmas|thanksgiving|easter|diwali|eid|new year|birthday|summer|spring|autumn|winter|the wedding|the holiday\\S*|next (?:year|month|week|term))(?! (?:\\S+ ){0,6}(?:away|abroad|holiday|trip|flight|visit\\S*|work\\S*|go\\S* to|stay\\S* with|conference|course))|(?:make|made) (?:my )?peace with (?:go|going|die|dying|leav\\S* (?:this|the) (?:world|earth|life))|(?:i have|i 've|i) (?:\\S+ ){0,2}(?:get|got|have) (?:it )?all (?:figure\\S* out|work\\S* out|plan\\S*)(?: \\S+){0,6} (?:how|when|where)|(?:go|going) through with it|(?:walk\\S*|step\\S*) out (?:\\S+ ){0,2}(?:in front of|into the road|into traffic) (?:\\S+ ){0,4}(?:on purpose|deliberately)|(?:walk\\S*|step\\S*) (?:out )?into the road on purpose",
    examples: ["I'm not going to be here for Christmas.", "I've made my peace with going.", "I've got it all figured out, how and when.", "I walked out into the road on purpose."],
  },
  {
    id: "plan.when_asked_in_context",
    category: "suicide_intent_or_plan",
    says: "Said when they would do it, after suicide was talked about",
    needsSuicideContext: true,
    pattern:
      "(?:think\\S*|thought) (?:\\S+ ){0,2}(?:it would be |of )?(?:the (?:end|start) of the (?:month|week)|the weekend|(?:this|next) \\S+day|payday)|(?:^| )(?:once|after) (?:she|he|they|everyone|the kids?|my \\S+) (?:\\S+ ){0,1}(?:have |be )?(?:go|gone) (?:back|away|home)|after the (?:\\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty ?- ?\\S+|thirtieth|thirty ?- ?first)(?= \\.| ,| $|$)|(?:^| )(?:the )?end of the month(?= \\.| ,| $|$)|(?:^| )payday(?= \\.| $|$)",
    examples: ["I was thinking the weekend the wife's at her sister's.", "After the fourteenth.", "I've been thinking it would be the end of the month. Payday."],
  },
  // — Preparatory behaviour (C-SSRS behaviour): means, letters, giving away, goodbyes, affairs.
  {
    id: "preparatory.collecting_means",
    category: "preparatory_behaviour",
    says: "Spoke of collecting the means to end their life",
    pattern:
      "(?:sav\\S*|stockpil\\S*|hoard\\S*|collect\\S*|stash\\S*|gather\\S*|squirrel\\S*|put\\S* (?:aside|away)|set\\S* aside|hid\\S*|hiding|keep\\S* back|build\\S* up|store\\S* up|not take\\S*) (?:up )?(?:all |some |a few |a lot of |loads of |a load of |extra )?(?:of )?(?:my |the |them |these |those |a |some )?(?:\\S+ )?(?:{pills}|prescription\\S*|rope|razor\\S*|blade\\S*|bullet\\S*|charcoal|poison)|(?:buy|bought|order\\S*|get|got) (?:\\S+ ){0,2}(?:rope|razor blade\\S*|blade\\S*|charcoal|bullet\\S*|gun|poison|helium)|(?:buy|bought|order\\S*|get|got|collect\\S*) (?:extra|loads of|lots of|a lot of|several|a few|multiple|more) (?:box\\S*|pack\\S*|packet\\S*|bottle\\S*) (?:of )?{pills}",
    examples: ["I've been saving up my pills.", "ive been stockpiling my tablets", "I bought a rope last week.", "I've been hiding my meds instead of taking them."],
  },
  {
    id: "preparatory.letters",
    category: "preparatory_behaviour",
    says: "Spoke of goodbye letters or notes",
    pattern: "(?:goodbye|suicide|farewell|last) (?:letter|note|message|video)s?|(?:write|wrote|written|writing|draft\\S*|leave|left|record\\S*) (?:\\S+ ){0,3}(?:letter|note|message)s? (?:\\S+ ){0,2}(?:to|for) (?:each|every|all|everyone|everybody|my \\S+|the kid\\S*)(?: \\S+){0,4} (?:in case|for when|for after|just in case|when i be go|after i be go|to read after)|(?:write|wrote|written|writing) (?:\\S+ ){0,2}letters (?:to|for) (?:each|every|all|everyone|my (?:kid|child|son|daughter|family|parent|boy|girl)\\S*)",
    examples: ["I've written a goodbye letter.", "i wrote letters to my kids just in case", "I've written letters to each of my children."],
  },
  {
    id: "preparatory.giving_away",
    category: "preparatory_behaviour",
    says: "Spoke of giving their things away",
    pattern: "(?:giv\\S*|gave|given|hand\\S*) (?:away )?(?:all |most of |some of )?(?:my |me )?(?:stuff|thing|belonging|possession|clothe|cloth|record|book|jewel\\S*|guitar|game\\S*|collection|pet|dog|cat)s? away|(?:giv\\S*|gave|given) away (?:all |most of |some of )?my|(?:who|someone) (?:will |would |can |to )?(?:get|take|have|look after|care for) (?:my )?(?:dog|cat|pet|kid\\S*|child\\S*|stuff|thing\\S*) (?:when|after|once) i",
    examples: ["I've been giving my stuff away.", "gave away most of my clothes", "I've sorted out who gets my dog after I'm gone."],
  },
  {
    id: "preparatory.goodbyes",
    category: "preparatory_behaviour",
    says: "Spoke of saying goodbye or seeing people one last time",
    pattern: "(?:say|said|saying|sayin) (?:my )?goodbye\\S* (?:to (?:everyone|everybody|all|people|my family|my friend\\S*|my kid\\S*|them all)|in my head|properly|for good|one last time|just in case)|(?:see|saw|seen|visit\\S*|hug\\S*|call\\S*|ring\\S*|text\\S*) (?:\\S+ ){0,3}(?:one )?last time|this be (?:goodbye|my last)|(?:say|said|saying|sayin) (?:my )?goodbye\\S* without|(?:a |like a |as a )(?:proper|final|real|last) goodbye|felt like (?:say\\S* )?goodbye|(?:make|made) sure (?:everyone|everybody|they|my \\S+) know\\S* i love",
    examples: ["I've been saying goodbye to people.", "i wanted to see my mum one last time", "I made sure everyone knows I love them."],
  },
  {
    id: "preparatory.affairs",
    category: "preparatory_behaviour",
    says: "Spoke of putting their affairs in order",
    pattern: "(?:write|wrote|written|writ\\S*|update\\S*|make|made|sort\\S*|finish\\S*|do|did|done|get|got|put|check\\S*) (?:\\S+ ){0,2}(?:my )?(?:will|affairs|life insurance|funeral (?:plan|arrangement|song|wish)\\S*|password\\S*)(?: \\S+){0,2} (?:in order|sorted|so (?:they|everyone|my)|for (?:when|after)|just in case|ready)|(?:affairs|everything) in order|(?:my )?will (?:\\S+ ){0,3}(?:a )?(?:note|letter)s?|(?:cancel\\S*|close\\S*) (?:all )?my (?:account|subscription|bank)s?(?: \\S+){0,3} (?:in case|for when|so they|so no one)",
    examples: ["I've put my affairs in order.", "i updated my will just in case", "I've been getting everything in order."],
  },
  {
    id: "preparatory.rehearsal",
    category: "preparatory_behaviour",
    says: "Spoke of going to a place or rehearsing ending their life",
    pattern: "(?:go|went|gone|stand|stood|drive|drove|walk\\S*|sat|sit|climb\\S*|been) (?:to|on|onto|up to|out to|on top of|at|down to|up) (?:the )?(?:edge of (?:the )?)?(?:bridge|roof|cliff|tracks|railway|train line|platform edge|top of|ledge|car park roof)(?: \\S+){0,6} (?:jump|think\\S*|thought|look\\S* down|end it|do it|to see|how (?:high|far|easy))|(?:held|hold|holding) (?:the )?(?:\\S+ )?(?:pill|tablet|knife|blade|rope|gun)s? (?:in my hand|to my)|(?:put|tie\\S*|tied) (?:the |a )?(?:rope|noose|belt) (?:around|round) my neck",
    examples: ["I went to the bridge and just stood there thinking about it.", "i held the pills in my hand for ages", "I put the belt around my neck."],
  },

  {
    id: "preparatory.more_means",
    category: "preparatory_behaviour",
    says: "Spoke of gathering pills or means",
    pattern:
      "stock\\S* up (?:on )?(?:\\S+ )?(?:{pills}|paracetamol|rope|blade\\S*)|(?:a |one )?(?:pack|box|packet|bottle) here (?:a |one )?(?:pack|box|packet|bottle) there|(?:from|at|in) different (?:shop|pharmac|chemist|store|supermarket)\\S*|(?:line\\S*|count\\S*) (?:\\S+ ){0,3}(?:up|out)(?: on the \\S+)?(?= |$)(?<=(?:pill|tablet|them|med|meds)s? (?:up|out)(?: on the \\S+)? )|(?:pill|tablet|med)s? (?:\\S+ ){0,2}(?:line\\S*|count\\S*) (?:up|out)|(?:bought|buy|got|get) (?:\\S+ ){0,2}(?:the )?hose(?:pipe)?|(?:rope|hose|charcoal) (?:\\S+ ){0,2}in (?:my|the) (?:rucksack|bag|car|boot|shed|garage|wardrobe|drawer)",
    examples: ["I've been stocking up on paracetamol, a pack here, a pack there.", "I had the tablets counted out.", "I've got the rope in my rucksack."],
  },
  {
    id: "preparatory.letters_to_family",
    category: "preparatory_behaviour",
    says: "Spoke of letters to the people close to them",
    pattern: "(?:write|wrote|written|writ\\S*|leave|left) (?:\\S+ ){0,2}(?:letter|note)s? (?:to|for) (?:each of |all of |every one of )?(?:my|everyone|everybody|each) (?:\\S+ )?{family}|(?:letter|note)s? (?:\\S+ ){0,3}(?:in my (?:desk|drawer|bag)|for after|(?:until|till) after)|for after\\b",
    examples: ["I've written letters to my parents and my sister.", "The letters are in my desk drawer, for after."],
    needsSuicideContext: false,
  },
  {
    id: "preparatory.funeral_and_affairs",
    category: "preparatory_behaviour",
    says: "Spoke of planning their funeral or tidying up their affairs",
    pattern:
      "funeral (?:playlist|song\\S*|wish\\S*|plan\\S*|arrangement\\S*|music)|(?:plan\\S*|arrang\\S*|sort\\S*|chose|choose|pick\\S*|make|made|write|wrote) (?:\\S+ ){0,5}(?:for |of |at )?(?:my )?(?:own )?funeral|(?:password\\S*|bank detail\\S*|pin number\\S*) (?:\\S+ ){0,4}(?:folder|envelope|written down|for my)|(?:tidy\\S*|sort\\S*|clear\\S*) (?:\\S+ ){0,3}(?:before i (?:go|die|leave)|for when i)|(?:tidying|clearing) (?:up|out)(?= \\.| $)|(?:do not|n't|not) want to leave (?:anything|a mess|a burden)",
    examples: ["I made a playlist for my funeral.", "I just want things tidy before I go.", "I'm tidying up."],
  },
  {
    id: "preparatory.giving_away_more",
    category: "preparatory_behaviour",
    says: "Spoke of giving away things or pets, or saying goodbye",
    pattern:
      "(?:give|gave|given|rehom\\S*|hand\\S*) (?:away )?(?:my )?(?:\\S+ )?(?:cat|dog|pet|guitar|ring|record|book|clothe|watch|bike|console|jewel\\S*|collection|laptop|car)s? to (?:my )?(?:\\S+ )?(?:{family}|person|neighbou?r)|saying goodbye without|(?:told|tell) (?:\\S+ ){0,2}i be go\\S* away for a (?:long|while)|(?:ring|rang|call\\S*|text\\S*|message\\S*|visit\\S*) (?:a few |some |all my )?(?:old )?(?:friend|mate|relative)s? (?:\\S+ ){0,4}goodbye|(?:said|say) goodbye (?:\\S+ ){0,4}properly",
    examples: ["I gave my cat to my neighbour.", "I rang a few old friends, sort of saying goodbye without saying it."],
    needsSuicideContext: false,
  },
  {
    id: "preparatory.stockpiling",
    category: "preparatory_behaviour",
    says: "Spoke of keeping back, counting or researching the means",
    pattern:
      "(?:ask\\S*|order\\S*|request\\S*|get|got|put\\S* in) (?:for )?(?:my |the )?(?:repeat|prescription|script)s? (?:\\S+ ){0,2}early|(?:stop|stopp\\S*|not) tak\\S* (?:them|my (?:\\S+ )?(?:pill|tablet|med|meds|medication)s?) (?:\\S+ ){0,3}(?:and |but )?(?:keep|kept|sav\\S*|hid\\S*|put)|(?:keep|kept|stor\\S*|stash\\S*|hid\\S*|put\\S*) (?:\\S+ ){0,3}(?:extra|spare|leftover)s? (?:\\S+ ){0,3}(?:in|under|at the back of|behind) (?:the |my )?(?:loft|drawer|wardrobe|box|shoebox|bag|cupboard|car|shed|bed|pillow)|(?:pill|tablet|med|meds|paracetamol)s? (?:\\S+ ){0,3}(?:count\\S*|line\\S*|laid|lay\\S*|set) (?:out|up)|(?:month|week)s?'?s? worth|(?:look\\S*|read\\S*|research\\S*|googl\\S*|search\\S*|check\\S*|find\\S*|found) (?:\\S+ ){0,3}(?:how (?:many|much|long|high|tall|far|deep)|which|what (?:dose|amount|height)|where (?:you|to|i|one) (?:can |could )?(?:buy|get)|least painful|painless|lethal|fatal|bleed out|overdos\\S*)",
    examples: ["I've been ordering my repeats early and keeping the extras in a drawer.", "i stopped taking my meds and kept them", "I've been reading up on which ones are lethal.", "I looked up where you buy the canisters."],
  },
  {
    id: "preparatory.for_after",
    category: "preparatory_behaviour",
    says: "Spoke of letters, goodbyes or giving things away for after they are gone",
    pattern:
      "(?:for|until|till) (?:after|when i (?:be )?(?:go|gone|die|not here|no longer here))(?= |$)|(?:envelope|letter|note|video|message|(?<!(?:bank|credit|debit|loyalty|sim|id|business|library|travel|oyster|railcard|gift) )card)s? (?:\\S+ ){0,6}(?:for (?:my|each|every|the|them|him|her|after)|to open|to read)(?! (?:\\S+ ){0,3}(?:birthday|christmas|wedding|anniversary|exam|job))|(?:say|said|saying|sayin) (?:my )?(?:goodbye|bye)s? (?:\\S+ ){0,3}(?:properly|for good|to everyone|to everybody|to people|who matter|like it be the last|last time)|(?:like|think|thought|felt|feel|know|knew|as if|in case) (?:\\S+ ){0,2}(?:it be|it was|it's|its|this be|this was|that be|that was) (?:\\S+ )?the last time|rehom\\S*|(?:found|find\\S*) (?:a )?(?:new )?home for (?:my |the |our )?(?:\\S+ )?(?:cat|dog|pet|fish|rabbit|bird|horse|budgie|hamster|plant)s?|(?:will|wo|'ll) not (?:be )?(?:need|want|use)\\S* (?:them|it|this|that|those|either|any of (?:it|them|this)|my \\S+)(?: \\S+){0,3}(?: after| where| when| by| soon| any ?more| again|$)|someone who (?:be|'s|is) go (?:to )?(?:be )?around|(?:not|never) (?:\\S+ ){0,2}need (?:them|it|this|that|those|her|him|any of (?:it|this|them)|my \\S+) (?:where i be go|when i be go(?:ne)?|after i be go(?:ne)?|where i be head\\S*)|be not go to need (?:her|him|them)(?= \\.| $|$)",
    examples: ["The envelopes are in the drawer, one for each of the kids.", "i've been saying my goodbyes to people properly", "I found a new home for my dog. I won't need to walk him soon.", "I won't need them where I'm going.", "i just dont need them where im going", "I'm not going to need her."],
  },
  {
    id: "preparatory.paperwork",
    category: "preparatory_behaviour",
    says: "Spoke of putting their affairs in order",
    pattern:
      "(?:redo|redone|rewrite|rewrote|rewritten|redid|redoing|update\\S*) my will|(?:my will|a will|the will|wills|life insurance|insurance policy|life cover|power of attorney|funeral)(?! (?:be|have) ) (?:\\S+ ){0,3}(?:sort\\S*|update\\S*|sign\\S*|check\\S*|pay\\S* out|paid out|in order|done|ready|chang\\S*)|(?:cancel\\S*|given notice|give notice|gave notice|close\\S*) (?:\\S+ ){0,3}(?:contract|phone|gym|account|tenancy|lease|subscription|membership|direct debit)s?|(?:who|which of them) (?:gets|get|will get|should get|should have|will have) my|(?:document|paper|policy|policies|detail|password|envelope|key|will)s? (?:\\S+ ){0,5}where (?:\\S+ ){1,2}(?:will|'ll|can|would) (?:see|find)",
    examples: ["I've checked what the life insurance pays out.", "I cancelled my gym and phone contract.", "I've sorted out who gets my car."],
  },
  {
    id: "preparatory.means_laid_out",
    category: "preparatory_behaviour",
    says: "Spoke of laying out the means, or going to a place to see what it would be like",
    pattern:
      "{pills} (?:\\S+ ){0,10}(?:line\\S* up|lined up|count\\S* (?:them |it )?out|laid out|set out|all of them out)|(?:go|went|drive|drove|walk\\S*|stand|stood|sit|sat|climb\\S*|been) (?:\\S+ ){0,2}(?:to|on|onto|up to|out to|down to|down|up|at|by) (?:the |a )?(?:\\S+ )?(?:bridge|railing\\S*|ledge|edge|roof|rooftop|cliff\\S*|track\\S*|railway|platform|car park|multi ?stor(?:e)?y)(?: \\S+){0,10} (?:see what it (?:would|will|'d) (?:be|feel) like|for ages|stand there|for (?:like |about |nearly |almost )?(?:an hour|hours|a while|a long time|\\S+ minutes)|how (?:high|far|easy|long)|think\\S* about (?:it|jump\\S*|go\\S*)|look\\S* (?:down|over))|(?:put|set) (?:a few |some |them |one )?(?:aside|away|by) (?:\\S+ ){0,4}(?:every time|each time|whenever) i (?:get|collect|pick up) (?:my )?(?:repeat|prescription|script)",
    examples: ["I had the tablets out on the table, all of them, lined up.", "I stood at the railing on the bridge for ages.", "Every time I collect my prescription I put a few aside.", "I got the bottle of paracetamol out and I counted them out on the table."],
  },
  {
    id: "preparatory.handling_the_means",
    category: "preparatory_behaviour",
    says: "Spoke of holding, checking or keeping the means, or going back to a place to see",
    pattern:
      "(?:hold|held|press\\S*|put) (?:\\S+ ){0,3}(?:knife|blade|razor|scissors|it) (?:\\S+ ){0,2}(?:to|against) my (?:wrist|arm|throat|neck|skin)|(?:sit\\S*|sat) (?:\\S+ ){0,2}with the (?:rope|noose|gun|rifle|shotgun|pill\\S*|tablet\\S*)|(?:check|count)\\S* (?:them|it) (?:\\S+ ){0,2}(?:most|every) (?:night|day|morning)|(?:\\d\\d+|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds) (?:\\S+ ){0,1}(?:of )?(?:my |the |his |her )?{pills} (?:\\S+ ){0,3}(?:in (?:a|an|the|my) (?:\\S+ ){0,2}(?:tub|drawer|box|bag|tin|jar|sock|envelope))|(?:go|went|been|keep go\\S*) (?:\\S+ ){0,2}(?:down|up|out|back) (?:\\S+ ){0,1}(?:there|to (?:the )?(?:beach|bridge|cliff|roof|car park|tracks|wall|edge)) (?:\\S+ ){0,2}to (?:see|look|check) (?:when|how|at)",
    examples: ["I took the big knife out of the block and I held it to my wrist.", "I've been sitting with the rope.", "About sixty of my amitriptyline, in an old vitamins tub.", "i've been going down there to see when the tide comes in"],
  },
  {
    id: "preparatory.going_back_in_context",
    category: "preparatory_behaviour",
    says: "Spoke of going back to the place, or of a pet or things seen to, after suicide was talked about",
    needsSuicideContext: true,
    pattern:
      "keep go\\S* back (?:\\S+ ){0,2}(?:there|to (?:look|see)|up there|down there)|(?:give|sell|take) (?!(?:\\S+ ){0,2}(?:belt|rope|pill|tablet|knife|gun|razor|blade|med|cord|car key)s?)(?:\\S+ ){0,4}(?:to (?:the )?charity|to my (?:\\S+ )?{family}|the money to)|give (?:my )?(?:\\S+ )?{family} my(?! (?:\\S+ )?(?:belt|rope|pill|tablet|knife|gun|razor|blade|med|cord|car key)s?)|(?:ask|asked) (?:\\S+ ){0,3}(?:if|whether) (?:she|he|they) (?:would|could|will) (?:take|have|look after)|(?:tell|told) (?:him|her|them|everyone) (?:that )?i love (?:him|her|them|everyone)|hug\\S* (?:them|everyone|everybody) (?:all )?(?:for ages|goodbye|tight)|(?:ring|rang|call\\S*|visit\\S*|see) (?:round )?(?:everyone|everybody)(?= \\.| ,| $|$)|thank\\S* (?:them|everyone|everybody)(?= \\.| ,| $|$| for everything)|i forgive (?:him|her|them)",
    examples: ["i just keep going back to look at it", "Taken loads to the charity shop.", "I rang my brother and told him I loved him.", "i gave my nan my necklace", "I rang round everyone. Thanked them."],
  },
  {
    id: "preparatory.last_things",
    category: "preparatory_behaviour",
    says: "Spoke of a last goodbye, a message for after, or passwords and papers left ready",
    pattern:
      "last memory of me|(?:felt|feel\\S*) (?:\\S+ ){0,2}final(?= |$)|(?:record\\S*|film\\S*|write|make) (?:\\S+ ){0,3}(?:video|message|note|letter)s? (?:\\S+ ){0,6}(?:say\\S* sorry|be not (?:\\S+ )?(?:anyone|anybody|your|their)|for everyone)|(?:note|list|envelope) (?:\\S+ ){0,4}(?:with )?(?:all )?my password\\S*|(?:deed\\S*|password\\S*|insurance \\S+) (?:\\S+ ){0,5}in an envelope|i know what (?:that|it|this) look\\S* like(?= \\.| ,| $|$)",
    examples: ["I wanted them to have a nice last memory of me.", "I recorded a video on my phone. For everyone. Saying sorry.", "i've put a note on the laptop with all my passwords for her", "I've put the deeds of the flat in an envelope with my sister's name on it."],
  },
  // — Self-harm (non-suicidal self-injury).
  {
    id: "self_harm.reflexive",
    category: "self_harm",
    says: "Spoke of hurting themselves",
    pattern:
      "(?:cut\\S*|slash\\S*|scratch\\S*|carv\\S*|burn\\S*|burnt|hit\\S*|punch\\S*|bang\\S*|scald\\S*|bite|bit|bitten|biting|pinch\\S*|starv\\S*|punish\\S*|bruis\\S*|injur\\S*|harm\\S*|hurt\\S*|mark\\S*) {self}(?: (?:on purpose|deliberately|again|with|until|till|when|to|so))?|self[- ]?(?:harm\\S*|arm|injur\\S*|mutilat\\S*)|sh again",
    examples: ["I cut myself last night.", "ive been hurting myself again", "I burn myself with a lighter.", "the self harm is back", "I hit myself when I'm angry."],
  },
  {
    id: "self_harm.cutting_intransitive",
    category: "self_harm",
    says: "Spoke of cutting",
    pattern:
      "cut\\S* (?=any ?more)|(?:be|been|use to|used to|start\\S*|stop\\S*|go back to|went back to|relapse\\S* (?:on|with|into)?|back to|urge to|urges to|need to|want to|felt like|feel like) {adv}(?:cut|cutting)(?! (?:down|back|out|off|up|the|my hair|carb\\S*|sugar|corner\\S*|class\\S*|school|tie\\S*|cost\\S*|it|in|through|across|grass|lawn|wood|paper|veg\\S*|onion\\S*|meat|bread|hair|short|loose|open))|cut\\S* (?:again|on my(?! (?:\\S+ )?(?:finger|thumb|hand))|into my|my (?:arm|leg|thigh|wrist|stomach|skin|hip)s?)|(?:scar\\S*|cut\\S*|mark\\S*|burn\\S*) (?:on|up) my (?:arm|leg|thigh|wrist|stomach|skin|hip)s? (?:from|again|fresh|new)|fresh (?:cut|scar|mark|burn)s?",
    examples: ["I've been cutting again.", "i started cutting", "I cut my arms when it gets bad.", "there are fresh cuts on my thigh"],
  },
  {
    id: "self_harm.other_methods",
    category: "self_harm",
    says: "Spoke of injuring themselves",
    pattern:
      "(?:bang\\S*|hit\\S*|smash\\S*) my head (?:against|on|off|into)|punch\\S* (?:the )?(?:wall|door|mirror)s? (?:until|till|and broke|so hard)|(?:scratch\\S*|pick\\S*|pull\\S*|tear\\S*) (?:at )?(?:my )?(?:skin|arm|leg|scab|hair|nail)s? (?:\\S+ ){0,2}(?:until|till) (?:it|they|i) (?:bleed|bled|hurt)|(?:pull\\S*|rip\\S*|tear\\S*) (?:out )?(?:my )?hair (?:out)?|make {self} (?:bleed|sick|throw up|vomit|hurt|pay)|(?:burn\\S*|burnt) (?:my )?(?:arm|leg|skin|hand|wrist)s? with (?:a |my )?(?:lighter|cigarette|iron|match\\S*)|(?:on purpose|deliberately|intentionally) (?:\\S+ ){0,2}(?:cut|burn|hurt|hit|bruise|injure)|(?:cut|burn|hurt|hit|bruise|injure)\\S* (?:\\S+ ){0,3}(?:on purpose|deliberately|intentionally)",
    examples: ["I bang my head against the wall until it hurts.", "i scratch my arms until they bleed", "I burn my arm with a cigarette.", "I make myself throw up after I eat."],
  },

  {
    id: "self_harm.until_it_bleeds",
    category: "self_harm",
    says: "Spoke of injuring their body until it bled, hurt or marked",
    pattern:
      "(?:pick\\S*|dig\\S*|scrub\\S*|scratch\\S*|press\\S*|bite|bit|bitten|biting|pinch\\S*|burn\\S*|hit\\S*|punch\\S*|slap\\S*|carv\\S*|cut\\S*|rub\\S*|squeez\\S*|claw\\S*|tear\\S*) (?:\\S+ ){0,9}(?:until|till|to make) (?:it|they|them|i|the skin|my skin|my \\S+) (?:\\S+ )?(?:bleed\\S*|bled|hurt\\S*|raw|bruise\\S*|leave\\S* mark\\S*|mark\\S*|blister\\S*|sting\\S*|scar\\S*)|(?:throw\\S*|threw|thrown) {self}|(?:my|myself|me) (?:\\S+ ){0,5}(?:on purpose|deliberately|intentionally)|(?:on purpose|deliberately|intentionally) (?:\\S+ ){0,5}(?:my|myself)|(?:hid\\S*|hiding|cover\\S*) (?:\\S+ ){0,3}(?:it|them|cut\\S*|scar\\S*|burn\\S*|mark\\S*|arm\\S*|wrist\\S*) (?:\\S+ ){0,2}(?:under|with) (?:\\S+ )?(?:sleeve|jumper|hoodie|plaster|bandage|makeup|bracelet)s?|(?:carv\\S*) (?:\\S+ ){0,3}(?:into|in|on) my (?:skin|arm|leg|thigh|wrist|stomach)|make {self} (?:feel )?(?:sick|ill|unwell|bleed|hurt|pain|suffer)",
    examples: ["I've been picking at the scabs on my arms until they bleed.", "I threw myself down the stairs on purpose.", "I've been hiding it under long sleeves.", "i put my hand on the hob on purpose"],
  },
  {
    id: "self_harm.said_plainly",
    category: "self_harm",
    says: "Spoke of hurting their own body",
    pattern:
      "(?:take|took|taking) it out on my (?:body|skin|arm|leg|self)s?|(?:relaps\\S*|slip\\S* up|slipped) (?:on|with|into) (?:the |my )?(?:sh|self ?harm\\S*|cutting|the blade\\S*)|(?:i|me) (?:\\S+ ){0,2}(?:cut|burn|burnt|scratch\\S*|carv\\S*|slash\\S*) (?:again|last night|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this (?:week|morning)|yesterday|my (?:thigh|arm|leg|wrist|stomach|hip|skin)s?)|(?:hold|held|press\\S*|put) (?:\\S+ ){0,3}(?:lighter|cigarette|iron|match|flame|lit \\S+|hot \\S+) (?:\\S+ ){0,2}(?:to|on|against) my (?:skin|arm|wrist|leg|hand|thigh)|(?:pull|pulling|pulled|rip\\S*|tear\\S*) (?:\\S+ )?(?:my )?hair out|(?:starv\\S*|stop\\S* eat\\S*) (?:\\S+ ){0,2}(?:on purpose|to punish|because i deserve|deliberately)|deserve to (?:be hungry|hurt|feel pain|suffer|bleed)|(?:bang|banging|hit|hitting|smash\\S*) my head (?:\\S+ ){0,2}(?:on|against|off|into) (?:the )?(?:wall|tile\\S*|floor|door|desk)|(?:bite|bit|biting|bitten) (?:myself|my (?:arm|hand|wrist|lip|cheek)s?) (?:\\S+ ){0,3}(?:until|till|when|so hard|hard)|(?:drink|drank|swallow\\S*|took|take) (?:some |a bit of |a little )?(?:bleach|detergent|cleaning|washing up liquid|poison) (?:\\S+ ){0,4}(?:to feel|on purpose|to hurt|to punish|to make)|(?:pick|picking|picked|start\\S*) (?:\\S+ ){0,3}fights? (?:\\S+ ){0,4}(?:on purpose|to get hurt|want to get hurt|so i get hurt)|want\\S* to get hurt|(?:punch\\S*|hit\\S*|kick\\S*|smash\\S*|headbutt\\S*) (?:the |a )?(?:wall|door|mirror|window)s? (?:\\S+ ){0,10}(?:on purpose|deliberately|to (?:hurt|feel|punish))|(?:the |my )?belt (?:\\S+ ){0,3}(?:across|on|over) my (?:leg|back|arm|thigh)s?",
    examples: ["I take it out on my skin.", "i relapsed on the self harm on friday", "I held a lit match against my arm.", "I pulled my hair out until there was a patch.", "I bit my hand until it bled."],
  },
  {
    id: "self_harm.own_body",
    category: "self_harm",
    says: "Spoke of hurting their own body",
    pattern:
      "(?:slap\\S*|hit\\S*|punch\\S*|scratch\\S*|claw\\S*|pinch\\S*|bite|bit|biting) my own (?:face|head|arm|leg|body|skin|hand|cheek|thigh)s?|(?:lighter|cigarette|match|flame|blade|razor|compass|scissors) (?:\\S+ ){0,3}(?:on|to|against|across|into) my (?:skin|arm|wrist|leg|thigh|hand|stomach|hip|chest)s?|(?:my|myself|me) (?:\\S+ ){0,9}(?:on purpose|deliberately|intentionally) (?:\\S+ ){0,3}(?:till|until|so) (?:it|they|i) (?:\\S+ )?(?:blister\\S*|bled|bleed\\S*|burn\\S*|hurt|bruise\\S*)|snap\\S* (?:it|the band|a band|an elastic band|a hair tie) (?:\\S+ ){0,5}(?:welt\\S*|bruise\\S*|mark\\S*|bleed\\S*|hurt\\S*)|(?:punish\\S*|punishment) (?:\\S+ ){0,4}(?:not eat\\S*|starv\\S*|do not (?:get to )?eat|no food)|(?:do not|not|never) (?:get to )?eat (?:\\S+ ){0,6}(?:punish\\S*|as a punishment|because i deserve)|(?:knock|knocking|knocked) myself out (?:with|on)|(?:ping\\S*|snap\\S*|flick\\S*) (?:\\S+ ){0,2}(?:the |a |my )?(?:elastic |rubber )?band|(?:wear\\S*|wore) (?:the |a )?(?:elastic |rubber )?band (?:\\S+ ){0,2}(?:ping|snap|flick)\\S*",
    examples: ["I keep slapping my own face when I mess up.", "i held the lighter against my wrist again", "I snap the band so hard it leaves welts.", "When I mess up I don't get to eat, as a punishment.", "i've been wearing the band and pinging it instead"],
  },
  {
    id: "self_harm.skin_hair_food",
    category: "self_harm",
    says: "Spoke of picking or scratching at themselves, pulling hair, restricting food, or taking a whole pack of pills",
    pattern:
      "(?:pick\\S*|go at|dig\\S* at|scratch\\S* at|tear\\S* at|claw\\S* at) (?:at )?(?:them|it|my (?:skin|cuticle\\S*|scab\\S*|arm\\S*|leg\\S*|face|stomach|lip\\S*|scalp))(?: \\S+){0,4} (?:until|till|(?:and )?bleed\\S*|raw|red)|scab\\S* (?:\\S+ ){0,4}where i (?:\\S+ ){0,2}(?:go at|pick|scratch|dig)|scratch\\S* (?:at )?my \\S+ (?:\\S+ ){0,3}(?:till|until) (?:it be |it 's )?(?:red|raw|bleed\\S*)|bald patch(?:es)? (?:\\S+ ){0,4}(?:cover|hide|where i)|(?:still |be |been )restrict\\S*(?= \\.| ,| $|$| my| food| what| again)|(?:five|four|three|six) hundred calories|(?:sharpener|pencil sharpener) blade|(?:take|swallow|down|neck)\\S* (?:the |a |my )?whole (?:strip|box|packet|pack|bottle|tub|blister)(?= |$)|(?:take|took) (?:\\S+ ){0,3}(?:like |about )?(?:twenty|thirty|forty|fifty|\\d\\d+) of them",
    examples: ["My cuticles bleed, and I've got scabs on my arms where I go at them.", "I scratch at my stomach after till it's red raw.", "I've got a bald patch behind my ear I cover with my hair.", "Still restricting.", "with a pencil sharpener blade i took out", "i took the whole strip of my co dean on friday", "the paracetamol i took on sunday like twenty of them"],
  },
  // — Harm to others: thoughts, means, a named person.
  {
    id: "others.thoughts",
    category: "harm_to_others",
    says: "Spoke of wanting to harm someone",
    pattern:
      "(?:want\\S*|wanna|go to|gonna|will|'ll|plan\\S* to|plan\\S* on|think\\S* about|thought about|fantasi[sz]\\S* about|dream\\S* about|urge\\S* to|feel like|felt like|imagine\\S*|tempt\\S* to|mean to|try\\S* to|ready to|afraid i\\S* (?:will|might)|scared i\\S* (?:will|might)|worried i\\S* (?:will|might)|swear i\\S* (?:will)?|i be go to|i will|i would|i'd) (?:to )?{adv}(?:kill\\S*|hurt\\S*|stab\\S*|shoot\\S*|strangl\\S*|choke\\S*|beat\\S* up|beat|punch\\S*|attack\\S*|harm\\S*|murder\\S*|smash\\S*|run\\S* over|poison\\S*|batter\\S*|knife|kick\\S*|hit|break|glass|bottle|use (?:it|this|that) on) (?:\\S+ )?{person}|(?:kill|hurt|stab|shoot|strangle|poison|attack|murder)\\S* (?:him|her|them|person|my (?:\\S+ )?{family}) (?:\\S+ ){0,3}(?:imagine\\S*|picture\\S*|fantasi\\S*|think\\S* about|plan\\S*)",
    examples: ["I want to kill him.", "i keep thinking about hurting my boss", "I'm going to stab Dave.", "Sometimes I'm scared I'll hurt the baby."],
  },
  {
    id: "others.pictured",
    category: "harm_to_others",
    says: "Spoke of picturing or wanting to harm someone",
    pattern:
      "(?:think\\S* about|thought about|picture\\S*|imagin\\S*|fantasi\\S*|dream\\S* about|urge\\S* to|want\\S* to|feel like i be go to|snap and) (?:\\S+ ){0,8}(?:kill\\S*|hurt\\S*|stab\\S*|shoot\\S*|strangl\\S*|punch\\S*|attack\\S*|harm\\S*|murder\\S*|run\\S* (?:\\S+ )?over|push\\S*|poison\\S*|beat\\S*|glass\\S*|put\\S* something in) (?:\\S+ ){0,2}(?:{person}|people|stranger\\S*|somebody|someone|person)|run\\S* (?:him|her|them|person) over|put\\S* something in (?:his|her|their) (?:food|drink|tea|coffee)",
    examples: ["I've pictured running him over.", "I keep thinking about getting an air rifle and shooting the guy next door.", "I've thought about putting something in her food."],
  },
  {
    id: "others.revenge",
    category: "harm_to_others",
    says: "Spoke of making someone pay or getting revenge",
    pattern: "(?:make|get) (?:\\S+ )?{person} pay|(?:get|take|have) (?:my )?(?:revenge|back at|even with)|(?:he|she|they|you) (?:will|'ll|be go to|gonna) (?:regret|pay|be sorry)|(?:teach|taught) (?:\\S+ )?{person} a lesson (?:he|she|they)|(?:want|wish) (?:him|her|them|person|my \\S+) (?:\\S+ )?dead|beat (?:the )?(?:crap|shit|hell|life|living daylights) out of|(?:make|made) (?:him|her|them) suffer|(?:intrusive )?(?:thought|urge|image)s? (?:of|about) (?:\\S+ ){0,2}(?:hurt\\S*|kill\\S*|stab\\S*|harm\\S*|drown\\S*|smother\\S*|attack\\S*) (?:\\S+ ){0,2}(?:{person}|people|stranger\\S*|baby|child|kid)",
    examples: ["I'll make him pay for this.", "im going to get my revenge on her", "They're going to regret it."],
  },
  {
    id: "others.means",
    category: "harm_to_others",
    says: "Spoke of a weapon for someone",
    pattern: "(?:knife|gun|bat|blade|machete|weapon|hammer|axe|crowbar)s? (?:\\S+ ){0,3}(?:for|to use on|to (?:deal with|sort out|get|hurt|kill|scare)|in case (?:he|she|they) ) (?:\\S+ )?{person}|(?:know|found out) where (?:he|she|they|he be|she be) (?:live|work|be stay)\\S* (?:now|and)|(?:carry|carrying|bring|keep) (?:a |my )?(?:knife|gun|blade|weapon)",
    examples: ["I bought a knife for him.", "i've started carrying a knife", "I know where he lives now and I've been waiting."],
  },

  {
    id: "others.weapon",
    category: "harm_to_others",
    says: "Spoke of a weapon to use on someone",
    pattern:
      "(?:knife|knives|knuckle(?: ?- ?| )?duster|machete|weapon|gun|bat|blade)s? (?:\\S+ ){0,8}(?:use it|on (?:him|her|them)|to school|when (?:he|she|they)|in case (?:he|she|they)|if (?:he|she|they|that))|(?:tak\\S*|took|bring\\S*|brought|carry\\S*) (?:\\S+ ){0,3}(?:knife|knives|gun|weapon|blade|it)s? (?:\\S+ ){0,3}(?:to school|to work|to college|when (?:he|she|they) (?:be|'s|is) asleep|to (?:him|her|them))|(?:bought|buy|got|get) (?:a |an )?(?:knuckle(?: ?- ?| )?duster|machete|knife|gun|weapon)",
    examples: ["I've bought a knuckle-duster and I'll use it.", "I've thought about taking a knife from the kitchen when he's asleep."],
  },
  {
    id: "others.violence_said_plainly",
    category: "harm_to_others",
    says: "Spoke of violence they did or pictured doing to someone",
    pattern:
      "(?:pictur\\S*|imagin\\S*|see\\S*|think\\S* about|flash\\S* of|image\\S* of|thought\\S* of) (?:\\S+ ){0,3}(?:smash\\S*|crush\\S*|stab\\S*|strangl\\S*|drop\\S*|push\\S*|drown\\S*|smother\\S*|shak\\S*|hurt\\S*|kill\\S*|run\\S* \\S+ over|run\\S* over|cav\\S* in|bash\\S*) (?:\\S+ ){0,3}(?:his|her|their|him|them|the baby|the kid\\S*|person|skull|head|face|down the stair\\S*|my (?:\\S+ )?{family})|(?:i|we) (?:\\S+ ){0,2}(?:glass\\S*|bottl\\S*|stab\\S*|knock\\S* out|beat\\S* up|headbutt\\S*|batter\\S*|kick\\S* in) (?:\\S+ ){0,2}(?:him|her|them|person|a (?:lad|guy|bloke|man|woman|girl))|(?:brick|hammer|bat|knife|bottle|glass) (?:through|into|over|across) (?:his|her|their) (?:head|face|skull|window)|(?:get\\S*|got) into it with (?:a |some |this )?(?:lad|guy|bloke|man|woman|girl|person)|lucky i (?:did not|do not|didn't) (?:do worse|kill|finish)",
    examples: ["I keep picturing smashing his head against the wall.", "i glassed a bloke last weekend", "If he does it again he's getting a brick through his head."],
  },
  {
    id: "others.weapon_in_bag",
    category: "harm_to_others",
    says: "Spoke of keeping a weapon for someone",
    pattern:
      "(?:grab\\S*|pick\\S* up|pull\\S*) (?:a |the |my )?(?:knife|knives|hammer|bat|blade|gun|bottle) (?:\\S+ ){0,6}(?:use it|on (?:him|her|them)|at (?:him|her|them)|but i (?:do not|did not|didn't)|want\\S* to)|(?:threaten\\S*|go for|went for|come at|came at|chase\\S*) (?:\\S+ ){0,3}with (?:a |the |my )?(?:knife|knives|hammer|bat|blade|gun|bottle|machete|axe)|(?:knife|knives|hammer|bat|blade|machete|crowbar|screwdriver|weapon|gun)s? (?:\\S+ ){0,6}(?:in my (?:bag|pocket|car|coat|jacket|waistband)|for if|for when|in case (?:i see|he|she|they))|(?:keep|kept|carry|carrying|have|got) (?:a |an |the )?(?:knife|knives|hammer|bat|blade|machete|crowbar|screwdriver)s? (?:\\S+ ){0,4}(?:for (?:him|her|them|if|when)|in case)",
    examples: ["There's a hammer in my car for if he shows up.", "i keep a knife in my bag for when i see him"],
  },
  {
    id: "others.violence_done",
    category: "harm_to_others",
    says: "Spoke of violence they did to someone, or want to do",
    pattern:
      "(?:i|we) (?:\\S+ ){0,2}(?:hit|punch\\S*|slap\\S*|kick\\S*|chok\\S*|strangl\\S*|throttl\\S*|smack\\S*|headbutt\\S*|batter\\S*|thump\\S*) (?:my |his |her |our |this |that |the )?(?:\\S+ )?(?:{family}|person)(?! (?:up|back) )(?! by accident)|(?:i|we) (?:\\S+ ){0,2}put (?:a |some |this |that )?(?:bloke|guy|lad|man|woman|girl|someone|somebody|him|her|person) in (?:hospital|a&e|a and e|intensive care|a coma)|(?:i|we) (?:\\S+ ){0,3}(?:broke|break|bust|split) (?:a |his |her |their |the |this )(?:\\S+ )?(?:jaw|nose|arm|rib\\S*|leg|lip|cheekbone|eye socket)|(?:go|went|turn\\S*|show\\S*) (?:up |round |over )?(?:\\S+ ){0,3}with (?:a |the |my )?(?:hammer|knife|bat|machete|gun|blade|axe|crowbar|bottle)(?! to (?:fix|help|hang|put|mend|chop|cut))|(?:want\\S*|wanna|urge\\S*|feel like|felt like) (?:to )?(?:throw|shake|hurl|drop) (?:him|her|them|the baby|my (?:\\S+ )?{family}) (?:at|against|into|across|down|off|out of)|(?:pictur\\S*|imagin\\S*|image\\S*|thought\\S*) (?:of )?(?:\\S+ ){0,4}(?:smash\\S*|stab\\S*|strangl\\S*|chok\\S*|kill\\S*) (?:\\S+ ){0,2}(?:his|her|their|someone 's|somebody 's) (?:head|face|throat|neck)|(?:^| )(?:hit|punch\\S*|slap\\S*|beat) my (?:ex|wife|husband|partner|girlfriend|boyfriend|kid\\S*|son|daughter)(?= |$)",
    examples: ["I hit my girlfriend on Friday.", "i punched my brother last month", "When she won't stop screaming I want to throw her at the wall.", "I went round there with a hammer.", "i once broke a boys nose in year ten", "i used to hit my ex but that was years ago"],
  },
  {
    id: "others.violence_told",
    category: "harm_to_others",
    says: "Spoke of trying or threatening to hurt someone",
    pattern:
      "(?:try|tried) to (?:punch|hit|stab|strangle|choke|hurt|kill|glass|headbutt|kick) (?:him|her|them|my \\S+|his \\S+|her \\S+|a \\S+|the \\S+)|(?:say|said|tell|told) (?:\\S+ ){0,2}i would (?:cut|stab|kill|burn|hurt|hit|batter|smash|shoot) (?:him|her|them|his|their)|(?:grab\\S*|pick\\S* up) (?:\\S+ ){0,2}(?:kitchen )?knife (?:\\S+ ){0,4}(?:at (?:him|her|them)|and (?:i )?(?:say|said|threaten\\S*))|(?:grab|grabbed|shake|shook|shaken) (?:him|her|them) (?:\\S+ ){0,2}too hard|(?:get\\S* hold of|get|buy|find) (?:\\S+ ){0,2}(?:gun|knife|blade|weapon|machete|bat) (?:\\S+ ){0,12}(?:go\\S* round|sort\\S* (?:him|her|them) out)|burn (?:his|her|their) house down with (?:him|her|them) in it",
    examples: ["i went to my sisters and got absolutely hammered and tried to punch her husband", "i grabbed the kitchen knife and i said i'd cut her", "I've grabbed him too hard by the arm, there was a mark.", "i've started thinking about getting hold of a gun like a proper one i know a guy and just going round there and sorting him out", "i said i'd burn his house down with him in it"],
  },
  // — Abuse or violence experienced: physical, sexual, emotional, neglect, coercive control.
  {
    id: "abuse.physical",
    category: "abuse",
    says: "Spoke of being hit or physically hurt by someone",
    pattern:
      "(?:hit\\S*|beat\\S*|punch\\S*|kick\\S*|slap\\S*|chok\\S*|strangl\\S*|shov\\S*|push\\S*|throw\\S*|threw|thrown|grab\\S*|drag\\S*|bite|bit|bitten|burn\\S*|hurt\\S*|attack\\S*|smack\\S*|strike\\S*|struck|stamp\\S*|whip\\S*|belt\\S*|spank\\S*|pin\\S*|headbutt\\S*|hold\\S* me down|held me down|knock\\S*)(?: on)? (?:me|us|my (?:face|head|arm|neck|body|stomach|back|leg)s?)(?! (?:up\\b|out\\b|that|how|when i realis\\S*|to it|at|in (?:chess|a game|tennis)|hard that))(?: (?:around|across|against|into|down|in|on|with|until|till|black|so|again|when|if|every|for|off|to the))?|(?:i|we) (?:be|was|were|get|got|have be|been) (?:\\S+ )?(?:hit|beat\\S*|punch\\S*|kick\\S*|slap\\S*|chok\\S*|strangl\\S*|push\\S*|thrown|shov\\S*|attack\\S*|assault\\S*|batter\\S*|abus\\S*|hurt|smack\\S*|whip\\S*|belt\\S*|bash\\S*)(?! (?:by (?:a car|a ball|the|traffic)|hard by the news))|(?:leave|left|give|gave) (?:me )?(?:a |the )?(?:bruise\\S*|mark\\S*|black eye|split lip|broken (?:nose|rib|arm)|cut\\S*)|(?:put|puts|had|has) (?:his|her|their) hands? (?:around|round|on) my (?:neck|throat)|(?:domestic (?:violence|abuse)|dv)",
    examples: ["He hits me when he's drunk.", "my dad used to beat me", "She threw me against the wall.", "I got beaten up by my boyfriend.", "He put his hands around my throat."],
  },
  {
    id: "abuse.threats",
    category: "abuse",
    says: "Spoke of being threatened or afraid of someone",
    pattern:
      "(?:threaten\\S*|say\\S*|said|tell\\S*|told) (?:me )?(?:that )?(?:he|she|they)?(?:'ll| will| would| be go to| gonna)? ?(?:to )?(?:kill|hurt|hit|take the kid\\S*|kick me out|leave me with nothing|ruin) (?:me|us|my|the kid\\S*|himself if)|(?:afraid|scared|terrified|frighten\\S*) (?:of (?:him|her|them|my (?:\\S+ )?{family}|what (?:he|she|they)\\S*)|to go home|(?:he|she|they)\\S* (?:will|'ll|might|would) (?:kill|hurt|hit|find))|(?:he|she|they|person) (?:will|would|be go to|gonna|could|might|'ll) (?:\\S+ )?(?:kill|hurt|hit|beat) (?:me|us)|walk\\S* on egg ?shells",
    examples: ["He threatened to kill me if I leave.", "i'm scared of him", "I'm afraid to go home.", "I'm always walking on eggshells."],
  },
  {
    id: "abuse.sexual",
    category: "abuse",
    says: "Spoke of sexual abuse or assault",
    pattern:
      "rap(?:e|ed|ing|ist)\\b|molest\\S*|sexual\\S* (?:abus\\S*|assault\\S*|harass\\S*)|(?:touch\\S*|grop\\S*|fondl\\S*|feel\\S* me up) (?:\\S+ )?me (?:\\S+ )?(?:inappropriately|down there|where|when i|at night|in my|while i|there|without)|(?:touch\\S*|grop\\S*|fondl\\S*) me(?: up)?|force\\S* (?:himself|herself|themselves) on me|(?:make|made|force\\S*|pressur\\S*|coerc\\S*|push\\S*) me (?:\\S+ )?(?:to )?(?:have sex|do (?:stuff|thing\\S*|sexual)|sleep with|touch (?:him|her|it)|watch porn|send (?:nude|pic|photo)\\S*|give (?:him|her) )|(?:not|never) (?:stop|listen) (?:\\S+ )?when i (?:say|said|told|beg\\S*|ask\\S*|cry|cried)|(?:say|said) no (?:but|and) (?:he|she|they) (?:\\S+ )?(?:do|did|keep|kept|carry|carried|still)|(?:assault\\S*|abus\\S*) me",
    examples: ["I was raped at a party.", "my uncle touched me when i was little", "He made me have sex when I didn't want to.", "He wouldn't stop when I said no."],
  },
  {
    id: "abuse.emotional",
    category: "abuse",
    says: "Spoke of being called names, humiliated or screamed at",
    pattern:
      "(?:call\\S*|calls) me (?:\\S+ )?(?:worthless|stupid|useless|fat|ugly|pathetic|crazy|mental|psycho|a whore|a slut|a bitch|an idiot|a failure|a loser|a pig|a cunt|disgusting|retard\\S*|nothing|names)|(?:tell\\S*|told|say\\S*|said) (?:me )?(?:that )?i (?:be|am|'m|was) (?:\\S+ )?(?:worthless|nothing|useless|stupid|pathetic|crazy|a failure|disgusting|a waste|unlovable|ugly|fat)|(?:scream\\S*|yell\\S*|shout\\S*|swear\\S*) at me (?:all the time|every day|constantly|for hours|in front of|until|whenever)|(?:scream\\S*|yell\\S*|shout\\S*) at me (?:that|call\\S*)|(?:wish\\S*|wished) (?:she|he|they) (?:\\S+ ){0,2}never (?:have|had) me|humiliat\\S* me|(?:make|makes|made) me feel (?:worthless|stupid|useless|like nothing|like dirt|small|like a piece of|pathetic|disgusting)|(?:belittl\\S*|degrad\\S*|mock\\S*|gaslight\\S*) me|nobody (?:will|would|else (?:will|would)) (?:ever )?(?:love|want|believe) me",
    examples: ["He calls me worthless every day.", "she told me i was disgusting", "My husband screams at me for hours.", "He says nobody else would ever want me."],
  },
  {
    id: "abuse.coercive_control",
    category: "abuse",
    says: "Spoke of being controlled, watched or isolated by someone",
    pattern:
      "(?:check\\S*|go\\S* through|went through|read\\S*|monitor\\S*|track\\S*) (?:all )?my (?:phone|message\\S*|text\\S*|email\\S*|location|bank\\S*|spending|account\\S*|whatsapp|dm\\S*)|(?:not|never) (?:let\\S*|allow\\S*) me (?:to )?(?:see|go|leave|have|work|talk|use|drive|out|spend|speak|visit|wear|get a job|keep)|(?:i be|i'm|i am|i be not|we be) (?:not )?(?:allow\\S*) to (?:see|go|leave|have|work|talk|use|drive|out|spend|speak|visit|wear)|(?:take\\S*|took|control\\S*|keep\\S*|kept) (?:all )?(?:my|our) (?:money|wage\\S*|pay|card\\S*|bank card|phone|car key\\S*|key\\S*|passport|benefit\\S*)|(?:cut|cuts) me off from|isolat\\S* me|(?:have to|need to|must) ask (?:him|her|them) (?:for )?(?:permission|money)|(?:lock\\S*) me (?:in|out)|tell\\S* me what (?:to wear|i can)|(?:won't|will not|not) let me (?:leave|out|go)",
    examples: ["He checks my phone every night.", "he won't let me see my friends", "I'm not allowed to see my family.", "She takes all my money."],
  },
  {
    id: "abuse.neglect",
    category: "abuse",
    says: "Spoke of being neglected",
    pattern:
      "(?:leave|left) (?:me|us) (?:\\S+ )?(?:alone|home alone|on (?:my|our) own|by (?:myself|ourselves)) (?:for (?:days|a week|weeks|the weekend|hours|whole)|all (?:weekend|night|day))|(?:nobody|no one|never) (?:fed|feed\\S*|look\\S* after|took care of|take\\S* care of) (?:me|us)|(?:not|never) (?:feed|fed|look after|take care of|care for|wash\\S*) (?:me|us)|(?:go|went|going) (?:to bed|to school) (?:\\S+ )?hungry|(?:no|not (?:any|enough)) food in the house|(?:had|have) to (?:fend|look after) (?:for )?(?:myself|ourselves|my (?:little )?(?:brother|sister)s?)",
    examples: ["They left us alone for days when I was small.", "nobody fed us", "I went to school hungry most days."],
  },

  {
    id: "abuse.more",
    category: "abuse",
    says: "Spoke of being hurt, controlled or neglected by someone",
    pattern:
      "(?:whack\\S*|wallop\\S*|thump\\S*|clout\\S*|batter\\S*|cane\\S*|strap\\S*|lash\\S*) me|(?:leave|left|give|gave) (?:\\S+ ){0,2}(?:bruise\\S*|mark\\S*|welt\\S*)s? (?:on|all over) (?:me|my)|(?:leave|left) me (?:\\S+ ){0,4}(?:without (?:food|water|my tablet\\S*|my med\\S*|help|heating|money|eat\\S*)|in bed all day|on my own all day|in my own mess)|control\\S* (?:all )?(?:the |my |our )?(?:money|finance\\S*|everything|what i|who i|where i|when i)|(?:get|give\\S*) me an allowance|decide\\S* (?:what|who|when|where) i|(?:put|send) me (?:in|into) a home|threaten\\S* to (?:leave|take|put|kick|report|tell|send|stop|cut|hurt|kill)|(?:no|not any|never any) (?:heating|food|hot water|electricity|clean clothes)(?: (?:\\S+ ){0,3}(?:at home|in the (?:house|fridge|flat|cupboard)))?|(?:not|never) (?:give|gives|gave) (?:me|us) (?:anything|any food|food|dinner|tea|money for food)|(?:not|never) (?:take|takes|took) (?:me|us) to the (?:doctor|dentist|hospital|gp)|(?:not|never) (?:let|lets|allow\\S*) me (?:eat|have (?:food|dinner|tea))|(?:come\\S*|came|get\\S* into) (?:into )?my (?:room|bed) at night|(?:make|makes|made) me ask (?:for|permission|before)|inappropriate (?:message|text|photo|picture|touch)\\S*|(?:send\\S*|sent) me (?:\\S+ ){0,3}(?:inappropriate|sexual|dirty|nude|explicit)",
    examples: ["My dad whacks me with his belt.", "He left marks on my legs.", "He controls all the money.", "My coach sends me inappropriate messages."],
  },
  {
    id: "abuse.said_plainly",
    category: "abuse",
    says: "Spoke of being hurt, forced, controlled or neglected by someone",
    pattern:
      "(?:hit\\S*|beat\\S*|punch\\S*|kick\\S*|slap\\S*|smack\\S*|batter\\S*|hurt\\S*) (?:\\S+ ){1,3}(?:and|&) (?:me|us)(?= |$)|(?:grab\\S*|twist\\S*|pull\\S*|drag\\S*|shov\\S*|pin\\S*|squeez\\S*|choke\\S*|chok\\S*) (?:\\S+ ){0,2}(?:me|my (?:arm|wrist|hair|neck|throat|face))(?: \\S+){0,4} (?:by the|behind|against|into|down|throat|neck|hair|until)|(?:broke|break\\S*|broken|bust\\S*|split) (?:\\S+ )?my (?:nose|arm|rib\\S*|jaw|lip|wrist|finger\\S*|tooth|teeth)|(?:push\\S*|shov\\S*|threw|throw\\S*|kick\\S*) me (?:down|off|out of|into|through|against) |(?:have|had|has) sex with me (?:\\S+ ){0,3}(?:anyway|when i|while i|even though|though i|without)|(?:i|we) (?:do not|did not|never) (?:say|said) yes|(?:wake\\S*|woke) me (?:up )?(?:\\S+ ){0,2}for (?:it|sex)|(?:stop\\S*|gave up) saying no|(?:hand|hands) (?:inside|down|up|under) my (?:clothes|pants|knickers|top|skirt|shirt)|(?:got|has|have|keep\\S*|kept|took|take\\S*) (?:all )?my (?:bank card|card|pension|wage\\S*|benefit\\S*|money|salary|pay|passport|phone|car key\\S*)|(?:give\\S*|gave) me (?:\\S+ ){0,2}(?:pound\\S*|quid|£\\S*|\\d+) a (?:week|month|day)|show (?:him|her|them) (?:\\S+ ){0,2}receipt\\S*|(?:got|track\\S*|put|has|have) (?:\\S+ )?my location|(?:ring\\S*|rang|call\\S*|text\\S*) me every (?:\\S+ ){0,2}(?:minute\\S*|hour)|(?:not|n't|never) (?:\\S+ )?(?:let|lets|allow\\S*) me (?:\\S+ ){0,2}(?:take the car|drive|go out|see (?:my|anyone|friends)|have (?:a|my) (?:phone|key|money))|(?:say\\S*|said|tell\\S*|told|call\\S*) (?:\\S+ ){0,2}(?:i be|i'm|i am|i was|me) (?:\\S+ )?(?:pathetic|thick|ugly|worthless|useless|stupid|a mistake|a waste|a failure|nothing|fat|disgusting)|(?:wish\\S*|wished) (?:i|she|he) (?:\\S+ )?(?:never be born|never been born|have never be born|had an abortion|get rid of me)|(?:no|not any|never any) food (?:\\S+ ){0,2}(?:in the house|in the fridge|in|at home|for days)|nothing (?:\\S+ )?to eat (?:\\S+ ){0,2}(?:in the house|at home|for days|till|until)|(?:not|n't|never) (?:\\S+ )?(?:bring|give|make|cook) me (?:\\S+ ){0,2}(?:food|anything to eat|a meal|dinner|tea|lunch)|(?:left|leave\\S*) (?:\\S+ ){0,2}to (?:get|feed|fend|look after) (?:ourselves|myself|us|me)|(?:go\\S*|went|gone) out and (?:\\S+ ){0,3}(?:not|n't|never) (?:come|came) back (?:until|till|for)",
    examples: ["He grabbed me by the hair and dragged me into the hall.", "She broke my wrist last year.", "He has sex with me even when I say no, and I've stopped saying no.", "he keeps my bank card and gives me fifty quid a week", "There's no food in the house most days."],
  },
  {
    id: "abuse.done_to_me",
    category: "abuse",
    says: "Spoke of something thrown at them, or of going without food, care or heating at home",
    pattern:
      "(?:throw\\S*|threw|thrown|hurl\\S*|fling\\S*|flung) (?:\\S+ ){1,3}at (?:me|us|my (?:head|face))|(?:no|never any|never enough|not enough|not any) (?:food|electric\\S*|heating|gas|hot water|clean clothes)(?: (?:on the meter|in|at home|most days|for days))?|(?:stop\\S*|not|never) (?:\\S+ )?(?:help\\S*|wash\\S*|feed\\S*|change\\S*|turn\\S* up|come\\S*|visit\\S*) (?:\\S+ ){0,2}(?:me|us)(?: \\S+){0,6} (?:for days|in the same clothes|on my own|living on|hungry|dirty|wet)|(?:left|leave\\S*) (?:me |us )?(?:\\S+ ){0,2}in the same clothes|(?:look\\S*|fend\\S*) (?:after|for) (?:myself|ourselves) since i (?:be|was) (?:\\S+ )?(?:\\d+|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|little|small|a kid)|(?:share\\S*|post\\S*|send\\S*|sent|show\\S*) my (?:\\S+ )?(?:photo|picture|pic|nude|video)s? (?:\\S+ ){0,6}(?:without|if i leave|unless)",
    examples: ["He threw the kettle at me.", "There's never any food in, most days.", "My husband's stopped helping me wash, I'm left in the same clothes for days.", "He shares my photos with his mates without asking."],
  },
  {
    id: "abuse.told_in_other_words",
    category: "abuse",
    says: "Spoke of being hurt, neglected, belittled or controlled",
    pattern:
      "(?:come|came|creep|crept) in(?:to)? my (?:bed)?room at night|(?:flog|whip|thrash|cane|skelp|leather|belt|wallop|lamp)\\S* (?:us|me)(?= |$)|(?:she|he|they|mum|mom|dad|mother|father) (?:\\S+ ){0,6}(?:no food in the (?:house|fridge|flat)|nothing in the (?:fridge|cupboard)s?|nothing to eat)|nobody (?:\\S+ ){0,6}(?:fed|feed) (?:us|me)|(?:leave|left) (?:me|us) (?:\\S+ ){0,4}(?:for days|on (?:my|our) own for|alone for days|with nothing)|(?:taunt\\S*|mock\\S*|belittl\\S*|humiliat\\S*|insult\\S*) me (?:\\S+ ){0,3}(?:say\\S*|call\\S*)|(?:she|he|they) (?:\\S+ ){0,3}wish\\S* i (?:be|was|had) never (?:be )?born|(?:he|she|they) (?:\\S+ ){0,2}(?:take|took|keep|kept|hold|hid) my (?:phone|money|passport|bank card|card|key)s?(?= |$)|(?:can|be) only (?:talk|see|speak|go out) (?:\\S+ ){0,4}when (?:he|she) be (?:there|with)|flush\\S* my head|(?:he|she|they) (?:\\S+ ){0,2}(?:pull|yank|drag|grab|shove|push|pinch)\\S* (?:me|my (?:arm|hair|wrist|neck)) (?:\\S+ ){0,6}(?:rough|bruis\\S*|hurt\\S*|mark\\S*|when (?:he|she|they) (?:move|lift|wash|dress|change|turn)\\S* me)",
    examples: ["he used to come in my room at night", "my uncle used to flog us with a cane", "she forgets to cook and sometimes theres no food in the house", "nobody got us up for school or fed us", "she is always taunting me saying you are useless", "she wished i was never born", "he took my phone and i can only talk to my parents when he is there", "a group of girls used to flush my head in the toilets", "He pulls my arm when he moves me. Rough."],
  },
  // — Substance use: alcohol, illicit drugs, prescription misuse, tobacco and nicotine.
  {
    id: "substance.alcohol",
    category: "substance",
    says: "Spoke of drinking alcohol in a way worth reviewing",
    pattern:
      "(?:drink\\S*|drank|drunk|booz\\S*) (?!(?:\\S+ ){0,2}(?:tea|coffee|water|juice|milk|squash|pop|soda|smoothie\\S*|energy drink\\S*|decaf|herbal) )(?:\\S+ ){0,3}(?:every (?:day|night|morning|evening|weekend)|most (?:days|nights)|all day|all night|all the time|daily|nightly|a bottle|bottles|the bottle|too much|heavily|a lot|loads|more|so much|alone|in the morning|before work|at work|to (?:cope|sleep|forget|numb|get through|calm|relax|forget|feel|function|stop)|until i (?:pass|black)|vodka|whisk(?:e)?y|wine|beer|cider|gin|rum|tequila|spirit\\S*|pint\\S*|shot\\S*|can\\S*|lager|again|every|problem|out of control|by myself)|(?:get\\S*|got|be|been|feel|was) (?:\\S+ )?(?:drunk|wasted|waste|hammered|smashed|plastered|trashed|legless|paralytic|pissed)|black\\S* ?out|hung ?over|hangover\\S*|(?:need|want|crave)\\S* (?:a|another) drink|(?:fell|fall\\S*) off the wagon|hit\\S* the (?:bottle|booze)|(?:can|could) (?:not|n't) stop (?:drink\\S*)|(?:my )?drink\\S* (?:\\S+ ){0,2}(?:problem|out of control|worse|get\\S* bad|habit)|(?:hid\\S*|hiding) (?:\\S+ )?(?:bottle\\S*|booze|drink\\S*)|alcoholi\\S*|(?:a )?(?:bottle|bottles|six ?pack|case|crate) of (?:wine|vodka|beer|whisk(?:e)?y|gin|cider|rum) (?:a|every|each|per) (?:day|night)|(?:be|have be|been|start\\S*|keep|kept) drink\\S*(?: (?:again|more|heavily|a lot|every))?{end}",
    examples: ["I drink every night now.", "i've been drinking a bottle of wine a day", "I got blackout drunk again.", "I need a drink just to get through the morning.", "I've been drinking."],
  },
  {
    id: "substance.illicit",
    category: "substance",
    says: "Spoke of using illicit drugs",
    pattern:
      "(?:cocaine|heroin|meth|methamphetamine|crack|mdma|molly|ecstasy|ketamine|lsd|fentanyl|cannabis|marijuana|weed|spice|ghb|amphetamine\\S*|shroom\\S*|magic mushroom\\S*|opiate\\S*|dope|skunk|spliff\\S*|joint\\S*|blunt\\S*|bong\\S*|edible\\S*|pinger\\S*)|(?:do|did|doing|done|take|took|taking|use|used|using|snort\\S*|sniff\\S*|smoke\\S*|smoking|inject\\S*|shoot\\S* up|score\\S*|buy\\S*|bought|sell\\S*|sold|try\\S*|tried|on|line\\S* of|bump\\S* of|gram\\S* of|bag\\S* of|hit\\S* of) (?:\\S+ )?(?:some )?(?:coke|gear|smack|speed|ket|acid|crystal|tina|pot|grass|bar\\S*|xan\\S*|fent|drug\\S*|substances)(?! (?:can|bottle|zero|with dinner|from the fridge|machine))|(?:get\\S*|got|be|been|stay\\S*) (?:\\S+ )?(?:high|stoned|baked|mashed|off my face|off my head|wired|coked up|tweak\\S*)|(?:use|using|used) again|(?:be|been|start\\S*|keep) using(?= \\.| $|$| again| every| daily| most| more)|relaps\\S*|(?:my )?dealer|needle\\S*|(?:drug|drugs) (?:\\S+ ){0,2}(?:every|again|habit|problem|use)",
    examples: ["I've been doing coke at the weekends.", "i smoke weed every day", "I relapsed on heroin.", "Got high before work again.", "I've been using again."],
  },
  {
    id: "substance.prescription_misuse",
    category: "substance",
    says: "Spoke of taking medication other than as prescribed",
    pattern:
      "(?:take\\S*|took|taking|use\\S*|pop\\S*|crush\\S*|snort\\S*|swallow\\S*) (?:\\S+ ){0,3}(?:more|extra|double|twice|too many|a few extra|some extra|handful|someone else's|my (?:\\S+ )?(?:mum|mom|dad|nan|gran|brother|sister|friend|partner)'s|(?:\\S+ )'s) (?:\\S+ ){0,2}(?:{pills}|prescription|dose)|more than (?:i be |i'm |i am )?(?:prescribed|supposed to|meant to|i should|the doctor said|what the doctor)|(?:run|ran|running) out (?:\\S+ ){0,5}early|(?:buy|bought|get|got|order\\S*) (?:\\S+ ){0,2}{pills} (?:online|off (?:a |some |the )?(?:guy|friend|mate|someone|street|dark web|bloke))|(?:hook\\S*|addict\\S*|dependent|rely\\S*) (?:on|to) (?:my |the |these )?(?:\\S+ )?{pills}|(?:doctor|gp) shopping|(?:steal\\S*|stole|nick\\S*) (?:\\S+ ){0,2}{pills}",
    examples: ["I've been taking extra Xanax to get through the day.", "i take more than im prescribed", "I ran out of my oxycodone a week early again.", "I'm addicted to painkillers."],
  },
  {
    id: "substance.tobacco",
    category: "substance",
    says: "Spoke of smoking, vaping or using nicotine",
    pattern:
      "(?:cigarette|cig|ciggie|ciggy|fag|tobacco|nicotine|vape|vaping|vaper|juul|e-cig\\S*|snus|zyn|chewing tobacco|dip|roll[- ]?up|cigar|pack-a-day)s?(?! (?:patch|gum|free|replacement))|smok\\S* (?:\\S+ ){0,2}(?:a pack|a packet|\\d+ a day|twenty|ten|forty|a day|every|again|more|like a chimney|cigarettes|fags|cig\\S*|roll|cigar)|(?:start\\S*|back to|back on|keep|kept|still|i|i've|i have|i be) smok\\S*(?! (?:weed|pot|crack|meth|joint|spliff|blunt|drug|hash|dope|ice))|(?:be|i'm|i am) (?:a )?(?:heavy |chain )?smoker",
    examples: ["I smoke about twenty a day.", "ive started vaping", "I'm back on the cigarettes.", "i still smoke"],
  },
  {
    id: "substance.history_quit",
    category: "substance",
    temporality: "history",
    says: "Spoke of past substance use they have stopped",
    pattern:
      "(?:stop\\S*|quit\\S*|gave up|give up|kick\\S*|come off|came off) (?:\\S+ )?(?:drink\\S*|the drink|alcohol|booze|drug\\S*|use\\S*|using|smok\\S*|vap\\S*|cigarette\\S*|coke|heroin|weed|the gear|the pill\\S*)|(?:sober|clean) (?:for|since) |(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen) (?:\\S+ )?(?:day|week|month|year)s? (?:sober|clean|dry|off the drink)|in recovery|recovering (?:alcoholic|addict)|(?:ex|former)[- ]?(?:smoker|user|addict|drinker)",
    examples: ["I stopped drinking two years ago.", "i've been clean for three years", "I quit smoking last year."],
  },
  {
    id: "substance.named",
    category: "substance",
    says: "Spoke of alcohol or drugs they use",
    pattern:
      "(?:drink\\S*|drank|have|has|had|having|sink\\S*|neck\\S*|down\\S*|get\\S* through|go\\S* through|went through|finish\\S*|crack\\S* open|on the|mostly|usually|just) (?:\\S+ ){0,4}(?:vodka|whisk(?:e)?y|gin|rum|tequila|brandy|cider|lager|beer|wine|prosecco|shand(?:y|ies)|spirits|booze|pint\\S*|cans|can of (?:lager|beer|cider|stella|strongbow|special brew|gin|g&t|pre-mix|premix))(?! (?:glass|shop|bottle opener|free|zero|for (?:my|his|her|the|a)|as a (?:gift|present)))|(?<=^ )(?:vodka|whisk(?:e)?y|gin|rum|cider|lager|beer|wine|spirits|cans) (?:mostly|usually|every|a|and|or|\\.)|(?:\\d+|two|three|four|five|six|seven|eight|ten|a few|some) (?:\\S+ )?(?:can|pint|drink|bottle|shot|litre|liter|unit)s? (?:of \\S+ )?(?:a|every|each|per|at the|most|on a)|cans? of (?:lager|beer|cider|stella|strongbow|special brew)|(?:have|had|having|drank|drink\\S*) (?:a few|some|several|too many|a couple of|loads of|a lot of) (?:drink|pint|beer|glass|shot|can)s?|ket|tina|crystal meth|mandy|pingers|nitrous|ghb",
    examples: ["Vodka mostly.", "i have a few cans every day after work", "Cheap cider, two or three litres a day.", "I've been taking a bit of ket at weekends."],
  },
  {
    id: "substance.quantity",
    category: "substance",
    says: "Spoke of how much they drink, smoke or use",
    pattern:
      "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|a few|a couple of|couple of|a couple) (?:or (?:\\d+|\\S+) )?(?!(?:time|hour|meal|step|minute|mile|km|glass of water|cup|coffee|tea|day|week|month|year|page|lesson|session|class)s? )(?:\\S+ ){1,2}(?:a|every|each|per) (?:night|day|evening|morning)|(?:bottle|glass)\\S* of (?:red|white|rose|wine|vodka|whisk\\S*|gin|rum|cider|buckfast|prosecco|lager|beer)|sink\\S* (?:\\S+ ){0,2}(?:pint|can|beer|stella|lager|bottle)\\S*|(?:\\d+|one|two|three|four|five|six|seven|eight|ten|a few|a couple of|couple of) (?:or (?:\\S+) )?(?:\\S+ )?(?:shand\\S*|pint\\S*|beer\\S*|lager\\S*|cider\\S*|glass\\S* of (?:wine|red|white)|bottle\\S* of (?:wine|red|white|vodka|gin)|vodka\\S*|gin\\S*|whisk\\S*|rum\\S*|wine\\S*|drink\\S*) (?:a|every|each|per) (?:week|day|night|evening|weekend)|stellas?|buckfast|elf ?bar\\S*|lost ?mary\\S*|puff ?bar\\S*|bump\\S*(?= (?:of|at|on|every|a))",
    examples: ["I've been sinking six or seven stellas a night.", "I go through two elf bars a day.", "A bottle of red, sometimes two. Every night."],
  },
  {
    id: "substance.misuse_markers",
    category: "substance",
    says: "Spoke of getting or taking medication or drugs other than as prescribed",
    pattern:
      "(?:codeine|pill\\S*|tablet\\S*|oxy\\S*|xanax|valium|diazepam|adderall|tramadol|some|them|it|stuff|prescription\\S*) (?:\\S+ ){0,3}(?:off|from) (?:a |my |some |this |the )?(?:mate|friend|guy|bloke|dealer|someone|internet|dark web|lad)|to (?:feel|get) (?:fuzzy|high|numb|buzz\\S*|out of it|nothing|wasted|calm)|(?:crush\\S*|snort\\S*) (?:\\S+ ){0,2}(?:my |the |it)|(?:repeat|prescription)s? from (?:a )?different|different (?:surgery|doctor|gp|pharmacy|chemist)s?|way more than|(?:a line|lines|a bump|bumps) of|(?:not|never) (?:\\S+ ){0,2}(?:a|any|one) (?:drink|drop|smoke|cigarette|line|hit|pill) (?:in|for|since) (?:a |the )?(?:fortnight|few|couple|week|\\d+|two|three|four|five|six|ten|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    examples: ["I got some codeine off my mate.", "I've been crushing my Adderall and snorting it.", "I haven't had a drink in a fortnight."],
  },
  {
    id: "substance.everyday_names",
    category: "substance",
    says: "Spoke of drinking in everyday words",
    pattern:
      "pints?(?! of (?:milk|water|juice|squash|coke|lemonade|orange))(?= |$)|tinnie\\S*|tinny|bevv\\S*|bevy|wine o'?clock|on the (?:piss|lash|sauce|booze)|(?:get\\S*|got|be|was) (?:\\S+ )?(?:steaming|pissed|bladdered|sloshed|tipsy|merry|tanked|half cut)|top ?- ?up in (?:the|my) (?:coffee|tea)|(?:open|opened|crack\\S*) (?:the |a )?(?:wine|bottle|beer|cider|vodka)|(?:wine|vodka|bottle|beer|gin|cider)s? (?:\\S+ ){0,3}(?:go by|gone by|finish\\S* by|empty by)|glass of (?:wine|red|white|rose|fizz|prosecco)|(?:a |the )?(?:little |quick )?(?:nip|tot|snifter|dram|livener|hair of the dog)(?= |$)|steady my hand\\S*|(?:for|to stop) the shakes",
    examples: ["A few tinnies after work, every night.", "I open the wine as soon as the kids are in bed.", "Just a glass of red with dinner.", "i have a livener before work"],
  },
  {
    id: "substance.street_names",
    category: "substance",
    says: "Spoke of using drugs by a street or brand name",
    pattern:
      "(?:the odd|a few|a couple of|some) lines?(?= |$)|lines? (?:of (?:coke|charlie|ket|speed|gear)|at (?:parties|the weekend|a party|work))|(?:did|do|doing|done|take|took|taking|use|used|using|smoke|smoked|smoking|snort\\S*|had|have|having|buy|buying|bought|score\\S*|pick\\S* up|bit of|couple of|few|some|a|on the|on) (?:\\S+ ){0,2}(?:bifter\\S*|zoot\\S*|doobie\\S*|reefer\\S*|ganja|hash|resin|charlie|chang|rocks|ket|xannie\\S*|xans|blues|etizolam|pregabalin|gabapentin|gabbie\\S*|lyrica|balloon\\S*|nos|laughing gas|canister\\S*|poppers|pingers|mandy|tabs|shrooms|mushroom\\S*|edible\\S*|gummies|carts|dab\\S*|thc)(?= |$)|(?:did|do|doing|done|take|took|taking|use|used|using|snort|snorted|snorting|had|have|having|buy|buying|bought|bit of|couple of|some|on) (?:k|md)(?= |$)",
    examples: ["did a bit of charlie on saturday", "I have a couple of edibles to get to sleep.", "i bought some xannies off a lad", "We do balloons at the weekend."],
  },
  {
    id: "substance.tobacco_brands",
    category: "substance",
    says: "Spoke of smoking, vaping or nicotine by a brand or everyday name",
    pattern:
      "(?:marlboro|benson|b&h|lambert|mayfair|richmond|sterling|amber leaf|golden virginia|rizla|camel|newport|lucky strike|winston|rothmans|silk cut|pall mall|zyn|velo|nordic spirit|iqos|heets|geek ?bar|crystal bar|nicotine pouch\\S*|rollie\\S*|rolly|roll ?- ?up\\S*|baccy|backy|snout|cigarillo\\S*|shisha|hookah)(?= |$)|(?:have|had|having|need\\S*|want\\S*|go for|went for|nip\\S* out for|pop\\S* out for|sneak\\S*) (?:a |another )?(?:quick )?(?:smoke|fag|cig|ciggie|puff|drag)(?= |$)|(?:smoke|smoked|smoking|my|a|his) (?:\\S+ ){0,1}(?:pipe|cigar)s? (?:\\S+ ){0,3}(?:every|after|a day|a night|before|with)",
    examples: ["Twenty Benson a day.", "Rollies, about ten a day.", "I use Zyn at work.", "My pipe after dinner, every night."],
  },
  {
    id: "substance.misuse_more",
    category: "substance",
    says: "Spoke of taking medication not as prescribed",
    pattern:
      "(?:on|take|took|taking) (?:way )?too (?:much|many) (?:of )?(?:my |the |his |her )?{pills}|(?:take|took|taking|use|using|have|had|on) (?:\\S+ ){0,2}(?:my |his |her |their |a |the )?(?:mum|mom|dad|nan|gran|brother|sister|friend|partner|husband|wife|mate|flatmate|son|daughter|boyfriend|girlfriend) ?'s(?= (?:as well|too|instead|\\.|,)|$| (?:\\S+ )?(?:{pills}|prescription|script|sleeping))|(?:take|took|taking|use|using|have|had|on) (?:\\S+ ){0,3}(?:my |his |her |their |the )?(?:mum|mom|dad|nan|nana|gran|brother|sister|friend|partner|husband|wife|mate|flatmate|son|daughter|boyfriend|girlfriend)s (?:\\S+ )?{pills}|(?:double|triple|twice|three times|more than) (?:\\S+ ){0,3}(?:what it say\\S*|the dose|the box|the packet|the label|prescribed|i be (?:meant|supposed|told))|(?:order\\S*|buy\\S*|bought|get|got) (?:\\S+ ){0,3}(?:from|off) (?:a )?(?:website|online|abroad|the internet|the dark web|overseas)|(?:just )?(?:my |his |her )(?:mum|mom|dad|nan|nana|gran|grandma|brother|sister|partner|husband|wife|mate|flatmate|boyfriend|girlfriend)(?: ?'s|s) (?:\\S+ ){0,2}(?:{pills}|sleeping (?:one|pill|tablet)s?)(?= |$)(?! (?:\\S+ ){0,3}(?:for (?:him|her)|to (?:him|her)))",
    examples: ["I've been taking my mum's diazepam as well.", "I take double what the box says.", "I order them from a website now.", "like just my mums diazepam when i cant sleep", "i've been taking my wife's zolpidem the sleeping tablets"],
  },
  {
    id: "substance.more_names",
    category: "substance",
    says: "Spoke of using a drug, drink, tobacco or medication not as prescribed",
    pattern:
      "(?:smoke|smoking|smoked|smokes) (?:\\S+ ){0,1}(?:ice|shards?|crystal|brown|rock|rocks)(?= |$)|(?:do|doing|did|some|bit of|line of|bump of|on the) (?:gak|bugle|nose candy)(?= |$)|(?:drink|drinking|drank|sip\\S*) (?:\\S+ ){0,1}(?:lean|sizzurp|purple drank|dirty sprite)|(?:bit|line|bump|gram|g) of (?:gak|bugle|charlie|coke|ket|md|mandy)|(?:perc|percs|percy|pregab|pregabs|gabbies|xan|xans|bars|blues|oxys?|subbies|vallies)\\S* (?:\\S+ ){0,3}(?:off|from) (?:a |my |some |this |the )?(?:mate|friend|guy|bloke|dealer|someone|lad|girl|cousin|internet)|(?:take\\S*|took|taking) (?:like |about )?(?:two|three|four|five|six|double|triple) (?:of (?:my|them|his|her) )?(?:\\S+ )?(?:at a time|at once|in one go)(?! (?:\\S+ ){0,3}(?:as|like) (?:prescribed|the doctor))|(?:chew|chewing|dip|dipping) (?:\\S+ ){0,2}(?:tobacco|copenhagen|skoal|grizzly|a can|a tin|snus)|copenhagen|skoal|(?:a |the )?glass (?:or two )?of (?:red|white|rose|wine|fizz)|(?:gives|give|gave|giving) me (?:some )?(?:of )?(?:his|her|their) (?:\\S+ )?(?:adderall|ritalin|elvanse|vyvanse|xanax|valium|diazepam|codeine|tramadol|oxy\\S*|pregabalin|gabapentin|pills|tablets|meds)",
    examples: ["i smoke ice maybe twice a week", "me and my mates drink lean at weekends", "I buy percs off a guy at work.", "I take three at a time, not what the label says.", "I chew Copenhagen, about a can a day.", "my flatmate gives me some of his adderall before exams"],
  },
  {
    id: "substance.told_in_other_words",
    category: "substance",
    says: "Spoke of drinking, drugs, recovery, or someone else's medication",
    pattern:
      "(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|thirty|sixty|ninety) (?:day|week|month)s? (?:\\S+ ){0,2}(?:clean|sober|off (?:the )?(?:\\S+ )?(?:gear|drink|booze|crystal|meth|coke|heroin|smack|weed|pills))|(?:have not|have n't|not) (?:\\S+ )?(?:use|used|touch\\S*|had a drink|drunk|drink|smoke\\S*) since (?:the )?(?:end of |start of |beginning of )?(?:january|february|march|april|may|june|july|august|september|october|november|december|the summer|the spring|last month|christmas|easter)(?! last year)|(?:voddy|naggin|jaeger\\S*|jager\\S*|carton|slab|tinnies|bevvy|bevvies|buckie|buckfast|a few cans|a couple of cans|a can after|a few beers|few pints)(?= |$)|hit\\S* the (?:piss|bottle|booze|drink|sauce|turps)|i (?:\\S+ ){0,3}(?:get|be) (?:absolutely |so |proper |properly |really |completely )?(?:hammer\\S*|pissed|smashed|plastered|trolleyed|legless|steaming|bladdered)(?= |$)|(?:bottle|naggin|glass\\S*) of (?:fizz|prosecco|vodka|voddy|gin|wine|whisky|whiskey|rum)|(?:buy\\S*|bought|get|got) (?:some )?extra (?:\\S+ ){0,2}(?:off|from) (?:my |a |some |this )?(?:mate|friend|guy|bloke|dealer|someone|lad|cousin)|(?:meant|suppose) to take (?:one|two)(?: \\S+){0,8} (?:take|taking) (?:like |about )?(?:two|three|four|five|six)",
    examples: ["I'm eight months off the gear now.", "Ninety days clean off the crystal today.", "I haven't used since August.", "like a bottle of voddy a day", "i've been hitting the piss pretty hard after knock off like a carton a night", "not as much just like at the weekend a few cans", "i got absolutely hammered", "i've been buying extra off my mate", "so i'm meant to take one of the pregabalin at night but i've been taking like four or five"],
  },
];

/**
 * Rules on concepts, not phrases: a meaning (the first pattern, which the context rules weigh)
 * said together with another (`with`, in the same sentence or the one next to it in the same
 * turn, itself not negated, hypothetical, an idiom or someone else's). They catch a plan, a
 * method, a threat or use said in words no row above was written for: "My plan is to go up to
 * the cliffs", "To kill myself. On Sunday, when everyone's at church." The context rules of
 * `risk-context.ts` apply to both parts.
 */
export interface RiskConcept extends RiskPattern {
  /** What must be said with it, in the same sentence or the one next to it in the same turn. */
  with: string;
  /** Only in the same sentence (a frame: "I" with a means). */
  sameSentence?: boolean;
}

export const riskConcepts: readonly RiskConcept[] = [
  {
    id: "concept.intent_with_death",
    category: "suicide_intent_or_plan",
    says: "Spoke of a decision or plan, with dying or a means",
    pattern: "{intent}",
    with: "{dying}|{lethalMeans}",
    examples: ["I've decided. I'm going to end it all.", "I know exactly which tablets and how many, all of my tablets.", "i'm going to use the hosepipe in the garage"],
  },
  {
    id: "concept.plan_with_place",
    category: "suicide_intent_or_plan",
    says: "Spoke of a plan or decision, naming a place or means",
    pattern: "{decision}",
    with: "{places}|{lethalMeans}",
    examples: ["My plan is to go up to the cliffs.", "that's where i would do it, the bridge on the bypass"],
  },
  {
    id: "concept.timed_death",
    category: "suicide_intent_or_plan",
    says: "Spoke of when they would end their life",
    pattern: "{timing}",
    with: "{dying}",
    examples: ["To kill myself. On Sunday, when everyone's at church.", "i'm going to overdose this weekend", "I won't be here after Christmas, I'll kill myself."],
  },
  {
    id: "concept.act_to_die",
    category: "suicide_intent_or_plan",
    says: "Spoke of using a means in order to die",
    pattern: "{lethalMeans}|{places}",
    with: "(?:want\\S*|try\\S*|mean\\S*|hope\\S*|so (?:that )?i (?:would|could|will|can)) (?:\\S+ ){0,2}(?:to )?(?:die|not wake up|never wake up|end it|kill {self}|be dead|be go)",
    examples: ["i took the whole strip of my sleeping tablets and a load of vodka i wanted to not wake up", "I drove to the bridge because I wanted to die."],
  },
  {
    id: "concept.decided_in_context",
    category: "suicide_intent_or_plan",
    says: "Spoke of deciding or being ready to do it, after suicide was talked about",
    needsSuicideContext: true,
    pattern: "{intent}|{timing}",
    with: "{doIt}|{lethalMeans}|{places}|(?:have|get) (?:everything|it all|it) (?:ready|sort\\S*|plan\\S*)|not be (?:a )?next (?:week|time|month|year)|(?:not|never) (?:be )?(?:here|around)",
    examples: ["i was gonna do it i had everything ready", "I've made up my mind. I'm going to go through with it."],
  },
  {
    id: "concept.means_first_person",
    category: "suicide_method",
    says: "Spoke of a means they have, looked at or thought about using, with dying or suicide",
    pattern: "{lethalMeans}",
    with: "{dying}|{decision}|i (?:\\S+ ){0,3}(?:look\\S* (?:up|at|into)|research\\S*|googl\\S*|check\\S*|find|found|know where|keep (?:think\\S*|look\\S*|go\\S*)|think\\S* about|thought about|pictur\\S*|imagin\\S*|stand|stood|sit|sat|walk\\S*|drive|drove) ",
    examples: ["I found out where my dad keeps his shotgun cartridges.", "i keep looking up helium and where you'd get it"],
  },
  {
    id: "concept.place_with_dying",
    category: "suicide_method",
    says: "Named a place or means with dying",
    pattern: "{places}",
    with: "{dying}|{decision}",
    examples: ["I've thought about the bridge, I want to die.", "the railway, that's how I'd end it all"],
  },
  {
    id: "concept.means_in_context",
    category: "suicide_method",
    says: "Spoke of a means they have or sought out, after suicide was talked about",
    needsSuicideContext: true,
    sameSentence: true,
    pattern: "{lethalMeans}|{places}",
    with: "i (?:\\S+ ){0,3}(?:have|get|got|keep|kept|buy|bought|order\\S*|save\\S*|look\\S* (?:up|at|into)|research\\S*|googl\\S*|check\\S*|find|found|know where|think\\S* about|thought about|go to|went to|stand|stood|sit|sat|drive|drove|walk\\S*) ",
    examples: ["I've got a cord in my drawer.", "i bought some antifreeze on the way home"],
  },
  {
    id: "concept.threat_to_someone",
    category: "harm_to_others",
    says: "Spoke of an intent or urge to hurt someone",
    pattern: "{violence} (?!{self})(?:\\S+ ){0,2}{target}",
    with: "{intent}|i (?:\\S+ ){0,3}(?:want to|feel like|could|might|urge\\S* to|think\\S* about|thought about|pictur\\S*|imagin\\S*|swear)|(?:urge|urges|thought|thoughts) (?:to|of|about)",
    sameSentence: true,
    examples: ["im gonna end him like actually", "I've thought about setting fire to his car.", "I've got this urge to smother the baby with a pillow."],
  },
  {
    id: "concept.substance_use",
    category: "substance",
    says: "Spoke of using a drug, drink or tobacco",
    pattern: "{using}",
    with: "i (?:\\S+ ){0,3}(?:take|use|smoke|drink|pop|mix\\S*|snort|score|buy|bought|get|got|be on|be hook\\S*|need)|(?:every|a|each|per) (?:day|night|morning|evening|weekend)|most (?:days|nights|evenings|mornings)|(?:\\d+|two|three|four|five|ten|twenty) a (?:day|night)",
    sameSentence: true,
    examples: ["I've been popping Percocet that I get from a buddy at work.", "i smoke a zoot before school most days", "I've been mixing my pregabalin with a couple of beers."],
  },
  {
    id: "concept.message_for_after",
    category: "preparatory_behaviour",
    says: "Spoke of a video, note or message saying sorry or goodbye",
    pattern: "(?:record\\S*|film\\S*|write|wrote|written|make|made) (?:\\S+ ){0,3}(?:video|message|note|letter)s?",
    with: "(?:say\\S*|said) sorry|be not (?:\\S+ )?(?:anyone|anybody)(?: 's| s)? fault|for everyone(?= |$)|goodbye",
    examples: ["I recorded a video on my phone. For everyone.", "I wrote a note saying sorry and that it isn't anyone's fault."],
  },
  {
    id: "concept.giving_away_with_finality",
    category: "preparatory_behaviour",
    says: "Spoke of giving things away, with a sense of an ending",
    pattern: "(?:give|sell|take) (?:\\S+ ){0,4}(?:to (?:the )?charity|to my (?:\\S+ )?{family}|the money to)|give (?:my )?(?:\\S+ )?{family} my",
    with: "(?:not|never) (?:\\S+ ){0,2}need|where i be go|you know why|i know what (?:that|it|this) look|final|last|goodbye|when i be go(?:ne)?(?= |$)|after i be go(?:ne)?|i forgive|(?:insurance|password|will)(?= |$)",
    examples: ["i gave my playstation to my little brother and my trainers to my mate and like i just dont need them where im going", "I sold my car and gave the money to my mum and put a note with my passwords and the insurance stuff."],
  },
  {
    id: "concept.means_with_ending",
    category: "active_ideation",
    says: "Spoke of a place or means with finishing it",
    pattern: "{lethalMeans}|{places}|woods|canal|quarry|reservoir",
    with: "(?:finish\\S*|end\\S*) (?:it|things|everything)(?: all)?(?= \\.| ,| $|$| off| for good| there)",
    sameSentence: true,
    examples: ["sometimes i think about going out to the woods with my old service knife and just finishing it"],
  },
  {
    id: "concept.how_i_would_do_it",
    category: "suicide_method",
    says: "Spoke of how they would do it, naming a place or means or looking it up",
    pattern: "(?:think\\S*|thought|plan\\S*|work\\S* out|figure\\S* out|research\\S*|wonder\\S*) (?:about )?how i (?:would|will|could|be go to|might) do it",
    with: "{places}|{lethalMeans}|(?:tall|high)est|building|look\\S* (?:it )?up|how (?:many|high|far)",
    examples: ["i've been thinking about how i'd do it like which building on campus is the tallest i looked it up"],
  },
];
