import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import { problemContentType } from "../errors/problem-response.ts";

/**
 * The most bytes of request headers the server reads (Node's `maxHeaderSize`), all headers
 * together. The one header limit: what the API documents for its headers fits under it.
 */
export const maxRequestHeaderBytes = 16 * 1024;

/**
 * The longest `Upload-Metadata` header the API takes: what its fields need (a title of 200
 * characters, a file name of 255, settings) with room to spare, and with every other header of a
 * request still under `maxRequestHeaderBytes`.
 */
export const maxUploadMetadataBytes = 8 * 1024;

/** How long a refused connection may keep sending before it is closed regardless. */
const drainMs = 5_000;

function problemBytes(status: number, title: string, code: string, detail: string): string {
  const body = JSON.stringify({ type: `urn:confide:problem:${code}`, title, status, detail, code, instance: "", requestId: randomUUID() });
  return [
    `HTTP/1.1 ${status} ${title}`,
    `Content-Type: ${problemContentType}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Cache-Control: no-store",
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

/**
 * Answers what Node's HTTP parser refuses before any route sees it with a problem+json body
 * instead of a bare status line: headers over `maxRequestHeaderBytes` are 431
 * `request.header_too_large`; any other unreadable request is 400 `validation.invalid_input`.
 * The rest of what the client sends is read and dropped until it stops (at most `drainMs`), so
 * it receives the answer rather than a reset connection.
 */
export function answerUnreadableRequests(server: Server): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (error.code === "ECONNRESET" && socket.destroyed)) {
      socket.destroy();
      return;
    }
    const answer =
      error.code === "HPE_HEADER_OVERFLOW"
        ? problemBytes(431, "Request Header Fields Too Large", "request.header_too_large", `The request's headers are larger than ${maxRequestHeaderBytes} bytes in all.`)
        : problemBytes(400, "Bad Request", "validation.invalid_input", "The request could not be read as HTTP.");
    socket.on("data", () => undefined);
    socket.on("error", () => undefined);
    setTimeout(() => socket.destroy(), drainMs).unref();
    socket.end(answer);
  });
}
