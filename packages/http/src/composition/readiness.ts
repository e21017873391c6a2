import { ConfideError, type JobQueue, type SessionEvents, type SpeechToText } from "@confide/core";
import type { Repositories } from "@confide/adapters-local";
import type { ConfideConfig } from "../config/config.ts";
import { sessionEventsAdapter } from "./adapter-modules.ts";

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

/** One entry per configured dependency that can be probed. */
export async function checkReadiness(
  config: ConfideConfig,
  parts: { repositories: Repositories; speech: Pick<SpeechToText, "check">; queue: JobQueue; events: Pick<SessionEvents, "check"> },
): Promise<ReadinessEntry[]> {
  const queue = parts.queue as JobQueue & { check?: (options?: { signal?: AbortSignal }) => Promise<void> };
  return Promise.all([
    probe(`database:${config.adapters.repository}`, () => parts.repositories.check()),
    probe(`speech:${config.adapters.speech}`, (signal) => parts.speech.check({ signal })),
    ...(queue.check ? [probe(`queue:${config.adapters.queue}`, (signal) => queue.check!({ signal }))] : []),
    probe(`events:${sessionEventsAdapter(config)}`, (signal) => parts.events.check({ signal })),
  ]);
}
