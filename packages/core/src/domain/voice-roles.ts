import type { Speaker, SpeakerRole } from "./transcript.ts";
import type { SpeakerVoices } from "./speaker-voices.ts";
import type { VoiceEnrolment } from "./voice-enrolment.ts";

export type { SpeakerVoice, SpeakerVoices } from "./speaker-voices.ts";

/**
 * Under this confidence the voice does not decide the roles and the role heuristic does.
 * Calibrated on the synthetic dialogues of `npm run bench -- diarization` (bench/results/diarization.md):
 * the right speaker scores 0.8–1.0 there, a therapist who is not in the recording well under 0.5.
 */
export const voiceRoleMinConfidence = 0.5;

/** A speaker needs this much voiced speech for its voice to be compared. */
const minSpeakerSpeechMs = 1_000;

export interface VoiceRoleResult {
  speakers: Speaker[];
  /** In [0, 1]: how clearly the therapist's speaker stood out (see `assignRolesByVoice`). */
  confidence: number;
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/**
 * Finds the therapist among a recording's speakers by the enrolled voice. The speakers' voice
 * embeddings and the enrolment are centred on the mean of the speakers' embeddings (the
 * recording's own background: what all its voices and its microphone share) and compared by
 * cosine similarity; the closest speaker is the therapist. Its confidence is the smaller of that
 * similarity and half its margin over the next speaker, in [0, 1]; with two speakers both are the
 * same number. With one other speaker it is the patient; with several the others are `unknown`.
 * @returns null — the caller falls back to its heuristic — when the voices were made by another
 * embedding function than the enrolment, fewer than two speakers have enough voiced speech, or
 * the confidence is under `voiceRoleMinConfidence` (the therapist may not be in the recording).
 */
export function assignRolesByVoice(input: {
  speakers: Array<{ label: string; channel?: number }>;
  voices: SpeakerVoices;
  enrolment: Pick<VoiceEnrolment, "embedding" | "embedder">;
}): VoiceRoleResult | null {
  const { speakers, voices, enrolment } = input;
  if (voices.embedder !== enrolment.embedder) return null;
  const labels = new Set(speakers.map((speaker) => speaker.label));
  const heard = voices.speakers.filter(
    (voice) => labels.has(voice.speaker) && voice.speechMs >= minSpeakerSpeechMs && voice.embedding.length === enrolment.embedding.length,
  );
  if (heard.length < 2) return null;
  const dimensions = enrolment.embedding.length;
  const centre = new Array<number>(dimensions).fill(0);
  for (const voice of heard) for (let d = 0; d < dimensions; d += 1) centre[d]! += voice.embedding[d]! / heard.length;
  const centred = (vector: number[]) => vector.map((value, d) => value - centre[d]!);
  const target = centred(enrolment.embedding);
  const scored = heard
    .map((voice) => ({ speaker: voice.speaker, similarity: cosine(target, centred(voice.embedding)) }))
    .sort((a, b) => b.similarity - a.similarity);
  const [best, next] = scored as [(typeof scored)[number], (typeof scored)[number]];
  const raw = Math.min(best.similarity, (best.similarity - next.similarity) / 2);
  const confidence = Math.round(Math.max(0, Math.min(1, raw)) * 1000) / 1000;
  if (confidence < voiceRoleMinConfidence) return null;
  const others = speakers.filter((speaker) => speaker.label !== best.speaker).length;
  const otherRole: SpeakerRole = others === 1 ? "patient" : "unknown";
  return {
    speakers: speakers.map((speaker) => ({ ...speaker, role: speaker.label === best.speaker ? "therapist" : otherRole })),
    confidence,
  };
}
