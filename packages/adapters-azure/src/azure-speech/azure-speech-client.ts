import { withDeadline } from "@confide/core/adapter-kit";
import type { z } from "zod";
import { cognitiveServicesScope, speechApiVersion } from "./azure-speech-config.ts";
import { badResponse, errorFromFailedRequest, errorFromResponse } from "./azure-speech-errors.ts";
import { azureTokenSource } from "../entra-id/azure-token-source.ts";
import type { azureSpeechSettings } from "./settings.ts";


export interface SpeechRequest {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /**
   * A path under `/speechtotext` (`/transcriptions:submit`) or an absolute API URL on the
   * endpoint (a `@nextLink`); with `authenticated: false`, any absolute URL, sent as it is.
   */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Sends the key or token (the API); false for a result file's own URL. */
  authenticated: boolean;
  /** More headers (a BYOS result file's Storage token). */
  headers?: Record<string, string>;
  /** Statuses taken as an answer, not an error (besides 2xx): DELETE takes 404. */
  accept?: number[];
  /** For messages: "the submission", "the job's status"… */
  what: string;
  signal: AbortSignal | undefined;
}

export interface SpeechAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when empty. */
  json: unknown;
}

export interface SpeechClient {
  /**
   * The absolute URL of an API path, with the api-version.
   * @throws ConfideError `provider.bad_response` for an absolute URL off the endpoint.
   */
  url(path: string, query?: Record<string, string>): string;
  /**
   * Sends one request under the request timeout and the caller's signal, and reads its JSON.
   * @returns the answer (a 2xx, or a status in `accept`).
   * @throws the caller's abort reason as is; ConfideError otherwise (errorFromResponse,
   * errorFromFailedRequest; `provider.bad_response` for a body that is not JSON).
   */
  send(request: SpeechRequest): Promise<SpeechAnswer>;
}

/**
 * The API's endpoint without a trailing slash: `endpoint`, else the region's
 * `https://<region>.api.cognitive.microsoft.com` (the settings schema requires one of them).
 */
export function speechEndpoint(settings: Pick<z.output<typeof azureSpeechSettings>, "endpoint" | "region">): string {
  return (settings.endpoint ?? `https://${settings.region}.api.cognitive.microsoft.com`).replace(/\/+$/, "");
}

/**
 * The REST client of the Speech API: `fetch`, `Ocp-Apim-Subscription-Key` when a key is set,
 * otherwise `Authorization: Bearer` with a Microsoft Entra ID token for
 * `https://cognitiveservices.azure.com/.default` (the credential — `DefaultAzureCredential`
 * by default — loaded on first use, its token kept until two minutes before it expires).
 * Each request, its body included, ends after `requestTimeoutMs`.
 */
export function createSpeechClient(settings: z.output<typeof azureSpeechSettings>): SpeechClient {
  const endpoint = speechEndpoint(settings);
  const speechToken = azureTokenSource(settings.credential, cognitiveServicesScope, "Azure Speech");

  async function authorization(signal: AbortSignal): Promise<Record<string, string>> {
    if (settings.key !== undefined) return { "ocp-apim-subscription-key": settings.key };
    return { authorization: `Bearer ${(await speechToken(signal)).token}` };
  }

  const endpointOrigin = new URL(endpoint).origin;

  /**
   * An API URL with the api-version. An absolute one (a `@nextLink`) must be on the endpoint:
   * the key or token is sent with it.
   */
  function apiUrl(path: string, query: Record<string, string> = {}): string {
    const absolute = /^https?:\/\//.test(path);
    const target = new URL(absolute ? path : `${endpoint}/speechtotext${path}`);
    if (target.origin !== endpointOrigin) {
      throw badResponse("a link in its answer leads away from the Speech endpoint; it was not followed.", { truncated: false });
    }
    for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value);
    target.searchParams.set("api-version", speechApiVersion);
    return target.toString();
  }

  return {
    url: apiUrl,

    send(request) {
      return withDeadline(
        settings.requestTimeoutMs,
        request.signal,
        async (signal) => {
          const headers: Record<string, string> = { accept: "application/json", ...request.headers };
          if (request.authenticated) Object.assign(headers, await authorization(signal));
          if (request.body !== undefined) headers["content-type"] = "application/json";
          const target = request.authenticated ? apiUrl(request.path, request.query) : request.path;
          const response = await settings.fetch(target, {
            method: request.method,
            headers,
            ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
            signal,
          });
          if (!response.ok && !(request.accept ?? []).includes(response.status)) throw await errorFromResponse(response, request.what);
          const text = await response.text();
          let json: unknown;
          if (text.trim() !== "") {
            try {
              json = JSON.parse(text);
            } catch (error) {
              throw badResponse(`the answer to ${request.what} is not JSON (cut off?).`, { truncated: true, cause: error });
            }
          }
          return { status: response.status, headers: response.headers, json };
        },
        (error, afterMs) => errorFromFailedRequest(error, request.what, afterMs === undefined ? null : { afterMs }),
      );
    },
  };
}
