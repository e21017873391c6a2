import { jobNames, type ConfideDeps } from "../../deps.ts";
import type { JobHandler } from "../../ports/job-queue.ts";
import { sweepRetention } from "../retention/sweep-retention.ts";
import { processSession } from "./process-session.ts";

/** The handlers of every job core enqueues, by job name: what a worker passes to `queue.start`. */
export function createJobHandlers(deps: ConfideDeps): Record<string, JobHandler> {
  return {
    // One sweep of the retention policy; a failure is thrown so the queue tries again (idempotent).
    [jobNames.retentionSweep]: async (_payload, context) => {
      await sweepRetention(deps, { signal: context.signal });
    },
    [jobNames.processSession]: async (payload, context) => {
      const { sessionId, version } = payload;
      if (typeof sessionId !== "string" || sessionId === "") {
        // Retrying cannot fix a malformed payload: log and drop the job.
        deps.logger.error("job.invalid_payload", { jobId: context.jobId, name: jobNames.processSession });
        return;
      }
      await processSession(deps, {
        sessionId,
        ...(typeof version === "number" ? { expectedVersion: version } : {}),
        signal: context.signal,
      });
    },
  };
}
