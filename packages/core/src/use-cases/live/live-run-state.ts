import type { LiveState, LiveUpdate } from "../../domain/live-session.ts";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";

/** Receives what the run tells its client; called in order, never concurrently. */
export type LiveUpdateListener = (update: LiveUpdate) => void;

/** What the stages of one live run share: the session as last written, and whether the run is closed or ending. */
export interface LiveRunState {
  session: Session;
  /** Set once the run stopped or ended: what the client's next write throws. */
  closed: ConfideError | null;
  /** Set by `stop` or `detach`: the run's ending, which the session writes of the ending still go through. */
  ending: Promise<Session> | null;
}

export function liveOf(session: Session): LiveState {
  if (!session.live) throw new ConfideError("internal", "The session was not recorded live.");
  return session.live;
}
