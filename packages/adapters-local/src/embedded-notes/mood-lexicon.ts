/**
 * The words that show each of a clinician's moods in what a patient says, as lemma phrases (see
 * `lemma-phrases.ts`) — data for `clinical-mood.ts`. Changing it changes `embeddedRulesVersion`.
 * `distressed` also holds words of risk ("I want to die", `riskPhrases`, which weigh a quote); a
 * statement of current risk, read by the risk screen, makes a session read distressed first and
 * never positive (`clinical-mood.ts`).
 */
export const clinicalMoods = ["distressed", "anxious", "low", "angry", "ambivalent", "elevated", "hopeful", "calm"] as const;
export type ClinicalMood = (typeof clinicalMoods)[number];

/** Words of risk among the words of distress: a quote holding one weighs most (`significant-quotes.ts`). */
export const riskPhrases: ReadonlySet<string> = new Set(["kill myself", "want to die", "wanna die", "end my life", "end it all", "suicide", "suicidal", "hurt myself", "better off dead", "crawl into a hole and die"]);

export const moodLexicon: Readonly<Record<ClinicalMood, readonly string[]>> = {
  distressed: [
    "kill myself", "want to die", "wanna die", "end my life", "end it all", "suicide", "suicidal", "hurt myself", "better off dead", "crawl into a hole and die",
    "can't cope", "cannot cope", "can not cope", "can't take it", "can't stop cry", "cry all", "crying", "sob", "break down", "panic", "desperate", "hopeless",
    "distraught", "nothing to live for", "lose my mind", "losing my mind", "lose my insanity", "feel like shit", "falling apart", "at my wit's end", "devastated", "unbearable", "too painful",
  ],
  anxious: [
    "anxious", "anxiety", "worry", "worried", "nervous", "scared", "scare", "afraid", "fear", "frightened", "terrified", "stress", "stressed", "stressful", "dread",
    "tense", "uneasy", "on edge", "insecure", "overthink", "concerned", "pressure", "apprehensive", "overwhelmed",
  ],
  low: [
    "sad", "sadness", "depressed", "depression", "feel down", "so down", "really down", "pretty down", "lonely", "loneliness", "alone", "empty", "worthless", "useless", "miserable", "unhappy", "heartbroken",
    "hurt", "grief", "grieve", "numb", "ashamed", "shame", "guilty", "guilt", "failure", "no motivation", "unmotivated", "upset", "exhausted", "tired of",
    "broken", "lost interest", "in a funk", "feeling down", "been better", "pretty rough", "really rough", "feel rough", "been rough", "struggle", "struggling", "tough time", "hard time", "rough time", "heartbreak",
    "bummed", "burnt out", "burned out", "bad mood", "i be destroyed", "i'm destroyed", "feel destroyed", "i be crushed", "i'm crushed", "feel crushed", "rough year", "tough year", "hard year", "no direction", "unfulfilled",
    "feel bad", "feel so bad", "feel very bad", "feel really bad", "feel terrible", "feel awful", "feel horrible",
    // "Low" and "blue" of the patient only, said of their feeling or their state ("the price is really low", "the blue inhaler" are none).
    ...["low", "blue"].flatMap((mood) => ["feel", "feeling", "been", "i'm", "i’m", "im", "i be"].flatMap((lead) => ["", "so ", "really ", "pretty ", "quite ", "a bit ", "a little ", "kind of ", "kinda ", "very ", "super "].map((degree) => `${lead} ${degree}${mood}`))),
    "low mood", "low in mood", "feel flat", "feeling flat", "gutted", "in bits", "knackered",
    "i be shattered", "i'm shattered", "feel shattered", "absolutely shattered",
  ],
  angry: ["angry", "anger", "mad", "furious", "frustrated", "frustrating", "frustration", "annoyed", "annoying", "irritated", "pissed", "hate", "resent", "unfair", "rage", "fed up", "sick of", "disgusted", "fuming", "livid", "seething"],
  ambivalent: ["torn", "mixed feeling", "part of me", "conflicted", "confused", "on the fence", "don't know whether", "don't know if i should", "not sure whether", "not sure if i should", "mixed emotion"],
  // A mood raised past the ordinary, as in hypomania or mania: neither a hope nor a low, for the clinician to weigh.
  elevated: ["invincible", "unstoppable", "take on the world", "euphoric", "high as a kite", "racing thoughts", "thoughts are racing", "thoughts be racing", "mind is racing", "mind be racing", "don't need sleep", "do not need sleep", "don't need much sleep", "do not need much sleep", "never felt better"],
  hopeful: ["hopeful", "optimistic", "look forward", "excited", "motivated", "relieved", "encouraged", "confident", "positive", "grateful", "proud", "happy", "glad", "chuffed", "over the moon"],
  calm: ["calm", "relaxed", "peaceful", "content", "at peace", "settled"],
};

