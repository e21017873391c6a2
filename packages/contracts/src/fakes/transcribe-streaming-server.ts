/**
 * A fake of Amazon Transcribe Streaming's HTTP/2 API (`POST /stream-transcription`), enough for
 * the real `@aws-sdk/client-transcribe-streaming` given `endpoint: server.url` (cleartext HTTP/2,
 * prior knowledge: the SDK's NodeHttp2Handler connects to an `http://` endpoint that way).
 *
 * Wire format (application/vnd.amazon.eventstream, `@smithy/core/event-streams` codec): the
 * request's settings are `x-amzn-transcribe-*` headers; its body is a stream of signed envelope
 * messages (`:date`, `:chunk-signature`) whose payload is one encoded `AudioEvent` message
 * (`:event-type: AudioEvent`, the PCM as its body); an envelope with an empty payload ends the
 * audio. The answer is 200 with a stream of `TranscriptEvent` messages (`:message-type: event`,
 * JSON `{ Transcript: { Results: [{ ResultId, StartTime, EndTime (seconds), IsPartial,
 * ChannelId?, Alternatives: [{ Transcript, Items: [{ Content, StartTime, EndTime, Type,
 * Speaker?, Confidence }] }] }] } }`), or exception messages (`:message-type: exception`,
 * `:exception-type`). Signatures are not checked; the access key id must be `accessKeyId`.
 *
 * Deterministic recognition per channel (`FakeVoiceActivity`): a partial result every 400 ms of
 * speech, a final one when the utterance ends, with the next text of `phrases` (cycling);
 * with `x-amzn-transcribe-show-speaker-label`, speakers "0", "1" alternate; with channel
 * identification, each channel is heard on its own (`ChannelId: ch_<n>`).
 *
 * Faults: `throttled` (a `LimitExceededException` message once audio arrives), `drop` (the
 * HTTP/2 session destroyed after `dropAfterBytes` of audio, the server gone), `forbidden` (403
 * `UnrecognizedClientException` instead of the stream).
 *
 * Refusals the service makes:
 * - **15 s without audio**: the stream ends with a `BadRequestException` exception message
 *   "Your request timed out because no new audio was received for 15 seconds." — the service's
 *   wording as reported in https://github.com/awslabs/amazon-transcribe-streaming-sdk/issues/118 (and the API
 *   reference, StartStreamTranscription: BadRequestException "… timed out …"). Any AudioEvent
 *   counts as audio, silence included. `idleTimeoutMs` makes the limit short for tests.
 * - **A language Transcribe does not stream**: 400 `BadRequestException` before any stream, in
 *   AWS's validation wording. The list is the `LanguageCode` enum of the transcribe-streaming
 *   service model (smaller than batch's: e.g. `cy-GB` is batch only; AWS "Supported languages",
 *   the streaming column).
 */
import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { LanguageCode } from "@aws-sdk/client-transcribe-streaming";
import { EventStreamCodec } from "@smithy/core/event-streams";
import { FakeVoiceActivity } from "./fake-voice-activity.ts";

export type TranscribeStreamingFault = "throttled" | "drop" | "forbidden";

export interface TranscribeStreamingServerOptions {
  phrases?: string[];
  fault?: TranscribeStreamingFault;
  /** For `drop`: audio bytes received before the session is destroyed. Default 64,000. */
  dropAfterBytes?: number;
  /** The access key id it admits (default `AKIAFAKETRANSCRIBE`): e.g. the other stand-ins', for one credential chain. */
  accessKeyId?: string;
  /** How long a stream waits for audio before it ends with BadRequestException. Default 15,000 ms (the service's). */
  idleTimeoutMs?: number;
  /** The `ChannelId` of a channel's results. Default `ch_<n>` (the service's). */
  channelId?: (channel: number) => string;
  /** The `Speaker` of an utterance's items. Default `"0"`, `"1"` alternating (the service's). */
  speakerId?: (utterance: number) => string;
}

/** Languages Transcribe streams (the transcribe-streaming model's LanguageCode enum). */
export const transcribeStreamingLanguageCodes: readonly string[] = Object.values(LanguageCode);

