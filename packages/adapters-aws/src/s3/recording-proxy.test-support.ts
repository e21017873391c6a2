/**
 * An HTTP proxy in front of the S3 stand-in that records every request's method, path, query
 * and headers: what the client sent on the wire, for what s3rver accepts and ignores (the
 * server-side encryption header) or cannot show (how many parts were in flight at once).
 */
import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface RecordingProxy {
  endpoint: string;
  requests: RecordedRequest[];
  /** Most requests the upstream had open at once. */
  readonly mostInFlight: number;
  /** Called with each request as it arrives, before it is forwarded. */
  onRequest: ((request: RecordedRequest) => void) | undefined;
  close(): Promise<void>;
}

export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const target = new URL(upstream);
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const proxy: RecordingProxy = {
    endpoint: "",
    requests,
    get mostInFlight() {
      return mostInFlight;
    },
    onRequest: undefined,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", upstream);
    const recorded = { method: incoming.method ?? "GET", path: url.pathname, query: url.searchParams, headers: incoming.headers };
    requests.push(recorded);
    proxy.onRequest?.(recorded);
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    let finished = false;
    const finish = () => {
      if (!finished) inFlight -= 1;
      finished = true;
    };
    const forwarded = request(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        finish();
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => {
      finish();
      outgoing.destroy();
    });
    incoming.on("error", () => forwarded.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(proxy, { endpoint: `http://127.0.0.1:${port}` });
  return proxy;
}