/**
 * Words of the mood moving, said of the patient now: "I feel a bit better", "worse now". They say
 * how the mood moved, not what it is, so they move the trajectory and the mood chart's balance and
 * never name a mood (a patient who only says "a bit better" has shown no mood).
 */
export const moodChanges: Readonly<Record<"better" | "worse", readonly string[]>> = {
  // "Better than when I came in", "better than before": the mood moved since the session began, or since some time before.
  better: ["feel better", "bit better", "little better", "better now", "better than when", "better than before", "better than earlier", "better than at the start"],
  // "I feel worse" is not among them: its lemmas ("feel bad") already show low mood.
  worse: ["bit worse", "little worse", "worse now", "worse than when", "worse than before", "worse than earlier", "worse than at the start"],
};

/**
 * Two words, a word of mood among them, that name a thing, not a feeling: "my blood pressure
 * tablet", "a stress fracture". The word of mood shows nothing there.
 */
export const thingsNamed: ReadonlySet<string> = new Set([
  "blood pressure", "water pressure", "tyre pressure", "tire pressure", "air pressure", "oil pressure", "eye pressure",
  "pressure cooker", "pressure washer", "pressure sore", "pressure ulcer", "pressure point", "pressure gauge",
  "stress fracture", "stress test", "panic button", "panic room",
]);

/** Words that, right after a word of mood, make it a greeting, not a feeling: "happy holidays", "happy birthday". */
export const greetingNouns: ReadonlySet<string> = new Set(["holiday", "holidays", "birthday", "new", "thanksgiving", "christmas", "easter", "hanukkah", "diwali", "eid", "anniversary", "weekend", "friday", "mother", "father", "valentine"]);
/** Pronouns of someone else, and the people a patient most often speaks of: the nearest one before a word of mood makes it theirs, not the patient's ("he was happy with her", "my son always seems happy"). */
export const otherPersons: ReadonlySet<string> = new Set([
  "he", "she", "they", "him", "her", "them", "his", "their", "he's", "she's", "they're", "hes", "shes", "theyre",
  "son", "daughter", "husband", "wife", "partner", "boyfriend", "girlfriend", "mum", "mom", "dad", "mother", "father", "brother", "sister", "friend", "boss", "kid", "child", "parent",
  "boy", "girl", "baby", "aunt", "uncle", "cousin", "grandmother", "grandfather", "grandma", "grandpa", "nan", "teacher", "colleague", "neighbour", "neighbor", "flatmate", "roommate",
  // "Everyone's on edge at work": a feeling of people all round, not the speaker's own.
  "everyone", "everybody", "everyone's", "everyone’s", "everybody's", "everybody’s", "people",
]);
/** Words that, shortly before a word of mood, deny it as "not" does ("nothing makes me happy", "no one is angry"). */
export const denyingWords: ReadonlySet<string> = new Set(["nothing", "nobody", "noone", "none"]);
