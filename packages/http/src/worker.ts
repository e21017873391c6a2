import { createJobHandlers, enqueueRetentionSweep, recoverStaleSessions } from "@confide/core";
import type { Runtime } from "./composition/compose-runtime.ts";

export interface Worker {
  /** Stops the recovery and retention timers; the queue itself is closed by runtime.close(). */
  stop(): void;
}

/**
 * Runs the queue handlers in this process, and two periodic sweeps:
 * - recovery: at start and then every half lease, sessions stuck in flight are re-enqueued
 *   (idempotent job ids make that safe);
 * - retention (when a rule is set): at start and then every `CONFIDE_RETENTION_SWEEP_INTERVAL_MS`,
 *   the interval's `retention.sweep` job is enqueued. Its job id names the interval, so however
 *   many workers ask, the queue runs one sweep per interval, on whichever worker takes it.
 */
export async function startWorker(runtime: Pick<Runtime, "deps" | "config" | "telemetry">): Promise<Worker> {
  const { deps, config } = runtime;
  await deps.queue.start(createJobHandlers(deps), { concurrency: config.workerConcurrency, maxAttempts: 5 });
  const sweep = async () => {
    try {
      const count = await recoverStaleSessions(deps);
      if (count > 0) {
        deps.logger.info("recovery sweep re-enqueued sessions", { count });
        runtime.telemetry?.sessionsRecovered(count);
      }
    } catch (error) {
      deps.logger.warn("recovery sweep failed", { error });
    }
  };
  const askRetentionSweep = async () => {
    try {
      await enqueueRetentionSweep(deps, { intervalMs: config.retentionSweepIntervalMs });
    } catch (error) {
      deps.logger.warn("retention sweep could not be enqueued; the next interval tries again", { error });
    }
  };
  await sweep();
  await askRetentionSweep();
  const timer = setInterval(sweep, Math.max(1_000, Math.floor(config.leaseMs / 2)));
  timer.unref();
  // Ticks at a third of the interval, so every interval gets its job even when a tick runs late.
  const retentionTimer = setInterval(askRetentionSweep, Math.max(1_000, Math.floor(config.retentionSweepIntervalMs / 3)));
  retentionTimer.unref();
  deps.logger.info("worker started", { concurrency: config.workerConcurrency, queue: config.adapters.queue, retention: config.retention });
  return {
    stop: () => {
      clearInterval(timer);
      clearInterval(retentionTimer);
    },
  };
}
