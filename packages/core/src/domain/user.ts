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

/** The shape of a user that may leave core: no password hash. */
export type PublicUser = Omit<User, "passwordHash">;

export function toPublicUser(user: User): PublicUser {
  const { passwordHash: _omitted, ...rest } = user;
  return rest;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
