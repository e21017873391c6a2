import type { AdapterDescriptor, JobQueue } from "@confide/core/ports";
import { bullMqSettings, type BullMqVariables } from "./settings.ts";

/** Jobs in BullMQ on Redis, run by any worker process (`CONFIDE_QUEUE=bullmq`). */
export const bullMqDescriptor = {
  port: "queue",
  name: "bullmq",
  settings: bullMqSettings,
  async create(settings) {
    const { createBullMqJobQueue } = await import("./bullmq-job-queue.ts");
    return createBullMqJobQueue({
      url: settings.CONFIDE_REDIS_URL,
      prefix: settings.CONFIDE_QUEUE_PREFIX,
      lockDurationMs: settings.CONFIDE_QUEUE_STALLED_MS,
      stalledIntervalMs: settings.CONFIDE_QUEUE_STALLED_MS,
    });
  },
} satisfies AdapterDescriptor<JobQueue, BullMqVariables>;
