import { randomBytes } from "node:crypto";

export interface MultipartFilePart {
  field: string;
  filename: string;
  contentType: string;
  /** Read once, chunk by chunk, while the request is sent. */
  stream: ReadableStream<Uint8Array>;
  /** When known, the body gets an exact Content-Length instead of chunked encoding. */
  sizeBytes: number | null;
}

export interface MultipartBody {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  /** Set when the file size is known. */
  contentLength: number | null;
}

const encoder = new TextEncoder();

/** Quotes a header parameter the way browsers do for form-data (RFC 7578 §4.2). */
function quoted(value: string): string {
  return value.replaceAll("\r", "%0D").replaceAll("\n", "%0A").replaceAll('"', "%22");
}

/**
 * A multipart/form-data body (RFC 7578) that streams the file: the text fields first, then the
 * file's bytes as they are read, never the whole file in memory. Fields may repeat
 * (`timestamp_granularities[]`). Cancelling the body cancels the file stream.
 */
export function streamingMultipartBody(fields: Array<[name: string, value: string]>, file: MultipartFilePart): MultipartBody {
  const boundary = `----confide-${randomBytes(16).toString("hex")}`;
  const head = encoder.encode(
    fields
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`)
      .join("") +
      `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.field)}"; filename="${quoted(file.filename)}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const reader = file.stream.getReader();
  let phase: "head" | "file" | "done" = "head";

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (phase === "head") {
        phase = "file";
        controller.enqueue(head);
        return;
      }
      if (phase === "file") {
        const { done, value } = await reader.read();
        if (!done) {
          if (value.byteLength > 0) controller.enqueue(value);
          return;
        }
        phase = "done";
        controller.enqueue(tail);
        controller.close();
      }
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });

  return {
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: file.sizeBytes === null ? null : head.byteLength + file.sizeBytes + tail.byteLength,
  };
}
