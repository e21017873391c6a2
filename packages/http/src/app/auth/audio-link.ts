import type { AccessClaims, Actor } from "@confide/core";
import type { Clock } from "@confide/core/ports";
import { sign } from "hono/jwt";
import { verifySignedToken } from "./signed-token.ts";

/**
 * Signed links to one session's recording, for a browser's `<audio>` element, which cannot send
 * an `Authorization` header. A link's token is an HS256 JWT with its own audience: it opens
 * `GET /v1/sessions/{sessionId}/audio` of that one session, for that one account, until it
 * expires, and nothing else (it has no role claim, so it is never an access token; an access
 * token has no audience, so it is never a link). Signing out or any other revocation of the
 * account's tokens revokes its links too: they carry the token generation.
 */
export interface AudioLinks {
  /**
   * @param subject the signed-in account (from its access token) and the session.
   * @returns the token and when it expires (by the injected clock).
   */
  issue(subject: AccessClaims & { sessionId: string }): Promise<{ token: string; expiresAt: Date }>;
  /**
   * Checks the signature, audience, session and expiry, then the account (`actorOf`).
   * @returns the actor to read the recording as.
   * @throws ConfideError `auth.unauthenticated` (details.reason `invalid`, `expired` or `revoked`).
   */
  authenticate(token: string, sessionId: string): Promise<Actor>;
}

export interface AudioLinkOptions {
  /** HS256 key (the access tokens' key: the audience keeps the two apart). */
  secret: string;
  ttlSeconds: number;
  clock: Clock;
  /** The actor of the account, or `auth.unauthenticated` when its tokens were revoked. */
  actorOf(claims: AccessClaims): Promise<Actor>;
}

const audience = "confide:session-audio";

const wording = { invalid: "The audio link is not valid.", expired: "The audio link has expired; ask for a new one." };

export function createAudioLinks(options: AudioLinkOptions): AudioLinks {
  const nowSeconds = () => Math.floor(options.clock.now().getTime() / 1000);
  return {
    async issue(subject) {
      const iat = nowSeconds();
      const exp = iat + options.ttlSeconds;
      const token = await sign(
        { sub: subject.userId, gen: subject.tokenGeneration, sid: subject.sessionId, aud: audience, iat, exp },
        options.secret,
        "HS256",
      );
      return { token, expiresAt: new Date(exp * 1000) };
    },
    async authenticate(token, sessionId) {
      const { sub, gen } = await verifySignedToken(token, {
        secret: options.secret,
        clock: options.clock,
        wording,
        fits: (payload) => payload.aud === audience && payload.sid === sessionId,
      });
      return options.actorOf({ userId: sub, tokenGeneration: gen });
    },
  };
}