export interface TranscribeStreamingRequest {
  /** The `x-amzn-transcribe-*` headers, without the prefix. */
  settings: Record<string, string>;
  audioBytes: number;
  /** The stream was ended for want of audio (`idleTimeoutMs`). */
  idleTimedOut: boolean;
}

export interface TranscribeStreamingServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  accessKeyId: string;
  requests: TranscribeStreamingRequest[];
  close(): Promise<void>;
}

const codec = new EventStreamCodec(
  (bytes) => Buffer.from(bytes).toString("utf8"),
  (text) => new Uint8Array(Buffer.from(text, "utf8")),
);
const stringHeader = (value: string) => ({ type: "string" as const, value });

function eventMessage(body: unknown): Uint8Array {
  return codec.encode({
    headers: { ":message-type": stringHeader("event"), ":event-type": stringHeader("TranscriptEvent"), ":content-type": stringHeader("application/json") },
    body: new Uint8Array(Buffer.from(JSON.stringify(body))),
  });
}

function exceptionMessage(type: string, message: string): Uint8Array {
  return codec.encode({
    headers: { ":message-type": stringHeader("exception"), ":exception-type": stringHeader(type), ":content-type": stringHeader("application/json") },
    body: new Uint8Array(Buffer.from(JSON.stringify({ Message: message }))),
  });
}

