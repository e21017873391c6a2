/**
 * A fake of the Vosk WebSocket speech server (alphacep/vosk-server, `websocket/asr_server.py`; the
 * same protocol in `asr_server.cpp` and the `alphacep/kaldi-*` images), enough for the
 * `vosk-live` adapter.
 *
 * Wire format, as `websocket/asr_server.py` and its client `websocket/test.py` speak it:
 * - one WebSocket per stream, on any path (the server ignores it; default port 2700);
 * - the client may first send a text message `{"config": {...}}` — `sample_rate` (the server's
 *   default is `VOSK_SAMPLE_RATE`, 8000), `words` (word times in results), `max_alternatives`
 *   (0: one result), `phrase_list` — answered with nothing (`continue`);
 * - then binary messages of 16-bit little-endian mono PCM; the server answers **each** message
 *   with exactly one text message: `KaldiRecognizer.AcceptWaveform` true (an utterance ended at
 *   an endpoint) → `rec.Result()`, `{"result": [{"conf", "end", "start", "word"}…], "text"}` with
 *   times in seconds from the stream's first sample (`{"text": ""}` when nothing was heard);
 *   otherwise `rec.PartialResult()`, `{"partial": "the words so far"}`;
 * - the text message `{"eof" : 1}` — compared as that exact string, spaces included — is
 *   answered with `rec.FinalResult()` (the last utterance's result), then the handler returns and
 *   the server closes the connection.
 * The server never sends a message on its own, and has no authentication.
 *
 * Deterministic recognition (`FakeVoiceActivity`): 20 ms frames louder than -30 dBFS are speech;
 * an utterance ends after 500 ms of quiet (Vosk's endpointing) or at `eof`. A partial grows by one
 * word every 400 ms of speech; each utterance's result says the next text of `phrases` (cycling),
 * its words sharing the utterance's span evenly.
 *
 * Faults: `drop` (the connection is destroyed after `dropAfterBytes` of audio, and the server
 * stops accepting connections: the server went away mid-stream).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { FakeVoiceActivity } from "./fake-voice-activity.ts";

export type VoskFault = "drop";

export interface VoskServerOptions {
  /** Texts of successive utterances, cycling. */
  phrases?: string[];
  fault?: VoskFault;
  /** For `drop`: audio bytes received before the connection is destroyed. Default 32,000 (1 s). */
  dropAfterBytes?: number;
}

/** What one connection sent, for tests that check the client's requests. */
export interface VoskConnection {
  /** The `config` object of the first text message, or null when none was sent. */
  config: Record<string, unknown> | null;
  audioBytes: number;
  eof: boolean;
  /** performance.now() when each `result` was sent (for the bench's delay). */
  resultSentAt: number[];
}

export interface VoskServer {
  /** e.g. ws://127.0.0.1:41234 */
  url: string;
  connections: VoskConnection[];
  /** Changes the fault for the audio to come (null: none; accepting connections again). */
  setFault(fault: VoskFault | null, dropAfterBytes?: number): void;
  close(): Promise<void>;
}

interface VoskWord {
  conf: number;
  end: number;
  start: number;
  word: string;
}

/** The exact text `asr_server.py` compares with to end a stream. */
export const voskEof = '{"eof" : 1}';

class VoskStream {
  private phraseCount = 0;
  private partial = "";
  private readonly results: Array<{ result: VoskWord[]; text: string }> = [];
  private readonly voice: FakeVoiceActivity;
  private readonly socket: WebSocket;
  private readonly connection: VoskConnection;
  private readonly options: Required<Omit<VoskServerOptions, "fault">> & { fault?: VoskFault };
  private readonly onDrop: () => void;

  constructor(socket: WebSocket, connection: VoskConnection, options: Required<Omit<VoskServerOptions, "fault">> & { fault?: VoskFault }, onDrop: () => void) {
    this.socket = socket;
    this.connection = connection;
    this.options = options;
    this.onDrop = onDrop;
    this.voice = new FakeVoiceActivity({
      start: () => {
        this.partial = "";
      },
      progress: (_startMs, _spokenMs, count) => {
        this.partial = this.nextText().split(" ").slice(0, count).join(" ");
      },
      end: (startMs, endMs) => this.utterance(startMs, endMs),
    });
  }

  receive(data: RawData, isBinary: boolean): void {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (!isBinary) {
      const text = buffer.toString("utf8");
      if (text === voskEof) {
        this.connection.eof = true;
        this.voice.finish();
        this.reply(this.results.shift() ?? { text: "" });
        this.socket.close(1000);
        return;
      }
      if (text.includes("config")) {
        this.connection.config = (JSON.parse(text) as { config: Record<string, unknown> }).config;
        return;
      }
      // asr_server.py hands any other text to the recognizer as audio; nothing sensible comes back.
      this.reply({ partial: "" });
      return;
    }
    this.connection.audioBytes += buffer.byteLength;
    if (this.options.fault === "drop" && this.connection.audioBytes >= this.options.dropAfterBytes) {
      this.onDrop();
      this.socket.terminate();
      return;
    }
    this.voice.push(buffer);
    const result = this.results.shift();
    this.reply(result ?? { partial: this.partial });
  }

  private nextText(): string {
    return this.options.phrases[this.phraseCount % this.options.phrases.length]!;
  }

  private utterance(startMs: number, endMs: number): void {
    const text = this.nextText();
    this.phraseCount += 1;
    this.partial = "";
    const words = text.split(" ");
    const shareMs = (endMs - startMs) / words.length;
    const withWords = this.connection.config?.words !== false;
    const result = words.map((word, index) => ({
      conf: 0.9,
      end: Math.round(startMs + (index + 1) * shareMs) / 1000,
      start: Math.round(startMs + index * shareMs) / 1000,
      word: word.toLowerCase(),
    }));
    this.results.push(withWords ? { result, text: text.toLowerCase() } : ({ text: text.toLowerCase() } as { result: VoskWord[]; text: string }));
  }

  private reply(body: unknown): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (typeof body === "object" && body !== null && "text" in body) this.connection.resultSentAt.push(performance.now());
    this.socket.send(JSON.stringify(body));
  }
}

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startVoskServer(options: VoskServerOptions = {}): Promise<VoskServer> {
  const settings: Required<Omit<VoskServerOptions, "fault">> & { fault?: VoskFault } = {
    phrases: options.phrases ?? ["How have you been sleeping this week", "Not well I keep waking up at night"],
    dropAfterBytes: options.dropAfterBytes ?? 32_000,
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  };
  const connections: VoskConnection[] = [];
  const sockets = new Set<Socket>();
  const http = createServer((_request, response) => {
    response.writeHead(426, { "content-type": "text/plain" }).end("Upgrade Required");
  });
  http.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const webSockets = new WebSocketServer({ noServer: true });
  let gone = false;
  http.on("upgrade", (request: IncomingMessage, socket: Socket, head: Buffer) => {
    if (gone) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (webSocket) => {
      const connection: VoskConnection = { config: null, audioBytes: 0, eof: false, resultSentAt: [] };
      connections.push(connection);
      const stream = new VoskStream(webSocket, connection, settings, () => {
        gone = true;
        http.close();
      });
      webSocket.on("message", (data, isBinary) => stream.receive(data, isBinary));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    connections,
    setFault(fault, dropAfterBytes) {
      if (fault === null) delete settings.fault;
      else settings.fault = fault;
      if (dropAfterBytes !== undefined) settings.dropAfterBytes = dropAfterBytes;
      if (fault === null && gone) {
        gone = false;
        http.listen(port, "127.0.0.1");
      }
    },
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
