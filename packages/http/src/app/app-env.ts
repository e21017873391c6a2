import type { Actor } from "@confide/core";
import type { Logger } from "@confide/core/ports";
import type { Authentication } from "./auth/access-token.ts";

/** The one Hono environment of the Confide API: what middleware hands to handlers. */
export interface AppEnv {
  Variables: {
    /** Echoed in `X-Request-Id` and in every problem document and log line. */
    requestId: string;
    /** Set by the bearer authentication middleware on authenticated routes. */
    actor?: Actor;
    /** Set with `actor`: lets a long-lived response (an event stream) see a revoked or expired token. */
    authentication?: Authentication;
    /** The host logger with the request id attached to every line. */
    logger: Logger;
  };
}
