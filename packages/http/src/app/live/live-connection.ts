import { type Actor, type LiveDeps, type LiveRun, type LiveUpdate, recordOnlyNotice, resumeLiveRun, type StartedLiveRun, startLiveRun } from "@confide/core";
import { ConfideError, loggableCode, type Session } from "@confide/core/ports";
import type { AccessTokens } from "../auth/access-token.ts";
import { clientMessageSchema, closeCodes, type ClientMessage } from "./live-protocol.ts";

/** The socket as the connection uses it (Hono's WSContext). */
export interface LiveSocket {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  readonly readyState: number;
}

export interface LiveLimits {
  maxFrameBytes: number;
  /** How often received audio is checked for storage (the run stores at most `partIntervalMs` apart). */
  tickMs: number;
}

/** The runs this process holds, by session id: a resume here first detaches the old holder. */
export type LiveHolders = Map<string, LiveConnection>;

/**
 * One WebSocket of `/v1/live` (live-protocol.ts): authenticates the first message (or the
 * subprotocol's token), starts or resumes a run, feeds it the binary frames in order, turns its
 * updates into JSON messages, and enforces the limits. Messages are handled one after another
 * (`inbox`), so audio is stored in the order it was sent.
 */
export class LiveConnection {
  private run: LiveRun | null = null;
  private inbox: Promise<void> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | undefined;
  private tickTimer: NodeJS.Timeout | undefined;
  private finished = false;
  private readonly deps: LiveDeps;
  private readonly tokens: AccessTokens;
  private readonly socket: LiveSocket;
  private readonly limits: LiveLimits;
  private readonly holders: LiveHolders;
  private readonly protocolToken: string | undefined;

  constructor(options: { deps: LiveDeps; tokens: AccessTokens; socket: LiveSocket; limits: LiveLimits; holders: LiveHolders; protocolToken: string | undefined }) {
    this.deps = options.deps;
    this.tokens = options.tokens;
    this.socket = options.socket;
    this.limits = options.limits;
    this.holders = options.holders;
    this.protocolToken = options.protocolToken;
    this.armIdleTimer();
  }

  /** A message from the client, text (JSON) or binary (audio). */
  receive(data: string | ArrayBuffer | Uint8Array): void {
    if (this.finished) return;
    if (typeof data !== "string") {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      if (bytes.byteLength > this.limits.maxFrameBytes) {
        this.fail(
          new ConfideError("live.frame_too_large", `An audio frame may hold at most ${this.limits.maxFrameBytes} bytes.`, {
            details: { maxFrameBytes: this.limits.maxFrameBytes, frameBytes: bytes.byteLength },
          }),
          closeCodes.tooBig,
        );
        return;
      }
      this.armIdleTimer();
      this.enqueue(() => this.audio(bytes));
      return;
    }
    let message: ClientMessage;
    try {
      const parsed = clientMessageSchema.safeParse(JSON.parse(data));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid");
      message = parsed.data;
    } catch {
      this.fail(new ConfideError("live.protocol", 'A text message is JSON: {"type":"start"|"resume"|"stop"|"suggestion-outcome", …} (see the protocol).'));
      return;
    }
    // After stop the client sends no more audio: the stop may wait in the inbox behind audio the
    // server is still storing and recognising (a busy server) for longer than the idle limit, and
    // the session must not be cut by it.
    if (message.type === "stop") this.clearIdleTimer();
    this.enqueue(() => this.control(message));
  }

  /** The socket closed (the client went, or the network): the run detaches and stays resumable. */
  closed(): void {
    this.stopTimers();
    this.finished = true;
    this.enqueue(() => this.detach());
  }

  /** Detaches the run without closing the session (a resume elsewhere, a shutdown). */
  async release(reason: ConfideError): Promise<void> {
    this.send({ type: "error", code: reason.code, message: reason.message });
    this.finished = true;
    this.stopTimers();
    await this.detach();
    this.socket.close(closeCodes.goingAway, reason.code);
  }

  private enqueue(task: () => Promise<void>): void {
    this.inbox = this.inbox.then(task).catch((error: unknown) => this.fail(error));
  }

  private async control(message: ClientMessage): Promise<void> {
    if (this.finished) return;
    if (message.type === "stop") {
      if (!this.run) throw new ConfideError("live.protocol", "Send start or resume before stop.");
      await this.end("client");
      return;
    }
    if (message.type === "suggestion-outcome") {
      if (!this.run) throw new ConfideError("live.protocol", "Send start or resume before a suggestion's outcome.");
      await this.run.recordSuggestionOutcome(message.id, message.action);
      return;
    }
    if (this.run) throw new ConfideError("live.protocol", "The session has already started on this connection.");
    const token = message.token ?? this.protocolToken;
    if (token === undefined) {
      throw new ConfideError("auth.unauthenticated", "Authenticate: put the access token in the first message or in Sec-WebSocket-Protocol.", {
        details: { reason: "missing" },
      });
    }
    const { actor } = await this.tokens.authenticate(token);
    if (message.type === "start") {
      const { type: _type, token: _token, ...input } = message;
      const started = await startLiveRun(this.deps, actor, input, (update) => this.forward(update));
      this.hold(started.run);
      this.send({
        type: "started",
        sessionId: started.session.id,
        resumeToken: started.resumeToken ?? null,
        resumed: false,
        agenda: started.session.live?.agenda ?? [],
        recordOnly: started.recordOnly,
      });
      this.tellRecordOnly(started);
      return;
    }
    await this.detachHolder(message.sessionId, actor);
    const resumed = await resumeLiveRun(this.deps, actor, { sessionId: message.sessionId, resumeToken: message.resumeToken }, (update) =>
      this.forward(update),
    );
    this.hold(resumed.run);
    this.send({
      type: "started",
      sessionId: resumed.session.id,
      resumeToken: null,
      resumed: true,
      agenda: resumed.session.live?.agenda ?? [],
      recordOnly: resumed.recordOnly,
    });
    this.tellRecordOnly(resumed);
  }

