/**
 * A Whisper-compatible server for tests: a real HTTP server on 127.0.0.1 that parses the
 * multipart request of `POST /v1/audio/transcriptions` (busboy), records what it received, and
 * answers as scripted — the OpenAI verbose_json wire format, or one of the failures real
 * servers produce (429 with Retry-After, 5xx, a hang, broken JSON, an OpenAI-style 400).
 * `GET /v1/models` answers a model list under the same script.
 */
import busboy from "busboy";
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson, startLocalHttpServer } from "./local-http-server.ts";

export interface FakeWhisperWord {
  word: string;
  start: number;
  end: number;
  probability?: number;
}

export interface FakeWhisperSegment {
  start: number;
  end: number;
  text: string;
  /** Words of this segment, answered top-level (OpenAI) or inside the segment (`wordsInSegments`). */
  words?: FakeWhisperWord[];
  /** A speaker label, as servers that diarize answer it per segment (WhisperX, OpenAI `diarized_json`). */
  speaker?: string;
}

export interface FakeWhisperTranscript {
  /** What the server reports: a code ("en") or a name ("english", as OpenAI does). Default "english". */
  language?: string;
  /** Seconds; default the end of the last segment. */
  duration?: number;
  segments: FakeWhisperSegment[];
  /** Put words in each segment (faster-whisper style) instead of a top-level `words` list. */
  wordsInSegments?: boolean;
}

export type FakeWhisperReply =
  /** 200 with the transcript; after `delayMs` (default 0), as a busy server takes its time. */
  | { kind: "ok"; transcript: FakeWhisperTranscript; delayMs?: number }
  /** 429 with the given Retry-After header (seconds or an HTTP date), or none. */
  | { kind: "throttled"; retryAfter?: string }
  | { kind: "server-error"; status?: number; retryAfter?: string }
  /** Reads the request, then never answers. */
  | { kind: "hang" }
  /** 200 with a body that is not JSON. */
  | { kind: "malformed" }
  /** 200 JSON without `segments`, as a server that ignored response_format would answer. */
  | { kind: "missing-fields" }
  /** An OpenAI-style error body `{error:{message,type,code}}` with the status (default 400). */
  | { kind: "rejected"; status?: number; message: string; type?: string; code?: string | null };

export interface ReceivedFile {
  field: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** First bytes (up to 64), e.g. to read a WAV header. */
  head: Buffer;
  /** The whole file when it is at most `keepFilesUpToBytes`. */
  bytes: Buffer | null;
  /** Date.now() when the first and last file bytes arrived. */
  firstByteAt: number;
  lastByteAt: number;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Text fields; repeated fields (`timestamp_granularities[]`) keep every value in order. */
  fields: Record<string, string[]>;
  file: ReceivedFile | null;
  receivedAt: number;
}

export interface FakeWhisperServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The answer to give; a function decides per request. */
  reply: FakeWhisperReply | ((request: ReceivedRequest, index: number) => FakeWhisperReply);
  /** Every request, in arrival order. */
  received: ReceivedRequest[];
  close(): Promise<void>;
}

export interface FakeWhisperServerOptions {
  reply?: FakeWhisperServer["reply"];
  /** Keep the bytes of files up to this size (default 1 MiB). */
  keepFilesUpToBytes?: number;
}

export const defaultFakeTranscript: FakeWhisperTranscript = {
  language: "english",
  segments: [
    {
      start: 0,
      end: 1.52,
      text: " How have you been sleeping?",
      words: [
        { word: " How", start: 0, end: 0.3, probability: 0.97 },
        { word: " have", start: 0.3, end: 0.5, probability: 0.95 },
        { word: " you", start: 0.5, end: 0.7, probability: 0.98 },
        { word: " been", start: 0.7, end: 0.9, probability: 0.96 },
        { word: " sleeping?", start: 0.9, end: 1.52, probability: 0.9 },
      ],
    },
    {
      start: 1.9,
      end: 3.25,
      text: " Better this week, thanks.",
      words: [
        { word: " Better", start: 1.9, end: 2.3, probability: 0.93 },
        { word: " this", start: 2.3, end: 2.5, probability: 0.97 },
        { word: " week,", start: 2.5, end: 2.9, probability: 0.94 },
        { word: " thanks.", start: 2.9, end: 3.25, probability: 0.92 },
      ],
    },
  ],
};

/**
 * OpenAI's `diarized_json` (gpt-4o-transcribe-diarize): segments of type
 * `transcript.text.segment` with `id`, `start`, `end`, `text` and `speaker`; no language, no words.
 */
function diarizedJson(transcript: FakeWhisperTranscript): Record<string, unknown> {
  return {
    text: transcript.segments.map((segment) => segment.text).join(" "),
    segments: transcript.segments.map((segment, id) => ({
      type: "transcript.text.segment",
      id: `seg_${id}`,
      start: segment.start,
      end: segment.end,
      text: segment.text,
      speaker: segment.speaker ?? "A",
    })),
    usage: { type: "duration", seconds: Math.ceil(transcript.segments.at(-1)?.end ?? 0) },
  };
}

