/**
 * An HTTPS proxy between the real `@azure/cosmos` client and the Cosmos DB protocol server
 * (support/cosmos-server.ts) that adds what the server does not emulate:
 *
 * - the 2 MB request limit: an item write (POST/PUT/PATCH under `/docs`) whose body is over
 *   `maxRequestBytes` (default 2 MiB) is answered 413 `RequestEntityTooLarge` as Cosmos DB does,
 *   always (set `maxRequestBytes` to Infinity to let it through);
 * - on command (`inject`): 429 with `x-ms-retry-after-ms` and substatus 3200 (request rate too
 *   large), 503 `ServiceUnavailable`, dropped connections (the socket is destroyed before
 *   any answer: the client sees a reset), and empty query pages while more remain (Cosmos DB
 *   may answer a query page with fewer items than `x-ms-max-item-count`, even none, and a
 *   continuation: the server never does), and slow answers (`delay`);
 *
 * and otherwise forwards every request and answer unchanged. It listens with the server's own
 * certificate (valid for 127.0.0.1), so the client setup is the server's with the proxy's
 * endpoint: `new CosmosClient(proxy.clientOptions)`. Endpoint discovery must stay off (it is in
 * clientOptions): the server advertises its own address, which would bypass the proxy.
 *
 * Every request is recorded with the answer it got and the fault applied, for assertions such
 * as "the SDK retried the throttled read twice".
 */
import { request as httpsRequest, createServer, Agent, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { localCosmosClientOptions, type CosmosServer, type LocalCosmosClientOptions } from "../support/cosmos-server.ts";

export type CosmosFault =
  /** 429, `x-ms-retry-after-ms` (default 100) and `x-ms-substatus: 3200`. */
  | { kind: "throttle"; retryAfterMs?: number }
  /** 503 ServiceUnavailable. */
  | { kind: "unavailable" }
  /** Destroy the connection without answering. */
  | { kind: "drop" }
  /**
   * Answer a query page (not a query plan) with no items and a continuation that resumes where
   * the request started: the client must ask again. Applies to query requests only.
   */
  | { kind: "empty-page" }
  /** Forward the request only after `ms` (a slow answer: request timeouts, races between callers). */
  | { kind: "delay"; ms: number };

export interface CosmosProxyRequest {
  method: string;
  /** Path without the query, e.g. /dbs/confide/colls/sessions/docs/abc */
  path: string;
  /** The last resource type in the path: "docs", "colls", "dbs", "pkranges", "" for the account. */
  resourceType: string;
  headers: Record<string, string | string[] | undefined>;
  bodyBytes: number;
}

export interface CosmosProxyExchange extends CosmosProxyRequest {
  /** The status the client got; 0 when the connection was dropped. */
  status: number;
  fault: CosmosFault["kind"] | "too-large" | undefined;
  at: number;
}

export interface CosmosFaultRule {
  fault: CosmosFault;
  /** Requests this rule still applies to (default 1; Infinity until cleared). */
  remaining: number;
  /** Which requests it applies to (default: every request). */
  match: (request: CosmosProxyRequest) => boolean;
}

export interface CosmosFaultProxy {
  /** e.g. https://127.0.0.1:41234/ */
  endpoint: string;
  clientOptions: LocalCosmosClientOptions;
  /** Item writes above this many body bytes get 413 (default 2 MiB, Cosmos DB's limit). */
  maxRequestBytes: number;
  /** Applies `fault` to the next `times` requests that `match`. Rules are tried in order. */
  inject(fault: CosmosFault, options?: { times?: number; match?: (request: CosmosProxyRequest) => boolean }): CosmosFaultRule;
  clearFaults(): void;
  /** Every request, in arrival order. */
  exchanges: CosmosProxyExchange[];
  close(): Promise<void>;
}

export const cosmosItemLimitBytes = 2 * 1024 * 1024;

/** The continuation an empty page hands out: the original one (or none) after this prefix. */
const resumePrefix = "confide-resume:";

/** A page of query results (not the query plan the SDK asks for first). */
function isQueryPage(request: CosmosProxyRequest): boolean {
  return (
    request.method === "POST" &&
    request.resourceType === "docs" &&
    String(request.headers["x-ms-documentdb-isquery"]).toLowerCase() === "true" &&
    String(request.headers["x-ms-cosmos-is-query-plan-request"] ?? "").toLowerCase() !== "true"
  );
}

const hopByHop = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

function cosmosError(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ code, message: `Message: {"Errors":["${message}"]}\r\nActivityId: 00000000-0000-0000-0000-000000000000` });
  response.writeHead(status, {
    "content-type": "application/json",
    "x-ms-activity-id": "00000000-0000-0000-0000-000000000000",
    "x-ms-request-charge": "0",
    ...headers,
  });
  response.end(body);
}

function resourceTypeOf(path: string): string {
  const segments = path.split("/").filter((segment) => segment.length > 0);
  // /dbs/{db}/colls/{coll}/docs/{id}: types sit at even positions.
  const types = segments.filter((_, index) => index % 2 === 0);
  return types.at(-1) ?? "";
}

