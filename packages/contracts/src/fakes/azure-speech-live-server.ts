/**
 * A fake of the Azure Speech service's real-time WebSocket protocol (USP), enough for the real
 * `microsoft-cognitiveservices-speech-sdk` `ConversationTranscriber` pointed at it with
 * `SpeechConfig.fromHost(new URL(server.url), key)`.
 *
 * Wire format, as the SDK 1.52 writes and reads it (common.speech/WebsocketMessageFormatter.js,
 * ServiceRecognizerBase.js, ConversationTranscriberConnectionFactory.js):
 * - the transcriber connects to `/speech/recognition/conversation/cognitiveservices/v1?language=…`
 *   with the key as `Ocp-Apim-Subscription-Key` (header, and also a query parameter: the SDK
 *   copies every header into the URL for browsers' sake);
 * - text frames: `Name: value` header lines (`Path`, `X-RequestId`, `X-Timestamp`,
 *   `Content-Type`), a blank line, a JSON body; the client sends `speech.config` then
 *   `speech.context` (diarization asked for under `phraseDetection.speakerDiarization`, word
 *   timings as `phraseOutput.detailed.options: ["WordTimings"]`);
 * - binary frames: a 2-byte big-endian header length, the headers (`Path: audio`), then bytes;
 *   the first carries the RIFF/WAVE header, an empty one ends the audio;
 * - the service answers with text frames carrying the client's `X-RequestId`: `turn.start`,
 *   `speech.startDetected`, `speech.hypothesis`, `speech.phrase`, `speech.endDetected`,
 *   `turn.end`. Offsets and durations are in ticks (100 ns) from the turn's first audio byte.
 *
 * Deterministic recognition (`FakeVoiceActivity`): 20 ms frames louder than -30 dBFS are speech;
 * an utterance ends after 500 ms of quiet (or at the end of the audio). Every 400 ms of speech
 * gives a `speech.hypothesis`, each utterance one `speech.phrase` with the next text of
 * `phrases` (cycling) and speaker `Guest-1`, `Guest-2`, … alternating up to `speakers`; words
 * share the utterance's span evenly.
 *
 * Faults: `unauthorized` (401 on the upgrade), `throttled` (a `speech.phrase` with
 * `RecognitionStatus: TooManyRequests` once audio arrives, as the service reports concurrency
 * limits), `drop` (the TCP connection is destroyed after `dropAfterBytes` of audio and the
 * server stops accepting connections: the service is gone).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { FakeVoiceActivity } from "./fake-voice-activity.ts";

export const conversationTranscriptionPath = "/speech/recognition/conversation/cognitiveservices/v1";

export type AzureSpeechLiveFault = "unauthorized" | "throttled" | "drop";

export interface AzureSpeechLiveServerOptions {
  /** The key the server accepts. Default "fake-speech-key". */
  key?: string;
  /** Texts of successive phrases, cycling. */
  phrases?: string[];
  /** How many speaker ids alternate (Guest-1 … Guest-n). Default 2. */
  speakers?: number;
  fault?: AzureSpeechLiveFault;
  /** For `drop`: audio bytes received before the connection is destroyed. Default 64,000 (2 s). */
  dropAfterBytes?: number;
  /**
   * Most audio one connection transcribes: real-time diarization handles at most 240 minutes
   * (Speech service quotas and limits, real-time diarization). Past it the fake ends the
   * connection's recognition as a service error (a `speech.phrase` with `RecognitionStatus:
   * Error`), as the issue reads the service's refusal. Default 240 minutes; tests lower it.
   */
  maxAudioMsPerConnection?: number;
}

/** What one connection sent, for tests that check the client's requests. */
export interface AzureSpeechLiveConnection {
  path: string;
  query: URLSearchParams;
  /** Parsed bodies of `speech.config` and `speech.context`. */
  config: unknown;
  context: unknown;
  audioBytes: number;
}

