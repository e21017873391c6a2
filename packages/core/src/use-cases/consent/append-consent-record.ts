import type { ConfideDeps } from "../../deps.ts";
import type { ConsentRecord } from "../../domain/consent.ts";
import { ConfideError } from "../../errors.ts";

type Unplaced<R> = R extends ConsentRecord ? Omit<R, "id" | "sequence" | "at"> : never;

const attempts = 3;

/**
 * Appends a record after the patient's latest, with a new id and the clock's time. Two writers
 * racing for the same place: the repository refuses the second (`consent.conflict`), which
 * reads the history again and takes the next place.
 * @returns the stored record and the history it ends.
 * @throws ConfideError `consent.conflict` when it lost the race `attempts` times.
 */
export async function appendConsentRecord(
  deps: Pick<ConfideDeps, "consents" | "clock" | "ids">,
  record: Unplaced<ConsentRecord>,
): Promise<{ record: ConsentRecord; history: ConsentRecord[] }> {
  for (let attempt = 1; ; attempt += 1) {
    const history = await deps.consents.history(record.patientId);
    const placed = {
      ...record,
      id: deps.ids.newId(),
      sequence: (history.at(-1)?.sequence ?? 0) + 1,
      at: deps.clock.now(),
    } as ConsentRecord;
    try {
      const stored = await deps.consents.append(placed);
      return { record: stored, history: [...history, stored] };
    } catch (error) {
      if (!ConfideError.is(error, "consent.conflict") || attempt >= attempts) throw error;
    }
  }
}
