/**
 * A local OTLP/HTTP trace receiver for benchmarks: accepts `POST /v1/traces` in the OTLP JSON
 * encoding (what `@opentelemetry/exporter-trace-otlp-http` sends), answers 200 at once and
 * counts the spans, by name, so a bench can show its exporter really delivered them. Anything
 * else (another path, protobuf, a body that does not parse) is counted as rejected and answered
 * 400, never silently taken as zero spans.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface OtlpReceiver {
  /** The base URL, for `OTEL_EXPORTER_OTLP_ENDPOINT` (the exporter adds `/v1/traces`). */
  url: string;
  /** Spans received so far, and how many of them by span name. */
  spans(): { total: number; byName: Map<string, number> };
  /** Export requests answered 200, and requests refused. */
  requests(): { accepted: number; rejected: number };
  /** Forgets every count (between runs). */
  reset(): void;
  close(): Promise<void>;
}

interface OtlpTraceBody {
  resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: Array<{ name?: string }> }> }>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  let byName = new Map<string, number>();
  let total = 0;
  let accepted = 0;
  let rejected = 0;

  const refuse = (response: ServerResponse, status: number) => {
    rejected += 1;
    response.writeHead(status, { "content-type": "application/json" }).end("{}");
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method !== "POST" || request.url !== "/v1/traces" || !(request.headers["content-type"] ?? "").includes("json")) {
        refuse(response, 400);
        return;
      }
      let body: OtlpTraceBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpTraceBody;
      } catch {
        refuse(response, 400);
        return;
      }
      for (const resourceSpans of body.resourceSpans ?? []) {
        for (const scope of resourceSpans.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            const name = span.name ?? "(unnamed)";
            byName.set(name, (byName.get(name) ?? 0) + 1);
            total += 1;
          }
        }
      }
      accepted += 1;
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans: () => ({ total, byName: new Map(byName) }),
    requests: () => ({ accepted, rejected }),
    reset() {
      byName = new Map();
      total = 0;
      accepted = 0;
      rejected = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
