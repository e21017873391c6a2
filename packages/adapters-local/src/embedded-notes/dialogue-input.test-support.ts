/**
 * A note writer's input from a dialogue written for a test: each turn "T: …" (the therapist) or
 * "P: …" (the patient), five seconds apart; the patient's turns scored neutral, or not scored at
 * all (`scored: false`) where a test reads no sentiment.
 */
import type { NoteWriterInput } from "@confide/core/ports";

export function dialogueInput(turns: readonly string[], { scored = true }: { scored?: boolean } = {}): NoteWriterInput {
  const segments = turns.map((turn, index) => ({ id: `seg-${index}`, speaker: turn.startsWith("T: ") ? "T" : "P", startMs: index * 5_000, endMs: index * 5_000 + 4_000, text: turn.slice(3) }));
  return {
    language: "en-US",
    speakers: [
      { label: "T", role: "therapist" },
      { label: "P", role: "patient" },
    ],
    segments,
    sentiment: scored
      ? segments.filter((segment) => segment.speaker === "P").map((segment) => ({ segmentId: segment.id, label: "neutral", scores: { positive: 0.1, neutral: 0.8, negative: 0.1, mixed: 0 } }))
      : [],
  };
}
