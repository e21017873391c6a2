import { ConfideError } from "@confide/core";

export interface ReadinessEntry {
  name: string;
  ok: boolean;
  code?: string;
  message?: string;
}

const timeoutMs = 3_000;

async function probe(name: string, check: (signal: AbortSignal) => Promise<unknown>): Promise<ReadinessEntry> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    await Promise.race([
      check(signal),
      new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true })),
    ]);
    return { name, ok: true };
  } catch (error) {
    return {
      name,
      ok: false,
      code: ConfideError.is(error) ? error.code : "dependency.unavailable",
      message: ConfideError.is(error) ? error.message : `${name} did not answer within ${timeoutMs} ms`,
    };
  }
}

/** What every port has: a readiness check. */
export interface Checkable {
  check(options?: { signal?: AbortSignal }): Promise<void>;
}

/** The configured adapters, by the name of their entry. */
export interface ReadinessParts {
  repositories: Checkable;
  blobs: Checkable;
  speech: Checkable;
  language: Checkable;
  queue: Checkable;
  push: Checkable;
}

/** The name of the adapter configured for each port (the configuration's `adapters`). */
export type AdapterNames = Record<"repository" | "storage" | "speech" | "language" | "queue" | "push", string>;

/**
 * One entry per configured adapter, named `<kind>:<adapter>` (e.g. `database:postgres`), all
 * checked at once, each within `timeoutMs`.
 */
export async function checkReadiness(adapters: AdapterNames, parts: ReadinessParts): Promise<ReadinessEntry[]> {
  const entries: Array<[string, Checkable]> = [
    [`database:${adapters.repository}`, parts.repositories],
    [`storage:${adapters.storage}`, parts.blobs],
    [`speech:${adapters.speech}`, parts.speech],
    [`language:${adapters.language}`, parts.language],
    [`queue:${adapters.queue}`, parts.queue],
    [`push:${adapters.push}`, parts.push],
  ];
  return Promise.all(entries.map(([name, adapter]) => probe(name, (signal) => adapter.check({ signal }))));
}
