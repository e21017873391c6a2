/**
 * Keeps a Transcribe stream open across pauses: Amazon Transcribe Streaming ends a stream with
 * `BadRequestException` "Your request timed out because no new audio was received for 15
 * seconds" (https://github.com/awslabs/amazon-transcribe-streaming-sdk/issues/118; StartStreamTranscription, Errors).
 * When no audio was written for `keepAliveAfterMs` (10 s by default, well under the 15 s), a
 * short run of digital silence is sent instead, and again after each further `keepAliveAfterMs`.
 *
 * Silence rather than a new stream: one stream keeps its speaker labels (`spk_0` stays the same
 * voice; a reopened stream numbers speakers afresh) and its context, and nothing said around the
 * pause is cut. The silence shifts the service's times by what was inserted, so `sessionMs` maps
 * a time of the stream back to the time of the audio written (the inserted silence taken out).
 * When silence cannot reach the service either (the connection to AWS itself stalls), the
 * adapter opens a new stream; `createAudioReader` lets it go on with the audio where the ended
 * stream stopped, and `audioMs` says how much audio the ended stream took.
 */

/** One reader of the written audio, shared by the streams of a recognition one after another. */
export interface AudioReader {
  /** The next chunk (the same promise until `take`): a chunk a stream asked for but did not take goes to the next stream. */
  next(): Promise<IteratorResult<Uint8Array>>;
  /** The chunk of `next` was taken. */
  take(): void;
}

export function createAudioReader(source: AsyncIterable<Uint8Array>): AudioReader {
  const iterator = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<Uint8Array>> | undefined;
  return {
    next: () => (pending ??= iterator.next()),
    take: () => {
      pending = undefined;
    },
  };
}

/** How much silence one keep-alive sends: 100 ms, inside Transcribe's 50–200 ms best event size. */
const keepAliveSilenceMs = 100;

/** PCM 16-bit at 16 kHz: bytes per millisecond per channel. */
const bytesPerMsPerChannel = 32;

export interface AudioKeepAlive {
  /** The audio to send: what `reader` gives, with silence inserted after `keepAliveAfterMs` without any. */
  audio(reader: AudioReader): AsyncGenerator<Uint8Array>;
  /** A time of the stream (ms, as Transcribe reports it) as a time of the audio written. */
  sessionMs(streamMs: number): number;
  /** Milliseconds of written audio (not silence) sent so far. */
  readonly audioMs: number;
  /** Its stream has ended: it takes no more audio (what comes goes to the next stream's reader). */
  retire(): void;
}

export function createAudioKeepAlive(options: { keepAliveAfterMs: number; channels: number }): AudioKeepAlive {
  const bytesPerMs = bytesPerMsPerChannel * options.channels;
  const silence = new Uint8Array(keepAliveSilenceMs * bytesPerMs);
  /** Where silence went into the stream (stream ms): each insertion is `keepAliveSilenceMs` long. */
  const insertions: number[] = [];
  let sentBytes = 0;
  let audioBytes = 0;
  let retired = false;

  async function* audio(reader: AudioReader): AsyncGenerator<Uint8Array> {
    for (;;) {
      const next = reader.next();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const idle = new Promise<"idle">((resolve) => {
        timer = setTimeout(() => resolve("idle"), options.keepAliveAfterMs);
      });
      const outcome = await Promise.race([next, idle]);
      clearTimeout(timer);
      if (retired) return;
      if (outcome === "idle") {
        insertions.push(sentBytes / bytesPerMs);
        sentBytes += silence.byteLength;
        yield silence;
        continue;
      }
      reader.take();
      if (outcome.done === true) return;
      sentBytes += outcome.value.byteLength;
      audioBytes += outcome.value.byteLength;
      yield outcome.value;
    }
  }

  return {
    audio,
    sessionMs(streamMs) {
      let shift = 0;
      for (const atStreamMs of insertions) {
        if (streamMs <= atStreamMs) break;
        // Inside the silence itself: the moment it began.
        shift += Math.min(keepAliveSilenceMs, streamMs - atStreamMs);
      }
      return Math.round(streamMs - shift);
    },
    get audioMs() {
      return audioBytes / bytesPerMs;
    },
    retire() {
      retired = true;
    },
  };
}
