import { livePcmBytesPerSecond } from "../../domain/live-session.ts";
import type { Session } from "../../domain/session.ts";
import { ConfideError, loggableCode } from "../../errors.ts";
import type { LiveAudioDecoding } from "../../ports/live-audio-decoder.ts";
import type { LiveRecognition } from "../../ports/live-speech-to-text.ts";
import { endLiveSession } from "./end-live-session.ts";
import { LiveAudioParts } from "./live-audio-parts.ts";
import type { LiveStreamSlot } from "./live-capacity.ts";
import type { LiveDeps } from "./live-deps.ts";
import { FinalDelayMarks } from "./live-final-delay.ts";
import { LiveRecognitionEvents } from "./live-recognition-events.ts";
import { LiveRecognitionFeed } from "./live-recognition-feed.ts";
import { liveOf, type LiveRunState, type LiveUpdateListener } from "./live-run-state.ts";
import { LiveSessionWrites } from "./live-session-writes.ts";

export { liveOf, type LiveUpdateListener } from "./live-run-state.ts";

/**
 * One connection's hold on a live session: audio in, updates out.
 *
 * Audio is stored as it arrives, in numbered part blobs written at most
 * `settings.live.partIntervalMs` apart (`flushIfDue`, called on every write and by the host's
 * timer), each followed by a conditional write of the session recording the part: a crash loses
 * at most the audio of that interval, and a resuming client resends from `storedBytes` (the `ack`
 * updates). Only whole PCM sample frames are stored until the connection goes, so a resumed
 * recognition starts on a frame. The same bytes go to the live engine (through the WebM decoder
 * for browsers); each final is appended to the stored transcript, a final patient segment is
 * scored for sentiment, and the open agenda items are matched against every final.
 *
 * Every session write of the run goes through one chain, so they never race each other; a
 * version conflict means another connection resumed the session, or the abandoned-live sweep
 * ended it: the run stops (`live.closed`).
 *
 * A session recorded only (`live.recordOnly`, past the process's live capacity) has
 * no recognition: its audio is stored the same way and transcribed by the pipeline when it ends.
 * A run with live text measures each final's delay — from the moment the audio of the
 * utterance's end was handed to the engine — for the capacity's watch (and, for an engine that
 * tells it, how long its oldest cut utterance has waited for its final), and releases its stream
 * when the recognition stops; an engine that fails part way turns the session record-only.
 *
 * The run orchestrates its stages, which share its state (`live-run-state.ts`): the session
 * writes' chain (`live-session-writes.ts`), the stored audio parts (`live-audio-parts.ts`), the
 * engine's side — audio to the engine, its events followed, its finish and failure
 * (`live-recognition-feed.ts`) —, what is done with each event (`live-recognition-events.ts`),
 * and the final delays' marks (`live-final-delay.ts`).
 */
export class LiveRun {
  private readonly state: LiveRunState;
  private readonly writes: LiveSessionWrites;
  private readonly parts: LiveAudioParts;
  private readonly feed: LiveRecognitionFeed;
  private readonly events: LiveRecognitionEvents;

  private readonly deps: LiveDeps;
  private readonly slot: LiveStreamSlot | null;

  /**
   * `recognition` null: the session is recorded only (no decoding either). `slot`: the admitted
   * live stream, released when the recognition stops (null: the host does not limit streams).
   */
  constructor(
    deps: LiveDeps,
    session: Session,
    recognition: LiveRecognition | null,
    decoding: LiveAudioDecoding | null,
    listener: LiveUpdateListener,
    slot: LiveStreamSlot | null = null,
  ) {
    this.deps = deps;
    this.slot = recognition ? slot : null;
    const state: LiveRunState = { session, closed: null, ending: null };
    this.state = state;
    const live = liveOf(session);
    // Milliseconds of audio before this recognition's first byte (a resumed session's earlier audio).
    const offsetMs = live.format.encoding === "pcm" ? (live.storedBytes / livePcmBytesPerSecond(live.format.channels)) * 1000 : 0;
    // The feed is built last (it starts following the engine); the callbacks that reach it from
    // the other stages run only after an await, once the run is built.
    // Another holder took the session over: no reflection is asked any more, the streams stop.
    const abortStreams = () => {
      this.events.close();
      this.feed.abortStreams();
    };
    const writes = new LiveSessionWrites({ deps, state, listener, abortStreams });
    const stage = { deps, state, writes, listener };
    this.writes = writes;
    this.parts = new LiveAudioParts(stage);
    const delays = new FinalDelayMarks(deps.clock);
    const events = new LiveRecognitionEvents({ ...stage, slot: this.slot, delays, offsetMs, stopRecognition: (error) => this.feed.stop(error) });
    this.events = events;
    this.feed = new LiveRecognitionFeed({ ...stage, recognition, decoding: recognition ? decoding : null, slot: this.slot, delays, handle: (event) => events.handle(event) });
  }