export interface AzureSpeechLiveServer {
  /** e.g. ws://127.0.0.1:41234 */
  url: string;
  key: string;
  connections: AzureSpeechLiveConnection[];
  close(): Promise<void>;
}

const ticksPerMs = 10_000;

interface Message {
  headers: Map<string, string>;
  body: Buffer;
}

function parseText(data: string): Message {
  const split = data.indexOf("\r\n\r\n");
  const head = split === -1 ? data : data.slice(0, split);
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: Buffer.from(split === -1 ? "" : data.slice(split + 4)) };
}

function parseBinary(data: Buffer): Message {
  const headerLength = data.readUInt16BE(0);
  const { headers } = parseText(data.subarray(2, 2 + headerLength).toString("latin1"));
  return { headers, body: data.subarray(2 + headerLength) };
}

function textFrame(path: string, requestId: string, body: unknown): string {
  return [
    `Path: ${path}`,
    `X-RequestId: ${requestId}`,
    `X-Timestamp: ${new Date().toISOString()}`,
    "Content-Type: application/json; charset=utf-8",
    "",
    JSON.stringify(body),
  ].join("\r\n");
}

/** True when `context` (the speech.context body) asks for word timings. */
function wantsWords(context: unknown): boolean {
  return JSON.stringify(context ?? {}).includes("WordTimings");
}

class Recognition {
  private requestId = "";
  private receivedBytes = 0;
  private turnStarted = false;
  private phraseCount = 0;
  private readonly voice: FakeVoiceActivity;
  private readonly socket: WebSocket;
  private readonly connection: AzureSpeechLiveConnection;
  private readonly options: Required<Omit<AzureSpeechLiveServerOptions, "fault">> & { fault?: AzureSpeechLiveFault };
  private readonly onDrop: () => void;

  constructor(
    socket: WebSocket,
    connection: AzureSpeechLiveConnection,
    options: Required<Omit<AzureSpeechLiveServerOptions, "fault">> & { fault?: AzureSpeechLiveFault },
    onDrop: () => void,
  ) {
    this.socket = socket;
    this.connection = connection;
    this.options = options;
    this.onDrop = onDrop;
    this.voice = new FakeVoiceActivity({
      start: (startMs) => this.send("speech.startDetected", { Offset: startMs * ticksPerMs }),
      progress: (startMs, spokenMs, count) => {
        const words = this.nextText().split(" ");
        this.send("speech.hypothesis", {
          Text: words.slice(0, Math.min(words.length, count)).join(" "),
          Offset: startMs * ticksPerMs,
          Duration: spokenMs * ticksPerMs,
          SpeakerId: "Unknown",
        });
      },
      end: (startMs, endMs) => this.phrase(startMs, endMs),
    });
  }

  receive(data: RawData, isBinary: boolean): void {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    const message = isBinary ? parseBinary(buffer) : parseText(buffer.toString("utf8"));
    const path = (message.headers.get("path") ?? "").toLowerCase();
    this.requestId = message.headers.get("x-requestid") ?? this.requestId;
    if (path === "speech.config") this.connection.config = JSON.parse(message.body.toString("utf8"));
    else if (path === "speech.context") this.connection.context = JSON.parse(message.body.toString("utf8"));
    else if (path === "audio") this.audio(message);
  }

