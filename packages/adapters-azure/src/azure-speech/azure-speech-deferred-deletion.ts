import { ConfideError, loggableCode, type Logger } from "@confide/core/ports";
import type { SpeechClient } from "./azure-speech-client.ts";

/**
 * The `description` a transcription gets when its deletion was refused because it is still
 * NotStarted or Running (`DeleteNotAllowed`, REST 2024-11-15: "there is no way to stop a running
 * task"). Kept at the service with the job itself — durable across restarts, shared by every
 * worker — and found again by the list's `filter` on `description` (2024-11-15
 * `Transcriptions_List`: "displayName, description, createdDateTime, lastActionDateTime, status
 * and locale").
 */
export const deleteWhenFinishedMark = "confide: delete when finished";

/** The service's detailed code for a refused deletion of a NotStarted or Running job. */
const deleteNotAllowed = "DeleteNotAllowed";
/** Most pages of the list read in one sweep (100 jobs a page). */
const maxSweepPages = 20;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** True for the service's refusal to delete a job that has not finished. */
export function isDeleteNotAllowed(error: unknown): boolean {
  return ConfideError.is(error, "provider.rejected") && (error as ConfideError).details?.reason === deleteNotAllowed;
}

/** True for a job whose deletion waits for its end. */
export function isMarkedForDeletion(transcription: Record<string, unknown>): boolean {
  return transcription.description === deleteWhenFinishedMark;
}

export interface DeferredDeletions {
  /**
   * Marks a job the service refused to delete, so that a later sweep deletes it once it ends.
   * @throws ConfideError as `SpeechClient.send` (the mark is then not set: the caller's discard fails, and is tried again).
   */
  mark(id: string, signal: AbortSignal | undefined): Promise<void>;
  /**
   * Deletes every marked job that has ended (Succeeded or Failed), when the last sweep (or the
   * start) is at least `intervalMs` old. Never throws: a failure is logged and the next sweep tries again.
   * @returns how many jobs it deleted.
   */
  sweepWhenDue(signal: AbortSignal | undefined): Promise<number>;
  /** Sweeps now, whatever the interval (the cloud check, tests). @throws ConfideError as `SpeechClient.send`. */
  sweep(signal: AbortSignal | undefined): Promise<number>;
}

/** The deletions Azure Speech refused while their jobs ran, completed by later sweeps. */
export function createDeferredDeletions(client: SpeechClient, options: { intervalMs: number; logger: Logger; now?: () => number }): DeferredDeletions {
  const now = options.now ?? Date.now;
  // The first sweep is one interval after start: a worker that restarts often still sweeps, and
  // a burst of calls at start-up is not slowed (nor its throttling answered) by the list.
  let lastSweepAt = now();
  let running: Promise<number> | undefined;

  async function sweep(signal: AbortSignal | undefined): Promise<number> {
    lastSweepAt = now();
    let deleted = 0;
    let path: string | undefined = "/transcriptions";
    let query: Record<string, string> | undefined = { filter: `description eq '${deleteWhenFinishedMark}'` };
    for (let page = 0; path !== undefined && page < maxSweepPages; page += 1) {
      const answer = await client.send({ method: "GET", path, ...(query === undefined ? {} : { query }), authenticated: true, what: "the list of jobs to delete", signal });
      const values = isRecord(answer.json) && Array.isArray(answer.json.values) ? answer.json.values.filter(isRecord) : [];
      for (const transcription of values) {
        // The filter is the service's; the mark is checked again here all the same.
        if (!isMarkedForDeletion(transcription) || (transcription.status !== "Succeeded" && transcription.status !== "Failed")) continue;
        const self = typeof transcription.self === "string" && URL.canParse(transcription.self) ? new URL(transcription.self).pathname.split("/").pop() : undefined;
        if (self === undefined || !/^[A-Za-z0-9-]{1,100}$/.test(self)) continue;
        await client.send({ method: "DELETE", path: `/transcriptions/${self}`, authenticated: true, accept: [404], what: `the deferred deletion of job ${self}`, signal });
        deleted += 1;
      }
      const next = isRecord(answer.json) ? answer.json["@nextLink"] : undefined;
      path = typeof next === "string" && next !== "" ? next : undefined;
      query = undefined;
    }
    if (deleted > 0) options.logger.info("speech.deferred_deletion.done", { provider: "azure-speech", deleted });
    return deleted;
  }

  return {
    async mark(id, signal) {
      await client.send({ method: "PATCH", path: `/transcriptions/${id}`, body: { description: deleteWhenFinishedMark }, authenticated: true, what: `marking job ${id} for deletion`, signal });
    },
    async sweepWhenDue(signal) {
      if (running !== undefined || now() - lastSweepAt < options.intervalMs) return 0;
      running = sweep(signal);
      try {
        return await running;
      } catch (error) {
        options.logger.warn("speech.deferred_deletion.sweep_failed", { provider: "azure-speech", code: loggableCode(error) });
        return 0;
      } finally {
        running = undefined;
      }
    },
    sweep,
  };
}
