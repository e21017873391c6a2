import type { LiveSuggestion, LiveSuggestionWithdrawal } from "./live-suggestion.ts";
import type { SentimentLabel } from "./sentiment.ts";

/**
 * How the client sends a live session's audio. `pcm`: signed 16-bit little-endian at 16 kHz,
 * interleaved when stereo (what the engines take as is). `webm`: WebM/Opus from a browser's
 * MediaRecorder, decoded to PCM by the host on the way to the engine and stored as sent.
 */
export type LiveAudioEncoding = "pcm" | "webm";

export interface LiveAudioFormat {
  encoding: LiveAudioEncoding;
  /** 1 or 2; with 2 and the per-channel layout, one speaker per channel. */
  channels: 1 | 2;
}

/** The sample rate of live PCM (the engines' rate, LivePcmFormat). */
export const livePcmSampleRateHz = 16_000;

/** Bytes of one second of live PCM with `channels` channels. */
export function livePcmBytesPerSecond(channels: number): number {
  return livePcmSampleRateHz * 2 * channels;
}

/** Where an agenda item came from: the therapist's own text, or the previous session's notes. */
export type AgendaItemSource = "therapist" | "follow_up" | "unresolved_concern";

/** One of today's topics and, once a segment covered it, that segment as evidence. */
export interface AgendaItem {
  id: string;
  text: string;
  source: AgendaItemSource;
  covered: { segmentId: string; matchedTerms: string[]; at: Date } | null;
}

/**
 * What a live session keeps while it runs, beside the transcript it grows: where its audio is
 * (numbered part blobs, each written once, at most a second apart), how to resume it, and the
 * agenda. Kept on the session after it ends (the agenda with its evidence; `parts` 0 once the
 * parts were joined into the recording).
 */
export interface LiveState {
  format: LiveAudioFormat;
  /** Part blobs stored so far, numbered from 1 (`liveAudioPartKey`). */
  parts: number;
  /** Bytes of audio stored durably (the sum of the parts): what a resuming client resends from. */
  storedBytes: number;
  /** sha256 (hex) of the resume token; the token itself is given to the client only. */
  resumeTokenSha256: string;
  agenda: AgendaItem[];
  /** When the connection was last lost (null while one is attached): starts the resume window. */
  detachedAt: Date | null;
  /**
   * Set when the session ended: `stop` from the client, abandoned past the resume window, the
   * duration limit, or the patient's withdrawal of the consent it was recorded under.
   */
  endedBy?: "client" | "abandoned" | "limit" | "consent_withdrawn";
  /**
   * Set when the session has no live transcript: started or resumed while every live
   * stream of the process was taken (`capacity`) or the engine was behind its delay target
   * (`behind`), or the engine failed part way (`engine_failed`). Its audio is stored as ever and
   * the pipeline transcribes the recording when it ends (a partial live transcript is dropped).
   */
  recordOnly?: RecordOnlyReason;
  /** When the therapist planned the session to end, in ms of audio from its start (set at start). */
  plannedEndMs?: number;
  /**
   * What heard the ends of the turns in its live transcript, as the engine said when its
   * recognition opened: a speech model's name ("silero-vad") or "loudness" (the energy
   * detector, a longer pause before each line). Absent for engines whose server cuts the turns.
   */
  turnEnds?: string;
  /** What was suggested to the therapist while it ran, and what became of each (the session's timeline shows them). */
  suggestions?: LiveSuggestionRecord[];
}

/** A suggestion as kept with the session: taken back by the system, or acted on by the therapist. */
export interface LiveSuggestionRecord extends LiveSuggestion {
  withdrawn: { reason: LiveSuggestionWithdrawal; at: Date } | null;
  /** The therapist marked it asked (used) or dismissed it: who and when. */
  outcome: { action: "used" | "dismissed"; by: string; at: Date } | null;
}

/** Why a live session is recorded without live text (`LiveState.recordOnly`). */
export type RecordOnlyReason = "capacity" | "behind" | "engine_failed";

/** The key of the live part `index` (1-based) of a session, in the session's blob folder. */
export function liveAudioPartKey(recordingKey: string, index: number): string {
  const folder = recordingKey.slice(0, recordingKey.lastIndexOf("/"));
  return `${folder}/live/${String(index).padStart(6, "0")}`;
}

/** The 44-byte header of a canonical 16-bit PCM WAV file holding `dataBytes` of samples. */
export function pcmWavHeader(dataBytes: number, channels: number, sampleRateHz: number = livePcmSampleRateHz): Uint8Array<ArrayBuffer> {
  const header = new Uint8Array(44);
  const view = new DataView(header.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index += 1) header[offset + index] = text.charCodeAt(index);
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRateHz, true);
  view.setUint32(28, sampleRateHz * channels * 2, true); // byte rate
  view.setUint16(32, channels * 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
  return header;
}

/** What a live session tells its client as it runs (the host turns these into WebSocket messages). */
export type LiveUpdate =
  | { type: "partial"; text: string; startMs: number; speaker: string | null }
  | {
      type: "final";
      segmentId: string;
      speaker: string;
      role: "therapist" | "patient" | "unknown";
      text: string;
      startMs: number;
      endMs: number;
    }
  | { type: "sentiment"; segmentId: string; label: SentimentLabel; scores: Record<string, number> }
  | { type: "topic_covered"; itemId: string; text: string; segmentId: string; matchedTerms: string[] }
  /** Audio stored durably: a resuming client resends from `storedBytes`. */
  | { type: "ack"; storedBytes: number }
  | { type: "warning"; code: string; message: string }
  /** A suggestion for the therapist (`LiveSuggestion`); `at` is sent as an ISO time. */
  | ({ type: "suggestion" } & LiveSuggestion)
  /** A suggestion shown earlier no longer applies. */
  | { type: "suggestion-withdrawn"; id: string; reason: LiveSuggestionWithdrawal };
