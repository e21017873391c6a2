import type { Ids } from "../ports/ids.ts";

/** Ids "id-000001", "id-000002"… in order; deterministic for tests. */
export function createSequentialIds(prefix = "id"): Ids {
  let next = 0;
  return { newId: () => `${prefix}-${String(++next).padStart(6, "0")}` };
}
