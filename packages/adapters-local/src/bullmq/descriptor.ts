import type { AdapterDescriptor, JobQueue } from "@confide/core/ports";
import { bullMqSettings, type BullMqSettings } from "./settings.ts";

/** Jobs in BullMQ on Redis, run by any worker process (`CONFIDE_QUEUE=bullmq`). */
export const bullMqDescriptor = {
  port: "queue",
  name: "bullmq",
  settings: bullMqSettings,
  async create(settings) {
    const { createBullMqJobQueue } = await import("./bullmq-job-queue.ts");
    return createBullMqJobQueue(settings);
  },
} satisfies AdapterDescriptor<JobQueue, BullMqSettings>;
