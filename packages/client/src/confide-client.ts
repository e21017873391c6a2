import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/confide-api.ts";
import type { Session, TokenPair, User } from "./api-types.ts";
import { ConfideApiError } from "./confide-api-error.ts";
import { followEvents, type FollowOptions, type SessionEvent } from "./session-events.ts";
import { csrfHeader, TokenKeeper, type RefreshTokenIn } from "./token-keeper.ts";
import { multipartEnvelope, type UploadInput, type UploadProgress } from "./upload-body.ts";
import { defaultUploadTransport, sendUpload, type UploadTransport } from "./upload-transport.ts";

export interface ConfideClientOptions {
  /** Where the API is: `https://confide.example.org`, or `""` for the page's own origin in a browser. */
  baseUrl: string;
  /**
   * `body` (default): the refresh token is kept in memory and sent in JSON; save it with
   * `onRefreshToken` to sign in again after a restart. `cookie` (browsers): the server sets it
   * in an HttpOnly cookie the page never sees; only the access token is in memory.
   */
  refreshTokenIn?: RefreshTokenIn;
  /** A refresh token saved earlier (body mode): `resume()` trades it for an access token. */
  refreshToken?: string;
  /** Every new refresh token (body mode); they rotate on every refresh, so save the latest. */
  onRefreshToken?: (refreshToken: string) => void;
  /** Called once when the sign-in ends without `signOut()`: the refresh token was refused (expired, revoked, reused). */
  onSignedOut?: (reason: ConfideApiError) => void;
  /** The fetch to use; the global one when absent. */
  fetch?: typeof fetch;
  /** How uploads are sent; XMLHttpRequest where it exists (browsers), else a streamed fetch body. */
  uploadTransport?: UploadTransport;
}

export interface UploadOptions {
  /** Bytes of the recording sent so far; the last call has `sentBytes === totalBytes`. */
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

export interface ConfideClient {
  /**
   * The typed API (openapi-fetch): `api.GET("/v1/sessions/{id}", { params: { path: { id } } })`.
   * Sends the access token, refreshes it once on a 401 and retries, and throws ConfideApiError
   * for every answer that is not a success, so `data` is the success body. See `dataOf`.
   */
  readonly api: Client<paths>;
  /** The signed-in account, undefined when signed out. */
  readonly user: User | undefined;
  /** Signs in; in cookie mode the server sets the refresh cookie. Throws ConfideApiError (`auth.invalid_credentials`, `auth.throttled`…). */
  signIn(credentials: { email: string; password: string }): Promise<User>;
  /** Signs in again from the saved refresh token or the refresh cookie; undefined when there is none or it was refused. */
  resume(): Promise<User | undefined>;
  /** Ends the sign-in on the server (the refresh token's whole family) and forgets the tokens. */
  signOut(): Promise<void>;
  /** A new access token now (one refresh however many callers ask at once). */
  refresh(): Promise<void>;
  /** An access token valid for at least a few seconds, for requests made outside the client (an `<audio>` fetch). */
  accessToken(): Promise<string | undefined>;
  /** Uploads a recording (streamed, with progress) and returns the created session (status `queued`). */
  uploadSession(input: UploadInput, options?: UploadOptions): Promise<Session>;
  /** A session's status changes until it is ready, finalized, failed or deleted (see followEvents). */
  sessionEvents(sessionId: string, options?: FollowOptions): AsyncGenerator<SessionEvent>;
}

/** The success body of an `api` call (the client throws for every other answer). */
export async function dataOf<T extends { data?: unknown; response: Response }>(call: Promise<T>): Promise<Exclude<T["data"], undefined>> {
  const { data } = await call;
  return data as Exclude<T["data"], undefined>;
}

const authPath = /\/v1\/auth\/(login|refresh)$/;

export function createConfideClient(options: ConfideClientOptions): ConfideClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const refreshTokenIn = options.refreshTokenIn ?? "body";
  const keeper = new TokenKeeper({
    refreshUrl: `${baseUrl}/v1/auth/refresh`,
    refreshTokenIn,
    fetch: fetchImpl,
    ...(options.refreshToken === undefined ? {} : { refreshToken: options.refreshToken }),
    ...(options.onRefreshToken ? { onRefreshToken: options.onRefreshToken } : {}),
    ...(options.onSignedOut ? { onSignedOut: options.onSignedOut } : {}),
  });

