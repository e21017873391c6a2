import { type ConfideDeps, createJobHandlers } from "@confide/core";
import { ConfideError, type JobPayload } from "@confide/core/ports";

/** One job as a queue service delivers it to a function (an SQS message's body, an Azure queue message). */
export interface QueuedJob {
  /** The job's name as core enqueued it (`session.process`, `retention.sweep`). */
  name: string;
  payload: JobPayload;
  /** The queue's id of the delivery, for the logs; a generated one when absent. */
  jobId?: string;
  /** 1 on the first delivery (the default); the service's receive count on a redelivery. */
  attempt?: number;
}

/**
 * Runs one job with the worker's own handlers, without a queue: what a queue-triggered function
 * (AWS Lambda, Azure Functions) does with each message. Resolves when the job is done; a job
 * core schedules for later (a delayed poll, a retry) is enqueued on `deps.queue` as usual.
 * @throws ConfideError `validation.invalid_input` for a job name core does not handle (a retry
 * cannot fix it: the function should drop the message); whatever the handler throws otherwise,
 * so the service redelivers it.
 */
export function createJobRunner(deps: ConfideDeps): (job: QueuedJob, options?: { signal?: AbortSignal }) => Promise<void> {
  const handlers = createJobHandlers(deps);
  return async (job, options = {}) => {
    const handler = Object.hasOwn(handlers, job.name) ? handlers[job.name] : undefined;
    if (!handler) {
      throw new ConfideError("validation.invalid_input", `No job is called "${job.name}".`, { details: { field: "name" } });
    }
    await handler(job.payload ?? {}, {
      jobId: job.jobId ?? `${job.name}-${deps.ids.newId()}`,
      attempt: job.attempt ?? 1,
      signal: options.signal ?? new AbortController().signal,
    });
  };
}
