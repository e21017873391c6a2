import { livePcmBytesPerSecond, liveAudioPartKey } from "../../domain/live-session.ts";
import type { LiveDeps } from "./live-deps.ts";
import { liveOf, type LiveRunState, type LiveUpdateListener } from "./live-run-state.ts";
import type { LiveSessionWrites } from "./live-session-writes.ts";

export interface LiveAudioPartsOptions {
  deps: LiveDeps;
  state: LiveRunState;
  writes: LiveSessionWrites;
  listener: LiveUpdateListener;
}

/**
 * The audio of one live run as it is stored: received bytes wait here until they are written as
 * the next numbered part blob, followed by a conditional write of the session recording the part
 * (and an `ack` of the bytes stored, what a resuming client resends from). Only whole PCM sample
 * frames are stored until the connection goes, so a resumed recognition starts on a frame.
 */
export class LiveAudioParts {
  private readonly pending: Uint8Array[] = [];
  private queuedBytes = 0;
  private lastStoredAt: number;
  /** Bytes of one PCM sample frame (2 per channel); 1 for WebM, stored as it comes. */
  private readonly frameBytes: number;

  private readonly deps: LiveDeps;
  private readonly state: LiveRunState;
  private readonly writes: LiveSessionWrites;
  private readonly listener: LiveUpdateListener;

  constructor(options: LiveAudioPartsOptions) {
    this.deps = options.deps;
    this.state = options.state;
    this.writes = options.writes;
    this.listener = options.listener;
    const live = liveOf(options.state.session);
    this.frameBytes = live.format.encoding === "pcm" ? 2 * live.format.channels : 1;
    this.lastStoredAt = options.deps.clock.now().getTime();
  }

  /** Bytes received and not stored yet. */
  get pendingBytes(): number {
    return this.queuedBytes;
  }

  /** Queues a copy of `chunk` for storage; returns the copy (the bytes the engine is handed too). */
  add(chunk: Uint8Array): Uint8Array {
    const copy = chunk.slice();
    this.pending.push(copy);
    this.queuedBytes += copy.byteLength;
    return copy;
  }

  /** Stores the pending audio when `partIntervalMs` passed since the last part, or a second of PCM waits. */
  async flushIfDue(): Promise<void> {
    if (this.state.closed || this.queuedBytes < this.frameBytes) return;
    const live = liveOf(this.state.session);
    const elapsedMs = this.deps.clock.now().getTime() - this.lastStoredAt;
    const secondOfAudio = live.format.encoding === "pcm" && this.queuedBytes >= livePcmBytesPerSecond(live.format.channels);
    if (elapsedMs >= this.deps.settings.live.partIntervalMs || secondOfAudio) await this.storePending(false);
  }

  /** Stores the pending bytes as the next part; `all` also stores a trailing partial frame. */
  async storePending(all: boolean): Promise<void> {
    const storable = all ? this.queuedBytes : this.queuedBytes - (this.queuedBytes % this.frameBytes);
    if (storable === 0) return;
    const joined = new Uint8Array(this.queuedBytes);
    let offset = 0;
    for (const chunk of this.pending.splice(0)) {
      joined.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const part = joined.subarray(0, storable);
    const rest = joined.subarray(storable);
    if (rest.byteLength > 0) this.pending.push(rest.slice());
    this.queuedBytes = rest.byteLength;
    this.lastStoredAt = this.deps.clock.now().getTime();
    await this.writes.chain(async () => {
      const live = liveOf(this.state.session);
      const index = live.parts + 1;
      const key = liveAudioPartKey(this.state.session.audio.blobKey, index);
      await this.deps.blobs.put(key, singleChunk(part), { contentType: "application/octet-stream" });
      try {
        await this.writes.update((session) => ({ ...session, live: { ...liveOf(session), parts: index, storedBytes: live.storedBytes + part.byteLength } }));
      } catch (error) {
        // The session ended elsewhere (a consent withdrawal, the abandoned sweep): this part is
        // in no session's record and no holder will write its key again, so it goes.
        if (this.writes.endedElsewhere) await this.deps.blobs.delete(key).catch(() => undefined);
        throw error;
      }
      this.listener({ type: "ack", storedBytes: liveOf(this.state.session).storedBytes });
    });
  }
}

function singleChunk(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
