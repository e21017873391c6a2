import type { ClaimReader } from "../ports/claim-reader.ts";
import type { Reflection, ReflectionInput } from "./reflection.ts";
import { claimSupport } from "./claim-support.ts";

/**
 * True when `cites` names at least one segment, and only segments of `input` said by the patient
 * (by its speaker's role in `input.speakers`): the therapist's words are not the patient's. A
 * writer reads its answer with it; `checkedReflection` applies it again to every writer's.
 */
export function citesPatientOnly(cites: readonly string[], input: ReflectionInput): boolean {
  const roleOf = new Map(input.speakers.map((speaker) => [speaker.label, speaker.role]));
  const patientIds = new Set(input.segments.filter((segment) => roleOf.get(segment.speaker) === "patient").map((segment) => segment.id));
  return cites.length > 0 && cites.every((id) => patientIds.has(id));
}

/**
 * The reflection a live session may show, or null. A reflection said back to a patient that they
 * did not say does harm, so a writer's reflection is shown only when:
 * 1. its text has words, and it cites at least one segment;
 * 2. every segment it cites is one of those it was given and the patient's (`citesPatientOnly`);
 * 3. the cited words carry it, by the claim check of the notes (`claimSupport`, the claim
 *    attributed to the patient): `quoted` or `paraphrased`, never `unsupported` (a content word
 *    not said, or said with the other polarity: "you want to stop" against "I don't want to stop").
 * @returns the reflection, trimmed and its cites without repeats; null when any rule fails. Never throws.
 */
export function checkedReflection(reflection: Reflection, input: ReflectionInput, reader: ClaimReader): Reflection | null {
  const text = reflection.text.trim();
  const cites = [...new Set(reflection.cites)];
  if (text === "" || !citesPatientOnly(cites, input)) return null;
  const cited = input.segments.filter((segment) => cites.includes(segment.id)).map((segment) => ({ text: segment.text, role: "patient" as const }));
  const support = claimSupport({ text, speaker: "patient" }, cited, reader);
  return support === "unsupported" ? null : { text, cites };
}
