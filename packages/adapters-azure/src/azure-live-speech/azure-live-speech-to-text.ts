/**
 * Live speech by Azure Speech's real-time conversation transcription: the Speech SDK's
 * `ConversationTranscriber` fed through a `PushAudioInputStream`. Mono streams get live
 * diarization (speaker ids `Guest-1`, `Guest-2`…); per-channel stereo runs one transcriber per
 * channel, each labelled `ch<n>`. Partials come from `transcribing`, finals from
 * `transcribed`. The SDK is loaded when the first recognition opens.
 *
 * Real-time diarization handles at most 240 minutes of audio per connection (Speech quotas and
 * limits). Before a track's connection reaches `maxConnectionAudioMs` (235 minutes) the track
 * moves to a new connection: the old one finishes the audio it has, the new one's times are
 * offset by the audio sent before, and — the service cannot link speakers across connections —
 * its speaker ids are told apart (`Guest-1/part2`), never merged with the first part's.
 */
import { createEventQueue, createPcmChannelSplitter, liveRecognitionClosedError, mixToMono, parseSettings, wordInsideFinal } from "@confide/core/adapter-kit";
import { ConfideError, type LiveRecognition, type LiveSpeechCapabilities, type LiveSpeechEvent, type LiveSpeechSettings, type LiveSpeechToText, type Word } from "@confide/core/ports";
import type * as SpeechSdk from "microsoft-cognitiveservices-speech-sdk";
import type { z } from "zod";
import { errorFromCancellation } from "./azure-live-speech-errors.ts";
import { azureLiveSpeechSettings, type AzureLiveSpeechSettings } from "./settings.ts";

type Sdk = typeof SpeechSdk;

const ticksPerMs = 10_000;
const capabilities: LiveSpeechCapabilities = { partials: true, liveDiarization: true, perChannel: true };

let sdkPromise: Promise<Sdk> | undefined;

/**
 * The SDK's WebSocket adapter class (not part of its public API). On Node ≥ 22 the SDK picks the
 * global WebSocket, which reports a refused upgrade as a bare 1006 without its HTTP status; with
 * `forceNpmWebSocket` it uses the `ws` package, whose "Unexpected server response: 401" reaches
 * the cancellation's details, so a wrong key is told apart from an unreachable service.
 */
const websocketAdapterModule = "microsoft-cognitiveservices-speech-sdk/distrib/lib/src/common.browser/WebsocketMessageAdapter.js";

async function importSdk(): Promise<Sdk> {
  const sdk = await import("microsoft-cognitiveservices-speech-sdk");
  // Without it (an SDK that moved the class) recognition still works; a refused key then reads as an outage.
  const adapter = (await import(websocketAdapterModule).catch(() => ({}))) as { WebsocketMessageAdapter?: { forceNpmWebSocket?: boolean } };
  if (adapter.WebsocketMessageAdapter !== undefined) adapter.WebsocketMessageAdapter.forceNpmWebSocket = true;
  return sdk;
}

/** Loads the Speech SDK once; a missing package is `speech.engine_unavailable`. */
function loadSdk(): Promise<Sdk> {
  sdkPromise ??= importSdk().catch((error: unknown) => {
    sdkPromise = undefined;
    throw new ConfideError("speech.engine_unavailable", "The Azure Speech SDK (microsoft-cognitiveservices-speech-sdk) could not be loaded.", {
      retryable: false,
      cause: error,
    });
  });
  return sdkPromise;
}

const toMs = (ticks: number) => Math.round(ticks / ticksPerMs);

