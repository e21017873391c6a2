import type { Session, SessionSummary } from "../domain/session.ts";
import type { SessionStatus } from "../domain/session-status.ts";
import type { RetentionRule } from "../domain/retention.ts";
import type { SearchAudience } from "../domain/session-search-terms.ts";
import type { Page, PageRequest } from "./page.ts";

export interface SessionQuery extends PageRequest {
  therapistId?: string;
  patientId?: string;
  statuses?: SessionStatus[];
  /** recordedAt >= recordedFrom */
  recordedFrom?: Date;
  /** recordedAt < recordedTo */
  recordedTo?: Date;
  /**
   * Search over what `searchAudience` may read of a session: the title and the transcript
   * segments' text, plus for a clinician every text of the clinical notes, for a patient the
   * patient summary of a finalized session (core's `sessionSearchIndex`). The query's words are core's
   * `searchWords` (NFKC, lower-cased, split at every character that is not a letter, mark or
   * digit); a session matches when every one of them is a whole word of its title or of one of
   * its segments, whatever the case. A store with stemming (a capability, see the contract)
   * also matches other inflections of a word ("run" finds "running"); none matches a fragment
   * ("runn"). A text without any word filters nothing.
   */
  text?: string;
  /**
   * Whose terms `text` is matched against; default `"patient"`, the narrower: a query that
   * forgets to say never reaches notes a patient may not read.
   */
  searchAudience?: SearchAudience;
}

/** The few columns of a session an event stream follows: no transcript, sentiment or review. */
export interface SessionState {
  therapistId: string;
  patientId: string;
  status: SessionStatus;
  version: number;
  updatedAt: Date;
}

/**
 * Which sessions a retention rule reaches, one bounded batch at a time (keyset: pass the last
 * candidate's `at` and `id` as `after` for the next batch).
 */
export interface RetentionCandidateQuery {
  /**
   * `audio`: finalized sessions whose recording is still kept (`audio.removed` absent), by
   * `review.finalizedAt`; `session`: finalized sessions, by `review.finalizedAt`; `failed`:
   * failed sessions, by `updatedAt` (a failed session is not written until retried).
   */
  rule: RetentionRule;
  /** Only sessions whose date (above) is strictly before this. */
  before: Date;
  /** Only candidates after this one in the order (`at`, then `id`, ascending). */
  after?: { at: Date; id: string };
  /** 1–1000. */
  limit: number;
}

/** A session a retention rule reaches: its ids and the date the rule counts from, no content. */
export interface RetentionCandidate {
  id: string;
  therapistId: string;
  patientId: string;
  status: SessionStatus;
  /** `review.finalizedAt` (rules `audio`, `session`) or `updatedAt` (rule `failed`). */
  at: Date;
}

/** Persists sessions. Results are ordered by recordedAt descending, then id descending. */
export interface SessionRepository {
  /**
   * Stores a new session as given (its `version` is stored as is).
   * @throws ConfideError `session.version_conflict` when the id exists.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  create(session: Session): Promise<void>;

  /**
   * @returns the session, or null when missing.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  get(id: string): Promise<Session | null>;

  /**
   * A cheap read of what changes on every write, without the session's document (adapters read
   * only these fields: no transcript or words are loaded).
   * @returns the session's state, or null when missing.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  getStatus(id: string): Promise<SessionState | null>;

  /**
   * Conditional write: stores `session` with `version = expectedVersion + 1` and
   * `updatedAt` as given, only if the stored version is `expectedVersion`.
   * @returns the stored session.
   * @throws ConfideError `session.version_conflict` when the stored version differs,
   * `session.not_found` when the session is gone.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  update(session: Session, expectedVersion: number): Promise<Session>;

  /**
   * Removes the session and everything stored with it. A missing id does not throw.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  delete(id: string): Promise<void>;

  /**
   * Pages through sessions matching every given filter, as summaries (core's `summarize`): a
   * listing never reads transcripts or sentiment. `get` gives a whole session.
   * @throws ConfideError `validation.invalid_input` for a limit outside 1–100 or a bad cursor.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  list(query: SessionQuery): Promise<Page<SessionSummary>>;

  /**
   * Sessions in one of `statuses` not written since `updatedBefore`, oldest first.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  findStale(options: { statuses: SessionStatus[]; updatedBefore: Date; limit: number }): Promise<Session[]>;

  /**
   * The sessions `query.rule` reaches before `query.before`, oldest first (`at` ascending, then
   * id ascending), at most `limit`, after `query.after` when given. Reads no transcript.
   * @returns `[]` when none remain.
   * @throws ConfideError `validation.invalid_input` for a limit outside 1–1000.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  findRetentionCandidates(query: RetentionCandidateQuery): Promise<RetentionCandidate[]>;

  close(): Promise<void>;
}
