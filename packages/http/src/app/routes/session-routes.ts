import type { UploadGateDeps } from "@confide/core";
import type { AccessTokens } from "../auth/access-token.ts";
import type { AudioLinks } from "../auth/audio-link.ts";
import { bearerAuth } from "../middleware/bearer-auth.ts";
import { createRouter } from "../create-router.ts";
import { createSessionAudioRoutes } from "./session-audio-route.ts";
import { createSessionEventsRoutes } from "./session-events-route.ts";
import { createSessionLifecycleRoutes } from "./session-lifecycle-routes.ts";
import { createSessionNoteRoutes } from "./session-note-routes.ts";
import { createSessionQueryRoutes } from "./session-query-routes.ts";
import { createSessionReviewRoutes } from "./session-review-routes.ts";
import { createSessionTitleRoutes } from "./session-title-routes.ts";
import { createSessionTranscriptRoutes } from "./session-transcript-routes.ts";
import { createSessionUploadRoutes } from "./session-upload-route.ts";

export interface SessionRoutesOptions {
  /** The use cases' deps, with where the upload quotas are counted. */
  deps: UploadGateDeps;
  tokens: AccessTokens;
  audioLinks: AudioLinks;
  eventsPollMs: number;
  eventsTokenCheckMs: number;
  eventsKeepAliveMs: number;
  shutdown?: AbortSignal;
}

/**
 * `/v1/sessions`: one sub-app per resource, mounted in this order (the order of the OpenAPI
 * document, and of matching: `/pending` before `/{id}`).
 */
export function createSessionRoutes(options: SessionRoutesOptions) {
  const { deps } = options;
  const router = createRouter();
  // First, before the bearer middleware: the recording also opens with a signed link (an
  // <audio> element sends no Authorization header), so these routes sign in on their own.
  router.route("/", createSessionAudioRoutes({ deps, tokens: options.tokens, audioLinks: options.audioLinks }));
  router.use("*", bearerAuth({ tokens: options.tokens }));

  router.route("/", createSessionUploadRoutes({ deps }));
  router.route("/", createSessionNoteRoutes({ deps }));
  router.route("/", createSessionQueryRoutes({ deps }));
  router.route(
    "/",
    createSessionEventsRoutes({
      deps,
      pollMs: options.eventsPollMs,
      tokenCheckMs: options.eventsTokenCheckMs,
      keepAliveMs: options.eventsKeepAliveMs,
      ...(options.shutdown ? { shutdown: options.shutdown } : {}),
    }),
  );
  router.route("/", createSessionTranscriptRoutes({ deps }));
  router.route("/", createSessionReviewRoutes({ deps }));
  router.route("/", createSessionTitleRoutes({ deps }));
  router.route("/", createSessionLifecycleRoutes({ deps }));
  return router;
}
