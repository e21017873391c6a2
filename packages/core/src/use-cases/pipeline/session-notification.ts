import type { ConfideDeps } from "../../deps.ts";
import { riskFlagsOf } from "../../domain/note-evidence.ts";
import type { Session } from "../../domain/session.ts";
import { loggableCode } from "../../errors.ts";
import type { PushMessage } from "../../ports/push-notifier.ts";
import { isSuperseded, save, type Step } from "./session-write.ts";

/**
 * The push for a session that reached ready or failed: ids, status and counts only, never
 * clinical content. Notes that flag a risk — grounded or not — make it a high-priority message
 * carrying how many flags there are.
 */
function messageFor(session: Session): PushMessage {
  const data = { sessionId: session.id, status: session.status };
  const risks = session.notes ? riskFlagsOf(session.notes).length : 0;
  if (session.status === "ready" && risks > 0) {
    return {
      title: "Session ready: risk flagged",
      body: "The notes of a recorded session flag a possible risk. Please review it.",
      data: { ...data, riskFlags: String(risks) },
      priority: "high",
    };
  }
  if (session.status === "ready") {
    return { title: "Session ready for review", body: "A recorded session has been transcribed and analysed.", data };
  }
  return {
    title: "Session processing failed",
    body:
      session.processing.lastError?.retryable === true
        ? "A recorded session could not be processed. You can retry it in the app."
        : "A recorded session could not be processed.",
    data,
  };
}

/**
 * The run's last write (ready or failed) also claims the notification, so the delivery that
 * makes it, and only that one, sends the push: one conditional write where a separate claim
 * would take two. Stops the delivery.
 */
export async function finish(deps: ConfideDeps, next: Session, expectedVersion: number): Promise<Step> {
  const claim = next.processing.notifiedAt === null;
  const saved = await save(
    deps,
    claim ? { ...next, processing: { ...next.processing, notifiedAt: deps.clock.now() } } : next,
    expectedVersion,
  );
  if (saved && claim) await send(deps, saved);
  return null;
}

/**
 * Tells the therapist's devices, at most once per run: `notifiedAt` is claimed with a
 * conditional write before anything is sent. The message carries ids and status only.
 * For a session that reached ready or failed without the claim (a run that ended before
 * `finish` claimed it).
 */
export async function notify(deps: ConfideDeps, session: Session): Promise<void> {
  let current: Session | null = session;
  // A conflicting write (a review edit, another delivery) is re-read and the claim retried.
  for (let tries = 0; tries < 3 && current; tries += 1) {
    if (current.processing.notifiedAt !== null) return;
    if (current.status !== "ready" && current.status !== "failed") return;
    const now = deps.clock.now();
    let claimed: Session;
    try {
      claimed = await deps.sessions.update(
        { ...current, updatedAt: now, processing: { ...current.processing, notifiedAt: now } },
        current.version,
      );
    } catch (error) {
      if (!isSuperseded(error)) throw error;
      current = await deps.sessions.get(current.id);
      continue;
    }
    await send(deps, claimed);
    return;
  }
}

/** Sends the push. The claim is made, so failures are logged, never retried. */
async function send(deps: ConfideDeps, session: Session): Promise<void> {
  try {
    const devices = await deps.devices.listByUser(session.therapistId);
    if (devices.length === 0) {
      deps.logger.info("session.notify.no_devices", { sessionId: session.id });
      return;
    }
    const outcomes = await deps.push.send(
      devices.map((device) => device.token),
      messageFor(session),
    );
    const invalidTokens = outcomes.filter((outcome) => outcome.status === "invalid-token").map((outcome) => outcome.token);
    if (invalidTokens.length > 0) await deps.devices.deleteTokens(invalidTokens);
    deps.logger.info("session.notified", {
      sessionId: session.id,
      status: session.status,
      delivered: outcomes.filter((outcome) => outcome.status === "ok").length,
      failed: outcomes.filter((outcome) => outcome.status === "failed").length,
      removedDevices: invalidTokens.length,
    });
  } catch (error) {
    deps.logger.error("session.notify.failed", { sessionId: session.id, code: loggableCode(error) });
  }
}
