import type { RiskSeverity, RiskType } from "@confide/core";
import type { LemmaPhrase } from "./lemma-phrases.ts";

export interface RiskEntry {
  type: RiskType;
  severity: RiskSeverity;
  /** What the flag says when a phrase of the entry is found. */
  description: string;
  /** Lemma sequences (see `phraseStarts`); wink-nlp lemmatises "ending" to "end", "n't" to "not". */
  phrases: LemmaPhrase[];
}

/**
 * The curated lexicon of the embedded note writer: phrases a clinician would want flagged,
 * by risk type. Kept short and literal on purpose — a lexicon finds what is said plainly and
 * misses paraphrase, which is why a flag always shows the words that raised it. A phrase found
 * under a negation ("I would never hurt myself") raises nothing (`isNegatedAt`).
 * Changing it changes `embeddedRulesVersion`.
 */
export const riskLexicon: readonly RiskEntry[] = [
  {
    type: "self_harm",
    severity: "high",
    description: "Possible suicidal ideation or self-harm",
    phrases: [
      "end my life",
      "end my own life",
      "take my life",
      "take my own life",
      "kill myself",
      "hurt myself",
      "harm myself",
      "cut myself",
      "want to die",
      "wish i be dead",
      "better off dead",
      "better off without me",
      "end it all",
      "no reason to live",
      "not want to live",
      "not want to be alive",
      "suicide",
      "suicidal",
      "self harm",
      "self - harm",
    ],
  },
  {
    type: "harm_to_others",
    severity: "high",
    description: "Possible intent to harm others",
    phrases: [
      "kill him",
      "kill her",
      "kill them",
      "kill someone",
      "kill somebody",
      "hurt him",
      "hurt her",
      "hurt them",
      "hurt someone",
      "hurt somebody",
      "want to hurt",
      "make him pay",
      "make her pay",
    ],
  },
  {
    type: "abuse",
    severity: "high",
    description: "Possible abuse",
    phrases: [
      "hit me",
      "beat me",
      "choke me",
      "kick me",
      "slap me",
      "push me",
      "force me",
      "threaten me",
      "abuse me",
      "abusive",
      "abuse",
      "rape",
      "molest",
    ],
  },
  {
    type: "substance",
    severity: "moderate",
    description: "Possible harmful substance use",
    phrases: [
      "drink too much",
      "drinking too much",
      "drunk every",
      "get drunk",
      "blackout",
      "black out",
      "relapse",
      "use again",
      "overdose",
      "cocaine",
      "heroin",
      "meth",
      "fentanyl",
      "opioid",
    ],
  },
];
