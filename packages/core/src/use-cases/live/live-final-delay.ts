import { livePcmBytesPerSecond } from "../../domain/live-session.ts";
import type { Session } from "../../domain/session.ts";
import type { Clock } from "../../ports/clock.ts";
import { liveOf } from "./live-run-state.ts";

/** Where recognition audio was when it was handed to the engine: measures each final's delay. */
interface AudioMark {
  /** Milliseconds of audio written to the recognition up to the end of this write. */
  audioMs: number;
  at: number;
}

/** Marks kept (about 10 a second of audio): a final later than this much audio is not measured. */
const maxAudioMarks = 4_096;

/**
 * A final's delay, for the capacity's watch: marks when which audio went to the engine, and
 * measures from the mark of a final's end until now.
 */
export class FinalDelayMarks {
  private recognizedBytes = 0;
  private readonly audioMarks: AudioMark[] = [];
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Marks that `bytes` more PCM (in the format of the live `session`) go to the engine now. */
  mark(bytes: number, session: Session): void {
    this.recognizedBytes += bytes;
    const channels = liveOf(session).format.channels;
    this.audioMarks.push({ audioMs: (this.recognizedBytes / livePcmBytesPerSecond(channels)) * 1000, at: this.clock.now().getTime() });
    if (this.audioMarks.length > maxAudioMarks) this.audioMarks.splice(0, maxAudioMarks / 2);
  }

  /**
   * The delay of a final ending at `endMs` (recognition time): from when the audio of its end
   * went to the engine until now; null when that audio is no longer marked.
   */
  delayMs(endMs: number): number | null {
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
    return this.clock.now().getTime() - mark.at;
  }
}
