import type { RecordOnlyReason } from "../../domain/live-session.ts";
import type { Clock } from "../../ports/clock.ts";
import type { LiveStreamCost } from "../../ports/live-speech-to-text.ts";

/** Why admission refused a live stream: none free, or the engine is behind its delay target. */
export type AdmissionRefusal = Extract<RecordOnlyReason, "capacity" | "behind">;

/** One admitted stream: held while the session's recognition runs, released once (idempotent). */
export interface LiveStreamSlot {
  /** The delay from the end of an utterance's speech to its final, as the run measured it. */
  recordFinalDelay(delayMs: number): void;
  /**
   * How the watch asks this stream, when it decides, how long its oldest utterance has waited
   * for its final since its speech ended (ms, measured as the final delays are; null: none
   * waits). An utterance that has waited longer than the target is lateness already certain.
   */
  watchAwaitedFinal(ageMs: () => number | null): void;
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
  /**
   * p95 of the final delays in the window together with the waits of the utterances still
   * awaiting their finals (each a delay at least that long), or null with fewer than `minSamples`.
   */
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
 * what a stream costs (the embedded engine, 0.40 of a core: 3 on 2 cores, where bench/live
 * measured finals p95 1.15 s at 3 streams in-process; at 4 through the server they passed the
 * target), at least 1; null (no limit but the watched delay) for an engine whose recognition
 * runs elsewhere.
 */
export function defaultLiveMaxStreams(cores: number, cost: LiveStreamCost): number | null {
  if (cost.coresPerStream <= 0) return null;
  return Math.max(1, Math.floor((cores * liveShareOfCores) / cost.coresPerStream));
}
const defaultMinSamples = 5;

/**
 * Admission of live sessions by measured capacity, per process: each live stream
 * takes a slot, and a session is admitted live only while a slot is free and the engine keeps
 * its final delay target. The watch's evidence is the final delays of the last `windowMs` and
 * the waits of the utterances whose speech has ended and whose finals have not come yet (a
 * running stream's `watchAwaitedFinal`): an utterance waiting that long will be at least that
 * late, so an engine falling behind is seen before its late finals arrive. The engine is behind
 * when an utterance has waited longer than the target, or when the p95 of all of it, once there
 * are `minSamples`, is over the target (a single final slower than the target, with fewer than
 * that, is no trend). A session not admitted is recorded only — never refused for capacity —
 * and running sessions are never cut. Delays older than the window are forgotten, so an engine
 * that fell behind admits again once its running streams are within the target again, or have
 * ended.
 */
export class LiveCapacity {
  private inUse = 0;
  private recordOnly = 0;
  /** The waits of the held streams that tell them (`watchAwaitedFinal`). */
  private readonly awaitedProbes = new Set<() => number | null>();
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
    let probe: (() => number | null) | null = null;
    return {
      slot: {
        recordFinalDelay: (delayMs) => this.recordFinalDelay(delayMs),
        watchAwaitedFinal: (ageMs) => {
          if (!held) return;
          if (probe) this.awaitedProbes.delete(probe);
          probe = ageMs;
          this.awaitedProbes.add(ageMs);
        },
        release: () => {
          if (!held) return;
          held = false;
          this.inUse -= 1;
          if (probe) this.awaitedProbes.delete(probe);
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
    const waits = this.awaitedWaits();
    if (waits.some((waitMs) => waitMs > finalDelayTargetMs)) return "behind";
    const p95 = this.finalDelayP95Ms(waits);
    return p95 !== null && p95 > finalDelayTargetMs ? "behind" : null;
  }

  /** How long each held stream's oldest utterance awaiting its final has waited. */
  private awaitedWaits(): number[] {
    const waits: number[] = [];
    for (const probe of this.awaitedProbes) {
      const waitMs = probe();
      if (waitMs !== null && Number.isFinite(waitMs) && waitMs >= 0) waits.push(waitMs);
    }
    return waits;
  }

  private recordFinalDelay(delayMs: number): void {
    if (!Number.isFinite(delayMs) || delayMs < 0) return;
    this.delays.push({ at: this.clock.now().getTime(), delayMs });
    this.forgetOld();
  }

  private finalDelayP95Ms(waits: number[] = this.awaitedWaits()): number | null {
    this.forgetOld();
    const samples = [...this.delays.map((entry) => entry.delayMs), ...waits];
    if (samples.length < this.options.minSamples) return null;
    const sorted = samples.sort((a, b) => a - b);
    return sorted[Math.ceil(0.95 * sorted.length) - 1] ?? null;
  }

  private forgetOld(): void {
    const since = this.clock.now().getTime() - this.options.windowMs;
    const firstKept = this.delays.findIndex((entry) => entry.at >= since);
    if (firstKept === -1) this.delays = [];
    else if (firstKept > 0) this.delays = this.delays.slice(firstKept);
  }
}
