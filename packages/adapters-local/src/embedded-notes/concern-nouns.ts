/**
 * Nouns that name a problem people bring to counselling — the areas a clinician heads a note
 * with: a relationship and its people, family, work and money, study, health of body and mind,
 * loss, and the harms done to a person. A session's topics are ranked by how much the patient says
 * them; a noun here counts more (`key-topics.ts`), so that "breakup" or "exam" heads the line
 * before a thing the patient happened to mention often ("yoga", "the dog"). wink-nlp lemmas,
 * lower case. Data for `key-topics.ts`; changing it changes `embeddedRulesVersion`.
 */
export const concernNouns: ReadonlySet<string> = new Set([
  // a relationship and its people
  "relationship", "boyfriend", "girlfriend", "husband", "wife", "partner", "spouse", "fiance", "fiancee", "fiancé", "fiancée", "ex", "ex-boyfriend", "ex-girlfriend", "ex-husband", "ex-wife", "ex-partner",
  "marriage", "divorce", "separation", "breakup", "break-up", "affair", "infidelity", "dating", "lover",
  // family: its matters, not its members (a mother or a child is most often mentioned in passing)
  "custody", "pregnancy", "parenting", "carer", "caring", "respite",
  // work and money
  "job", "work", "career", "boss", "manager", "coworker", "co-worker", "colleague", "workplace", "employer", "unemployment", "layoff", "promotion", "interview", "salary", "pay", "income",
  "money", "bill", "debt", "loan", "rent", "mortgage", "finance", "budget", "business",
  // study
  "school", "college", "university", "exam", "test", "final", "class", "course", "grade", "study", "homework", "assignment", "teacher", "professor", "student", "semester", "degree", "thesis",
  // health of body and mind
  "depression", "anxiety", "stress", "panic", "insomnia", "sleep", "loneliness", "isolation", "grief", "trauma", "ptsd", "adhd", "ocd", "addiction", "alcohol", "drinking", "drug", "smoking", "gambling", "betting", "vaping",
  "cannabis", "marijuana", "weed", "joint", "heroin", "cocaine", "crack", "meth", "methadone", "ecstasy", "ketamine",
  "weight", "eating", "illness", "disease", "cancer", "dementia", "alzheimer", "alzheimer's", "diagnosis", "pain", "surgery", "health", "therapy", "medication", "motivation",
  "tablet", "pill", "medicine", "prescription", "inhaler", "insulin", "pump", "diabetes", "ketone", "glucose", "cholesterol", "statin", "asthma", "stroke", "cigarette", "alcoholism", "self-esteem", "confidence", "anger", "procrastination",
  "pandemic", "covid", "coronavirus", "virus", "quarantine", "lockdown",
  // loss and harm
  "death", "loss", "funeral", "bereavement", "hospice", "widow", "widower", "suicide", "abuse", "violence", "bullying", "bully", "harassment", "racism", "discrimination", "assault", "neglect",
  // a home
  "housing", "eviction", "roommate", "housemate", "flatmate", "move", "moving",
]);

/**
 * A condition said as an adjective and the noun a note names it by: "I'm twenty weeks pregnant"
 * speaks of the pregnancy. The topics count the adjective as its noun (`key-topics.ts`), and the
 * claim reader reads the adjective as a word of that kind, so a topic line naming the noun stands
 * on the words said.
 */
export const conditionAdjectives: ReadonlyMap<string, string> = new Map([["pregnant", "pregnancy"]]);

/**
 * A habit's doer and the noun a note names the habit by: "I'm a heavy drinker" speaks of the
 * drinking. The topics count the doer as a mention of the habit (`key-topics.ts`: one topic, not
 * "drinking" and "drinker" side by side), and the claim reader reads the doer as a word of that
 * kind, so a topic line naming the habit stands on the words said.
 */
export const habitDoers: ReadonlyMap<string, string> = new Map([
  ["drinker", "drinking"],
  ["smoker", "smoking"],
  ["gambler", "gambling"],
  ["vaper", "vaping"],
]);

/**
 * Problems named by a noun with its modifier, whose noun alone names none: "blood pressure" is a
 * concern of the body, "pressure" alone most often a feeling. A noun said in one of these phrases
 * (or a longer one ending so, "high blood pressure") counts as a concern noun (`key-topics.ts`).
 */
export const concernPhrases: ReadonlySet<string> = new Set(["blood pressure", "blood sugar", "side effect", "heart attack", "heart disease", "weight loss", "panic attack", "insulin pump", "sugar level"]);