/** Word timings of a detailed result (`NBest[0].Words`, ticks), clamped inside the phrase. */
function wordsOf(json: string | undefined, startMs: number, endMs: number): { words: Word[]; confidence?: number } {
  if (json === undefined) return { words: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { words: [] };
  }
  const best = (parsed as { NBest?: Array<{ Confidence?: number; Words?: Array<{ Word?: string; Offset?: number; Duration?: number; Confidence?: number }> }> })
    .NBest?.[0];
  if (best === undefined) return { words: [] };
  const words: Word[] = [];
  for (const word of best.Words ?? []) {
    if (typeof word.Word !== "string" || typeof word.Offset !== "number" || typeof word.Duration !== "number") continue;
    const confidence = typeof word.Confidence === "number" ? word.Confidence : undefined;
    words.push(wordInsideFinal({ text: word.Word, startMs: toMs(word.Offset), endMs: toMs(word.Offset + word.Duration), confidence }, { startMs, endMs }));
  }
  return { words, ...(typeof best.Confidence === "number" ? { confidence: best.Confidence } : {}) };
}

/** The service's speaker id, or null when it could not tell ("Unknown", empty). */
function speakerOf(speakerId: string | undefined): string | null {
  return speakerId === undefined || speakerId === "" || speakerId === "Unknown" ? null : speakerId;
}

/** One transcriber over one push stream: the whole mono stream, or one channel of a stereo one. */
interface Track {
  /** Audio sent through this track's connection, in ms. */
  sentMs: number;
  push: SpeechSdk.PushAudioInputStream;
  transcriber: SpeechSdk.ConversationTranscriber;
  /** Resolves when the service has finished the audio (end of stream) or the track failed. */
  finished: Promise<void>;
  disposed: boolean;
}

function speechConfigFor(sdk: Sdk, settings: z.output<typeof azureLiveSpeechSettings>, language: string): SpeechSdk.SpeechConfig {
  // The schema requires the key, and the region when there is no host.
  const key = settings.key!;
  const config = settings.host !== undefined ? sdk.SpeechConfig.fromHost(new URL(settings.host), key) : sdk.SpeechConfig.fromSubscription(key, settings.region!);
  config.speechRecognitionLanguage = language;
  config.setProfanity(sdk.ProfanityOption.Raw);
  if (settings.wordTimestamps) {
    config.outputFormat = sdk.OutputFormat.Detailed;
    config.requestWordLevelTimestamps();
  }
  return config;
}

