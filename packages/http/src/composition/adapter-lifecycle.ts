import { adapterPorts, adapterPortToken } from "@confide/core";
import type { AdapterPort, AdapterPortTypes } from "@confide/core/ports";
import type { Container } from "inversify";
import type { ReadinessParts } from "./readiness.ts";

/** What a port's adapter may have besides its port's methods: a readiness check and a close. */
interface Lifecycle {
  check?(options?: { signal?: AbortSignal }): Promise<void>;
  close?(...args: never[]): Promise<void>;
}

const lifecycleOf = (adapter: unknown): Lifecycle => adapter as Lifecycle;

/** The adapter the container holds for `port`, created on first resolution. */
export function resolveAdapter<P extends AdapterPort>(container: Container, port: P): Promise<AdapterPortTypes[P]> {
  return container.getAsync<AdapterPortTypes[P]>(adapterPortToken(port));
}

/**
 * Every port's adapter, resolved one after another in the port list's order, not all at once:
 * adapters load their SDKs when created, and two SDKs sharing a CommonJS dependency that
 * requires an ES module (the Azure SDKs' core runtime and https-proxy-agent) fail with
 * ERR_REQUIRE_ESM_RACE_CONDITION when one loads it by import() while the other require()s it.
 * Loading modules is the main thread's work either way. `already` holds adapters whose creation
 * is under way (the speech engine checked early).
 */
export async function resolveAdapters(
  container: Container,
  already: { [P in AdapterPort]?: Promise<AdapterPortTypes[P]> | undefined } = {},
): Promise<AdapterPortTypes> {
  const adapters: Partial<Record<AdapterPort, unknown>> = {};
  for (const port of adapterPorts) {
    adapters[port] = await (already[port] ?? resolveAdapter(container, port));
  }
  return adapters as AdapterPortTypes;
}

/** Each port's readiness check; a port whose adapters have none (the agenda matcher) is ready once created. */
export function readinessOf(adapters: AdapterPortTypes, overrides: Partial<ReadinessParts> = {}): ReadinessParts {
  const parts: Partial<ReadinessParts> = {};
  for (const port of adapterPorts) {
    const adapter = lifecycleOf(adapters[port]);
    parts[port] = overrides[port] ?? { check: (options) => adapter.check?.(options) ?? Promise.resolve() };
  }
  return parts as ReadinessParts;
}

/**
 * Closes every adapter: the queue first, within `queueTimeoutMs` (a handler still running may
 * publish a change, so the others stay open until it is done), then the others at once, then
 * the repositories last (the others may write to them while closing). A failure to close one
 * does not keep the others open.
 */
export async function closeAdapters(adapters: AdapterPortTypes, queueTimeoutMs: number): Promise<void> {
  await adapters.queue.close({ timeoutMs: queueTimeoutMs });
  const between = adapterPorts.filter((port) => port !== "queue" && port !== "repository");
  await Promise.allSettled(between.map((port) => lifecycleOf(adapters[port]).close?.()));
  await adapters.repository.close();
}