export async function startCosmosFaultProxy(target: Pick<CosmosServer, "endpoint" | "certificate">): Promise<CosmosFaultProxy> {
  const upstream = new URL(target.endpoint);
  const upstreamAgent = new Agent({ ca: target.certificate.cert, keepAlive: true });
  const rules: CosmosFaultRule[] = [];

  const proxy: CosmosFaultProxy = {
    endpoint: "",
    clientOptions: undefined as unknown as LocalCosmosClientOptions,
    maxRequestBytes: cosmosItemLimitBytes,
    inject(fault, options = {}) {
      const rule: CosmosFaultRule = { fault, remaining: options.times ?? 1, match: options.match ?? (() => true) };
      rules.push(rule);
      return rule;
    },
    clearFaults() {
      rules.length = 0;
    },
    exchanges: [],
    close: async () => {},
  };

  function takeFault(request: CosmosProxyRequest): CosmosFault | undefined {
    const rule = rules.find(
      (candidate) => candidate.remaining > 0 && (candidate.fault.kind !== "empty-page" || isQueryPage(request)) && candidate.match(request),
    );
    if (rule === undefined) return undefined;
    rule.remaining -= 1;
    return rule.fault;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = new URL(request.url ?? "/", "https://proxy").pathname;
    // A continuation an empty page handed out goes on as the one it stood for.
    const continuation = request.headers["x-ms-continuation"];
    if (typeof continuation === "string" && continuation.startsWith(resumePrefix)) {
      const original = continuation.slice(resumePrefix.length);
      if (original === "") delete request.headers["x-ms-continuation"];
      else request.headers["x-ms-continuation"] = original;
    }
    const described: CosmosProxyRequest = {
      method: request.method ?? "GET",
      path,
      resourceType: resourceTypeOf(path),
      headers: { ...request.headers },
      bodyBytes: body.length,
    };
    const exchange: CosmosProxyExchange = { ...described, status: 0, fault: undefined, at: Date.now() };
    proxy.exchanges.push(exchange);

    const isItemWrite = described.resourceType === "docs" && ["POST", "PUT", "PATCH"].includes(described.method);
    if (isItemWrite && body.length > proxy.maxRequestBytes) {
      exchange.fault = "too-large";
      exchange.status = 413;
      cosmosError(response, 413, "RequestEntityTooLarge", "Request size is too large");
      return;
    }
    const fault = takeFault(described);
    exchange.fault = fault?.kind;
    switch (fault?.kind) {
      case "throttle":
        exchange.status = 429;
        cosmosError(
          response,
          429,
          "429",
          "Request rate is large. More Request Units may be needed, so no changes were made. Please retry this request later. Learn more: http://aka.ms/cosmosdb-error-429",
          { "x-ms-retry-after-ms": String(fault.retryAfterMs ?? 100), "x-ms-substatus": "3200" },
        );
        return;
      case "unavailable":
        exchange.status = 503;
        cosmosError(response, 503, "ServiceUnavailable", "Service is currently unavailable. Please retry.");
        return;
      case "drop":
        request.socket.destroy();
        return;
      case "delay":
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        break;
      case "empty-page": {
        exchange.status = 200;
        const original = request.headers["x-ms-continuation"];
        response.writeHead(200, {
          "content-type": "application/json",
          "x-ms-activity-id": "00000000-0000-0000-0000-000000000000",
          "x-ms-request-charge": "1",
          "x-ms-item-count": "0",
          "x-ms-continuation": `${resumePrefix}${typeof original === "string" ? original : ""}`,
        });
        response.end(JSON.stringify({ _rid: "", Documents: [], _count: 0 }));
        return;
      }
      case undefined:
        break;
    }

    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && !hopByHop.has(name)) headers[name] = value;
    }
    headers["content-length"] = String(body.length);
    await new Promise<void>((resolve, reject) => {
      const forwarded = httpsRequest(
        { protocol: upstream.protocol, hostname: upstream.hostname, port: upstream.port, method: described.method, path: request.url, headers, agent: upstreamAgent },
        (answer) => {
          exchange.status = answer.statusCode ?? 0;
          const answerHeaders: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !hopByHop.has(name)) answerHeaders[name] = value;
          }
          response.writeHead(answer.statusCode ?? 502, answerHeaders);
          answer.pipe(response);
          answer.on("end", resolve);
          answer.on("error", reject);
        },
      );
      forwarded.on("error", reject);
      forwarded.end(body);
    });
  }

  const server: Server = createServer({ cert: target.certificate.cert, key: target.certificate.key }, (request, response) => {
    handle(request, response).catch(() => {
      // The Cosmos server is gone or broke the link: the client loses its connection too.
      request.socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  proxy.clientOptions = localCosmosClientOptions(proxy.endpoint, target.certificate.cert);
  proxy.close = async () => {
    proxy.clientOptions.agent.destroy();
    upstreamAgent.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
