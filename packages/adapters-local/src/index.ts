export { createInProcessJobQueue, type InProcessJobQueueOptions } from "./in-process-job-queue.ts";
export { createBullMqJobQueue } from "./bullmq-job-queue.ts";
export { resolveBullMqSettings, type BullMqJobQueueSettings, type ResolvedBullMqJobQueueSettings } from "./bullmq-config.ts";
