import type { RecordOnlyReason } from "../../domain/live-session.ts";
import type { Clock } from "../../ports/clock.ts";
import type { LiveStreamCost } from "../../ports/live-speech-to-text.ts";

/** Why admission refused a live stream: none free, or the engine is behind its delay target. */
export type AdmissionRefusal = Extract<RecordOnlyReason, "capacity" | "behind">;

/** One admitted stream: held while the session's recognition runs, released once (idempotent). */
export interface LiveStreamSlot {
  /** The delay from the end of an utterance's speech to its final, as the run measured it. */
  recordFinalDelay(delayMs: number): void;
  release(): void;
}

export interface LiveCapacityOptions {
  /** Live streams this process runs at once; null: no limit but the watched delay. 0: every session is record-only. */
  maxStreams: number | null;
  /** The engine's final delay target (`LiveStreamCost.finalDelayTargetMs`). */
  finalDelayTargetMs: number;
  /** How far back final delays count (default 30 s). */
  windowMs?: number;
  /** Fewest finals in the window before their p95 is trusted (default 5). */
  minSamples?: number;
}

/** What the readiness report and the metrics show. */
export interface LiveCapacityStatus {
  streamsInUse: number;
  maxStreams: number | null;
  /** p95 of the final delays in the window, or null with fewer than `minSamples`. */
  finalDelayP95Ms: number | null;
  finalDelayTargetMs: number;
  /** Whether a session started now would be live; otherwise why not. */
  admitting: boolean;
  recordOnlyReason: AdmissionRefusal | null;
  /** Sessions started record-only by this process since it started. */
  recordOnlyStarted: number;
}

const defaultWindowMs = 30_000;

/** The share of the cores live recognition may take: the rest serves the API, storage and the pipeline. */
const liveShareOfCores = 0.75;

/**
 * The live streams a process with `cores` CPU cores runs at once by default: ¾ of the cores over
 * what a stream costs (the embedded engine: 4 on 2 cores, where bench/live measured finals p95
 * 1.2 s at 4 streams and 3.5 s at 6), at least 1; null (no limit but the watched delay) for an
 * engine whose recognition runs elsewhere.
 */
export function defaultLiveMaxStreams(cores: number, cost: LiveStreamCost): number | null {
  if (cost.coresPerStream <= 0) return null;
  return Math.max(1, Math.floor((cores * liveShareOfCores) / cost.coresPerStream));
}
const defaultMinSamples = 5;

/**
 * Admission of live sessions by measured capacity (issue 31), per process: each live stream
 * takes a slot, and a session is admitted live only while a slot is free and the engine keeps
 * its final delay target (p95 of the finals of the last `windowMs`, once there are
 * `minSamples`). A session not admitted is recorded only — never refused for capacity — and
 * running sessions are never cut. Delays older than the window are forgotten, so an engine that
 * fell behind admits again once its running streams are within the target again, or have ended.
 */
export class LiveCapacity {
  private inUse = 0;
  private recordOnly = 0;
  private delays: Array<{ at: number; delayMs: number }> = [];
  private readonly clock: Clock;
  private readonly options: Required<LiveCapacityOptions>;

  constructor(clock: Clock, options: LiveCapacityOptions) {
    this.clock = clock;
    this.options = { windowMs: defaultWindowMs, minSamples: defaultMinSamples, ...options };
  }

  /** A slot for a live stream, or why there is none (the session is then recorded only). */
  admit(): { slot: LiveStreamSlot } | { recordOnly: AdmissionRefusal } {
    const refusal = this.refusal();
    if (refusal) {
      this.recordOnly += 1;
      return { recordOnly: refusal };
    }
    this.inUse += 1;
    let held = true;
    return {
      slot: {
        recordFinalDelay: (delayMs) => this.recordFinalDelay(delayMs),
        release: () => {
          if (!held) return;
          held = false;
          this.inUse -= 1;
        },
      },
    };
  }

  status(): LiveCapacityStatus {
    const refusal = this.refusal();
    return {
      streamsInUse: this.inUse,
      maxStreams: this.options.maxStreams,
      finalDelayP95Ms: this.finalDelayP95Ms(),
      finalDelayTargetMs: this.options.finalDelayTargetMs,
      admitting: refusal === null,
      recordOnlyReason: refusal,
      recordOnlyStarted: this.recordOnly,
    };
  }

  private refusal(): AdmissionRefusal | null {
    const { maxStreams, finalDelayTargetMs } = this.options;
    if (maxStreams !== null && this.inUse >= maxStreams) return "capacity";
    const p95 = this.finalDelayP95Ms();
    return p95 !== null && p95 > finalDelayTargetMs ? "behind" : null;
  }

  private recordFinalDelay(delayMs: number): void {
    if (!Number.isFinite(delayMs) || delayMs < 0) return;
    this.delays.push({ at: this.clock.now().getTime(), delayMs });
    this.forgetOld();
  }

  private finalDelayP95Ms(): number | null {
    this.forgetOld();
    if (this.delays.length < this.options.minSamples) return null;
    const sorted = this.delays.map((entry) => entry.delayMs).sort((a, b) => a - b);
    return sorted[Math.ceil(0.95 * sorted.length) - 1] ?? null;
  }

  private forgetOld(): void {
    const since = this.clock.now().getTime() - this.options.windowMs;
    const firstKept = this.delays.findIndex((entry) => entry.at >= since);
    if (firstKept === -1) this.delays = [];
    else if (firstKept > 0) this.delays = this.delays.slice(firstKept);
  }
}
