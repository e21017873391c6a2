import type { TranscriptionSettings } from "./session.ts";
import type { Segment, Speaker, SpeakerRole } from "./transcript.ts";

/** Decides the role of each anonymous speaker. Pluggable: pass your own to createConfide. */
export type SpeakerRoleAssigner = (input: {
  speakers: Array<{ label: string; channel?: number }>;
  segments: Array<Pick<Segment, "speaker" | "text">>;
  settings: TranscriptionSettings;
}) => Speaker[];

const questionStart =
  /^(how|what|why|when|where|who|which|do|does|did|can|could|would|will|is|are|was|were|have|has|tell me)\b/i;

function questionCount(texts: string[]): number {
  let count = 0;
  for (const text of texts) {
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      if (sentence.trim().endsWith("?") || questionStart.test(sentence.trim())) count += 1;
    }
  }
  return count;
}

/** True when the settings give each channel its role (a per-channel recording with `channelRoles`): those roles win. */
export function usesChannelRoles(settings: Pick<TranscriptionSettings, "channelLayout" | "channelRoles">): boolean {
  return settings.channelLayout === "per-channel" && settings.channelRoles !== undefined;
}

/**
 * Default heuristic (docs/architecture.md#speaker-roles): with a per-channel layout the configured channel roles win;
 * with exactly two speakers the one asking more questions is the therapist; otherwise unknown.
 */
export const assignRolesByQuestions: SpeakerRoleAssigner = ({ speakers, segments, settings }) => {
  if (usesChannelRoles(settings)) {
    return speakers.map((speaker) => {
      const role: SpeakerRole =
        speaker.channel === undefined ? "unknown" : (settings.channelRoles?.[speaker.channel] ?? "unknown");
      return { ...speaker, role };
    });
  }
  if (speakers.length !== 2) return speakers.map((speaker) => ({ ...speaker, role: "unknown" }));
  const [first, second] = speakers as [{ label: string; channel?: number }, { label: string; channel?: number }];
  const textsOf = (label: string) => segments.filter((s) => s.speaker === label).map((s) => s.text);
  const firstQuestions = questionCount(textsOf(first.label));
  const secondQuestions = questionCount(textsOf(second.label));
  // On a tie the first speaker is taken as the therapist: therapists usually open the session.
  const firstIsTherapist = firstQuestions >= secondQuestions;
  return [
    { ...first, role: firstIsTherapist ? "therapist" : "patient" },
    { ...second, role: firstIsTherapist ? "patient" : "therapist" },
  ];
};
