import type { ConfideDeps } from "../../deps.ts";
import type { Session } from "../../domain/session.ts";
import { ConfideError, loggableCode } from "../../errors.ts";
import { isSuperseded } from "./session-write.ts";

export type ProviderOutcome<T> =
  | { kind: "ok"; value: T; session: Session }
  | { kind: "failed"; error: unknown; session: Session }
  /** Another delivery took the session (lease renewal conflicted) or it was deleted. */
  | { kind: "lost" };

/**
 * Runs one provider call while holding the session's lease: every `leaseMs / 3` the session
 * is rewritten unchanged (a new updatedAt and version) so the recovery sweep leaves it alone.
 * If that write conflicts, someone else owns the session: the call is aborted.
 * @returns the call's value or error, with the session as last written.
 * @throws when the worker's own signal aborted the call, or the provider reports
 * `provider.interrupted` (the job is left for redelivery).
 */
export async function callProvider<T>(
  deps: ConfideDeps,
  session: Session,
  signal: AbortSignal | undefined,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<ProviderOutcome<T>> {
  const lease = new AbortController();
  const callSignal = signal ? AbortSignal.any([signal, lease.signal]) : lease.signal;
  let current = session;
  let lost = false;
  let renewal = Promise.resolve();

  const renew = async () => {
    if (lost) return;
    try {
      current = await deps.sessions.update({ ...current, updatedAt: deps.clock.now() }, current.version);
    } catch (error) {
      if (isSuperseded(error)) {
        lost = true;
        deps.logger.info("session.lease.lost", { sessionId: session.id, code: error.code });
        lease.abort(new ConfideError("session.version_conflict", "Another delivery took over the session."));
      } else {
        deps.logger.warn("session.lease.renew_failed", { sessionId: session.id, code: loggableCode(error) });
      }
    }
  };
  const timer = setInterval(
    () => {
      renewal = renewal.then(renew);
    },
    Math.max(1, Math.floor(deps.settings.leaseMs / 3)),
  );

  let result: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    result = { ok: true, value: await call(callSignal) };
  } catch (error) {
    result = { ok: false, error };
  } finally {
    clearInterval(timer);
    await renewal;
  }

  if (lost) return { kind: "lost" };
  if (!result.ok) {
    // The worker is stopping, or its engine was stopped from outside (a terminal's Ctrl-C, a
    // service manager's SIGTERM): an interruption, not a failure of the recording. Nothing is
    // recorded and no attempt counted; the job is left for redelivery, or the recovery sweep.
    const interrupted = ConfideError.is(result.error, "provider.interrupted");
    if (signal?.aborted || interrupted) {
      deps.logger.info("session.process.interrupted", { sessionId: session.id, by: interrupted ? "engine" : "worker" });
      throw new ConfideError("dependency.unavailable", "The worker stopped during a provider call.", {
        retryable: true,
        cause: result.error,
      });
    }
    return { kind: "failed", error: result.error, session: current };
  }
  return { kind: "ok", value: result.value, session: current };
}
