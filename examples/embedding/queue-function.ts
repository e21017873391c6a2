/**
 * A queue-triggered function: each message is one of Confide's jobs (`{ name, payload }`, as core
 * enqueues it), processed by the worker's own handlers through `@confide/http/compose`. The
 * composition is made once per function instance (a cold start), then reused by every call.
 *
 * AWS Lambda with an SQS trigger calls `handler(event)` with `{ Records: [{ messageId, body }] }`;
 * Azure Functions with a Storage Queue trigger calls `azureQueueHandler(message, context)`.
 */
import { ConfideError } from "@confide/core/ports";
import { createConfide, type Confide, type QueuedJob } from "@confide/http/compose";

let confide: Promise<Confide> | undefined;

/** The composition of this function instance: made at the first call, from the function's CONFIDE_* settings. */
function composition(): Promise<Confide> {
  confide ??= createConfide(process.env).catch((error: unknown) => {
    confide = undefined; // the next call tries again
    throw error;
  });
  return confide;
}

/** One SQS record, as Lambda passes it. */
export interface SqsRecord {
  messageId: string;
  body: string;
  attributes?: { ApproximateReceiveCount?: string };
}

/**
 * AWS Lambda (SQS trigger): runs each message's job in turn. A job that throws fails the
 * invocation, and SQS redelivers the message after its visibility timeout.
 */
export async function handler(event: { Records: SqsRecord[] }): Promise<void> {
  await sqsHandler(await composition())(event);
}

/** The Lambda handler's body for a given composition. */
export function sqsHandler({ runJob }: Confide): (event: { Records: SqsRecord[] }) => Promise<void> {
  return async (event) => {
    for (const record of event.Records) {
      const job = jobOf(record);
      await runJob({
        name: job.name,
        payload: job.payload,
        jobId: record.messageId,
        attempt: Number(record.attributes?.ApproximateReceiveCount ?? "1"),
      });
    }
  };
}

/**
 * The job a message carries.
 * @throws ConfideError `validation.invalid_input` for a body that is not a job (no retry fixes it).
 */
function jobOf(record: SqsRecord): Pick<QueuedJob, "name" | "payload"> {
  let job: unknown;
  try {
    job = JSON.parse(record.body);
  } catch (error) {
    throw new ConfideError("validation.invalid_input", `Message ${record.messageId} is not JSON.`, { cause: error, details: { field: "body" } });
  }
  if (typeof job !== "object" || job === null || typeof (job as { name?: unknown }).name !== "string") {
    throw new ConfideError("validation.invalid_input", `Message ${record.messageId} names no job.`, { details: { field: "body" } });
  }
  const { name, payload } = job as { name: string; payload?: QueuedJob["payload"] };
  return { name, payload: payload ?? {} };
}

/** Azure Functions (Storage Queue trigger): the message is the job, already parsed from JSON. */
export async function azureQueueHandler(message: Pick<QueuedJob, "name" | "payload">, context: { invocationId: string; triggerMetadata?: { dequeueCount?: number } }): Promise<void> {
  const { runJob } = await composition();
  await runJob({ ...message, jobId: context.invocationId, attempt: context.triggerMetadata?.dequeueCount ?? 1 });
}

/** Closes this instance's composition (a test, or a function host's shutdown hook). */
export async function closeFunction(): Promise<void> {
  const current = confide;
  confide = undefined;
  await (await current)?.close();
}
