import type { NotePromptTemplate } from "../note-prompt.ts";

/** SOAP: Subjective, Objective, Assessment, Plan. */
export const soapPrompt: NotePromptTemplate = {
  format: "soap",
  version: "soap-notes-prompt-3",
  guidance: [
    "The notes become a SOAP progress note. Write each field for the section it fills:",
    "- Subjective (topicSummary, significantQuotes, emotionalThemes, triggers): what the patient reports, in their words where possible.",
    "- Objective: not written from a recording. Never describe appearance, behaviour, affect or mental status, and never state normal findings.",
    "- Assessment (sessionMood, moodTrajectory, strategies, unresolvedConcerns, riskFlags): only what the cited words carry; strategies: what the therapist offered.",
    "- Plan (actionItems, followUpTopics): only what was agreed or is to confirm.",
  ].join("\n"),
};
