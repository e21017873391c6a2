import { ConfideError } from "@confide/core/ports";
import type { MiddlewareHandler } from "hono";
import type { AccessTokens } from "../auth/access-token.ts";
import type { AppEnv } from "../app-env.ts";

const bearer = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)[ ]*$/i;

/**
 * Verifies `Authorization: Bearer <access token>` and sets the actor. A missing, malformed,
 * forged, expired or revoked token, or one whose account is gone or inactive, is
 * `auth.unauthenticated` (401 with `WWW-Authenticate: Bearer`).
 */
export function bearerAuth(options: { tokens: AccessTokens }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (header === undefined || header.trim() === "") {
      throw new ConfideError("auth.unauthenticated", "Sign in: this needs a bearer access token.", {
        details: { reason: "missing" },
      });
    }
    const token = bearer.exec(header)?.[1];
    if (token === undefined) {
      throw new ConfideError("auth.unauthenticated", "The Authorization header must be 'Bearer <token>'.", {
        details: { reason: "invalid" },
      });
    }
    const authentication = await options.tokens.authenticate(token);
    c.set("actor", authentication.actor);
    c.set("authentication", authentication);
    await next();
  };
}
