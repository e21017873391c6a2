import { createJobHandlers, recoverStaleSessions } from "@confide/core";
import type { Runtime } from "./composition/runtime.ts";

export interface Worker {
  /** Stops the recovery sweep; the queue itself is closed by runtime.close(). */
  stop(): void;
}

/**
 * Runs the queue handlers in this process, and the recovery sweep: at start and then every
 * half lease, sessions stuck in flight are re-enqueued (idempotent job ids make that safe).
 */
export async function startWorker(runtime: Runtime): Promise<Worker> {
  const { deps, config } = runtime;
  await deps.queue.start(createJobHandlers(deps), { concurrency: config.workerConcurrency, maxAttempts: 5 });
  const sweep = async () => {
    try {
      const count = await recoverStaleSessions(deps);
      if (count > 0) deps.logger.info("recovery sweep re-enqueued sessions", { count });
    } catch (error) {
      deps.logger.warn("recovery sweep failed", { error });
    }
  };
  await sweep();
  const timer = setInterval(sweep, Math.max(1_000, Math.floor(config.leaseMs / 2)));
  timer.unref();
  deps.logger.info("worker started", { concurrency: config.workerConcurrency, queue: config.adapters.queue });
  return { stop: () => clearInterval(timer) };
}
