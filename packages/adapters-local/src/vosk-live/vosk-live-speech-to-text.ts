/**
 * LiveSpeechToText over a Vosk server's WebSocket protocol (alphacep/vosk-server,
 * `websocket/asr_server.py`; the fake in @confide/contracts/fakes `vosk-server.ts` says it
 * message by message): one WebSocket per track — the mono stream, or each channel of a
 * per-channel stereo stream — opened with `{"config": {"sample_rate": 16000, "words": true}}`,
 * then the track's 16-bit PCM as binary messages, each answered by the server with a partial
 * (`{"partial"}`) or, when its endpointing ended an utterance, the utterance's result
 * (`{"result": [words], "text"}`, times in seconds from the track's first sample). `end()` sends
 * `{"eof" : 1}`, answered with the last utterance's result before the server closes.
 *
 * Partials and finals come as the audio arrives: the server decodes while the audio streams and
 * decides where utterances end, so a final follows the end of speech by the server's endpoint
 * pause and nothing else. No live diarization (mono finals have `speaker: null`); per-channel
 * finals are `ch0`/`ch1`. The server recognises; this process only forwards bytes.
 *
 * Back-pressure: the server answers every audio message, so the answers not yet received are
 * how far it is behind; `write` waits while more than `maxUnansweredMessages` are out. A server
 * that cannot be reached, or that closes a stream before answering its end, is one retryable
 * `provider.unavailable` error event (the session goes on recorded only, its recording
 * transcribed when it ends).
 */
import { createEventQueue, createPcmChannelSplitter, parseSettings } from "@confide/core/adapter-kit";
import { ConfideError, type LiveRecognition, type LiveSpeechEvent, type LiveSpeechSettings, type LiveSpeechToText, type Word } from "@confide/core/ports";
import { voskLiveSettings, type VoskLiveSettings } from "./settings.ts";
import { voskBadAnswer, voskUnavailable } from "./vosk-live-errors.ts";

const provider = "vosk-live";
const sampleRateHz = 16_000;
/** Audio samples per message: 0.2 s, what the server's own client (`websocket/test.py`) sends. */
const maxMessageSamples = sampleRateHz / 5;
/** The text `asr_server.py` compares with, byte for byte, to end a stream. */
const eofMessage = '{"eof" : 1}';

interface VoskWord {
  word: string;
  start: number;
  end: number;
  conf?: number;
}

type VoskAnswer = { partial: string } | { text: string; result?: VoskWord[] };

function parseAnswer(data: unknown): VoskAnswer {
  if (typeof data !== "string") throw voskBadAnswer("(binary)");
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw voskBadAnswer(data);
  }
  if (typeof parsed === "object" && parsed !== null) {
    if (typeof (parsed as { partial?: unknown }).partial === "string") return parsed as { partial: string };
    if (typeof (parsed as { text?: unknown }).text === "string") return parsed as { text: string; result?: VoskWord[] };
  }
  throw voskBadAnswer(data);
}

/** 16-bit samples as little-endian bytes, whatever the machine's byte order. */
function littleEndianBytes(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < samples.length; index += 1) view.setInt16(index * 2, samples[index]!, true);
  return bytes;
}

/** Opens a WebSocket to `url`, resolved once open; refused or silent past `timeoutMs`: provider.unavailable. */
function connect(url: string, timeoutMs: number, signal?: AbortSignal): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch (error) {
      reject(voskUnavailable(`at ${url} cannot be reached`, error));
      return;
    }
    socket.binaryType = "arraybuffer";
    const timer = setTimeout(() => {
      socket.close();
      reject(voskUnavailable(`did not accept a stream within ${timeoutMs} ms`));
    }, timeoutMs);
    const onAbort = () => {
      clearTimeout(timer);
      socket.close();
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    socket.addEventListener(
      "open",
      () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve(socket);
      },
      { once: true },
    );
    socket.addEventListener(
      "close",
      () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        reject(voskUnavailable(`at ${url} refused the connection`));
      },
      { once: true },
    );
  });
}

