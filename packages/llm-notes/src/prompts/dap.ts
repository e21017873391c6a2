import type { NotePromptTemplate } from "../note-prompt.ts";

/** DAP: Data, Assessment, Plan. */
export const dapPrompt: NotePromptTemplate = {
  format: "dap",
  version: "dap-notes-prompt-2",
  guidance: [
    "The notes become a DAP progress note. Write each field for the section it fills:",
    "- Data (topicSummary, significantQuotes, emotionalThemes, triggers, strategies): what was said and done in the session, factually, the patient's words where possible; no interpretation here.",
    "- Assessment (sessionMood, moodTrajectory, unresolvedConcerns, riskFlags): the therapist-facing reading of the data, only as far as the cited words carry it. Never state mental-status findings a recording cannot show.",
    "- Plan (actionItems, followUpTopics): next steps and what to take up next session, saying who committed to what.",
  ].join("\n"),
};
