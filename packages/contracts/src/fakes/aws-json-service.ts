/**
 * The AWS JSON 1.1 protocol as the fakes of Amazon Transcribe and Amazon Comprehend speak it:
 * `POST /` with `X-Amz-Target: <prefix>.<Operation>`, `Content-Type: application/x-amz-json-1.1`,
 * a SigV4 `Authorization` header, a JSON object in and out; errors as `{ "__type": <name>,
 * "Message": ... }` with the HTTP status the service model gives the error (400 client errors,
 * 500 for the service's internal fault) and `x-amzn-errortype`; every answer carries
 * `x-amzn-requestid`.
 *
 * SigV4: the header must be there and well formed — credential scope with the fake's access key
 * id, its region and the service's signing name — and `X-Amz-Date` present. The signature itself
 * is not verified. Answers when it is wrong (status and wording as AWS's JSON services are seen
 * to answer; 400 throughout): no header → MissingAuthenticationTokenException, an unknown access
 * key → UnrecognizedClientException, a wrong service or region in the scope →
 * InvalidSignatureException.
 *
 * Faults scripted per request answer instead of the service (after the caller is admitted):
 * throttling (400 `ThrottlingException`, or another name such as `LimitExceededException`), a
 * server error (500 with the service's internal error name), a hang (never answers), a
 * malformed body (200 with JSON cut off).
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson, startLocalHttpServer, type LocalHttpServer } from "./local-http-server.ts";

/** An error the service answers: its name (`__type`), HTTP status and message. */
export class AwsJsonError extends Error {
  readonly status: number;
  readonly type: string;
  /** `Message` for errors in the service model, `message` for AWS-wide ones (throttling, auth). */
  readonly messageField: "Message" | "message";

  constructor(status: number, type: string, message: string, messageField: "Message" | "message" = "Message") {
    super(message);
    this.status = status;
    this.type = type;
    this.messageField = messageField;
  }
}

export interface ReceivedAwsRequest {
  /** The operation named by X-Amz-Target without the prefix, "" when there was none. */
  operation: string;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the body was JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
  receivedAt: number;
}

export type AwsJsonFault =
  /** 400 `ThrottlingException` "Rate exceeded" unless another name or message is given. */
  | { kind: "throttled"; errorType?: string; message?: string }
  /** 500 with the service's internal error name unless another status or name is given. */
  | { kind: "server-error"; status?: number; errorType?: string; message?: string }
  /** Reads the request, never answers. */
  | { kind: "hang" }
  /** 200 with JSON cut off in the middle. */
  | { kind: "malformed" };

/** The credentials a fake hands its SDK client: only the access key id is checked. */
export interface FakeAwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** What an SDK client (TranscribeClient, ComprehendClient) needs to reach a fake. */
export interface LocalAwsClientConfig {
  endpoint: string;
  region: string;
  credentials: FakeAwsCredentials;
}

export interface AwsJsonServiceOptions {
  /** The X-Amz-Target prefix, e.g. "Transcribe" or "Comprehend_20171127". */
  targetPrefix: string;
  /** The SigV4 signing name, e.g. "transcribe". */
  signingName: string;
  region: string;
  credentials: FakeAwsCredentials;
  /** The service's modelled internal fault, e.g. InternalFailureException. */
  internalErrorType: string;
  operations: Record<string, (input: Record<string, unknown>) => Promise<unknown>>;
  /** Every request, in arrival order. */
  received: ReceivedAwsRequest[];
  /** Asked for each request (read anew each time, so tests can replace it). */
  fault: () => (request: ReceivedAwsRequest, index: number) => AwsJsonFault | undefined;
  /** Plain GET routes the service also serves; return false to fall through. */
  serveGet?: (path: string, response: ServerResponse) => boolean;
}

const jsonContentType = "application/x-amz-json-1.1";

export function fakeAwsCredentials(): FakeAwsCredentials {
  const suffix = randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase();
  return { accessKeyId: `AKIAFAKE${suffix}`, secretAccessKey: `fake-secret-${suffix}` };
}

