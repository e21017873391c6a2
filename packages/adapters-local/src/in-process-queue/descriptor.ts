import type { AdapterDescriptor, JobQueue } from "@confide/core/ports";
import { z } from "zod";

const inProcessQueueSettings = z.object({}).describe("in this process: the API runs the jobs");

/** Jobs queued and run in this process (`CONFIDE_QUEUE=in-process`). */
export const inProcessQueueDescriptor = {
  port: "queue",
  name: "in-process",
  settings: inProcessQueueSettings,
  async create() {
    const { createInProcessJobQueue } = await import("./in-process-job-queue.ts");
    return createInProcessJobQueue();
  },
} satisfies AdapterDescriptor<JobQueue, z.output<typeof inProcessQueueSettings>>;
