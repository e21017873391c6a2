import { ConfideError } from "../errors.ts";
import type { Session } from "./session.ts";

/**
 * Refuses what needs a recording the retention policy deleted (playing it, transcribing it
 * again): the transcript and the rest of the session remain, the audio does not.
 * @throws ConfideError `audio.deleted` (not retryable) with when and under which rule.
 */
export function assertAudioKept(session: Pick<Session, "id" | "audio">): void {
  const removed = session.audio.removed;
  if (removed === undefined) return;
  throw new ConfideError("audio.deleted", "The recording of this session was deleted by the retention policy; its transcript remains.", {
    details: { sessionId: session.id, deletedAt: removed.at.toISOString(), rule: removed.rule },
  });
}