/** Starts the fake on 127.0.0.1 at a free port (cleartext HTTP/2). */
export async function startTranscribeStreamingServer(options: TranscribeStreamingServerOptions = {}): Promise<TranscribeStreamingServer> {
  const phrases = options.phrases ?? ["How have you been sleeping this week", "Not well I keep waking up at night"];
  const dropAfterBytes = options.dropAfterBytes ?? 64_000;
  const accessKeyId = options.accessKeyId ?? "AKIAFAKETRANSCRIBE";
  const requests: TranscribeStreamingRequest[] = [];
  const sessions = new Set<http2.ServerHttp2Session>();
  let gone = false;
  const server = http2.createServer();
  server.on("session", (session) => {
    if (gone) session.destroy();
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });

  server.on("stream", (stream, headers) => {
    const authorization = String(headers.authorization ?? "");
    if (headers[":path"] !== "/stream-transcription" || headers[":method"] !== "POST") {
      stream.respond({ ":status": 404 });
      stream.end();
      return;
    }
    if (options.fault === "forbidden" || !authorization.includes(`Credential=${accessKeyId}/`)) {
      stream.respond({ ":status": 403, "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": "UnrecognizedClientException" });
      stream.end(JSON.stringify({ message: "The security token included in the request is invalid." }));
      return;
    }
    const settings: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (name.startsWith("x-amzn-transcribe-")) settings[name.slice("x-amzn-transcribe-".length)] = String(value);
    }
    const language = settings["language-code"];
    if (language !== undefined && !transcribeStreamingLanguageCodes.includes(language)) {
      stream.respond({ ":status": 400, "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": "BadRequestException" });
      stream.end(
        JSON.stringify({
          Message: `1 validation error detected: Value '${language}' at 'languageCode' failed to satisfy constraint: Member must satisfy enum value set: [${transcribeStreamingLanguageCodes.join(", ")}]`,
        }),
      );
      return;
    }
    const request: TranscribeStreamingRequest = { settings, audioBytes: 0, idleTimedOut: false };
    requests.push(request);
    const channels = settings["enable-channel-identification"] === "true" ? Number(settings["number-of-channels"] ?? "1") : 1;
    const speakerLabels = settings["show-speaker-label"] === "true";
    stream.respond({
      ":status": 200,
      "content-type": "application/vnd.amazon.eventstream",
      "x-amzn-request-id": `request-${requests.length}`,
      "x-amzn-transcribe-session-id": `session-${requests.length}`,
    });
    const write = (message: Uint8Array) => {
      if (!stream.closed && !stream.destroyed) stream.write(Buffer.from(message));
    };

    let phraseCount = 0;
    let resultCount = 0;
    const resultIds: string[] = [];
    const result = (channel: number, startMs: number, endMs: number, partialWords: number | null) => {
      const text = phrases[phraseCount % phrases.length]!;
      const words = text.split(" ");
      const said = partialWords === null ? words : words.slice(0, Math.min(partialWords, words.length));
      const share = (endMs - startMs) / said.length;
      const speaker = speakerLabels ? { Speaker: options.speakerId?.(phraseCount) ?? String(phraseCount % 2) } : {};
      write(
        eventMessage({
          Transcript: {
            Results: [
              {
                ResultId: resultIds[channel]!,
                StartTime: startMs / 1000,
                EndTime: endMs / 1000,
                IsPartial: partialWords !== null,
                ...(channels > 1 ? { ChannelId: options.channelId?.(channel) ?? `ch_${channel}` } : {}),
                Alternatives: [
                  {
                    Transcript: said.join(" "),
                    Items: said.map((word, index) => ({
                      Content: word,
                      StartTime: (startMs + index * share) / 1000,
                      EndTime: (startMs + (index + 1) * share) / 1000,
                      Type: "pronunciation",
                      Confidence: 0.9,
                      ...speaker,
                    })),
                  },
                ],
              },
            ],
          },
        }),
      );
    };
    const voices = Array.from(
      { length: channels },
      (_, channel) =>
        new FakeVoiceActivity({
          start: () => {
            resultCount += 1;
            resultIds[channel] = `result-${resultCount}`;
          },
          progress: (startMs, spokenMs, count) => result(channel, startMs, startMs + spokenMs, count),
          end: (startMs, endMs) => {
            result(channel, startMs, endMs, null);
            phraseCount += 1;
          },
        }),
    );

    let pending = Buffer.alloc(0);
    let heldSample = Buffer.alloc(0);
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const idleTimeoutMs = options.idleTimeoutMs ?? 15_000;
    const waitForAudio = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        if (stream.closed || stream.destroyed) return;
        request.idleTimedOut = true;
        write(exceptionMessage("BadRequestException", `Your request timed out because no new audio was received for ${Math.round(idleTimeoutMs / 1000)} seconds.`));
        stream.end();
      }, idleTimeoutMs);
    };
    waitForAudio();
    stream.on("close", () => clearTimeout(idleTimer));
    const audio = (pcm: Buffer) => {
      if (options.fault === "throttled") {
        write(exceptionMessage("LimitExceededException", "You have reached your limit of concurrent streams."));
        stream.end();
        return;
      }
      request.audioBytes += pcm.byteLength;
      if (gone) return;
      if (options.fault === "drop" && request.audioBytes >= dropAfterBytes) {
        gone = true;
        server.close();
        // What was written before reaches the client (frames already on the wire), then the connection dies.
        const session = stream.session;
        setTimeout(() => session?.socket.destroy(), 50);
        return;
      }
      const bytes = Buffer.concat([heldSample, pcm]);
      const frameBytes = 2 * channels;
      const whole = bytes.byteLength - (bytes.byteLength % frameBytes);
      heldSample = bytes.subarray(whole);
      for (let channel = 0; channel < channels; channel += 1) {
        const samples = Buffer.alloc(whole / channels);
        for (let frame = 0; frame < whole / frameBytes; frame += 1) samples.writeInt16LE(bytes.readInt16LE(frame * frameBytes + channel * 2), frame * 2);
        voices[channel]!.push(samples);
      }
    };
    stream.on("data", (chunk: Buffer) => {
      if (gone) return;
      pending = Buffer.concat([pending, chunk]);
      while (pending.byteLength >= 4 && pending.byteLength >= pending.readUInt32BE(0)) {
        const total = pending.readUInt32BE(0);
        const envelope = codec.decode(new Uint8Array(pending.subarray(0, total)));
        pending = pending.subarray(total);
        if (envelope.body.byteLength === 0) {
          clearTimeout(idleTimer);
          for (const voice of voices) voice.finish();
          stream.end();
          return;
        }
        const inner = codec.decode(envelope.body);
        if (inner.headers[":event-type"]?.value === "AudioEvent") {
          if (request.idleTimedOut) continue;
          waitForAudio();
          audio(Buffer.from(inner.body));
        }
      }
    });
    stream.on("error", () => undefined);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accessKeyId,
    requests,
    async close() {
      for (const session of sessions) session.destroy();
      await new Promise<void>((resolve) => {
        if (!server.listening) resolve();
        else server.close(() => resolve());
      });
    },
  };
}
