import type { CareRelation, Role, User } from "../domain/user.ts";
import type { Page, PageRequest } from "./page.ts";

export interface UserQuery extends PageRequest {
  role?: Role;
  /** Case-insensitive substring of display name or email. */
  text?: string;
}

/** Persists accounts and care relations. Lists are ordered by display name, then id. */
export interface UserRepository {
  /** @throws ConfideError `user.email_taken` when the (lower-cased) email exists. */
  create(user: User): Promise<void>;

  /** @returns the user or null. */
  get(id: string): Promise<User | null>;

  /** @returns the user with this email (compared lower-cased) or null. */
  getByEmail(email: string): Promise<User | null>;

  /**
   * Replaces the stored user, except `tokenGeneration`: only `revokeAccessTokens` changes it,
   * so a write based on an older read cannot bring revoked tokens back. A user without `voice`
   * has its stored voice enrolment removed.
   * @throws ConfideError `user.not_found`, `user.email_taken`.
   */
  update(user: User): Promise<void>;

  /**
   * Ends every access token issued to the user so far: adds one to `tokenGeneration`
   * atomically (concurrent calls each add one).
   * @returns the new generation.
   * @throws ConfideError `user.not_found` when there is no such user.
   */
  revokeAccessTokens(id: string): Promise<number>;

  /** Removes the user and their care relations. A missing id does not throw. */
  delete(id: string): Promise<void>;

  list(query: UserQuery): Promise<Page<User>>;

  /** Links a therapist and a patient; linking twice does nothing. */
  link(relation: CareRelation): Promise<void>;

  /** Removes a link; a missing link does not throw. */
  unlink(therapistId: string, patientId: string): Promise<void>;

  isLinked(therapistId: string, patientId: string): Promise<boolean>;

  /** Care relations in which the user is the therapist or the patient. */
  relationsOf(userId: string): Promise<CareRelation[]>;

  /** A therapist's patients, filtered like `list`. */
  listPatients(therapistId: string, query: Omit<UserQuery, "role">): Promise<Page<User>>;

  close(): Promise<void>;
}
