import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { answerUnreadableRequests, maxRequestHeaderBytes, maxUploadMetadataBytes } from "./request-header-limit.ts";

/** Sends `request` as raw bytes and reads the whole answer until the server closes (or an error). */
function rawExchange(port: number, request: string): Promise<{ answer: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => resolve({ answer: Buffer.concat(chunks).toString("utf8"), error: error.code ?? error.message }));
    socket.on("close", () => resolve({ answer: Buffer.concat(chunks).toString("utf8") }));
    socket.write(request);
  });
}

describe("the server's one header limit", () => {
  let server: Server | undefined;
  afterEach(async () => {
    const open = server;
    server = undefined;
    if (!open) return;
    open.closeAllConnections();
    await new Promise((resolve) => open.close(resolve));
  });

  async function listen(): Promise<number> {
    server = createServer({ maxHeaderSize: maxRequestHeaderBytes }, (_request, response) => response.end("ok"));
    answerUnreadableRequests(server);
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    return typeof address === "object" && address ? address.port : 0;
  }

  it("documents an Upload-Metadata limit that fits under the header limit with room for the other headers", () => {
    expect(maxUploadMetadataBytes).toBeLessThanOrEqual(maxRequestHeaderBytes / 2);
  });

  it("answers a 40 KB header with a JSON 431 request.header_too_large, never a reset", async () => {
    const port = await listen();
    const metadata = `title ${Buffer.from("x".repeat(30_000)).toString("base64")}`;
    const { answer, error } = await rawExchange(port, `POST /v1/uploads HTTP/1.1\r\nHost: localhost\r\nUpload-Metadata: ${metadata}\r\nContent-Length: 0\r\n\r\n`);
    expect(error).toBeUndefined();
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain("Content-Type: application/problem+json");
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 431, code: "request.header_too_large" });
  });

  it("answers a request that is not HTTP with a JSON 400, and a request within the limit normally", async () => {
    const port = await listen();
    const garbage = await rawExchange(port, "NOT HTTP AT ALL\r\n\r\n");
    expect(garbage.answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage.answer).toContain('"code":"validation.invalid_input"');
    const fits = await rawExchange(port, `GET / HTTP/1.1\r\nHost: localhost\r\nX-Long: ${"y".repeat(maxUploadMetadataBytes)}\r\nConnection: close\r\n\r\n`);
    expect(fits.answer).toMatch(/^HTTP\/1\.1 200 /);
  });
});