function sendAwsError(response: ServerResponse, error: AwsJsonError, service: string): void {
  sendJson(
    response,
    error.status,
    { __type: error.type, [error.messageField]: error.message },
    {
      "content-type": jsonContentType,
      "x-amzn-requestid": randomUUID(),
      "x-amzn-errortype": `${error.type}:http://internal.amazon.com/coral/com.amazonaws.${service}/`,
    },
  );
}

/**
 * Refuses a request without a well-formed SigV4 header for this service, region and key (also
 * used by the REST-JSON fakes, which answer the same errors with their own statuses).
 * @throws AwsJsonError
 */
export function checkSignature(headers: IncomingHttpHeaders, options: Pick<AwsJsonServiceOptions, "credentials" | "signingName" | "region">): void {
  const authorization = headers.authorization;
  if (authorization === undefined) throw new AwsJsonError(400, "MissingAuthenticationTokenException", "Missing Authentication Token", "message");
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
    authorization,
  );
  if (match === null || headers["x-amz-date"] === undefined) {
    throw new AwsJsonError(400, "IncompleteSignatureException", `Authorization header requires existence of a well-formed SigV4 signature.`, "message");
  }
  const [, accessKeyId, , region, service] = match;
  if (accessKeyId !== options.credentials.accessKeyId) {
    throw new AwsJsonError(400, "UnrecognizedClientException", "The security token included in the request is invalid.", "message");
  }
  if (service !== options.signingName) {
    throw new AwsJsonError(400, "InvalidSignatureException", `Credential should be scoped to correct service: '${options.signingName}'. `, "message");
  }
  if (region !== options.region) {
    throw new AwsJsonError(400, "InvalidSignatureException", "Credential should be scoped to a valid region. ", "message");
  }
}

export async function startAwsJsonService(options: AwsJsonServiceOptions): Promise<LocalHttpServer> {
  const service = options.signingName;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake");
    const method = request.method ?? "GET";
    if (method === "GET" && options.serveGet?.(url.pathname, response)) return;

    const text = (await readBody(request)).toString("utf8");
    let body: unknown = text.length === 0 ? undefined : text;
    try {
      if (text.length > 0) body = JSON.parse(text);
    } catch {
      // Kept as text: answered as a serialization error below.
    }
    const target = request.headers["x-amz-target"];
    const operation = typeof target === "string" && target.startsWith(`${options.targetPrefix}.`) ? target.slice(options.targetPrefix.length + 1) : "";
    const received: ReceivedAwsRequest = { operation, method, path: url.pathname, headers: { ...request.headers }, body, receivedAt: Date.now() };
    const index = options.received.push(received) - 1;

    try {
      checkSignature(request.headers, options);
      const fault = options.fault()(received, index);
      switch (fault?.kind) {
        case "throttled":
          throw new AwsJsonError(400, fault.errorType ?? "ThrottlingException", fault.message ?? "Rate exceeded", fault.errorType === undefined ? "message" : "Message");
        case "server-error":
          throw new AwsJsonError(fault.status ?? 500, fault.errorType ?? options.internalErrorType, fault.message ?? "An internal error occurred. Try your request again.");
        case "hang":
          return;
        case "malformed":
          response.writeHead(200, { "content-type": jsonContentType, "x-amzn-requestid": randomUUID() });
          response.end('{"answer":{"cut off in the mid', "utf8");
          return;
        case undefined:
          break;
      }
      const handler = options.operations[operation];
      if (method !== "POST" || url.pathname !== "/" || handler === undefined) {
        throw new AwsJsonError(400, "UnknownOperationException", `Unknown operation ${String(target)}`, "message");
      }
      if (!String(request.headers["content-type"] ?? "").startsWith(jsonContentType)) {
        throw new AwsJsonError(400, "SerializationException", `Expected Content-Type ${jsonContentType}`, "message");
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new AwsJsonError(400, "SerializationException", "Start of structure or map found where not expected.", "message");
      }
      const output = await handler(body as Record<string, unknown>);
      sendJson(response, 200, output ?? {}, { "content-type": jsonContentType, "x-amzn-requestid": randomUUID() });
    } catch (error) {
      if (!(error instanceof AwsJsonError)) throw error;
      sendAwsError(response, error, service);
    }
  }

  return startLocalHttpServer(handle, (response, error) =>
    sendAwsError(response, new AwsJsonError(500, options.internalErrorType, `fake server: ${String(error)}`), service),
  );
}
