import type { NotePromptTemplate } from "../note-prompt.ts";

/** SOAP: Subjective, Objective, Assessment, Plan. */
export const soapPrompt: NotePromptTemplate = {
  format: "soap",
  version: "soap-notes-prompt-2",
  guidance: [
    "The notes become a SOAP progress note. Write each field for the section it fills:",
    "- Subjective (topicSummary, significantQuotes, emotionalThemes, triggers): what the patient reports, in their words where possible.",
    "- Objective: not written from a recording. Never describe appearance, behaviour, affect or mental status, and never state normal findings.",
    "- Assessment (sessionMood, moodTrajectory, unresolvedConcerns, riskFlags): clinical impressions only as far as the cited words carry them.",
    "- Plan (strategies, actionItems, followUpTopics): what was agreed or suggested for next steps, saying who proposed it.",
  ].join("\n"),
};
