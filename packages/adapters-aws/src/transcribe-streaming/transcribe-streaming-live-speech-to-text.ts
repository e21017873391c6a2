/**
 * Live speech by Amazon Transcribe Streaming (`StartStreamTranscription` over HTTP/2): mono
 * streams with speaker labels (`ShowSpeakerLabel`: `spk_0`, `spk_1`…), per-channel stereo with
 * channel identification (`ch0`/`ch1`), partial results as `partial` events. The SDK is loaded
 * when the first recognition opens; one client serves every recognition.
 */
import { createEventQueue, liveRecognitionClosedError, parseSettings, wordInsideFinal } from "@confide/core/adapter-kit";
import { ConfideError, type LiveRecognition, type LiveSpeechCapabilities, type LiveSpeechEvent, type LiveSpeechSettings, type LiveSpeechToText, type Word } from "@confide/core/ports";
import type { Result, TranscribeStreamingClient } from "@aws-sdk/client-transcribe-streaming";
import { toTranscribeError } from "../transcribe/transcribe-errors.ts";
import { createAudioKeepAlive, createAudioReader, type AudioKeepAlive } from "./audio-keep-alive.ts";
import { channelOf, speakerLabelOf } from "./transcribe-streaming-labels.ts";
import { transcribeStreamingSettings, type TranscribeStreamingSettings } from "./settings.ts";

/**
 * Streams opened again in a row after the service ended one for want of audio (the connection to
 * AWS stalled), none of which took any audio: past this the recognition fails.
 */
const mostIdleReopens = 3;

/** The service's answer to 15 s without audio (StartStreamTranscription, BadRequestException). */
const isIdleTimeout = (error: unknown) =>
  (error as { name?: unknown })?.name === "BadRequestException" && /no new audio was received/i.test(String((error as { message?: unknown }).message ?? ""));

const capabilities: LiveSpeechCapabilities = { partials: true, liveDiarization: true, perChannel: true };
/** Transcribe takes audio events of 50–200 ms best; larger writes are split (100 ms of stereo). */
const maxEventBytes = 6_400;

const toMs = (seconds: number | undefined) => Math.round((seconds ?? 0) * 1000);

/** The speaker most of a result's words are labelled with, as `spk_<n>`; null without (readable) labels. */
function speakerOf(result: Result): string | null {
  const counts = new Map<string, number>();
  for (const item of result.Alternatives?.[0]?.Items ?? []) {
    const label = speakerLabelOf(item.Speaker);
    if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [speaker, count] of counts) if (best === null || count > counts.get(best)!) best = speaker;
  return best;
}

function wordsOf(result: Result, startMs: number, endMs: number, sessionMs: (streamMs: number) => number): Word[] {
  const words: Word[] = [];
  for (const item of result.Alternatives?.[0]?.Items ?? []) {
    if (item.Type !== "pronunciation" || item.Content === undefined) continue;
    words.push(
      wordInsideFinal(
        { text: item.Content, startMs: sessionMs(toMs(item.StartTime)), endMs: sessionMs(toMs(item.EndTime)), confidence: item.Confidence },
        { startMs, endMs },
      ),
    );
  }
  return words;
}

