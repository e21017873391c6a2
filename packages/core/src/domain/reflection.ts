import type { SpeakerRole } from "./transcript.ts";

/** What a NoteWriter reflects during a live session (`NoteWriter.reflect`): its latest finals, with roles. */
export interface ReflectionInput {
  /** BCP-47, e.g. "en-US". */
  language: string;
  speakers: Array<{ label: string; role: SpeakerRole }>;
  /**
   * The session's latest finals in order (a few minutes at most): the patient's last words in
   * them are what a reflection says back. A reflection cites these ids.
   */
  segments: Array<{ id: string; speaker: string; text: string }>;
}

/** A reflection a NoteWriter offers (core shows it only when `checkedReflection` keeps it): one sentence to say back, and the patient segments whose words it reflects. */
export interface Reflection {
  text: string;
  /** Ids of `ReflectionInput.segments`, the patient's, whose words carry `text`. */
  cites: string[];
}
