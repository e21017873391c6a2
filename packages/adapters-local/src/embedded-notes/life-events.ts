/**
 * Presenting concerns a patient tells as an event, in verbs rather than a noun — "my boyfriend
 * broke up with me", "I got fired", "I failed my finals" — so that a topic line can name what the
 * session is about even where no noun says it. Each group is one concern; each phrase (wink-nlp
 * lemmas, `lemma-phrases.ts`) is named in the notes by the words that read as it was said
 * ("breaking up" for "broke up", "being fired" for "was fired"), so that the topic stands on the
 * cited words. `nouns` are the concern's own nouns ("breakup"): said too, they count for it, and
 * are not a second topic. The common presenting concerns of support conversations (a breakup, a
 * job lost, a partner's cheating, failing at school or work, stealing). Data for `key-topics.ts`.
 */
export interface LifeEvent {
  /** Lemma phrases and the topic each is named by. */
  phrases: ReadonlyArray<{ phrase: string; name: string }>;
  /** The concern's nouns, whose mentions count for it. */
  nouns: readonly string[];
  /** Only a verb reads as the event ("I cheated", "failed"), not the noun of the same word. */
  verbOnly?: boolean;
}

export const lifeEvents: readonly LifeEvent[] = [
  {
    phrases: [
      { phrase: "break up", name: "breaking up" },
      { phrase: "split up", name: "splitting up" },
    ],
    nouns: ["breakup", "break-up"],
  },
  {
    phrases: [
      { phrase: "get fire", name: "getting fired" },
      { phrase: "be fire", name: "being fired" },
      { phrase: "lay off", name: "being laid off" },
      { phrase: "lose my job", name: "losing a job" },
      { phrase: "lose the job", name: "losing a job" },
      { phrase: "lose our job", name: "losing a job" },
      { phrase: "lose a job", name: "losing a job" },
    ],
    nouns: [],
  },
  { phrases: [{ phrase: "cheat", name: "cheating" }], nouns: ["cheating"], verbOnly: true },
  { phrases: [{ phrase: "fail", name: "failing" }], nouns: [], verbOnly: true },
  {
    phrases: [
      { phrase: "steal", name: "stealing" },
      { phrase: "shoplift", name: "shoplifting" },
      // "taking" after "caught" is read as an adjective, its own lemma.
      { phrase: "get catch take", name: "getting caught taking" },
      { phrase: "get catch taking", name: "getting caught taking" },
      { phrase: "get catch steal", name: "getting caught stealing" },
      { phrase: "get catch stealing", name: "getting caught stealing" },
    ],
    nouns: ["shoplifting", "theft"],
    verbOnly: true,
  },
];