  const withToken = (request: Request, token: string | undefined): Request => {
    if (token !== undefined && !request.headers.has("Authorization")) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  };

  /** Every `api` request: bearer token, one refresh-and-retry on 401, problems thrown. */
  const authorizedFetch = async (request: Request): Promise<Response> => {
    const isAuthRoute = authPath.test(new URL(request.url).pathname);
    const token = isAuthRoute ? undefined : await keeper.freshAccessToken();
    const retryable = !isAuthRoute && keeper.canRefresh ? request.clone() : undefined;
    let response = await fetchImpl(withToken(request, token));
    if (response.status === 401 && retryable) {
      await response.body?.cancel();
      await keeper.replace(token);
      response = await fetchImpl(withToken(retryable, keeper.accessToken));
    }
    if (!response.ok) throw await ConfideApiError.fromResponse(response);
    return response;
  };

  const api = createClient<paths>({ baseUrl, fetch: authorizedFetch });

  const signIn: ConfideClient["signIn"] = async ({ email, password }) => {
    const pair = (await dataOf(
      api.POST("/v1/auth/login", {
        body: { email, password, ...(refreshTokenIn === "cookie" ? { refreshTokenIn } : {}) },
        ...(refreshTokenIn === "cookie" ? { headers: { [csrfHeader]: "1" } } : {}),
      }),
    )) as TokenPair;
    keeper.accept(pair);
    return pair.user;
  };

  const uploadSession: ConfideClient["uploadSession"] = async (input, uploadOptions = {}) => {
    const transport = options.uploadTransport ?? defaultUploadTransport();
    const send = async (token: string | undefined) =>
      sendUpload(
        transport,
        {
          url: `${baseUrl}/v1/sessions`,
          headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
          envelope: multipartEnvelope(input),
          input,
          ...(uploadOptions.onProgress ? { onProgress: uploadOptions.onProgress } : {}),
          ...(uploadOptions.signal ? { signal: uploadOptions.signal } : {}),
        },
        fetchImpl,
      );
    const token = await keeper.freshAccessToken();
    let response = await send(token);
    // A Blob or bytes can be sent again after a refresh; a stream was consumed by the first try.
    if (response.status === 401 && keeper.canRefresh && !(input.audio instanceof ReadableStream)) {
      await response.body?.cancel();
      await keeper.replace(token);
      response = await send(keeper.accessToken);
    }
    if (!response.ok) throw await ConfideApiError.fromResponse(response);
    return (await response.json()) as Session;
  };

  return {
    api,
    get user() {
      return keeper.user;
    },
    signIn,
    async resume() {
      if (!keeper.canRefresh) return undefined;
      try {
        await keeper.refresh();
        return keeper.user;
      } catch (error) {
        if (ConfideApiError.is(error) && (error.status === 401 || error.status === 403)) return undefined;
        throw error;
      }
    },
    async signOut() {
      if (keeper.accessToken === undefined) {
        keeper.clear();
        return;
      }
      const token = keeper.accessToken;
      const refreshToken = keeper.clear();
      const response = await fetchImpl(`${baseUrl}/v1/auth/logout`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/json",
          ...(refreshTokenIn === "cookie" ? { [csrfHeader]: "1" } : {}),
        },
        body: JSON.stringify(refreshToken === undefined ? {} : { refreshToken }),
      });
      // An access token that already lapsed: the server ended nothing, the client forgot everything.
      if (!response.ok && response.status !== 401) throw await ConfideApiError.fromResponse(response);
      await response.body?.cancel();
    },
    refresh: () => keeper.refresh(),
    accessToken: () => keeper.freshAccessToken(),
    uploadSession,
    sessionEvents(sessionId, followOptions = {}) {
      return followEvents(
        {
          open: async (lastEventId, signal) => {
            const headers: Record<string, string> = { Accept: "text/event-stream" };
            if (lastEventId) headers["Last-Event-ID"] = lastEventId;
            const { response } = await api.GET("/v1/sessions/{id}/events", {
              params: { path: { id: sessionId } },
              headers,
              parseAs: "stream",
              ...(signal ? { signal } : {}),
            });
            return response;
          },
          refresh: () => keeper.refresh(),
        },
        followOptions,
      );
    },
  };
}
