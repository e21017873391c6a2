import type { NotePromptTemplate } from "../note-prompt.ts";

/** BIRP: Behavior, Intervention, Response, Plan. */
export const birpPrompt: NotePromptTemplate = {
  format: "birp",
  version: "birp-notes-prompt-2",
  guidance: [
    "The notes become a BIRP progress note. Write each field for the section it fills:",
    "- Behavior (topicSummary, significantQuotes, emotionalThemes, triggers): what the patient said and presented with in words; never describe appearance or non-verbal behaviour (a recording cannot show it).",
    "- Intervention (strategies): what the therapist did or proposed, in the therapist's words (speaker therapist).",
    "- Response (sessionMood, moodTrajectory, unresolvedConcerns, riskFlags): how the patient responded, as far as the cited words carry it.",
    "- Plan (actionItems, followUpTopics): next steps, saying who committed to what.",
  ].join("\n"),
};
