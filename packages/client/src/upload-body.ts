/** What an upload sends: the text fields first, then the recording (the route requires that order). */
export interface UploadInput {
  patientId: string;
  title?: string;
  /** When the session took place (ISO 8601), now when absent. */
  recordedAt?: string;
  /** Any subset of TranscriptionSettings (language, diarization, channelLayout…). */
  settings?: Record<string, unknown>;
  /**
   * The recording: a Blob or File (browser, or Node's `fs.openAsBlob`), bytes, or a stream.
   * A stream is sent as it is read and never held whole in memory; give `sizeBytes` with it so
   * progress has a total.
   */
  audio: Blob | Uint8Array | ReadableStream<Uint8Array>;
  /** The file name stored with the session; `recording` when absent. */
  fileName?: string;
  /** Size of a streamed `audio`; known for a Blob or bytes. */
  sizeBytes?: number;
}

/** Bytes of the recording sent so far, of `totalBytes` (undefined for a stream of unknown size). */
export interface UploadProgress {
  sentBytes: number;
  totalBytes: number | undefined;
}

/** The multipart/form-data body of an upload, in three parts around the recording's bytes. */
export interface MultipartEnvelope {
  contentType: string;
  /** Boundary, text fields and the audio part's headers. */
  head: Uint8Array<ArrayBuffer>;
  /** The closing boundary. */
  tail: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();

/** Quotes a header parameter value as browsers do for form data (RFC 7578 §4.2). */
function quoted(value: string): string {
  return value.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
}

function randomBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `confide-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The body around the recording, built once for both transports so they send the same bytes and
 * can tell the recording's bytes from the envelope's when they count progress.
 */
export function multipartEnvelope(input: UploadInput, boundary = randomBoundary()): MultipartEnvelope {
  const fields: Array<[string, string]> = [["patientId", input.patientId]];
  if (input.title !== undefined) fields.push(["title", input.title]);
  if (input.recordedAt !== undefined) fields.push(["recordedAt", input.recordedAt]);
  if (input.settings !== undefined) fields.push(["settings", JSON.stringify(input.settings)]);
  const declaredType = typeof Blob !== "undefined" && input.audio instanceof Blob && input.audio.type ? input.audio.type : "application/octet-stream";
  let head = "";
  for (const [name, value] of fields) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="${quoted(input.fileName ?? "recording")}"\r\nContent-Type: ${declaredType}\r\n\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: encoder.encode(head),
    tail: encoder.encode(`\r\n--${boundary}--\r\n`),
  };
}

/** The recording's size when it can be known without reading it. */
export function audioSizeBytes(input: UploadInput): number | undefined {
  if (input.audio instanceof Uint8Array) return input.audio.byteLength;
  if (typeof Blob !== "undefined" && input.audio instanceof Blob) return input.audio.size;
  return input.sizeBytes;
}
