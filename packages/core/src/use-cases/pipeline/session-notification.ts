import type { ConfideDeps } from "../../deps.ts";
import type { RiskScreenResult } from "../../domain/risk-flag.ts";
import { riskFlagsToAlert } from "../../domain/risk-screen.ts";
import { unscreenedSentence } from "../../domain/risk-unscreened.ts";
import type { Session } from "../../domain/session.ts";
import { loggableCode } from "../../errors.ts";
import type { PushMessage } from "../../ports/push-notifier.ts";
import { isSuperseded, save, type Step } from "./session-write.ts";

/**
 * The high-priority push for risk flags the therapist has not been alerted to
 * (`riskFlagsToAlert`): ids, status and how many flags, never clinical content. It says what the
 * screen saw ("possible risk language"), not that the patient is at risk.
 */
function riskMessage(session: Session, flags: number, source: "pipeline" | "review"): PushMessage {
  return {
    ...(source === "review"
      ? { title: "Session changed: risk flagged", body: "After a change to a session, new possible risk language was found. Please review it." }
      : session.status === "failed"
        ? { title: "Session failed: risk flagged", body: "A recorded session could not be fully processed, and possible risk language was found in it. Please review it." }
        : { title: "Session ready: risk flagged", body: "Possible risk language was found in a recorded session. Please review it." }),
    data: { sessionId: session.id, status: session.status, riskFlags: String(flags) },
    priority: "high",
  };
}

/**
 * The push for a session that reached ready or failed: ids, status and counts only, never
 * clinical content. Risk flags that page (`riskTier`: an explicit statement of current risk, or a
 * yes to a question that named it — grounded or not) make it a high-priority message carrying how many there are,
 * on a ready or a failed session alike (a run's screen is the first the therapist gets: every
 * flag is new to them).
 */
function messageFor(session: Session): PushMessage {
  const data = { sessionId: session.id, status: session.status };
  const risks = riskFlagsToAlert(null, session.risk).length;
  // Passages too unsure to screen are said in the push as on every screen (times, no words).
  const unsure = unscreenedSentence(session.risk?.unscreened ?? []);
  if (risks > 0) {
    const message = riskMessage(session, risks, "pipeline");
    return unsure === "" ? message : { ...message, body: `${message.body} ${unsure}` };
  }
  if (session.status === "ready") {
    return { title: "Session ready for review", body: `A recorded session has been transcribed and analysed.${unsure === "" ? "" : ` ${unsure}`}`, data };
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
 * After the risk screen ran again in a request (a regeneration, a transcript edit, a relabel): a
 * high-priority push to the therapist's devices when it has an alerting flag that `previous` did
 * not (`riskFlagsToAlert`, the pipeline's rule); nothing otherwise. Never throws: a failed
 * delivery is logged (`session.notify.failed`), so the request that stored the change still succeeds.
 */
export async function notifyNewRisks(deps: ConfideDeps, session: Session, previous: RiskScreenResult | null | undefined): Promise<void> {
  const flags = riskFlagsToAlert(previous, session.risk);
  if (flags.length === 0) return;
  await send(deps, session, riskMessage(session, flags.length, "review"));
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

/**
 * Sends the push (by default the session's ready/failed message). The claim is made, or the
 * write it reports is stored, so failures are logged, never retried or thrown.
 */
async function send(deps: ConfideDeps, session: Session, message: PushMessage = messageFor(session)): Promise<void> {
  try {
    const devices = await deps.devices.listByUser(session.therapistId);
    if (devices.length === 0) {
      deps.logger.info("session.notify.no_devices", { sessionId: session.id });
      return;
    }
    const outcomes = await deps.push.send(
      devices.map((device) => device.token),
      message,
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