function verboseJson(transcript: FakeWhisperTranscript, withWords: boolean): Record<string, unknown> {
  const lastEnd = transcript.segments.reduce((latest, segment) => Math.max(latest, segment.end), 0);
  const segments = transcript.segments.map((segment, id) => ({
    id,
    seek: 0,
    start: segment.start,
    end: segment.end,
    text: segment.text,
    tokens: [50364, 1012, 362],
    temperature: 0,
    avg_logprob: -0.21,
    compression_ratio: 1.3,
    no_speech_prob: 0.02,
    ...(segment.speaker === undefined ? {} : { speaker: segment.speaker }),
    ...(withWords && transcript.wordsInSegments ? { words: segment.words ?? [] } : {}),
  }));
  return {
    task: "transcribe",
    language: transcript.language ?? "english",
    duration: transcript.duration ?? lastEnd,
    text: transcript.segments.map((segment) => segment.text).join(""),
    segments,
    ...(withWords && !transcript.wordsInSegments
      ? { words: transcript.segments.flatMap((segment) => segment.words ?? []) }
      : {}),
  };
}

/** Reads a multipart body with busboy, hashing the file as it streams in. */
function readMultipart(request: IncomingMessage, keepFilesUpToBytes: number): Promise<Pick<ReceivedRequest, "fields" | "file">> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string[]> = {};
    let file: ReceivedFile | null = null;
    const parser = busboy({ headers: request.headers, limits: { fileSize: Number.MAX_SAFE_INTEGER } });
    parser.on("field", (name, value) => {
      (fields[name] ??= []).push(value);
    });
    parser.on("file", (field, stream, info) => {
      const hash = createHash("sha256");
      const kept: Buffer[] = [];
      const received: ReceivedFile = {
        field,
        filename: info.filename ?? "",
        contentType: info.mimeType,
        sizeBytes: 0,
        sha256: "",
        head: Buffer.alloc(0),
        bytes: null,
        firstByteAt: 0,
        lastByteAt: 0,
      };
      stream.on("data", (chunk: Buffer) => {
        const now = Date.now();
        if (received.sizeBytes === 0) received.firstByteAt = now;
        received.lastByteAt = now;
        if (received.head.length < 64) received.head = Buffer.concat([received.head, chunk]).subarray(0, 64);
        received.sizeBytes += chunk.length;
        hash.update(chunk);
        if (received.sizeBytes <= keepFilesUpToBytes) kept.push(chunk);
      });
      stream.on("end", () => {
        received.sha256 = hash.digest("hex");
        received.bytes = received.sizeBytes <= keepFilesUpToBytes ? Buffer.concat(kept) : null;
        file = received;
      });
    });
    parser.on("close", () => resolve({ fields, file }));
    parser.on("error", reject);
    request.pipe(parser);
  });
}

export async function startFakeWhisperServer(options: FakeWhisperServerOptions = {}): Promise<FakeWhisperServer> {
  const keepFilesUpToBytes = options.keepFilesUpToBytes ?? 1024 * 1024;
  const fake: FakeWhisperServer = {
    url: "",
    reply: options.reply ?? { kind: "ok", transcript: defaultFakeTranscript },
    received: [],
    close: async () => {},
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    const isTranscription = request.method === "POST" && path === "/v1/audio/transcriptions";
    const isModels = request.method === "GET" && path === "/v1/models";
    if (!isTranscription && !isModels) {
      request.resume();
      sendJson(response, 404, { error: { message: `No route ${request.method} ${path}`, type: "invalid_request_error", code: null } });
      return;
    }
    const contentType = request.headers["content-type"] ?? "";
    let parts: Pick<ReceivedRequest, "fields" | "file"> = { fields: {}, file: null };
    if (isTranscription) {
      if (!contentType.startsWith("multipart/form-data")) {
        request.resume();
        sendJson(response, 400, { error: { message: "Expected multipart/form-data", type: "invalid_request_error", code: null } });
        return;
      }
      parts = await readMultipart(request, keepFilesUpToBytes);
    } else {
      request.resume();
    }
    const received: ReceivedRequest = {
      method: request.method ?? "",
      path,
      headers: { ...request.headers },
      ...parts,
      receivedAt: Date.now(),
    };
    const index = fake.received.push(received) - 1;
    const reply = typeof fake.reply === "function" ? fake.reply(received, index) : fake.reply;

    switch (reply.kind) {
      case "ok": {
        if (isModels) {
          sendJson(response, 200, { object: "list", data: [{ id: "whisper-1", object: "model", owned_by: "fake" }] });
          return;
        }
        const granularities = received.fields["timestamp_granularities[]"] ?? [];
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        const diarized = received.fields.response_format?.[0] === "diarized_json";
        sendJson(response, 200, diarized ? diarizedJson(reply.transcript) : verboseJson(reply.transcript, granularities.includes("word")));
        return;
      }
      case "throttled":
        sendJson(
          response,
          429,
          { error: { message: "Rate limit reached for requests", type: "requests", code: "rate_limit_exceeded" } },
          reply.retryAfter === undefined ? {} : { "retry-after": reply.retryAfter },
        );
        return;
      case "server-error":
        sendJson(
          response,
          reply.status ?? 500,
          { error: { message: "The server had an error while processing your request.", type: "server_error", code: null } },
          reply.retryAfter === undefined ? {} : { "retry-after": reply.retryAfter },
        );
        return;
      case "hang":
        return;
      case "malformed":
        response.writeHead(200, { "content-type": "application/json" });
        response.end('{"text": "How have you been', "utf8");
        return;
      case "missing-fields":
        sendJson(response, 200, { text: "How have you been sleeping?" });
        return;
      case "rejected":
        sendJson(response, reply.status ?? 400, {
          error: { message: reply.message, type: reply.type ?? "invalid_request_error", code: reply.code ?? null },
        });
        return;
    }
  }

  const listener = await startLocalHttpServer(handle, (response, error) => sendJson(response, 500, { error: { message: `fake server: ${String(error)}` } }));
  fake.url = listener.url;
  fake.close = listener.close;
  return fake;
}
