import type { LiveState } from "../../domain/live-session.ts";
import type { Session } from "../../domain/session.ts";
import { ConfideError, loggableCode } from "../../errors.ts";
import { isSuperseded } from "../pipeline/session-write.ts";
import type { LiveDeps } from "./live-deps.ts";
import { liveOf, type LiveRunState, type LiveUpdateListener } from "./live-run-state.ts";

export interface LiveSessionWritesOptions {
  deps: LiveDeps;
  state: LiveRunState;
  listener: LiveUpdateListener;
  /** Aborts the recognition and the decoding and releases the stream: called when another holder took the session over. */
  abortStreams: () => void;
}

/**
 * The session writes of one live run. Every write goes through one chain, so they never race
 * each other; a version conflict means another connection resumed the session, or the
 * abandoned-live sweep or a consent withdrawal ended it: the run closes (`live.closed`, or
 * `consent.withdrawn`). Any other failure of a write closes the run too, logged and told to the client.
 */
export class LiveSessionWrites {
  private writes: Promise<unknown> = Promise.resolve();
  /** Set when a write found the session no longer live: another process ended it. */
  endedElsewhere = false;

  private readonly deps: LiveDeps;
  private readonly state: LiveRunState;
  private readonly listener: LiveUpdateListener;
  private readonly abortStreams: () => void;

  constructor(options: LiveSessionWritesOptions) {
    this.deps = options.deps;
    this.state = options.state;
    this.listener = options.listener;
    this.abortStreams = options.abortStreams;
  }

  /** Settles when every write chained so far has (never rejects). */
  get settled(): Promise<unknown> {
    return this.writes;
  }

  /** Chains a change of the session's live state. */
  saveLive(change: (live: LiveState) => LiveState): Promise<void> {
    return this.chain(() => this.saveLiveNow(change));
  }

  /** Writes a change of the session's live state now: only from a task of the chain. */
  async saveLiveNow(change: (live: LiveState) => LiveState): Promise<void> {
    await this.update((session) => ({ ...session, live: change(liveOf(session)) }));
  }

  /** A conditional write of the session; a conflict closes the run (another holder took over). */
  async update(change: (session: Session) => Session): Promise<void> {
    if (this.state.closed && !this.state.ending) return;
    try {
      this.state.session = await this.deps.sessions.update({ ...change(this.state.session), updatedAt: this.deps.clock.now() }, this.state.session.version);
    } catch (error) {
      if (!isSuperseded(error)) throw error;
      const current = await this.deps.sessions.get(this.state.session.id).catch(() => null);
      this.endedElsewhere = current !== null && current.status !== "live";
      const closed = new ConfideError("live.closed", "The live session was resumed elsewhere or has ended.");
      this.state.closed =
        current?.live?.endedBy === "consent_withdrawn"
          ? new ConfideError("consent.withdrawn", "The patient withdrew their consent, so the recording has stopped. What was recorded before is kept with the session.")
          : closed;
      this.abortStreams();
      // live.closed to the chain (nothing to log); the next write throws `state.closed` to the client.
      throw closed;
    }
  }

  /** Runs `task` after every earlier write of the run; its failure closes the run and is rethrown to the caller. */
  chain<T>(task: () => Promise<T>): Promise<T | undefined> {
    const run = this.writes.then(async () => {
      if (this.state.closed && !this.state.ending) return undefined;
      return task();
    });
    this.writes = run.catch((error: unknown) => {
      if (!ConfideError.is(error, "live.closed")) {
        this.deps.logger.error("live.write_failed", { sessionId: this.state.session.id, code: loggableCode(error) });
        this.state.closed ??= new ConfideError("live.closed", "The live session could not be stored.", { cause: error });
        this.listener({ type: "warning", code: loggableCode(error), message: "The live session could not be stored." });
      }
    });
    return run.catch((error: unknown) => {
      if (ConfideError.is(error, "live.closed")) return undefined;
      throw error;
    });
  }
}