  private send(path: string, body: unknown): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(textFrame(path, this.requestId, body));
  }

  private audio(message: Message): void {
    if (!this.turnStarted) {
      this.turnStarted = true;
      this.send("turn.start", { context: { serviceTag: "fake-service-tag" } });
    }
    let body = message.body;
    if (body.byteLength === 0) {
      this.finish();
      return;
    }
    if (body.subarray(0, 4).toString("latin1") === "RIFF") body = body.subarray(44);
    if (body.byteLength === 0) return;
    if (this.options.fault === "throttled") {
      this.send("speech.phrase", { RecognitionStatus: "TooManyRequests", Offset: 0, Duration: 0 });
      return;
    }
    this.receivedBytes += body.byteLength;
    this.connection.audioBytes = this.receivedBytes;
    if (this.receivedBytes / 32 > this.options.maxAudioMsPerConnection) {
      this.send("speech.phrase", { RecognitionStatus: "Error", Offset: 0, Duration: 0 });
      return;
    }
    if (this.options.fault === "drop" && this.receivedBytes >= this.options.dropAfterBytes) {
      this.onDrop();
      this.socket.terminate();
      return;
    }
    this.voice.push(body);
  }

  private nextText(): string {
    return this.options.phrases[this.phraseCount % this.options.phrases.length]!;
  }

  private phrase(startMs: number, endMs: number): void {
    const text = this.nextText();
    const speakerId = `Guest-${(this.phraseCount % this.options.speakers) + 1}`;
    this.phraseCount += 1;
    const offset = startMs * ticksPerMs;
    const duration = (endMs - startMs) * ticksPerMs;
    const body: Record<string, unknown> = {
      RecognitionStatus: "Success",
      Offset: offset,
      Duration: duration,
      DisplayText: text,
      SpeakerId: speakerId,
      Channel: 0,
    };
    if (wantsWords(this.connection.context)) {
      const words = text.split(" ");
      const share = Math.floor(duration / words.length);
      body.NBest = [
        {
          Confidence: 0.9,
          Lexical: text.toLowerCase().replace(/[^a-z' ]/g, ""),
          ITN: text,
          MaskedITN: text,
          Display: text,
          Words: words.map((word, index) => ({
            Word: word.toLowerCase().replace(/[^a-z']/g, ""),
            Offset: offset + index * share,
            Duration: share,
            Confidence: 0.9,
          })),
        },
      ];
    }
    this.send("speech.phrase", body);
  }

  private finish(): void {
    this.voice.finish();
    this.send("speech.endDetected", { Offset: this.voice.processedMs * ticksPerMs });
    this.send("turn.end", {});
  }
}

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startAzureSpeechLiveServer(options: AzureSpeechLiveServerOptions = {}): Promise<AzureSpeechLiveServer> {
  const settings = {
    key: options.key ?? "fake-speech-key",
    phrases: options.phrases ?? ["How have you been sleeping this week", "Not well I keep waking up at night"],
    speakers: options.speakers ?? 2,
    dropAfterBytes: options.dropAfterBytes ?? 64_000,
    maxAudioMsPerConnection: options.maxAudioMsPerConnection ?? 240 * 60_000,
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
  const connections: AzureSpeechLiveConnection[] = [];
  const sockets = new Set<Socket>();
  const http = createServer((_request, response) => {
    response.writeHead(404).end();
  });
  http.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const webSockets = new WebSocketServer({ noServer: true });
  let gone = false;
  const stopAccepting = () => {
    gone = true;
    http.close();
  };

  http.on("upgrade", (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(request.url ?? "/", "ws://127.0.0.1");
    const key = request.headers["ocp-apim-subscription-key"] ?? url.searchParams.get("Ocp-Apim-Subscription-Key");
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    };
    if (gone) return refuse(503, "Service Unavailable");
    if (url.pathname !== conversationTranscriptionPath) return refuse(404, "Not Found");
    if (settings.fault === "unauthorized" || key !== settings.key) return refuse(401, "Unauthorized");
    webSockets.handleUpgrade(request, socket, head, (webSocket) => {
      const connection: AzureSpeechLiveConnection = { path: url.pathname, query: url.searchParams, config: undefined, context: undefined, audioBytes: 0 };
      connections.push(connection);
      const recognition = new Recognition(webSocket, connection, settings, stopAccepting);
      webSocket.on("message", (data, isBinary) => recognition.receive(data, isBinary));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`,
    key: settings.key,
    connections,
    async close() {
      for (const client of webSockets.clients) client.terminate();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => {
        if (!http.listening) resolve();
        else http.close(() => resolve());
      });
    },
  };
}
