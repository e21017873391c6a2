import type { SpeakerRoleAssigner } from "../../domain/speaker-roles.ts";
import type { TranscriptionSettings } from "../../domain/session.ts";
import type { Segment, SpeakerRole, Transcript } from "../../domain/transcript.ts";
import type { LiveSpeechEvent } from "../../ports/live-speech-to-text.ts";

type FinalEvent = Extract<LiveSpeechEvent, { type: "final" }>;

/** A live session's transcript before its first final: in the session's language, by the live engine. */
export function emptyLiveTranscript(language: string, provider: string): Transcript {
  return { language, durationMs: 0, speakers: [], segments: [], provider, revision: 1, warnings: [] };
}

/** The label a live final is stored under: its channel's, the engine's speaker id, or one shared label when the engine cannot tell. */
export function liveSpeakerLabel(final: Pick<FinalEvent, "speaker" | "channel">): string {
  if (final.channel !== undefined) return `ch${final.channel}`;
  return final.speaker ?? "speaker";
}

/**
 * The transcript with one more final appended (times shifted by `offsetMs`, the audio before
 * this recognition), its id the next `seg-NNNN`, and the speakers' roles decided again by
 * `assignRoles` over every segment so far: per channel the channel roles; in a mono stream the
 * question heuristic, as for an uploaded recording.
 */
export function appendFinal(
  transcript: Transcript,
  final: FinalEvent,
  offsetMs: number,
  context: { settings: TranscriptionSettings; assignRoles: SpeakerRoleAssigner },
): { transcript: Transcript; segment: Segment; role: SpeakerRole } {
  const speaker = liveSpeakerLabel(final);
  const segment: Segment = {
    id: `seg-${String(transcript.segments.length + 1).padStart(4, "0")}`,
    speaker,
    startMs: Math.round(final.startMs + offsetMs),
    endMs: Math.round(final.endMs + offsetMs),
    text: final.text.trim(),
    ...(final.confidence === undefined ? {} : { confidence: final.confidence }),
    ...(final.words.length === 0
      ? {}
      : { words: final.words.map((word) => ({ ...word, startMs: Math.round(word.startMs + offsetMs), endMs: Math.round(word.endMs + offsetMs) })) }),
  };
  const segments = [...transcript.segments, segment];
  const known = transcript.speakers.map(({ label, channel }) => (channel === undefined ? { label } : { label, channel }));
  if (!known.some((entry) => entry.label === speaker)) known.push(final.channel === undefined ? { label: speaker } : { label: speaker, channel: final.channel });
  const speakers = context.assignRoles({ speakers: known, segments, settings: context.settings });
  const role = speakers.find((entry) => entry.label === speaker)?.role ?? "unknown";
  return {
    transcript: { ...transcript, segments, speakers, durationMs: Math.max(transcript.durationMs, segment.endMs) },
    segment,
    role,
  };
}
