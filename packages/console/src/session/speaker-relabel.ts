export type SpeakerRole = "therapist" | "patient" | "unknown";

export interface SpeakerChoice {
  label: string;
  role: SpeakerRole;
}

/** The roles a therapist can pick, with what the select shows. */
export const roleNames: Record<SpeakerRole, string> = { therapist: "Therapist", patient: "Patient", unknown: "Not known" };

/**
 * The body of `PUT /v1/sessions/{id}/speakers`: only the speakers whose role the therapist
 * changed (the API keeps the others). Empty when nothing changed: send nothing then.
 */
export function relabelChanges(current: readonly SpeakerChoice[], chosen: Readonly<Record<string, SpeakerRole>>): SpeakerChoice[] {
  return current
    .filter((speaker) => chosen[speaker.label] !== undefined && chosen[speaker.label] !== speaker.role)
    .map((speaker) => ({ label: speaker.label, role: chosen[speaker.label] as SpeakerRole }));
}

/**
 * The choice that swaps therapist and patient (the role heuristic's usual mistake with two
 * speakers); other roles stay.
 */
export function swappedRoles(current: readonly SpeakerChoice[]): Record<string, SpeakerRole> {
  const swap: Record<SpeakerRole, SpeakerRole> = { therapist: "patient", patient: "therapist", unknown: "unknown" };
  return Object.fromEntries(current.map((speaker) => [speaker.label, swap[speaker.role]]));
}

/** How the form names a speaker the transcription told apart: "Speaker 1", in the transcript's order (never the engine's label). */
export function speakerNumber(speakers: readonly SpeakerChoice[], label: string): string {
  const index = speakers.findIndex((speaker) => speaker.label === label);
  return `Speaker ${index < 0 ? speakers.length + 1 : index + 1}`;
}

/**
 * How a speaker is named in the transcript, in plain words: "Therapist", "Patient", or
 * "Speaker 1" when the role is not known; two speakers with the same role are "Patient 1" and
 * "Patient 2". The engine's labels (`ch0`, `S1`) never show.
 */
export function speakerName(speakers: readonly SpeakerChoice[], label: string): string {
  const speaker = speakers.find((candidate) => candidate.label === label);
  if (!speaker || speaker.role === "unknown") return speakerNumber(speakers, label);
  const sameRole = speakers.filter((candidate) => candidate.role === speaker.role);
  const name = roleNames[speaker.role];
  return sameRole.length === 1 ? name : `${name} ${sameRole.indexOf(speaker) + 1}`;
}
