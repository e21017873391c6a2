import { allNotAssessed, type NotesDraft } from "../domain/clinical-notes.ts";
import { ConfideError } from "../errors.ts";
import type { NoteWriter, NoteWriterInput } from "../ports/note-writer.ts";

export interface ScriptedNoteWriter extends NoteWriter {
  /** Every input written, in order. */
  readonly inputs: NoteWriterInput[];
  /** Replaces what the next writes answer (a draft, or an error to throw). */
  script(next: ((input: NoteWriterInput) => NotesDraft) | ConfideError): void;
}

/**
 * Deterministic notes for core's tests: every segment not said by the therapist quoted whole
 * as a significant quote (cited, attributed to the patient when that is its role), no risk flag,
 * every other field not assessed. `script` changes the answer.
 */
export function quoteEverySegment(input: NoteWriterInput): NotesDraft {
  const roleOf = new Map(input.speakers.map((speaker) => [speaker.label, speaker.role]));
  const quotes = input.segments
    .filter((segment) => roleOf.get(segment.speaker) !== "therapist" && segment.text.trim() !== "")
    .map((segment) => ({
      text: segment.text,
      quote: segment.text,
      ...(roleOf.get(segment.speaker) === "patient" ? { speaker: "patient" as const } : {}),
      evidence: [{ segmentId: segment.id, start: 0, end: segment.text.length }],
    }));
  return { ...allNotAssessed("The scripted writer fills quotes only."), significantQuotes: quotes, riskFlags: [] };
}

/** A NoteWriter for tests (see `quoteEverySegment`). */
export function createScriptedNoteWriter(): ScriptedNoteWriter {
  const inputs: NoteWriterInput[] = [];
  let next: ((input: NoteWriterInput) => NotesDraft) | ConfideError = quoteEverySegment;
  return {
    provider: "scripted",
    inputs,
    script(answer) {
      next = answer;
    },
    async write(input) {
      inputs.push(input);
      if (next instanceof ConfideError) throw next;
      return { notes: next(input), model: "scripted", promptVersion: "1" };
    },
    async check() {},
    async close() {},
  };
}
