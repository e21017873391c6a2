import type { ConfideDeps } from "../../deps.ts";
import { liveAudioPartKey } from "../../domain/live-session.ts";
import type { Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "./audit.ts";
import { discardProviderJob, type ProviderJobDiscard } from "./provider-job.ts";

/**
 * Erases one session: the speech provider's job (best effort, see `discardProviderJob`), then
 * the recording (and a live session's audio parts), then the record with its transcript, sentiment and review history. In that
 * order, so a failure leaves the record, and the erasure can be run again to finish.
 * @returns what became of the provider's job, for the audit trail (`deferred`: its deletion waits
 * for it to finish; `failed`: it may remain at the provider).
 * @throws errors of the blob store and the session repository (`dependency.unavailable`).
 */
export async function eraseSession(deps: ConfideDeps, session: Session): Promise<ProviderJobDiscard> {
  const providerJob = await discardProviderJob(deps, session, "delete");
  await deps.blobs.delete(session.audio.blobKey);
  // A live session's audio parts (all of them while it is live; any a crash left after its end).
  for (let index = 1; index <= (session.live?.parts ?? 0); index += 1) await deps.blobs.delete(liveAudioPartKey(session.audio.blobKey, index));
  await deps.sessions.delete(session.id);
  return providerJob;
}

const pageLimit = 100;

/**
 * Erases every session about a patient (`eraseSession`), auditing each as `session.delete` with
 * `reason`. Re-lists until none remain, so a session created while erasure runs is erased too.
 * @returns how many sessions were erased.
 * @throws errors of the blob store and the session repository; `internal` when an erased session
 * is still listed.
 */
export async function erasePatientSessions(
  deps: ConfideDeps,
  actor: Actor,
  patientId: string,
  reason: "user.erase" | "consent.withdrawn",
): Promise<number> {
  const deleted = new Set<string>();
  for (;;) {
    const page = await deps.sessions.list({ patientId, limit: pageLimit });
    if (page.items.length === 0) return deleted.size;
    for (const listed of page.items) {
      if (deleted.has(listed.id)) {
        throw new ConfideError("internal", "A deleted session is still listed; erasure stopped.", {
          details: { sessionId: listed.id },
        });
      }
      // A listing holds summaries: erasing takes the whole session (its recording, its provider job).
      const session = await deps.sessions.get(listed.id);
      // The record last: if anything before fails it remains, so a retry of the erasure finds it again.
      const providerJob = session === null ? "none" : await eraseSession(deps, session);
      deleted.add(listed.id);
      await audit(deps, actor, "session.delete", { sessionId: listed.id, subjectUserId: patientId, detail: { reason, providerJob } });
    }
  }
}
