import type { ConfideDeps } from "../../deps.ts";
import { liveAudioPartKey } from "../../domain/live-session.ts";
import type { Session } from "../../domain/session.ts";
import { discardProviderJob } from "./provider-job.ts";

/**
 * Erases one session: the speech provider's job (best effort, see `discardProviderJob`), then
 * the recording (and a live session's audio parts), then the record with its transcript, sentiment and review history. In that
 * order, so a failure leaves the record, and the erasure can be run again to finish.
 * @throws errors of the blob store and the session repository (`dependency.unavailable`).
 */
export async function eraseSession(deps: ConfideDeps, session: Session): Promise<void> {
  await discardProviderJob(deps, session, "delete");
  await deps.blobs.delete(session.audio.blobKey);
  // A live session's audio parts (all of them while it is live; any a crash left after its end).
  for (let index = 1; index <= (session.live?.parts ?? 0); index += 1) await deps.blobs.delete(liveAudioPartKey(session.audio.blobKey, index));
  await deps.sessions.delete(session.id);
}
