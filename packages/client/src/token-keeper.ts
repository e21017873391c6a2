import { ConfideApiError } from "./confide-api-error.ts";
import type { TokenPair, User } from "./api-types.ts";

/** `body`: the refresh token is kept in memory and sent in JSON (apps, scripts). `cookie`: the server keeps it in an HttpOnly cookie (browsers). */
export type RefreshTokenIn = "body" | "cookie";

/** The header a cookie-mode request must carry: a cross-site page cannot send it without a CORS preflight the API never grants. */
export const csrfHeader = "Confide-CSRF";

export interface TokenKeeperOptions {
  refreshUrl: string;
  refreshTokenIn: RefreshTokenIn;
  fetch: typeof fetch;
  /** A refresh token saved by an earlier run (body mode). */
  refreshToken?: string;
  /** Called with every new refresh token (body mode): they rotate on every refresh. */
  onRefreshToken?: (refreshToken: string) => void;
  /** Called once when a refresh fails and the client is signed out. */
  onSignedOut?: (reason: ConfideApiError) => void;
  /** Refreshes this long before the access token expires, so long requests never start with a token about to lapse. */
  refreshMarginMs?: number;
}

/**
 * The access token (memory only), the refresh token (body mode) and the one refresh in flight:
 * however many requests find their token rejected at once, one refresh runs and all of them
 * wait for it; when it fails, the client signs out once and every waiter gets its error.
 */
export class TokenKeeper {
  #accessToken: string | undefined;
  #accessExpiresAtMs = 0;
  #refreshToken: string | undefined;
  #user: User | undefined;
  #refreshing: Promise<void> | undefined;
  /** Why the last sign-in ended, until the next: calls answered 401 after that learn the same reason. */
  #signedOutBy: ConfideApiError | undefined;
  readonly #options: TokenKeeperOptions;

  constructor(options: TokenKeeperOptions) {
    this.#options = options;
    this.#refreshToken = options.refreshToken;
  }

  get accessToken(): string | undefined {
    return this.#accessToken;
  }

  get user(): User | undefined {
    return this.#user;
  }

  /** Whether a refresh can be tried: a refresh token in memory, or cookie mode (the browser holds it). */
  get canRefresh(): boolean {
    return this.#options.refreshTokenIn === "cookie" || this.#refreshToken !== undefined;
  }

  /** Keeps a token pair from login or refresh. */
  accept(pair: TokenPair): void {
    this.#signedOutBy = undefined;
    this.#accessToken = pair.accessToken;
    this.#accessExpiresAtMs = Date.now() + pair.expiresIn * 1000;
    this.#user = pair.user;
    if (pair.refreshToken !== undefined && this.#options.refreshTokenIn === "body") {
      this.#refreshToken = pair.refreshToken;
      this.#options.onRefreshToken?.(pair.refreshToken);
    }
  }

  /** The refresh token to send to logout (body mode), then forgets everything. */
  clear(): string | undefined {
    const refreshToken = this.#refreshToken;
    this.#accessToken = undefined;
    this.#accessExpiresAtMs = 0;
    this.#refreshToken = undefined;
    this.#user = undefined;
    return refreshToken;
  }

  /** A token good for the next request: refreshed first when it lapses within the margin. */
  async freshAccessToken(): Promise<string | undefined> {
    const marginMs = this.#options.refreshMarginMs ?? 10_000;
    if (this.#accessToken !== undefined && Date.now() < this.#accessExpiresAtMs - marginMs) return this.#accessToken;
    if (this.canRefresh && (this.#accessToken !== undefined || this.#refreshing)) await this.refresh();
    return this.#accessToken;
  }

  /**
   * After a 401 on a request sent with `rejected`: refreshes, unless another request already did
   * (the current token is no longer the rejected one). Throws the refresh's ConfideApiError.
   */
  async replace(rejected: string | undefined): Promise<void> {
    if (this.#accessToken !== undefined && this.#accessToken !== rejected) return;
    // A call sent before a refresh that failed, answered after it: signed out for the same reason.
    if (this.#accessToken === undefined && this.#refreshing === undefined && this.#signedOutBy) throw this.#signedOutBy;
    await this.refresh();
  }

  /** One refresh at a time: a call while one runs waits for that one. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#runRefresh().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #runRefresh(): Promise<void> {
    const cookie = this.#options.refreshTokenIn === "cookie";
    if (!cookie && this.#refreshToken === undefined) {
      throw new ConfideApiError({ status: 401, code: "auth.unauthenticated", message: "Not signed in." });
    }
    const response = await this.#options.fetch(this.#options.refreshUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(cookie ? { [csrfHeader]: "1" } : {}) },
      // Cookie mode: an empty body, and the browser sends the cookie (same origin only).
      body: JSON.stringify(cookie ? {} : { refreshToken: this.#refreshToken }),
      credentials: "same-origin",
    });
    if (!response.ok) {
      const error = await ConfideApiError.fromResponse(response);
      // Only a refused token signs out; a server or network failure leaves the tokens to try again.
      if (response.status === 401 || response.status === 403) this.#signOut(error);
      throw error;
    }
    this.accept((await response.json()) as TokenPair);
  }

  #signOut(reason: ConfideApiError): void {
    const wasSignedIn = this.#accessToken !== undefined || this.#refreshToken !== undefined || this.#user !== undefined;
    this.clear();
    this.#signedOutBy = reason;
    if (wasSignedIn) this.#options.onSignedOut?.(reason);
  }
}
