import type { CareRelation, Role, User } from "../domain/user.ts";
import type { Page, PageRequest } from "./page.ts";

export interface UserQuery extends PageRequest {
  role?: Role;
  /** Case-insensitive substring of display name or email. */
  text?: string;
}

/** Persists accounts and care relations. Lists are ordered by display name, then id. */
export interface UserRepository {
  /**
   * @throws ConfideError `user.email_taken` when the (lower-cased) email exists.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  create(user: User): Promise<void>;

  /**
   * @returns the user or null.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  get(id: string): Promise<User | null>;

  /**
   * @returns the user with this email (compared lower-cased) or null.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  getByEmail(email: string): Promise<User | null>;

  /**
   * Replaces the stored user, except `tokenGeneration`: only `revokeAccessTokens` changes it,
   * so a write based on an older read cannot bring revoked tokens back. A user without `voice`
   * has its stored voice enrolment removed.
   * @throws ConfideError `user.not_found`, `user.email_taken`.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  update(user: User): Promise<void>;

  /**
   * Ends every access token issued to the user so far: adds one to `tokenGeneration`
   * atomically (concurrent calls each add one).
   * @returns the new generation.
   * @throws ConfideError `user.not_found` when there is no such user.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  revokeAccessTokens(id: string): Promise<number>;

  /**
   * Removes the user and their care relations. A missing id does not throw.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  delete(id: string): Promise<void>;

  /**
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  list(query: UserQuery): Promise<Page<User>>;

  /**
   * Links a therapist and a patient; linking twice does nothing.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  link(relation: CareRelation): Promise<void>;

  /**
   * Removes a link; a missing link does not throw.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  unlink(therapistId: string, patientId: string): Promise<void>;

  /**
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  isLinked(therapistId: string, patientId: string): Promise<boolean>;

  /**
   * Care relations in which the user is the therapist or the patient.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  relationsOf(userId: string): Promise<CareRelation[]>;

  /**
   * A therapist's patients, filtered like `list`.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  listPatients(therapistId: string, query: Omit<UserQuery, "role">): Promise<Page<User>>;

  close(): Promise<void>;
}
