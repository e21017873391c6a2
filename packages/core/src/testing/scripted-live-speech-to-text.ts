import { ConfideError } from "../errors.ts";
import type { LiveRecognition, LiveSpeechCapabilities, LiveSpeechEvent, LiveSpeechSettings, LiveSpeechToText } from "../ports/live-speech-to-text.ts";

/** One utterance the scripted engine "hears": its final comes once the audio written passes `endMs`. */
export interface ScriptedUtterance {
  /** Per-channel: the channel it is heard on (the final's speaker is `ch<channel>`). */
  channel?: number;
  /** Mono: the engine's speaker id (null: cannot tell). */
  speaker?: string | null;
  text: string;
  startMs: number;
  endMs: number;
}

export interface ScriptedLiveSpeechToText extends LiveSpeechToText {
  /**
   * What every recognition opened from now on hears, times from its first byte. `lagMs`: each
   * final comes that much audio after its utterance's end (an engine falling behind).
   * `turnEnds`: what the recognitions say heard the utterances end (left out when not given).
   */
  script(utterances: ScriptedUtterance[], options?: { failAfterMs?: number; lagMs?: number; turnEnds?: string }): void;
  /** Bytes each recognition opened so far was written, in order. */
  written(): number[];
}

/**
 * A live engine for core's tests: it recognises nothing, it reads a script. Each utterance's
 * final is emitted as soon as the audio written to the recognition reaches the utterance's end
 * (the bytes are counted as 16 kHz 16-bit PCM of the opened channels), so a test drives time by
 * writing bytes; `end()` emits the finals of utterances that started before the end of the
 * audio. `failAfterMs` emits a retryable `provider.unavailable` error once that much was written.
 * An utterance whose end the audio has passed and whose final `lagMs` holds back is awaited
 * (`awaitedFinalEndMs`), as an engine that cuts utterances tells it.
 * It declares a stream cost of nothing on this process and a final delay target of 1.5 s.
 */
export function createScriptedLiveSpeechToText(
  capabilities: LiveSpeechCapabilities = { partials: false, liveDiarization: true, perChannel: true },
): ScriptedLiveSpeechToText {
  let utterances: ScriptedUtterance[] = [];
  let failAfterMs: number | undefined;
  let lagMs = 0;
  let turnEnds: string | undefined;
  const written: number[] = [];
  return {
    provider: "scripted-live",
    capabilities,
    streamCost: { coresPerStream: 0, finalDelayTargetMs: 1_500 },
    script(next, options = {}) {
      utterances = [...next];
      failAfterMs = options.failAfterMs;
      lagMs = options.lagMs ?? 0;
      turnEnds = options.turnEnds;
    },
    written: () => [...written],
    async open(settings: LiveSpeechSettings): Promise<LiveRecognition> {
      if (settings.channelLayout === "per-channel" && !capabilities.perChannel) {
        throw new ConfideError("provider.unsupported", "The scripted engine was built without per-channel recognition.");
      }
      const script = [...utterances];
      const failAt = failAfterMs;
      const lag = lagMs;
      const bytesPerMs = (16_000 * 2 * settings.format.channels) / 1000;
      const index = written.push(0) - 1;
      const queue: LiveSpeechEvent[] = [];
      let wake: (() => void) | null = null;
      let finished = false;
      let closed = false;
      const push = (event: LiveSpeechEvent) => {
        queue.push(event);
        wake?.();
      };
      const finish = () => {
        finished = true;
        closed = true;
        wake?.();
      };
      const emitUpTo = (ms: number, started: boolean) => {
        for (const utterance of [...script]) {
          if (utterance.endMs + lag <= ms || (started && utterance.startMs < ms)) {
            script.splice(script.indexOf(utterance), 1);
            push({
              type: "final",
              speaker: utterance.channel === undefined ? (utterance.speaker ?? null) : `ch${utterance.channel}`,
              ...(utterance.channel === undefined ? {} : { channel: utterance.channel }),
              text: utterance.text,
              startMs: utterance.startMs,
              endMs: Math.min(utterance.endMs, Math.max(ms, utterance.startMs)),
              words: [],
            });
          }
        }
      };
      return {
        async write(chunk) {
          if (closed) throw new ConfideError("live.closed", "The recognition has ended.");
          written[index] = (written[index] ?? 0) + chunk.byteLength;
          const ms = (written[index] ?? 0) / bytesPerMs;
          if (failAt !== undefined && ms >= failAt) {
            push({ type: "error", error: new ConfideError("provider.unavailable", "The scripted engine went away.", { retryable: true }) });
            finish();
            return;
          }
          emitUpTo(ms, false);
        },
        async end() {
          if (closed) return;
          emitUpTo((written[index] ?? 0) / bytesPerMs, true);
          finish();
        },
        abort() {
          queue.length = 0;
          finish();
        },
        ...(turnEnds === undefined ? {} : { turnEnds }),
        // The utterances whose end the audio has passed and whose final the lag still holds back.
        awaitedFinalEndMs() {
          if (closed) return null;
          const heardMs = (written[index] ?? 0) / bytesPerMs;
          const ends = script.filter((utterance) => utterance.endMs <= heardMs).map((utterance) => utterance.endMs);
          return ends.length === 0 ? null : Math.min(...ends);
        },
        events: {
          async *[Symbol.asyncIterator]() {
            for (;;) {
              const next = queue.shift();
              if (next) {
                yield next;
                continue;
              }
              if (finished) return;
              await new Promise<void>((resolve) => {
                wake = resolve;
              });
              wake = null;
            }
          },
        },
      };
    },
    async check() {},
    async close() {},
  };
}