  /** A session recorded only is told so right after `started`: a `warning` with `live.capacity`. */
  private tellRecordOnly(started: StartedLiveRun): void {
    if (started.recordOnly === null) return;
    this.send({ type: "warning", ...recordOnlyNotice(started.recordOnly) });
  }

  /** Another connection of this process holds the session: it lets go first (its audio stored), unless the actor is not its therapist. */
  private async detachHolder(sessionId: string, actor: Actor): Promise<void> {
    const holder = this.holders.get(sessionId);
    if (!holder || holder === this) return;
    const session = await this.deps.sessions.get(sessionId);
    if (!session || session.therapistId !== actor.userId) return;
    await holder.release(new ConfideError("live.closed", "The session was resumed on another connection."));
  }

  private hold(run: LiveRun): void {
    this.run = run;
    this.holders.set(run.sessionId, this);
    this.tickTimer = setInterval(() => {
      this.enqueue(async () => {
        await this.run?.flushIfDue();
      });
    }, this.limits.tickMs);
    this.tickTimer.unref();
  }

  private async audio(bytes: Uint8Array): Promise<void> {
    if (this.finished) return;
    if (!this.run) throw new ConfideError("live.protocol", "Send start or resume before audio.");
    await this.run.write(bytes);
    const { maxDurationMs } = this.deps.settings.live;
    if (this.run.receivedDurationMs() >= maxDurationMs) {
      this.send({
        type: "error",
        code: "live.too_long",
        message: `A live session lasts at most ${Math.round(maxDurationMs / 60_000)} minutes; it was ended with what was received.`,
      });
      await this.end("limit");
    }
  }

  private async end(endedBy: "client" | "limit"): Promise<void> {
    const run = this.run;
    if (!run) return;
    this.stopTimers();
    const ended: Session = await run.stop(endedBy);
    this.finished = true;
    this.forget(run);
    this.send({ type: "ended", sessionId: ended.id, status: ended.status, reason: endedBy, storedBytes: ended.live?.storedBytes ?? 0 });
    this.socket.close(closeCodes.normal, "ended");
  }

  private async detach(): Promise<void> {
    const run = this.run;
    if (!run) return;
    await run.detach();
    this.forget(run);
  }

  private forget(run: LiveRun): void {
    if (this.holders.get(run.sessionId) === this) this.holders.delete(run.sessionId);
    this.run = null;
  }

  private forward(update: LiveUpdate): void {
    this.send(update);
  }

  private send(message: Record<string, unknown>): void {
    if (this.socket.readyState !== 1) return;
    const storedBytes = this.run?.storedBytes ?? 0;
    this.socket.send(JSON.stringify({ storedBytes, ...message }));
  }

  /** Stops the idle limit, also one that fired and waits for the I/O already queued to be read. */
  private clearIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private armIdleTimer(): void {
    this.clearIdleTimer();
    if (this.finished) return;
    const { idleTimeoutMs } = this.deps.settings.live;
    const timer = setTimeout(() => {
      // Judged after the I/O already waiting is read (setImmediate runs after the poll phase): when
      // the event loop was held up for longer than the limit, the timer fires before the frames
      // that arrived meanwhile are handled, and those frames re-arm it.
      setImmediate(() => {
        if (this.idleTimer !== timer) return;
        this.fail(
          new ConfideError("live.idle_timeout", `No audio for ${Math.round(idleTimeoutMs / 1000)} s: the connection is closed; resume the session with its token.`, {
            details: { idleTimeoutMs },
          }),
        );
      });
    }, idleTimeoutMs);
    timer.unref();
    this.idleTimer = timer;
  }

  private stopTimers(): void {
    this.clearIdleTimer();
    clearInterval(this.tickTimer);
  }

  /** Sends `error`, detaches the run (its session stays resumable) and closes. */
  private fail(error: unknown, closeCode: number = closeCodes.policy): void {
    if (this.finished && !ConfideError.is(error)) return;
    const known = ConfideError.is(error);
    if (!known) this.deps.logger.error("live.connection_failed", { code: loggableCode(error), error });
    const code = known ? error.code : "internal";
    const message = known ? error.message : "The live session failed on the server.";
    if (!this.finished) this.send({ type: "error", code, message });
    this.finished = true;
    this.stopTimers();
    this.inbox = this.inbox.then(() => this.detach()).catch(() => undefined);
    this.socket.close(known ? closeCode : closeCodes.internal, code);
  }
}