/** One Vosk stream: the mono track, or one channel's. */
class VoskTrack {
  private unanswered = 0;
  private sentSamples = 0;
  private lastEndMs = 0;
  private lastPartial = "";
  private eofSent = false;
  private stopped = false;
  private room: (() => void) | null = null;
  readonly closed: Promise<void>;
  private readonly socket: WebSocket;
  private readonly channel: number | null;
  private readonly maxUnanswered: number;
  private readonly emit: (event: LiveSpeechEvent) => void;
  private readonly fail: (error: ConfideError) => void;

  constructor(socket: WebSocket, channel: number | null, maxUnanswered: number, emit: (event: LiveSpeechEvent) => void, fail: (error: ConfideError) => void) {
    this.socket = socket;
    this.channel = channel;
    this.maxUnanswered = maxUnanswered;
    this.emit = emit;
    this.fail = fail;
    socket.addEventListener("message", (message) => this.answer(message.data));
    this.closed = new Promise<void>((resolve) => {
      socket.addEventListener(
        "close",
        () => {
          // Every message is answered, the end too: a close with answers owed is the server going away.
          if (!this.stopped && (!this.eofSent || this.unanswered > 0)) this.fail(voskUnavailable("closed the stream before it ended"));
          this.wake();
          resolve();
        },
        { once: true },
      );
    });
    socket.send(JSON.stringify({ config: { sample_rate: sampleRateHz, words: true, max_alternatives: 0 } }));
  }

  /**
   * Sends samples in messages of at most `maxMessageSamples` (one answer each, as the server's own
   * client sends 0.2 s); resolves once the server is no more than `maxUnanswered` messages behind.
   */
  async send(samples: Int16Array): Promise<void> {
    if (samples.length === 0 || this.stopped) return;
    for (let offset = 0; offset < samples.length; offset += maxMessageSamples) {
      const piece = samples.subarray(offset, offset + maxMessageSamples);
      this.socket.send(littleEndianBytes(piece));
      this.sentSamples += piece.length;
      this.unanswered += 1;
    }
    while (this.unanswered > this.maxUnanswered && !this.stopped && this.socket.readyState === WebSocket.OPEN) {
      await new Promise<void>((resolve) => (this.room = resolve));
    }
  }

  /** Ends the stream: the server answers with the last utterance's result, then closes. */
  async finish(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN && !this.eofSent) {
      this.eofSent = true;
      this.unanswered += 1;
      this.socket.send(eofMessage);
    }
    await this.closed;
  }

  stop(): void {
    this.stopped = true;
    this.wake();
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close(1000);
  }

  private wake(): void {
    const resolve = this.room;
    this.room = null;
    resolve?.();
  }

  private answer(data: unknown): void {
    if (this.stopped) return;
    let answer: VoskAnswer;
    try {
      answer = parseAnswer(data);
    } catch (error) {
      this.fail(error as ConfideError);
      return;
    }
    this.unanswered = Math.max(0, this.unanswered - 1);
    if (this.unanswered <= this.maxUnanswered) this.wake();
    const speaker = this.channel === null ? null : `ch${this.channel}`;
    if ("partial" in answer) {
      const text = answer.partial.trim();
      if (text !== "" && text !== this.lastPartial) {
        this.lastPartial = text;
        this.emit({ type: "partial", text, startMs: this.lastEndMs, speaker });
      }
      return;
    }
    this.lastPartial = "";
    const text = answer.text.trim();
    if (text === "") return;
    const words: Word[] = (answer.result ?? []).map((word) => ({
      text: word.word,
      startMs: Math.round(word.start * 1000),
      endMs: Math.round(word.end * 1000),
      ...(typeof word.conf === "number" ? { confidence: word.conf } : {}),
    }));
    const heardMs = Math.round((this.sentSamples / sampleRateHz) * 1000);
    const startMs = words[0]?.startMs ?? this.lastEndMs;
    const endMs = Math.max(startMs, words.at(-1)?.endMs ?? heardMs);
    this.lastEndMs = endMs;
    const confidences = words.flatMap((word) => (word.confidence === undefined ? [] : [word.confidence]));
    this.emit({
      type: "final",
      speaker,
      ...(this.channel === null ? {} : { channel: this.channel }),
      text,
      startMs,
      endMs,
      words,
      ...(confidences.length === 0 ? {} : { confidence: confidences.reduce((sum, value) => sum + value, 0) / confidences.length }),
    });
  }
}

