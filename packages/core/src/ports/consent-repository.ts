import type { ConsentRecord } from "../domain/consent.ts";

/**
 * Persists patients' consent histories (domain/consent.ts). Append-only: records are never
 * changed or removed one by one; the only change after writing is `eraseReasons` when the
 * patient is erased.
 */
export interface ConsentRepository {
  /**
   * Appends a record at its `sequence` in the patient's history.
   * @returns the stored record, as written.
   * @throws ConfideError `consent.conflict` when the patient's history already holds a record at
   * that sequence (another writer appended first: read the history again and retry), or a record
   * with the same id.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  append(record: ConsentRecord): Promise<ConsentRecord>;

  /**
   * @returns the patient's history, oldest first (by sequence); empty for a patient with none
   * (also an unknown or erased id — consent records outlive the account, see `eraseReasons`).
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  history(patientId: string): Promise<ConsentRecord[]>;

  /**
   * Removes the free-text reasons from the patient's withdrawals (set to null), keeping every
   * record: what an erasure of the patient does to their consent history (the records stay as
   * proof that past processing was lawful; the reason is the one field that may hold more).
   * A patient with no history does not throw.
   * @returns how many records had a reason removed.
   * @throws ConfideError `dependency.unavailable` when the store cannot be reached or fails.
   */
  eraseReasons(patientId: string): Promise<number>;

  close(): Promise<void>;
}
