import { type AdapterPort, ConfideError } from "@confide/core/ports";

/**
 * One dependency's answer to a readiness check: its name (`database:postgres`), whether it
 * answered, and when not, the error code and a message (the message goes to the log, never to
 * the caller: it may name hosts and paths).
 */
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

/** The configured adapter of each port. */
export type ReadinessParts = Record<AdapterPort, Checkable>;

/** The name of the adapter configured for each port (the configuration's `adapters`). */
export type AdapterNames = Record<AdapterPort, string>;

/** How an entry names its port: the repositories are the database. */
const entryKind = (port: AdapterPort): string => (port === "repository" ? "database" : port);

/**
 * One entry per configured adapter, named `<kind>:<adapter>` (e.g. `database:postgres`,
 * `events:redis`), all checked at once, each within `timeoutMs`.
 */
export async function checkReadiness(adapters: AdapterNames, parts: ReadinessParts): Promise<ReadinessEntry[]> {
  const ports = Object.keys(parts) as AdapterPort[];
  return Promise.all(
    ports.map((port) => probe(`${entryKind(port)}:${adapters[port]}`, (signal) => parts[port].check({ signal }))),
  );
}
