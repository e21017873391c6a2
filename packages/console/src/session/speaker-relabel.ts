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

/** How a speaker is named in the transcript: "Therapist (S1)". */
export function speakerName(speakers: readonly SpeakerChoice[], label: string): string {
  const role = speakers.find((speaker) => speaker.label === label)?.role ?? "unknown";
  return `${roleNames[role]} (${label})`;
}
