import { ConfideError } from "../errors.ts";
import type { EnqueueOptions } from "./job-queue.ts";

/** The longest job id every queue accepts (BullMQ keeps ids in Redis keys). */
export const jobIdMaxLength = 200;

const jobIdPattern = new RegExp(`^[A-Za-z0-9_-]{1,${jobIdMaxLength}}$`);
const allDigits = /^[0-9]+$/;

/**
 * Checks a job id against the JobQueue port's rule: 1 to `jobIdMaxLength` of `[A-Za-z0-9_-]`,
 * not all digits (BullMQ keeps all-digit ids for its own counter and uses `:` as its key
 * separator). Every queue, in memory or not, applies this one rule.
 * @throws ConfideError `validation.invalid_input`.
 */
export function assertValidJobId(jobId: string): void {
  if (typeof jobId !== "string" || !jobIdPattern.test(jobId) || allDigits.test(jobId)) {
    throw new ConfideError(
      "validation.invalid_input",
      `Job id ${JSON.stringify(jobId)} is not valid: use 1 to ${jobIdMaxLength} letters, digits, "_" or "-", not digits alone.`,
      { details: { field: "jobId" } },
    );
  }
}

/** @throws ConfideError `validation.invalid_input` for an empty job name. */
export function assertValidJobName(name: string): void {
  if (typeof name !== "string" || name.trim() === "") {
    throw new ConfideError("validation.invalid_input", "A job needs a non-empty name.", {
      details: { field: "name" },
    });
  }
}

/**
 * Checks the arguments of `JobQueue.enqueue` (name, job id, delay); every queue calls it first.
 * @returns the delay in milliseconds (0 when absent).
 * @throws ConfideError `validation.invalid_input`.
 */
export function checkEnqueueArguments(name: string, options: EnqueueOptions): number {
  assertValidJobName(name);
  assertValidJobId(options?.jobId);
  const delayMs = options.delayMs ?? 0;
  if (!Number.isFinite(delayMs) || delayMs < 0) {
    throw new ConfideError("validation.invalid_input", "delayMs must be a non-negative number.", {
      details: { field: "delayMs" },
    });
  }
  return delayMs;
}