export function createAzureLiveSpeechToText(input: AzureLiveSpeechSettings): LiveSpeechToText {
  const settings = parseSettings(azureLiveSpeechSettings, input);

  async function open(speech: LiveSpeechSettings, options: { signal?: AbortSignal } = {}): Promise<LiveRecognition> {
    options.signal?.throwIfAborted();
    const sdk = await loadSdk();
    const channels = speech.format.channels;
    const perChannel = speech.channelLayout === "per-channel";
    const events = createEventQueue<LiveSpeechEvent>();
    const splitter = createPcmChannelSplitter(channels);
    let closed = false;
    let failed = false;

    const fail = (error: ConfideError) => {
      if (failed || events.ended) return;
      failed = true;
      closed = true;
      events.push({ type: "error", error });
      events.end();
      for (const track of tracks) disposeTrack(track);
    };

    const disposeTrack = (track: Track) => {
      if (track.disposed) return;
      track.disposed = true;
      track.push.close();
      track.transcriber.close(
        () => undefined,
        () => undefined,
      );
    };

    const startTrack = (channel: number, offsetMs: number, part: number): Track => {
      const format = sdk.AudioStreamFormat.getWaveFormatPCM(16_000, 16, 1);
      const push = sdk.AudioInputStream.createPushStream(format);
      const transcriber = new sdk.ConversationTranscriber(speechConfigFor(sdk, settings, speech.language), sdk.AudioConfig.fromStreamInput(push));
      const label = (speakerId: string | undefined) => {
        if (perChannel) return `ch${channel}`;
        const speaker = speakerOf(speakerId);
        return speaker === null || part === 1 ? speaker : `${speaker}/part${part}`;
      };
      const at = (ticks: number) => toMs(ticks) + offsetMs;
      transcriber.transcribing = (_sender, event) => {
        if (events.ended || event.result.text === undefined || event.result.text === "") return;
        events.push({ type: "partial", text: event.result.text, startMs: at(event.result.offset), speaker: label(event.result.speakerId) });
      };
      transcriber.transcribed = (_sender, event) => {
        const result = event.result;
        if (events.ended || result.reason !== sdk.ResultReason.RecognizedSpeech || result.text === undefined || result.text.trim() === "") return;
        const startMs = at(result.offset);
        const endMs = at(result.offset + result.duration);
        const { words, confidence } = wordsOf(result.json, startMs, endMs);
        events.push({
          type: "final",
          speaker: label(result.speakerId),
          ...(perChannel ? { channel } : {}),
          text: result.text,
          startMs,
          endMs,
          words,
          ...(confidence === undefined ? {} : { confidence }),
        });
      };
      const finished = new Promise<void>((resolve) => {
        transcriber.canceled = (_sender, event) => {
          if (event.reason === sdk.CancellationReason.Error) fail(errorFromCancellation(sdk.CancellationErrorCode[event.errorCode], event.errorDetails));
          resolve();
        };
        transcriber.sessionStopped = () => resolve();
      });
      transcriber.startTranscribingAsync(
        () => undefined,
        (error) => fail(errorFromCancellation("ConnectionFailure", String(error))),
      );
      return { sentMs: 0, push, transcriber, finished, disposed: false };
    };

    const stopTrack = (track: Track) =>
      new Promise<void>((resolve) =>
        track.disposed
          ? resolve()
          :
        track.transcriber.stopTranscribingAsync(
          () => resolve(),
          () => resolve(),
        ),
      );

    /** Every track opened, retired ones included (they finish their audio on their own). */
    const tracks: Track[] = [];
    /** Per channel (one for the mono layout): the track audio goes to now, its part and where it starts. */
    const lanes = Array.from({ length: perChannel ? channels : 1 }, (_, channel) => {
      const track = startTrack(channel, 0, 1);
      tracks.push(track);
      return { channel, track, part: 1, startMs: 0 };
    });

    /** Moves a lane to a new connection before its current one reaches the service's limit. */
    const rollOver = (lane: (typeof lanes)[number]) => {
      const retired = lane.track;
      retired.push.close();
      void retired.finished.then(async () => {
        await stopTrack(retired);
        disposeTrack(retired);
      });
      lane.part += 1;
      lane.startMs += retired.sentMs;
      lane.track = startTrack(lane.channel, lane.startMs, lane.part);
      tracks.push(lane.track);
    };

    return {
      async write(chunk) {
        if (closed) throw liveRecognitionClosedError();
        const split = splitter.push(chunk);
        // A stereo stream in the mono layout is heard as one mixed track, diarized.
        const samples = perChannel ? split : [mixToMono(split)];
        lanes.forEach((lane, index) => {
          const channel = samples[index]!;
          if (channel.length === 0) return;
          if (lane.track.sentMs >= settings.maxConnectionAudioMs) rollOver(lane);
          lane.track.push.write(channel.buffer.slice(channel.byteOffset, channel.byteOffset + channel.byteLength) as ArrayBuffer);
          // 16 kHz, 16-bit mono per track: 32 bytes a millisecond.
          lane.track.sentMs += channel.byteLength / 32;
        });
      },
      async end() {
        if (closed) {
          if (!events.ended) await Promise.all(tracks.map((track) => track.finished));
          return;
        }
        closed = true;
        for (const lane of lanes) lane.track.push.close();
        await Promise.all(tracks.map((track) => track.finished));
        await Promise.all(tracks.map(stopTrack));
        for (const track of tracks) disposeTrack(track);
        events.end();
      },
      abort() {
        if (events.ended && closed) return;
        closed = true;
        events.end({ drop: true });
        for (const track of tracks) disposeTrack(track);
      },
      events,
    };
  }

  return {
    provider: "azure-live",
    capabilities,
    // The service recognises; finals come about 0.3 s after the speech it ends on.
    streamCost: { coresPerStream: 0, finalDelayTargetMs: 2_000 },
    open,
    async check() {
      await loadSdk();
    },
    async close() {},
  };
}
