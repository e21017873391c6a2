import { allNotAssessed, type NotesDraft } from "../domain/clinical-notes.ts";
import { ConfideError } from "../errors.ts";
import type { NoteWriter, NoteWriterInput, Reflection, ReflectionInput } from "../ports/note-writer.ts";

/** What the scripted writer's `reflect` answers: a reflection (or null) from the input, an error to throw, or a promise it awaits first. */
export type ScriptedReflection = ((input: ReflectionInput) => Reflection | null | Promise<Reflection | null>) | ConfideError;

export interface ScriptedNoteWriter extends NoteWriter {
  /** Every input written, in order. */
  readonly inputs: NoteWriterInput[];
  /** Every input reflected on, in order. */
  readonly reflectInputs: ReflectionInput[];
  /** Replaces what the next writes answer (a draft, or an error to throw). */
  script(next: ((input: NoteWriterInput) => NotesDraft) | ConfideError): void;
  /** Replaces what the next reflections answer (default `reflectLastPatientWords`). */
  scriptReflection(next: ScriptedReflection): void;
}

/** The scripted reflection: the patient's last segment said back in its own words, citing it; null when the patient has not spoken. */
export function reflectLastPatientWords(input: ReflectionInput): Reflection | null {
  const roleOf = new Map(input.speakers.map((speaker) => [speaker.label, speaker.role]));
  const last = input.segments.findLast((segment) => roleOf.get(segment.speaker) === "patient");
  return last ? { text: last.text, cites: [last.id] } : null;
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
  const reflectInputs: ReflectionInput[] = [];
  let next: ((input: NoteWriterInput) => NotesDraft) | ConfideError = quoteEverySegment;
  let nextReflection: ScriptedReflection = reflectLastPatientWords;
  return {
    provider: "scripted",
    inputs,
    reflectInputs,
    script(answer) {
      next = answer;
    },
    scriptReflection(answer) {
      nextReflection = answer;
    },
    async reflect(input) {
      reflectInputs.push(input);
      if (nextReflection instanceof ConfideError) throw nextReflection;
      return nextReflection(input);
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
