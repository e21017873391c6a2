import type { ConfideDeps } from "../../deps.ts";
import { inFlightStatuses } from "../../domain/session-status.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";

/** When to suggest trying again: a short recording is processed in about this long. */
const retryAfterMs = 60_000;

/**
 * Refuses another upload while the therapist has `settings.maxSessionsInProcessing` sessions in
 * processing (OWASP API4: one account cannot fill the workers' queue).
 * @throws ConfideError `upload.quota_exceeded` (retryable, retryAfterMs) at the limit.
 */
export async function assertProcessingCapacity(deps: Pick<ConfideDeps, "sessions" | "settings">, actor: Actor): Promise<void> {
  const limit = deps.settings.maxSessionsInProcessing;
  let counted = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.sessions.list({
      therapistId: actor.userId,
      statuses: [...inFlightStatuses],
      limit: Math.min(100, limit - counted),
      ...(cursor === undefined ? {} : { cursor }),
    });
    counted += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (counted < limit && cursor !== undefined);
  if (counted >= limit) {
    throw new ConfideError(
      "upload.quota_exceeded",
      `You have ${limit} sessions in processing; upload another when one of them is ready.`,
      { retryable: true, retryAfterMs, details: { quota: "sessions_in_processing", limit } },
    );
  }
}
