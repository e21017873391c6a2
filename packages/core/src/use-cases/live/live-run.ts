import { livePcmBytesPerSecond, liveAudioPartKey, type LiveState, type LiveUpdate } from "../../domain/live-session.ts";
import type { Session } from "../../domain/session.ts";
import { ConfideError, loggableCode } from "../../errors.ts";
import type { LiveAudioDecoding } from "../../ports/live-audio-decoder.ts";
import type { LiveRecognition, LiveSpeechEvent } from "../../ports/live-speech-to-text.ts";
import { isSuperseded } from "../pipeline/session-write.ts";
import { endLiveSession } from "./end-live-session.ts";
import type { LiveStreamSlot } from "./live-capacity.ts";
import type { LiveDeps } from "./live-deps.ts";
import { appendFinal } from "./live-transcript.ts";

/** Receives what the run tells its client; called in order, never concurrently. */
export type LiveUpdateListener = (update: LiveUpdate) => void;

/** Where recognition audio was when it was handed to the engine: measures each final's delay. */
interface AudioMark {
  /** Milliseconds of audio written to the recognition up to the end of this write. */
  audioMs: number;
  at: number;
}

/** Marks kept (about 10 a second of audio): a final later than this much audio is not measured. */
const maxAudioMarks = 4_096;

/**
 * One connection's hold on a live session (issue 13): audio in, updates out.
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
 * A session recorded only (issue 31: `live.recordOnly`, past the process's live capacity) has
 * no recognition: its audio is stored the same way and transcribed by the pipeline when it ends.
 * A run with live text measures each final's delay — from the moment the audio of the
 * utterance's end was handed to the engine — for the capacity's watch (and, for an engine that
 * tells it, how long its oldest cut utterance has waited for its final), and releases its stream
 * when the recognition stops; an engine that fails part way turns the session record-only.
 */
export class LiveRun {
  private session: Session;
  private readonly pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private lastStoredAt: number;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly eventsDone: Promise<void>;
  private readonly decoderDone: Promise<void>;
  private closed: ConfideError | null = null;
  /** No live text: the session is recorded only, or its recognition stopped. */
  private recognitionFailed: boolean;
  private recognizedBytes = 0;
  private readonly audioMarks: AudioMark[] = [];
  private ending: Promise<Session> | null = null;
  /** Set when a write found the session no longer live: another process ended it. */
  private endedElsewhere = false;
  /** Milliseconds of audio before this recognition's first byte (a resumed session's earlier audio). */
  private readonly offsetMs: number;
  /** Bytes of one PCM sample frame (2 per channel); 1 for WebM, stored as it comes. */
  private readonly frameBytes: number;

