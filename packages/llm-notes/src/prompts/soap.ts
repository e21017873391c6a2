import type { NotePromptTemplate } from "../note-prompt.ts";

/** SOAP: Subjective, Objective, Assessment, Plan. */
export const soapPrompt: NotePromptTemplate = {
  format: "soap",
  version: "soap-notes-prompt-3",
  guidance: [
    "The notes become a SOAP progress note. Write each field for the section it fills:",
    "- Subjective (topicSummary, significantQuotes, emotionalThemes, triggers): what the patient reports, in their words where possible.",
    "- Objective: not written from a recording. Never describe appearance, behaviour, affect or mental status, and never state normal findings.",
    "- Assessment (sessionMood, moodTrajectory, strategies, unresolvedConcerns, riskFlags): clinical impressions only as far as the cited words carry them; strategies are what the therapist offered in the session, saying who proposed it.",
    "- Plan (actionItems, followUpTopics): only what the patient agreed to, or what is to confirm with them. A proposal the patient did not take up is a strategy, never a plan item.",
  ].join("\n"),
};
