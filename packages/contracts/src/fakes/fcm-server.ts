/**
 * A stand-in for FCM's HTTP v1 API (`POST /v1/projects/{project}/messages:send`) for tests of
 * firebase-admin. There is no FCM emulator and firebase-admin's URL is fixed
 * (https://fcm.googleapis.com), so the seam is the socket: `agent` is an https.Agent whose
 * connections all go to this plain-HTTP server on 127.0.0.1. firebase-admin uses an app's
 * `httpAgent` on its HTTP/1.1 ("legacy") transport, so everything above the socket — request
 * building, auth header, response parsing, error mapping — is firebase-admin's own code.
 * `credential` answers a fixed access token without calling Google's OAuth endpoint.
 *
 * Per-token answers follow FCM's documented error format
 * (https://firebase.google.com/docs/reference/fcm/rest/v1/ErrorCode).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Agent } from "node:https";
import { connect, type AddressInfo, type Socket } from "node:net";
import { readBody, sendJson } from "./local-http-server.ts";

export interface FcmErrorAnswer {
  httpStatus: number;
  /** google.rpc status, e.g. "NOT_FOUND". */
  status: string;
  message: string;
  /** FcmError errorCode, e.g. "UNREGISTERED". */
  fcmErrorCode: string;
  /** A google.rpc.BadRequest field violation, e.g. "message.token". */
  field?: string;
  retryAfterSeconds?: number;
}

/** The documented answers of FCM v1 for failing tokens and messages. */
export const fcmErrors = {
  unregistered: (): FcmErrorAnswer => ({
    httpStatus: 404,
    status: "NOT_FOUND",
    message: "Requested entity was not found.",
    fcmErrorCode: "UNREGISTERED",
  }),
  invalidToken: (): FcmErrorAnswer => ({
    httpStatus: 400,
    status: "INVALID_ARGUMENT",
    message: "The registration token is not a valid FCM registration token",
    fcmErrorCode: "INVALID_ARGUMENT",
    field: "message.token",
  }),
  invalidPayload: (): FcmErrorAnswer => ({
    httpStatus: 400,
    status: "INVALID_ARGUMENT",
    message: "Invalid value at 'message.data' (Map), key \"from\" is reserved",
    fcmErrorCode: "INVALID_ARGUMENT",
    field: "message.data",
  }),
  quotaExceeded: (): FcmErrorAnswer => ({
    httpStatus: 429,
    status: "RESOURCE_EXHAUSTED",
    message: "Quota exceeded for quota metric 'Send requests' of service 'fcm.googleapis.com'.",
    fcmErrorCode: "QUOTA_EXCEEDED",
    retryAfterSeconds: 30,
  }),
  internal: (): FcmErrorAnswer => ({
    httpStatus: 500,
    status: "INTERNAL",
    message: "Internal error encountered.",
    fcmErrorCode: "INTERNAL",
  }),
  senderIdMismatch: (): FcmErrorAnswer => ({
    httpStatus: 403,
    status: "PERMISSION_DENIED",
    message: "SenderId mismatch",
    fcmErrorCode: "SENDER_ID_MISMATCH",
  }),
};

export interface ReceivedSend {
  projectId: string;
  token: string;
  message: Record<string, unknown>;
  /** FCM's dry run flag (`validate_only`). */
  validateOnly: boolean;
  authorization: string | undefined;
  host: string | undefined;
}

export interface FakeFcmServer {
  /** Give it to firebase-admin as `httpAgent` (with the HTTP/1.1 transport). */
  agent: Agent;
  /** A firebase-admin Credential answering `accessToken` without any network call. */
  credential: { getAccessToken(): Promise<{ access_token: string; expires_in: number }> };
  accessToken: string;
  /** Decides each token's answer; undefined means delivered. Default: every token delivered. */
  answer: (token: string, message: Record<string, unknown>) => FcmErrorAnswer | undefined;
  /** Wait before answering each request, so that concurrent requests overlap. Default 0. */
  responseDelayMs: number;
  /** Every send request, in arrival order. */
  sends: ReceivedSend[];
  /**
   * Requests per burst: a burst starts when a request arrives with none in flight and ends
   * when none is left in flight.
   */
  bursts: number[];
  /** Most requests in flight at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

function errorBody(answer: FcmErrorAnswer): unknown {
  const details: unknown[] = [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode: answer.fcmErrorCode }];
  if (answer.field !== undefined) {
    details.push({
      "@type": "type.googleapis.com/google.rpc.BadRequest",
      fieldViolations: [{ field: answer.field, description: answer.message }],
    });
  }
  return { error: { code: answer.httpStatus, message: answer.message, status: answer.status, details } };
}

export async function startFakeFcmServer(): Promise<FakeFcmServer> {
  let inFlight = 0;
  const fake: FakeFcmServer = {
    agent: new Agent(),
    accessToken: `fake-access-token-${Math.random().toString(36).slice(2)}`,
    credential: {
      getAccessToken: async () => ({ access_token: fake.accessToken, expires_in: 3600 }),
    },
    answer: () => undefined,
    responseDelayMs: 0,
    sends: [],
    bursts: [],
    maxInFlight: 0,
    close: async () => {},
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = (await readBody(request)).toString("utf8");
    const match = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(request.url ?? "");
    if (request.method !== "POST" || match === null) {
      sendJson(response, 404, { error: { code: 404, message: `Not found: ${request.method} ${request.url}`, status: "NOT_FOUND" } });
      return;
    }
    if (request.headers.authorization !== `Bearer ${fake.accessToken}`) {
      sendJson(response, 401, {
        error: { code: 401, message: "Request had invalid authentication credentials.", status: "UNAUTHENTICATED" },
      });
      return;
    }
    let message: Record<string, unknown>;
    let validateOnly: boolean;
    try {
      const parsed = JSON.parse(body) as { message: Record<string, unknown>; validate_only?: boolean };
      message = parsed.message;
      validateOnly = parsed.validate_only === true;
    } catch {
      sendJson(response, 400, { error: { code: 400, message: "Invalid JSON payload received.", status: "INVALID_ARGUMENT" } });
      return;
    }
    const token = typeof message?.token === "string" ? message.token : "";
    fake.sends.push({
      projectId: decodeURIComponent(match[1]!),
      token,
      message,
      validateOnly,
      authorization: request.headers.authorization,
      host: request.headers.host,
    });
    if (fake.responseDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.responseDelayMs));
    const failure = fake.answer(token, message);
    if (failure === undefined) {
      sendJson(response, 200, { name: `projects/${match[1]}/messages/0:${fake.sends.length}%${token.length}` });
      return;
    }
    sendJson(
      response,
      failure.httpStatus,
      errorBody(failure),
      failure.retryAfterSeconds === undefined ? {} : { "retry-after": String(failure.retryAfterSeconds) },
    );
  }

  const server: Server = createServer((request, response) => {
    if (inFlight === 0) fake.bursts.push(0);
    fake.bursts[fake.bursts.length - 1]! += 1;
    inFlight += 1;
    fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
    response.on("close", () => {
      inFlight -= 1;
    });
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: { code: 500, message: String(error), status: "INTERNAL" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  /** Every connection firebase-admin opens (to fcm.googleapis.com:443) lands on the fake. */
  class FakeFcmAgent extends Agent {
    override createConnection(): Socket {
      return connect(port, "127.0.0.1");
    }
  }
  fake.agent = new FakeFcmAgent({ keepAlive: true });
  fake.close = async () => {
    fake.agent.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}