  get sessionId(): string {
    return this.state.session.id;
  }

  /** Bytes durably stored: what a resuming client resends from. */
  get storedBytes(): number {
    return liveOf(this.state.session).storedBytes;
  }

  /** Bytes received so far, stored or not. */
  get receivedBytes(): number {
    return this.storedBytes + this.parts.pendingBytes;
  }

  /** False when the session is recorded only (from the start, or since its recognition stopped). */
  get liveText(): boolean {
    return !this.feed.failed;
  }

  /** Audio received so far in milliseconds (PCM; for WebM the wall time since the session started). */
  receivedDurationMs(): number {
    const live = liveOf(this.state.session);
    if (live.format.encoding === "pcm") return (this.receivedBytes / livePcmBytesPerSecond(live.format.channels)) * 1000;
    return this.deps.clock.now().getTime() - this.state.session.createdAt.getTime();
  }

  /**
   * Takes one frame of audio: queued for storage, and handed to the engine (awaits its
   * back-pressure). Stores what is due.
   * @throws ConfideError `live.closed` once the run stopped or ended.
   */
  async write(chunk: Uint8Array): Promise<void> {
    this.assertOpen();
    if (chunk.byteLength === 0) return;
    const copy = this.parts.add(chunk);
    await this.feed.take(copy);
    await this.flushIfDue();
  }

  /** Stores the pending audio when `partIntervalMs` passed since the last part, or a second of PCM waits. */
  flushIfDue(): Promise<void> {
    return this.parts.flushIfDue();
  }

  /**
   * The therapist marked a suggestion asked (`used`) or dismissed it: kept with the suggestion on
   * the session, with who and when (the session's timeline shows it).
   * @throws ConfideError `validation.invalid_input` for an id this session never suggested,
   * `live.closed` once the run has ended.
   */
  async recordSuggestionOutcome(id: string, action: "used" | "dismissed"): Promise<void> {
    this.assertOpen();
    if (!liveOf(this.state.session).suggestions?.some((record) => record.id === id)) {
      throw new ConfideError("validation.invalid_input", "This session made no suggestion with that id.", { details: { field: "id" } });
    }
    const outcome = { action, by: this.state.session.therapistId, at: this.deps.clock.now() };
    await this.writes.chain(() =>
      this.writes.saveLiveNow((live) => ({
        ...live,
        suggestions: (live.suggestions ?? []).map((record) => (record.id === id && record.outcome === null ? { ...record, outcome } : record)),
      })),
    );
    await this.events.suggestionOutcome(id, action);
  }

  /**
   * The client stopped: stores the rest, lets the engine finish the last utterance, then ends the
   * session into the pipeline (`endLiveSession`).
   * @returns the session as ended (queued, or further along).
   */
  stop(endedBy: "client" | "limit" = "client"): Promise<Session> {
    this.state.ending ??= (async () => {
      this.assertOpen();
      this.events.close();
      await this.parts.storePending(true);
      await this.feed.finish();
      await this.writes.settled;
      this.state.closed = new ConfideError("live.closed", "The live session has ended.");
      this.slot?.release();
      return endLiveSession(this.deps, this.state.session.id, { endedBy, transcriptComplete: !this.feed.failed });
    })();
    return this.state.ending;
  }

  /**
   * The connection went (dropped, idle, replaced by a resume): stores every whole frame
   * received, lets the engine finish what it heard, and records the detachment, which starts
   * the resume window. Never throws: what cannot be stored is logged, and the window's sweep
   * still ends the session.
   */
  async detach(): Promise<void> {
    if (this.state.ending) return;
    this.events.close();
    this.state.ending = (async () => {
      try {
        if (!this.state.closed) await this.parts.storePending(false);
        await this.feed.finish();
        await this.writes.settled;
        if (!this.state.closed) {
          await this.writes.saveLive((live) => ({ ...live, detachedAt: this.deps.clock.now() }));
          await this.writes.settled;
        }
      } catch (error) {
        this.deps.logger.warn("live.detach_failed", { sessionId: this.state.session.id, code: loggableCode(error) });
      }
      this.state.closed ??= new ConfideError("live.closed", "The connection to the live session has gone.");
      this.slot?.release();
      return this.state.session;
    })();
    await this.state.ending;
  }

  private assertOpen(): void {
    if (this.state.closed) throw this.state.closed;
  }
}
