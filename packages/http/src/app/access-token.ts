import { randomUUID } from "node:crypto";
import { ConfideError, type Actor, type Clock, type Role } from "@confide/core";
import { sign, verify } from "hono/jwt";

export interface AccessTokenOptions {
  /** HS256 key. */
  secret: string;
  ttlSeconds: number;
  /** Issue and expiry times come from this clock, so they agree with the rest of core. */
  clock: Clock;
}

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
}

export interface AccessTokens {
  issue(subject: { id: string; role: Role }): Promise<IssuedAccessToken>;
  /**
   * Checks the signature, the algorithm and the expiry.
   * @returns the actor the token names.
   * @throws ConfideError `auth.unauthenticated` (details.reason `invalid` or `expired`).
   */
  verify(token: string): Promise<Actor>;
}

const roles: readonly Role[] = ["therapist", "patient", "admin"];

const unauthenticated = (reason: "invalid" | "expired", cause?: unknown) =>
  new ConfideError(
    "auth.unauthenticated",
    reason === "expired" ? "The access token has expired." : "The access token is not valid.",
    { details: { reason }, ...(cause === undefined ? {} : { cause }) },
  );

/** Short-lived HS256 access tokens (claims sub, role, iat, exp, jti) via hono/jwt. */
export function createAccessTokens(options: AccessTokenOptions): AccessTokens {
  const nowSeconds = () => Math.floor(options.clock.now().getTime() / 1000);
  return {
    async issue(subject) {
      const iat = nowSeconds();
      const accessToken = await sign(
        { sub: subject.id, role: subject.role, iat, exp: iat + options.ttlSeconds, jti: randomUUID() },
        options.secret,
        "HS256",
      );
      return { accessToken, expiresIn: options.ttlSeconds };
    },
    async verify(token) {
      let payload: Record<string, unknown>;
      try {
        // Times are checked below against the injected clock, not the machine's.
        payload = await verify(token, options.secret, { alg: "HS256", exp: false, nbf: false, iat: false });
      } catch (error) {
        throw unauthenticated("invalid", error);
      }
      const { sub, role, exp } = payload;
      if (typeof sub !== "string" || sub === "" || !roles.includes(role as Role) || typeof exp !== "number") {
        throw unauthenticated("invalid");
      }
      if (exp <= nowSeconds()) throw unauthenticated("expired");
      return { userId: sub, role: role as Role };
    },
  };
}
