/**
 * The HTTP plumbing the fake provider servers share: a plain-HTTP listener on 127.0.0.1 at a
 * free port whose `close()` also ends kept-alive and hanging connections, JSON answers, and
 * whole-body reads.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(body));
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface LocalHttpServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `handle`; when it throws, `internalError` answers (if nothing was sent yet) in the
 * provider's error format, otherwise the connection is destroyed.
 */
export async function startLocalHttpServer(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  internalError: (response: ServerResponse, error: unknown) => void,
): Promise<LocalHttpServer> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) internalError(response, error);
      else response.destroy();
    });
  });
  // Node closes a kept-alive socket after 5 s idle; a client (undici) sending on it just then gets
  // ECONNRESET — seen on loaded machines between two tests. Idle sockets stay until close().
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
