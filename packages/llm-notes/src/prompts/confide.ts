import type { NotePromptTemplate } from "../note-prompt.ts";

/** Confide's own fields (seed 002), each shown as a section of its own. */
export const confidePrompt: NotePromptTemplate = {
  format: "confide",
  version: "confide-notes-prompt-2",
  guidance: [
    "The therapist reads these notes field by field (key topics, summary, mood, emotional themes, triggers, strategies, significant quotes, action items, follow-up topics, unresolved concerns, risk).",
    "- keyTopics are noun phrases naming what was discussed, never fillers or anyone's name.",
    "- significantQuotes are whole statements of substance by the patient, not bare agreement (\"Yeah.\", \"Okay.\").",
    "- actionItems are commitments someone made in the session, in their words.",
  ].join("\n"),
};
