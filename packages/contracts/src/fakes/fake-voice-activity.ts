/**
 * The deterministic "recogniser" the fake streaming speech servers share: 16 kHz 16-bit mono
 * PCM cut into 20 ms frames; a frame louder than -30 dBFS (RMS) is speech; an utterance ends
 * after 500 ms of quiet or when the audio ends. Chunks may split frames and samples.
 */
export interface VoiceActivityListener {
  /** Speech began at `startMs`. */
  start(startMs: number): void;
  /** Every `progressEveryMs` of an utterance: it has lasted `spokenMs` so far. */
  progress(startMs: number, spokenMs: number, count: number): void;
  /** The utterance from `startMs` to `endMs` (its last loud frame's end) has ended. */
  end(startMs: number, endMs: number): void;
}

const frameMs = 20;
const frameBytes = frameMs * 32;
const speechRms = 32_768 * 10 ** (-30 / 20);
const endSilenceMs = 500;

export class FakeVoiceActivity {
  private pending = Buffer.alloc(0);
  private utterance: { startMs: number; lastLoudMs: number; progressCount: number } | null = null;
  /** Milliseconds of audio cut into frames so far. */
  processedMs = 0;
  private readonly listener: VoiceActivityListener;
  private readonly progressEveryMs: number;

  constructor(listener: VoiceActivityListener, options: { progressEveryMs?: number } = {}) {
    this.listener = listener;
    this.progressEveryMs = options.progressEveryMs ?? 400;
  }

  push(pcm: Uint8Array): void {
    this.pending = Buffer.concat([this.pending, pcm]);
    while (this.pending.byteLength >= frameBytes) {
      const frame = this.pending.subarray(0, frameBytes);
      this.pending = this.pending.subarray(frameBytes);
      this.frame(frame);
    }
  }

  /** The audio has ended: the utterance still open ends here. */
  finish(): void {
    const utterance = this.utterance;
    this.utterance = null;
    if (utterance !== null) this.listener.end(utterance.startMs, utterance.lastLoudMs);
  }

  private frame(frame: Buffer): void {
    const startMs = this.processedMs;
    this.processedMs += frameMs;
    let sum = 0;
    for (let offset = 0; offset + 1 < frame.byteLength; offset += 2) sum += frame.readInt16LE(offset) ** 2;
    const loud = Math.sqrt(sum / (frame.byteLength / 2)) > speechRms;
    if (loud) {
      if (this.utterance === null) {
        this.utterance = { startMs, lastLoudMs: this.processedMs, progressCount: 0 };
        this.listener.start(startMs);
      }
      this.utterance.lastLoudMs = this.processedMs;
      const spokenMs = this.processedMs - this.utterance.startMs;
      if (Math.floor(spokenMs / this.progressEveryMs) > this.utterance.progressCount) {
        this.utterance.progressCount += 1;
        this.listener.progress(this.utterance.startMs, spokenMs, this.utterance.progressCount);
      }
    } else if (this.utterance !== null && this.processedMs - this.utterance.lastLoudMs >= endSilenceMs) {
      this.finish();
    }
  }
}