/** The live engine (see the module comment). @throws ConfideError `validation.invalid_input` naming the first bad setting. */
export function createTranscribeStreamingLiveSpeechToText(input: TranscribeStreamingSettings = {}): LiveSpeechToText {
  const settings = parseSettings(transcribeStreamingSettings, input);
  const { keepAliveAfterMs } = settings;
  let clientPromise: Promise<{ client: TranscribeStreamingClient; sdk: typeof import("@aws-sdk/client-transcribe-streaming") }> | undefined;
  const loadClient = () => {
    clientPromise ??= import("@aws-sdk/client-transcribe-streaming").then(
      (sdk) => ({
        sdk,
        client: new sdk.TranscribeStreamingClient({
          ...(settings.region === undefined ? {} : { region: settings.region }),
          ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
          ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
        }),
      }),
      (error: unknown) => {
        clientPromise = undefined;
        throw new ConfideError("speech.engine_unavailable", "The AWS SDK for Transcribe Streaming could not be loaded.", { retryable: false, cause: error });
      },
    );
    return clientPromise;
  };

  async function open(speech: LiveSpeechSettings, options: { signal?: AbortSignal } = {}): Promise<LiveRecognition> {
    options.signal?.throwIfAborted();
    const { client, sdk } = await loadClient();
    const perChannel = speech.channelLayout === "per-channel" && speech.format.channels === 2;
    if (speech.channelLayout === "mono" && speech.format.channels !== 1) {
      throw new ConfideError("provider.unsupported", "Transcribe Streaming diarizes mono audio only; stereo needs the per-channel layout.", {
        details: { provider: "transcribe-streaming" },
      });
    }
    // The streaming list is shorter than the batch one (the LanguageCode enum of the SDK's
    // transcribe-streaming model; "Supported languages", streaming column): refuse before opening.
    const streamingLanguages: readonly string[] = Object.values(sdk.LanguageCode);
    if (!streamingLanguages.includes(speech.language)) {
      throw new ConfideError("provider.unsupported", `Amazon Transcribe Streaming does not transcribe ${speech.language} live.`, {
        retryable: false,
        details: { provider: "transcribe-streaming", language: speech.language, feature: "language" },
      });
    }
    const channels = perChannel ? 2 : 1;
    const events = createEventQueue<LiveSpeechEvent>();
    const abort = new AbortController();
    const audio = createEventQueue<Uint8Array>();
    let closed = false;
    let audioEnded = false;
    /** Result ids whose latest result was partial: utterances the service has not finished. */
    const unfinished = new Set<string>();

    const reader = createAudioReader(audio);
    async function* audioStream(keepAlive: AudioKeepAlive) {
      for await (const chunk of keepAlive.audio(reader)) {
        for (let offset = 0; offset < chunk.byteLength; offset += maxEventBytes) {
          yield { AudioEvent: { AudioChunk: chunk.subarray(offset, offset + maxEventBytes) } };
        }
      }
    }

    const fail = (error: ConfideError) => {
      if (events.ended) return;
      closed = true;
      events.push({ type: "error", error });
      events.end();
      audio.end({ drop: true });
      abort.abort();
    };

    /** Reads one stream's results; `sessionMs` maps its times to the recognition's. */
    async function readStream(keepAlive: AudioKeepAlive, sessionMs: (streamMs: number) => number): Promise<void> {
      const response = await client.send(
        new sdk.StartStreamTranscriptionCommand({
          LanguageCode: speech.language as never,
          MediaEncoding: "pcm",
          MediaSampleRateHertz: 16_000,
          ...(perChannel ? { EnableChannelIdentification: true, NumberOfChannels: 2 } : { ShowSpeakerLabel: true }),
          AudioStream: audioStream(keepAlive),
        }),
        { abortSignal: abort.signal },
      );
      for await (const event of response.TranscriptResultStream ?? []) {
        if (events.ended) break;
        for (const result of event.TranscriptEvent?.Transcript?.Results ?? []) {
          const text = result.Alternatives?.[0]?.Transcript ?? "";
          if (text.trim() === "") continue;
          const channel = perChannel ? channelOf(result.ChannelId, 2) : undefined;
          const speaker = channel !== undefined ? `ch${channel}` : perChannel ? null : speakerOf(result);
          const startMs = sessionMs(toMs(result.StartTime));
          if (result.ResultId !== undefined) {
            if (result.IsPartial) unfinished.add(result.ResultId);
            else unfinished.delete(result.ResultId);
          }
          if (result.IsPartial) {
            events.push({ type: "partial", text, startMs, speaker });
            continue;
          }
          const endMs = Math.max(startMs, sessionMs(toMs(result.EndTime)));
          events.push({ type: "final", speaker, ...(channel === undefined ? {} : { channel }), text, startMs, endMs, words: wordsOf(result, startMs, endMs, sessionMs) });
        }
      }
    }

    const finished = (async () => {
      /** Where the current stream starts in the recognition's audio (ms): the audio the streams before it took. */
      let streamStartMs = 0;
      let idleReopens = 0;
      try {
        for (;;) {
          const keepAlive = createAudioKeepAlive({ keepAliveAfterMs, channels });
          const startMs = streamStartMs;
          try {
            await readStream(keepAlive, (streamMs) => startMs + keepAlive.sessionMs(streamMs));
            break;
          } catch (error) {
            keepAlive.retire();
            // The connection to AWS stalled past the service's 15 s: go on in a new stream, where
            // the audio stopped, its times carried on (its speaker labels start afresh).
            const reopen = isIdleTimeout(error) && !audioEnded && !abort.signal.aborted && !events.ended;
            idleReopens = keepAlive.audioMs > 0 ? 0 : idleReopens + 1;
            if (!reopen || idleReopens > mostIdleReopens) throw error;
            streamStartMs += keepAlive.audioMs;
            unfinished.clear();
          }
        }
        // The SDK ends the result stream quietly when the connection drops after the answer's
        // headers: a stream that ends before the audio did, or with an utterance unfinished, was cut.
        if (!abort.signal.aborted && (!audioEnded || unfinished.size > 0)) {
          fail(
            new ConfideError("provider.unavailable", "Amazon Transcribe Streaming's connection ended before the transcription did (connection lost).", {
              retryable: true,
              details: { provider: "transcribe-streaming" },
            }),
          );
        }
      } catch (error) {
        // The SDK throws the stream's exception messages (LimitExceededException…) by their names.
        if (abort.signal.aborted && events.ended) return;
        fail(toTranscribeError(error, "stream a transcription"));
      }
    })();

    return {
      async write(chunk) {
        if (closed) throw liveRecognitionClosedError();
        audio.push(chunk.slice());
      },
      async end() {
        closed = true;
        audioEnded = true;
        audio.end();
        await finished;
        events.end();
      },
      abort() {
        closed = true;
        events.end({ drop: true });
        audio.end({ drop: true });
        abort.abort();
      },
      events,
    };
  }

  return {
    provider: "transcribe-streaming",
    capabilities,
    // The service recognises; finals come about 0.3 s after the speech it ends on.
    streamCost: { coresPerStream: 0, finalDelayTargetMs: 2_000 },
    open,
    async check() {
      await loadClient();
    },
    async close() {
      if (clientPromise !== undefined) (await clientPromise.catch(() => undefined))?.client.destroy();
      clientPromise = undefined;
    },
  };
}