/**
 * Creates the Vosk live engine; nothing connects until a recognition opens or `check` runs.
 * @throws ConfideError `validation.invalid_input` naming a bad setting (settings.ts).
 */
export function createVoskLiveSpeechToText(settings: VoskLiveSettings): LiveSpeechToText {
  const { url, connectTimeoutMs, maxUnansweredMessages: maxUnanswered } = parseSettings(voskLiveSettings, settings);

  return {
    provider,
    capabilities: { partials: true, liveDiarization: false, perChannel: true },
    // The server decodes; this process only forwards the audio. Vosk's endpointing waits about
    // half a second of quiet before it ends an utterance.
    streamCost: { coresPerStream: 0, finalDelayTargetMs: 1_500 },

    async open(liveSettings: LiveSpeechSettings, options = {}): Promise<LiveRecognition> {
      options.signal?.throwIfAborted();
      const channels = liveSettings.format.channels;
      const perChannel = liveSettings.channelLayout === "per-channel" && channels === 2;
      if (!perChannel && channels !== 1) {
        throw new ConfideError("provider.unsupported", "Vosk recognises one voice track: stereo audio needs the per-channel layout.");
      }
      const events = createEventQueue<LiveSpeechEvent>();
      let failed: ConfideError | null = null;
      /** No more audio: `end()` or `abort()` was called, or the recognition failed. */
      let closed = false;
      let aborted = false;
      const tracks: VoskTrack[] = [];
      const fail = (error: ConfideError) => {
        if (failed || aborted) return;
        failed = error;
        closed = true;
        for (const track of tracks) track.stop();
        events.push({ type: "error", error });
        events.end();
      };
      const sockets = await Promise.all(
        (perChannel ? [0, 1] : [null]).map((channel) => connect(url, connectTimeoutMs, options.signal).then((socket) => ({ socket, channel }))),
      ).catch((error: unknown) => {
        throw ConfideError.is(error) ? error : voskUnavailable(`at ${url} cannot be reached`, error);
      });
      for (const { socket, channel } of sockets) tracks.push(new VoskTrack(socket, channel, maxUnanswered, (event) => events.push(event), fail));
      const splitter = createPcmChannelSplitter(channels);
      let ending: Promise<void> | null = null;

      const assertOpen = () => {
        if (closed) throw new ConfideError("live.closed", "The live recognition has ended.");
      };

      return {
        async write(chunk) {
          assertOpen();
          const samples = splitter.push(chunk);
          await Promise.all(tracks.map((track, index) => track.send(samples[index]!)));
        },
        end() {
          ending ??= (async () => {
            if (closed) {
              for (const track of tracks) track.stop();
              await Promise.all(tracks.map((track) => track.closed));
              return;
            }
            closed = true;
            await Promise.all(tracks.map((track) => track.finish()));
            if (!failed) events.end();
          })();
          return ending;
        },
        abort() {
          if (aborted) return;
          aborted = true;
          closed = true;
          for (const track of tracks) track.stop();
          events.end({ drop: true });
        },
        events,
      };
    },

    async check(options = {}) {
      const socket = await connect(url, connectTimeoutMs, options.signal);
      socket.close(1000);
    },

    async close() {},
  };
}
