import type { Segment } from "../../domain/transcript.ts";

/** One final as the suggestions (and the reflections) read it. */
export interface SuggestionFinal {
  segment: Pick<Segment, "id" | "speaker" | "text" | "startMs" | "endMs">;
  role: "therapist" | "patient" | "unknown";
}
