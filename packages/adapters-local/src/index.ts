export { createInProcessJobQueue, type InProcessJobQueueOptions } from "./in-process-job-queue.ts";
