import { audioSizeBytes, type MultipartEnvelope, type UploadInput, type UploadProgress } from "./upload-body.ts";

/** One upload request, whichever transport sends it. */
export interface UploadRequest {
  url: string;
  headers: Record<string, string>;
  envelope: MultipartEnvelope;
  input: UploadInput;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/** `xhr`: XMLHttpRequest (browsers; the only way to see upload progress there). `fetch-stream`: a counting stream body (Node ≥ 22). */
export type UploadTransport = "xhr" | "fetch-stream";

/** The part of XMLHttpRequest the upload uses, typed here so the package needs no DOM types for it. */
interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: Blob): void;
  abort(): void;
  getAllResponseHeaders(): string;
  readonly status: number;
  readonly responseText: string;
  upload: { onprogress: ((event: { loaded: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  ontimeout: (() => void) | null;
}

const xhrConstructor = (): (new () => XhrLike) | undefined => (globalThis as { XMLHttpRequest?: new () => XhrLike }).XMLHttpRequest;

/** The transport this runtime supports: XMLHttpRequest where it exists, else a streamed fetch body. */
export function defaultUploadTransport(): UploadTransport {
  return xhrConstructor() ? "xhr" : "fetch-stream";
}

export function sendUpload(transport: UploadTransport, request: UploadRequest, fetchImpl: typeof fetch): Promise<Response> {
  return transport === "xhr" ? sendWithXhr(request) : sendWithStreamedFetch(request, fetchImpl);
}

const clamp = (value: number, max: number | undefined) => Math.max(0, max === undefined ? value : Math.min(value, max));

/**
 * Browsers give no upload progress to fetch, so the body goes through XMLHttpRequest, whose
 * `upload.onprogress` counts bytes on the wire. The body is a Blob of the envelope around the
 * recording: the browser reads a File from disk as it sends, never as one copy in memory.
 */
async function sendWithXhr(request: UploadRequest): Promise<Response> {
  const Xhr = xhrConstructor();
  if (!Xhr) throw new TypeError("XMLHttpRequest is not available in this runtime; use the fetch-stream transport.");
  const { input, envelope } = request;
  // A stream cannot be sent by XMLHttpRequest: it becomes a Blob (which browsers may keep on disk).
  const audio = input.audio instanceof ReadableStream ? await new Response(input.audio).blob() : input.audio;
  const totalBytes = audio instanceof Blob ? audio.size : audio.byteLength;
  const body = new Blob([envelope.head, audio, envelope.tail] as NonNullable<ConstructorParameters<typeof Blob>[0]>);
  return new Promise<Response>((resolve, reject) => {
    const xhr = new Xhr();
    xhr.open("POST", request.url);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("Content-Type", envelope.contentType);
    xhr.upload.onprogress = (event) => {
      request.onProgress?.({ sentBytes: clamp(event.loaded - envelope.head.byteLength, totalBytes), totalBytes });
    };
    const onAbort = () => xhr.abort();
    request.signal?.addEventListener("abort", onAbort, { once: true });
    const settle = () => request.signal?.removeEventListener("abort", onAbort);
    xhr.onload = () => {
      settle();
      resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers: parseHeaders(xhr.getAllResponseHeaders()) }));
    };
    xhr.onerror = () => {
      settle();
      reject(new TypeError("The upload failed: the connection was lost or refused."));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      settle();
      reject(request.signal?.reason ?? new DOMException("The upload was aborted.", "AbortError"));
    };
    if (request.signal?.aborted) {
      xhr.abort();
      return;
    }
    xhr.send(body);
  });
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

const chunkBytes = 64 * 1024;

/** The recording's bytes as a stream, read as the request sends (a Blob from disk, bytes in slices). */
function audioStream(audio: UploadInput["audio"]): ReadableStream<Uint8Array> {
  if (audio instanceof ReadableStream) return audio;
  if (audio instanceof Uint8Array) {
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= audio.byteLength) return controller.close();
        controller.enqueue(audio.subarray(offset, offset + chunkBytes));
        offset += chunkBytes;
      },
    });
  }
  return audio.stream() as ReadableStream<Uint8Array>;
}

/**
 * Node's fetch streams a ReadableStream body (`duplex: "half"`) and pulls it only as fast as
 * the socket takes it: counting what it pulls is the bytes sent, give or take one socket buffer.
 */
function sendWithStreamedFetch(request: UploadRequest, fetchImpl: typeof fetch): Promise<Response> {
  const { input, envelope } = request;
  const totalBytes = audioSizeBytes(input);
  const reader = audioStream(input.audio).getReader();
  let stage: "head" | "audio" | "tail" | "done" = "head";
  let sentBytes = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (stage === "head") {
          stage = "audio";
          return controller.enqueue(envelope.head);
        }
        if (stage === "audio") {
          const { done, value } = await reader.read();
          if (!done) {
            sentBytes += value.byteLength;
            controller.enqueue(value);
            request.onProgress?.({ sentBytes, totalBytes });
            return;
          }
          stage = "tail";
        }
        if (stage === "tail") {
          stage = "done";
          controller.enqueue(envelope.tail);
          return;
        }
        controller.close();
      },
      async cancel(reason) {
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return fetchImpl(request.url, {
    method: "POST",
    headers: { ...request.headers, "Content-Type": envelope.contentType },
    body,
    // Required by fetch for a stream body; not in every lib's RequestInit type yet.
    duplex: "half",
    ...(request.signal ? { signal: request.signal } : {}),
  } as RequestInit);
}
