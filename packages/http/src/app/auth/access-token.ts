import { randomUUID } from "node:crypto";
import type { AccessClaims, Actor } from "@confide/core";
import { type Clock, ConfideError, type Role } from "@confide/core/ports";
import { sign } from "hono/jwt";
import { verifySignedToken } from "./signed-token.ts";

export interface AccessTokenOptions {
  /** HS256 key. */
  secret: string;
  ttlSeconds: number;
  /** Issue and expiry times come from this clock, so they agree with the rest of core. */
  clock: Clock;
  /**
   * The actor of a verified token, or `auth.unauthenticated` when the token was revoked or its
   * account is gone (`AccessCheck.actorOf`).
   */
  actorOf(claims: AccessClaims): Promise<Actor>;
}

/** A request's sign-in: who it is, and whether that still holds later (for long-lived streams). */
export interface Authentication {
  actor: Actor;
  /** The account and token generation the token carries (what a signed audio link is bound to). */
  claims: AccessClaims;
  /** @returns false once the token has expired or was revoked. */
  stillValid(): Promise<boolean>;
}

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
}

/** A token whose signature and expiry are good; whether it was revoked is `authorizeAccess`'s call. */
export interface VerifiedAccessToken extends AccessClaims {
  /** When the token expires, by the injected clock. */
  expiresAtMs: number;
}

export interface AccessTokens {
  /** @param subject the account and its current `tokenGeneration` (claim `gen`). */
  issue(subject: { id: string; role: Role; tokenGeneration: number }): Promise<IssuedAccessToken>;
  /**
   * Checks the signature, the algorithm, the claims and the expiry.
   * @returns the user id and token generation the token carries.
   * @throws ConfideError `auth.unauthenticated` (details.reason `invalid` or `expired`).
   */
  verify(token: string): Promise<VerifiedAccessToken>;
  /**
   * `verify`, then checks the token against its account (revocation, deactivation, erasure).
   * @throws ConfideError `auth.unauthenticated` (details.reason `invalid`, `expired` or `revoked`).
   */
  authenticate(token: string): Promise<Authentication>;
}

const roles: readonly Role[] = ["therapist", "patient", "admin"];

const wording = { invalid: "The access token is not valid.", expired: "The access token has expired." };

/** Short-lived HS256 access tokens (claims sub, role, gen, iat, exp, jti) via hono/jwt. */
export function createAccessTokens(options: AccessTokenOptions): AccessTokens {
  const nowSeconds = () => Math.floor(options.clock.now().getTime() / 1000);
  const tokens: AccessTokens = {
    async issue(subject) {
      const iat = nowSeconds();
      const accessToken = await sign(
        { sub: subject.id, role: subject.role, gen: subject.tokenGeneration, iat, exp: iat + options.ttlSeconds, jti: randomUUID() },
        options.secret,
        "HS256",
      );
      return { accessToken, expiresIn: options.ttlSeconds };
    },
    async verify(token) {
      const { sub, gen, exp } = await verifySignedToken(token, { secret: options.secret, clock: options.clock, wording, fits: (payload) => roles.includes(payload.role as Role) });
      return { userId: sub, tokenGeneration: gen, expiresAtMs: exp * 1000 };
    },
    async authenticate(token) {
      const verified = await tokens.verify(token);
      const claims = { userId: verified.userId, tokenGeneration: verified.tokenGeneration };
      return {
        actor: await options.actorOf(claims),
        claims,
        async stillValid() {
          if (verified.expiresAtMs <= options.clock.now().getTime()) return false;
          try {
            await options.actorOf(claims);
            return true;
          } catch (error) {
            if (ConfideError.is(error, "auth.unauthenticated")) return false;
            throw error;
          }
        },
      };
    },
  };
  return tokens;
}
