import { useEffect, useState } from "preact/hooks";
import { listPatients } from "../api/api.ts";
import type { User } from "../api/api-types.ts";

/** Patients read for one picker: a therapist's list fits one page in practice; more pages are read up to this. */
const maxPatients = 500;

/** The therapist's patients (every page, up to `maxPatients`); null while loading. */
export function usePatients(): { patients: User[] | null; error: unknown } {
  const [patients, setPatients] = useState<User[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all: User[] = [];
      let cursor: string | undefined;
      do {
        const page = await listPatients({ limit: 100, ...(cursor ? { cursor } : {}) });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && all.length < maxPatients);
      if (!cancelled) setPatients(all.sort((a, b) => a.displayName.localeCompare(b.displayName)));
    })().catch((failure: unknown) => {
      if (!cancelled) setError(failure);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return { patients, error };
}
