import type { LegalHold } from "../domain/legal-hold.ts";

/**
 * Persists legal holds. A hold is never deleted: releasing it records who and when, so the
 * history of holds stays. A patient has few holds: listings are not paged.
 */
export interface LegalHoldRepository {
  /**
   * Stores a new hold as given.
   * @throws ConfideError `validation.invalid_input` when a hold with this id exists.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  create(hold: LegalHold): Promise<void>;

  /**
   * @returns the hold, or null when there is none with this id.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  get(id: string): Promise<LegalHold | null>;

  /**
   * Marks the hold released, by `releasedBy` at `releasedAt`, unless it is released already:
   * a second release keeps the first one's who and when (releasing is idempotent).
   * @returns the stored hold.
   * @throws ConfideError `legal_hold.not_found` when there is none with this id.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  release(id: string, release: { releasedAt: Date; releasedBy: string }): Promise<LegalHold>;

  /**
   * Every hold whose `patientId` is this patient — on the patient and on any of their
   * sessions — newest first (`setAt` descending, then id descending). With `activeOnly`, only
   * those not released. An unknown patient has none: `[]`.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  listByPatient(patientId: string, options?: { activeOnly?: boolean }): Promise<LegalHold[]>;

  close(): Promise<void>;
}
