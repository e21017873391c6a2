/** The shapes of the API the console reads, from @confide/client (generated from /openapi.json). */
import type { SessionStatus } from "@confide/client";

export type { Role, SessionStatus, SessionSummary, User } from "@confide/client";

/** Statuses after which a session changes only when someone acts on it. */
export const settledStatuses: readonly SessionStatus[] = ["ready", "finalized", "failed"];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SessionQuery {
  patientId?: string;
  status?: SessionStatus[];
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

/** How the recording's channels map to speakers. */
export type ChannelLayout = "mono" | "therapist-left" | "therapist-right";

/** What the upload form sends. */
export interface UploadForm {
  patientId: string;
  title: string;
  /** True shows the title to the patient; false gives them a neutral one. */
  titleShared: boolean;
  channelLayout: ChannelLayout;
  /** The progress-note format of the session's notes (the therapist's default unless changed). */
  noteFormat?: "confide" | "soap" | "dap" | "birp";
  audio: File;
}
