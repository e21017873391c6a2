import type { NoteFormat } from "./note-formats.ts";
import type { VoiceEnrolment } from "./voice-enrolment.ts";

export type Role = "therapist" | "patient" | "admin";

export interface Consent {
  /** What was agreed to, e.g. "recording-and-analysis-v1". */
  terms: string;
  agreedAt: Date;
}

export interface User {
  id: string;
  /** Stored lower-cased; unique. */
  email: string;
  displayName: string;
  role: Role;
  /** scrypt hash in the form produced by `hashPassword`; never leaves core's account use cases. */
  passwordHash: string;
  consent: Consent | null;
  active: boolean;
  /**
   * Generation of the user's access tokens, carried in each token: raising it ends every access
   * token issued before (logout, password change, refresh-token reuse, erasure). Starts at 0.
   */
  tokenGeneration: number;
  /**
   * A therapist's enrolled voice (an embedding, never audio); absent when none. Biometric:
   * never leaves core except as `summarizeVoiceEnrolment`.
   */
  voice?: VoiceEnrolment;
  /**
   * A therapist's default note format: what an upload or live start that names none is
   * written in. Absent: `confide`. Not PHI.
   */
  defaultNoteFormat?: NoteFormat;
  createdAt: Date;
  updatedAt: Date;
}

/** A therapist treats a patient. */
export interface CareRelation {
  therapistId: string;
  patientId: string;
  createdAt: Date;
}

/** Who is calling a use case. The host derives it from a verified access token. */
export interface Actor {
  userId: string;
  role: Role;
}

/** The shape of a user that may leave core: no password hash, no token generation, no voice embedding. */
export type PublicUser = Omit<User, "passwordHash" | "tokenGeneration" | "voice">;

export function toPublicUser(user: User): PublicUser {
  const { passwordHash: _omitted, tokenGeneration: _internal, voice: _biometric, ...rest } = user;
  return rest;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
