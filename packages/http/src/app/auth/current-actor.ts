import type { Actor } from "@confide/core";
import { ConfideError } from "@confide/core/ports";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";

/**
 * The authenticated actor of the request.
 * @throws ConfideError `auth.unauthenticated` when the route was not behind bearerAuth.
 */
export function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (!actor) throw new ConfideError("auth.unauthenticated", "Sign in: this needs a bearer access token.");
  return actor;
}