  private readonly deps: LiveDeps;
  private readonly recognition: LiveRecognition | null;
  private readonly decoding: LiveAudioDecoding | null;
  private readonly slot: LiveStreamSlot | null;
  private readonly listener: LiveUpdateListener;

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
    this.recognition = recognition;
    this.decoding = recognition ? decoding : null;
    this.slot = recognition ? slot : null;
    this.recognitionFailed = recognition === null;
    this.listener = listener;
    this.session = session;
    const live = liveOf(session);
    this.offsetMs = live.format.encoding === "pcm" ? (live.storedBytes / livePcmBytesPerSecond(live.format.channels)) * 1000 : 0;
    this.frameBytes = live.format.encoding === "pcm" ? 2 * live.format.channels : 1;
    this.lastStoredAt = deps.clock.now().getTime();
    // The watch reads how long the engine's oldest cut utterance has waited, as a final's delay is measured.
    const awaited = recognition?.awaitedFinalEndMs?.bind(recognition);
    if (awaited) this.slot?.watchAwaitedFinal(() => {
      const endMs = this.recognitionFailed ? null : awaited();
      return endMs === null ? null : this.finalDelayMs(endMs);
    });
    this.eventsDone = this.recognition ? this.followEvents(this.recognition) : Promise.resolve();
    this.decoderDone = this.decoding ? this.followDecoder(this.decoding) : Promise.resolve();
  }

  get sessionId(): string {
    return this.session.id;
  }

  /** Bytes durably stored: what a resuming client resends from. */
  get storedBytes(): number {
    return liveOf(this.session).storedBytes;
  }

  /** Bytes received so far, stored or not. */
  get receivedBytes(): number {
    return this.storedBytes + this.pendingBytes;
  }

  /** False when the session is recorded only (from the start, or since its recognition stopped). */
  get liveText(): boolean {
    return !this.recognitionFailed;
  }

  /** Audio received so far in milliseconds (PCM; for WebM the wall time since the session started). */
  receivedDurationMs(): number {
    const live = liveOf(this.session);
    if (live.format.encoding === "pcm") return (this.receivedBytes / livePcmBytesPerSecond(live.format.channels)) * 1000;
    return this.deps.clock.now().getTime() - this.session.createdAt.getTime();
  }

  /**
   * Takes one frame of audio: queued for storage, and handed to the engine (awaits its
   * back-pressure). Stores what is due.
   * @throws ConfideError `live.closed` once the run stopped or ended.
   */
  async write(chunk: Uint8Array): Promise<void> {
    this.assertOpen();
    if (chunk.byteLength === 0) return;
    const copy = chunk.slice();
    this.pending.push(copy);
    this.pendingBytes += copy.byteLength;
    if (this.decoding) {
      if (!this.recognitionFailed) await this.decoding.write(copy).catch((error: unknown) => this.stopRecognition(error));
    } else if (!this.recognitionFailed) {
      await this.recognize(copy).catch((error: unknown) => this.stopRecognition(error));
    }
    await this.flushIfDue();
  }

  /** Stores the pending audio when `partIntervalMs` passed since the last part, or a second of PCM waits. */
  async flushIfDue(): Promise<void> {
    if (this.closed || this.pendingBytes < this.frameBytes) return;
    const live = liveOf(this.session);
    const elapsedMs = this.deps.clock.now().getTime() - this.lastStoredAt;
    const secondOfAudio = live.format.encoding === "pcm" && this.pendingBytes >= livePcmBytesPerSecond(live.format.channels);
    if (elapsedMs >= this.deps.settings.live.partIntervalMs || secondOfAudio) await this.storePending(false);
  }

  /**
   * The client stopped: stores the rest, lets the engine finish the last utterance, then ends the
   * session into the pipeline (`endLiveSession`).
   * @returns the session as ended (queued, or further along).
   */
  stop(endedBy: "client" | "limit" = "client"): Promise<Session> {
    this.ending ??= (async () => {
      this.assertOpen();
      await this.storePending(true);
      await this.finishRecognition();
      await this.writes;
      this.closed = new ConfideError("live.closed", "The live session has ended.");
      this.slot?.release();
      return endLiveSession(this.deps, this.session.id, { endedBy, transcriptComplete: !this.recognitionFailed });
    })();
    return this.ending;
  }

  /**
   * The connection went (dropped, idle, replaced by a resume): stores every whole frame
   * received, lets the engine finish what it heard, and records the detachment, which starts
   * the resume window. Never throws: what cannot be stored is logged, and the window's sweep
   * still ends the session.
   */
  async detach(): Promise<void> {
    if (this.ending) return;
    this.ending = (async () => {
      try {
        if (!this.closed) await this.storePending(false);
        await this.finishRecognition();
        await this.writes;
        if (!this.closed) {
          await this.saveLive((live) => ({ ...live, detachedAt: this.deps.clock.now() }));
          await this.writes;
        }
      } catch (error) {
        this.deps.logger.warn("live.detach_failed", { sessionId: this.session.id, code: loggableCode(error) });
      }
      this.closed ??= new ConfideError("live.closed", "The connection to the live session has gone.");
      this.slot?.release();
      return this.session;
    })();
    await this.ending;
  }

  private assertOpen(): void {
    if (this.closed) throw this.closed;
  }

  private async finishRecognition(): Promise<void> {
    try {
      if (this.recognitionFailed) return;
      if (this.decoding) {
        this.decoding.end();
        await this.decoderDone;
      } else await this.recognition?.end();
    } catch (error) {
      this.stopRecognition(error);
    } finally {
      await this.eventsDone;
    }
  }

  /** Stores the pending bytes as the next part; `all` also stores a trailing partial frame. */
  private async storePending(all: boolean): Promise<void> {
    const storable = all ? this.pendingBytes : this.pendingBytes - (this.pendingBytes % this.frameBytes);
    if (storable === 0) return;
    const joined = new Uint8Array(this.pendingBytes);
    let offset = 0;
    for (const chunk of this.pending.splice(0)) {
      joined.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const part = joined.subarray(0, storable);
    const rest = joined.subarray(storable);
    if (rest.byteLength > 0) this.pending.push(rest.slice());
    this.pendingBytes = rest.byteLength;
    this.lastStoredAt = this.deps.clock.now().getTime();
    await this.chain(async () => {
      const live = liveOf(this.session);
      const index = live.parts + 1;
      const key = liveAudioPartKey(this.session.audio.blobKey, index);
      await this.deps.blobs.put(key, singleChunk(part), { contentType: "application/octet-stream" });
      try {
        await this.update((session) => ({ ...session, live: { ...liveOf(session), parts: index, storedBytes: live.storedBytes + part.byteLength } }));
      } catch (error) {
        // The session ended elsewhere (a consent withdrawal, the abandoned sweep): this part is
        // in no session's record and no holder will write its key again, so it goes.
        if (this.endedElsewhere) await this.deps.blobs.delete(key).catch(() => undefined);
        throw error;
      }
      this.listener({ type: "ack", storedBytes: liveOf(this.session).storedBytes });
    });
  }

  private async followDecoder(decoding: LiveAudioDecoding): Promise<void> {
    try {
      for await (const pcm of decoding.pcm) {
        if (!this.recognitionFailed) await this.recognize(pcm);
      }
      if (!this.recognitionFailed) await this.recognition?.end();
    } catch (error) {
      this.stopRecognition(error);
    }
  }

  /** Hands PCM to the engine, marking when which audio went (the final delays are measured from it). */
  private async recognize(pcm: Uint8Array): Promise<void> {
    if (!this.recognition) return;
    this.recognizedBytes += pcm.byteLength;
    const channels = liveOf(this.session).format.channels;
    this.audioMarks.push({ audioMs: (this.recognizedBytes / livePcmBytesPerSecond(channels)) * 1000, at: this.deps.clock.now().getTime() });
    if (this.audioMarks.length > maxAudioMarks) this.audioMarks.splice(0, maxAudioMarks / 2);
    await this.recognition.write(pcm);
  }

  /**
   * The delay of a final ending at `endMs` (recognition time): from when the audio of its end
   * went to the engine until now; null when that audio is no longer marked.
   */
  private finalDelayMs(endMs: number): number | null {
    const marks = this.audioMarks;
    let low = 0;
    let high = marks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((marks[middle] as AudioMark).audioMs < endMs) low = middle + 1;
      else high = middle;
    }
    const mark = marks[low];
    if (mark === undefined || (low === 0 && endMs < mark.audioMs - 1_000)) return null;
    return this.deps.clock.now().getTime() - mark.at;
  }

  private async followEvents(recognition: LiveRecognition): Promise<void> {
    try {
      for await (const event of recognition.events) await this.handle(event);
    } catch (error) {
      this.stopRecognition(error);
    }
  }

  private async handle(event: LiveSpeechEvent): Promise<void> {
    if (event.type === "partial") {
      this.listener({ type: "partial", text: event.text, startMs: Math.round(event.startMs + this.offsetMs), speaker: event.speaker });
      return;
    }
    if (event.type === "error") {
      this.stopRecognition(event.error);
      return;
    }
    if (this.slot) {
      const delayMs = this.finalDelayMs(event.endMs);
      if (delayMs !== null) this.slot.recordFinalDelay(delayMs);
    }
    if (event.text.trim() === "" || this.closed) return;
    const appended = await this.chain(async () => {
      let result: ReturnType<typeof appendFinal> | undefined;
      await this.update((session) => {
        result = appendFinal(session.transcript ?? emptyTranscript(this.deps, session), event, this.offsetMs, {
          settings: session.settings,
          assignRoles: this.deps.assignRoles,
        });
        return { ...session, transcript: result.transcript };
      });
      return result;
    });
    if (!appended) return;
    const { segment, role } = appended;
    this.listener({ type: "final", segmentId: segment.id, speaker: segment.speaker, role, text: segment.text, startMs: segment.startMs, endMs: segment.endMs });
    if (role === "patient") await this.scoreSentiment(segment.id, segment.text);
    await this.matchAgenda(segment.id, role, segment.text);
  }

  private async scoreSentiment(segmentId: string, text: string): Promise<void> {
    try {
      const [result] = await this.deps.language.sentiment([text], { language: this.session.settings.language });
      if (result) this.listener({ type: "sentiment", segmentId, label: result.label, scores: { ...result.scores } });
    } catch (error) {
      this.listener({ type: "warning", code: loggableCode(error), message: "The sentiment of a segment could not be measured; the session's analysis will measure it." });
    }
  }

  private async matchAgenda(segmentId: string, role: "therapist" | "patient" | "unknown", text: string): Promise<void> {
    const open = liveOf(this.session).agenda.filter((item) => item.covered === null);
    if (open.length === 0) return;
    let matches;
    try {
      matches = await this.deps.agenda.match(
        open.map(({ id, text: itemText }) => ({ id, text: itemText })),
        { id: segmentId, role, text },
        { language: this.session.settings.language },
      );
    } catch (error) {
      this.listener({ type: "warning", code: loggableCode(error), message: "Today's topics could not be matched against a segment." });
      return;
    }
    const covering = matches.filter((match) => open.some((item) => item.id === match.itemId));
    if (covering.length === 0) return;
    const at = this.deps.clock.now();
    await this.chain(() =>
      this.saveLiveNow((live) => ({
        ...live,
        agenda: live.agenda.map((item) => {
          const match = covering.find((entry) => entry.itemId === item.id);
          return match && item.covered === null ? { ...item, covered: { segmentId: match.segmentId, matchedTerms: match.matchedTerms, at } } : item;
        }),
      })),
    );
    if (this.closed) return;
    for (const match of covering) {
      const item = open.find((entry) => entry.id === match.itemId);
      if (item) this.listener({ type: "topic_covered", itemId: item.id, text: item.text, segmentId: match.segmentId, matchedTerms: match.matchedTerms });
    }
  }

  /**
   * The engine failed: audio is still stored, and the session will be transcribed from its
   * recording once it ends (its live transcript is dropped then: the session is recorded only
   * from now on, also after a resume), so nothing is lost.
   */
  private stopRecognition(error: unknown): void {
    if (this.recognitionFailed) return;
    this.recognitionFailed = true;
    this.recognition?.abort();
    this.decoding?.abort();
    this.slot?.release();
    // Logged by the chain when it cannot be stored; the run then stops anyway.
    if (!this.closed) this.saveLive((live) => ({ ...live, recordOnly: live.recordOnly ?? "engine_failed" })).catch(() => undefined);
    const code = ConfideError.is(error) ? error.code : "internal";
    this.deps.logger.warn("live.recognition_failed", { sessionId: this.session.id, code: loggableCode(error) });
    this.listener({
      type: "warning",
      code,
      message: "Live transcription stopped; the audio is still recorded and will be transcribed when the session ends.",
    });
  }

  private saveLive(change: (live: LiveState) => LiveState): Promise<void> {
    return this.chain(() => this.saveLiveNow(change));
  }

  private async saveLiveNow(change: (live: LiveState) => LiveState): Promise<void> {
    await this.update((session) => ({ ...session, live: change(liveOf(session)) }));
  }

  /** A conditional write of the session; a conflict closes the run (another holder took over). */
  private async update(change: (session: Session) => Session): Promise<void> {
    if (this.closed && !this.ending) return;
    try {
      this.session = await this.deps.sessions.update({ ...change(this.session), updatedAt: this.deps.clock.now() }, this.session.version);
    } catch (error) {
      if (!isSuperseded(error)) throw error;
      const current = await this.deps.sessions.get(this.session.id).catch(() => null);
      this.endedElsewhere = current !== null && current.status !== "live";
      const closed = new ConfideError("live.closed", "The live session was resumed elsewhere or has ended.");
      this.closed =
        current?.live?.endedBy === "consent_withdrawn"
          ? new ConfideError("consent.withdrawn", "The patient withdrew their consent, so the recording has stopped. What was recorded before is kept with the session.")
          : closed;
      this.recognition?.abort();
      this.decoding?.abort();
      this.slot?.release();
      // live.closed to the chain (nothing to log); the next write throws `this.closed` to the client.
      throw closed;
    }
  }

  /** Runs `task` after every earlier write of the run; its failure closes the run and is rethrown to the caller. */
  private chain<T>(task: () => Promise<T>): Promise<T | undefined> {
    const run = this.writes.then(async () => {
      if (this.closed && !this.ending) return undefined;
      return task();
    });
    this.writes = run.catch((error: unknown) => {
      if (!ConfideError.is(error, "live.closed")) {
        this.deps.logger.error("live.write_failed", { sessionId: this.session.id, code: loggableCode(error) });
        this.closed ??= new ConfideError("live.closed", "The live session could not be stored.", { cause: error });
        this.listener({ type: "warning", code: loggableCode(error), message: "The live session could not be stored." });
      }
    });
    return run.catch((error: unknown) => {
      if (ConfideError.is(error, "live.closed")) return undefined;
      throw error;
    });
  }
}

export function liveOf(session: Session): LiveState {
  if (!session.live) throw new ConfideError("internal", "The session was not recorded live.");
  return session.live;
}

function emptyTranscript(deps: LiveDeps, session: Session) {
  return { language: session.settings.language, durationMs: 0, speakers: [], segments: [], provider: deps.liveSpeech.provider, revision: 1, warnings: [] };
}

function singleChunk(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
