/** The shapes of the API the console reads (see /openapi.json). */

export type Role = "therapist" | "patient" | "admin";

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export type SessionStatus = "uploaded" | "queued" | "transcribing" | "analyzing" | "writing_notes" | "ready" | "finalized" | "failed";

export const sessionStatuses: readonly SessionStatus[] = [
  "uploaded",
  "queued",
  "transcribing",
  "analyzing",
  "writing_notes",
  "ready",
  "finalized",
  "failed",
];

/** Statuses after which a session changes only when someone acts on it. */
export const settledStatuses: readonly SessionStatus[] = ["ready", "finalized", "failed"];

export interface SessionSummary {
  id: string;
  therapistId: string;
  patientId: string;
  title: string;
  status: SessionStatus;
  recordedAt: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  durationMs: number | null;
  segmentCount: number;
  finalizedAt: string | null;
}

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

export interface UploadInput {
  patientId: string;
  title: string;
  channelLayout: ChannelLayout;
  audio: File;
}

export interface StatusEvent {
  status: SessionStatus;
  version: number;
  updatedAt: string;
}
