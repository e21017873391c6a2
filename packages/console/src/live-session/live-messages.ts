/**
 * What the server sends over the live session WebSocket (`/v1/live`; the protocol is in the
 * README's "Live sessions" and in `/openapi.json`'s description). Every message carries
 * `storedBytes`: the audio stored durably so far.
 */
export interface LiveAgendaItem {
  id: string;
  text: string;
  source: "therapist" | "follow_up" | "unresolved_concern";
  covered: { segmentId: string; matchedTerms: string[] } | null;
}

export type LiveRole = "therapist" | "patient" | "unknown";

/**
 * Advice for the therapist's screen while the session runs, never part of the record: `safety`
 * (the next question of a suicide-risk screening), `agenda` (a topic not yet covered, near the
 * planned end) or `reflection`. `urgent`: the one safety note that the answers point to urgent action.
 */
export interface LiveSuggestion {
  id: string;
  kind: "safety" | "agenda" | "reflection";
  text: string;
  why: string;
  /** The segments it answers to. */
  cites: string[];
  /** ISO time it was made. */
  at: string;
  urgent?: boolean;
}

/** Why the server took a suggestion back. */
export type LiveSuggestionWithdrawal = "asked" | "answered" | "covered" | "superseded";

export type LiveServerMessage = { storedBytes: number } & (
  | {
      type: "started";
      sessionId: string;
      resumeToken: string | null;
      resumed: boolean;
      agenda: LiveAgendaItem[];
      /** null: live text follows; otherwise the session is recorded only and transcribed when it ends (the server is busy, or live text stopped). */
      recordOnly?: "capacity" | "behind" | "engine_failed" | null;
    }
  | { type: "ack" }
  | { type: "partial"; text: string; startMs: number; speaker: string }
  | { type: "final"; segmentId: string; speaker: string; role: LiveRole; text: string; startMs: number; endMs: number }
  | { type: "sentiment"; segmentId: string; label: "positive" | "neutral" | "negative" | "mixed"; scores: Record<string, number> }
  | { type: "topic_covered"; itemId: string; text: string; segmentId: string; matchedTerms: string[] }
  | ({ type: "suggestion" } & LiveSuggestion)
  | { type: "suggestion-withdrawn"; id: string; reason: LiveSuggestionWithdrawal }
  | { type: "warning"; code: string; message: string }
  | { type: "ended"; sessionId: string; status: string; reason: string }
  | { type: "error"; code: string; message: string }
);

/** What the therapist asks for when starting (`start` without the token and the format). */
export interface LiveStartRequest {
  patientId: string;
  title: string;
  /** True shows the title to the patient; false gives them a neutral one. */
  titleShared?: boolean;
  /** `mono`: one microphone for the room; `therapist-left`: a stereo microphone, therapist left, patient right. */
  microphone: "mono" | "therapist-left";
  /** Today's topics; omitted, the server takes the previous session's follow-ups and concerns. */
  agenda?: string[];
  /** The progress-note format of the session's notes. */
  noteFormat?: "confide" | "soap" | "dap" | "birp";
  /** How long the session is planned to last (1 to 240 minutes): near its end, topics not yet covered are suggested. */
  plannedMinutes?: number;
}
