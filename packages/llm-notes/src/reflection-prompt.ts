/**
 * The prompt of a suggested reflection (`NoteWriter.reflect`): one system message from its
 * versioned template (`prompts/reflection.ts`) and one user message holding the session's latest
 * lines, numbered as the notes' transcript lines are (`promptLine`).
 */
import type { ReflectionInput, SpeakerRole } from "@confide/core/ports";
import { promptLine } from "./note-prompt.ts";

/** The reflection's prompt template (a file of its own under `prompts/`). */
export interface ReflectionPromptTemplate {
  /** Bumped on any change of `system`. */
  version: string;
  system: string;
}

/** The user message: the language, then one line per segment given. */
export function reflectionMessage(input: ReflectionInput): string {
  const roleOf = new Map<string, SpeakerRole>(input.speakers.map((speaker) => [speaker.label, speaker.role]));
  const lines = input.segments.map((segment) => promptLine({ ...segment, startMs: 0, endMs: 0 }, roleOf.get(segment.speaker)));
  return [`Language: ${input.language}. The latest lines of the session:`, "", ...lines].join("\n");
}
