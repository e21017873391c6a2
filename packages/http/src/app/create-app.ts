import { type ConfideDeps, type LiveDeps, memoryRateLimitStore, type UploadGateDeps } from "@confide/core";
import { ConfideError, type RateLimitStore } from "@confide/core/ports";
import type { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { createAccessCheck } from "./auth/access-check.ts";
import { createAccessTokens } from "./auth/access-token.ts";
import { createAudioLinks } from "./auth/audio-link.ts";
import { createConsoleAssets, defaultConsoleAssetsDirectory } from "./console/console-assets.ts";
import { isApiPath } from "./console/console-paths.ts";
import { consoleContentSecurityPolicy } from "./console/console-security-policy.ts";
import { accessLog } from "./middleware/access-log.ts";
import { createAllowedMethods } from "./middleware/allowed-methods.ts";
import type { AppEnv } from "./app-env.ts";
import { createRouter } from "./create-router.ts";
import { createErrorHandler, createNotFoundHandler } from "./middleware/error-handler.ts";
import { jsonBodyEncoding } from "./middleware/json-body-encoding.ts";
import { defaultJsonBodyLimitBytes, jsonBodyLimit } from "./middleware/json-body-limit.ts";
import { createLoginThrottle, type LoginThrottleLimits } from "./limits/login-throttle.ts";
import { createDeviceCookies } from "./auth/device-cookie.ts";
import { noStore } from "./middleware/no-store.ts";
import { registerOpenApiDocument } from "./schemas/openapi-document.ts";
import { requestContext } from "./middleware/request-context.ts";
import { createAdminRoutes } from "./routes/admin-routes.ts";
import { createBackupRoute, type BackupRouteOptions } from "./routes/backup-route.ts";
import { createAuthRoutes } from "./routes/auth-routes.ts";
import { createDeviceRoutes } from "./routes/device-routes.ts";
import { createLegalHoldRoutes } from "./routes/legal-hold-routes.ts";
import { createHealthRoutes, type ReadinessEntry } from "./routes/health-routes.ts";
import { createMeRoutes } from "./routes/me-routes.ts";
import { createPatientRoutes } from "./routes/patient-routes.ts";
import { createSessionRoutes } from "./routes/session-routes.ts";
import { createLiveRoute } from "./routes/live-route.ts";
import { requestTelemetry } from "./middleware/request-telemetry.ts";
import type { Telemetry } from "../telemetry/telemetry.ts";
import type { LiveHolders, LiveLimits } from "./live/live-connection.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createResumableUploadRoutes } from "./routes/resumable-upload-routes.ts";
import { createUploadStaging, type UploadStaging } from "./uploads/upload-staging.ts";

export interface AppOptions {
  /** Every port, settings, clock, ids and logger (from @confide/core). */
  deps: ConfideDeps;
  /** HS256 key of the access tokens. */
  jwtSecret: string;
  /** Lifetime of an access token; 900 (15 minutes) when absent. */
  accessTokenTtlSeconds?: number;
  /**
   * Lifetime of a signed audio link (`POST /v1/sessions/{id}/audio:link`); 600 (10 minutes)
   * when absent. A player asks for a new link when one expires.
   */
  audioLinkTtlSeconds?: number;
  /** One entry per configured dependency; `/readyz` is 503 when any is not ok. */
  readiness: () => Promise<ReadinessEntry[]>;
  /**
   * How long a process reuses an account read when checking access tokens; 2000 when absent.
   * A logout, password change or erasure on another API process takes effect here within it.
   */
  accessCheckCacheMs?: number;
  /**
   * Where sign-in and upload counters live: Redis for several API processes
   * (`createRedisRateLimitStore`), this process's memory (core's `memoryRateLimitStore`) when absent.
   * The upload limits themselves are core's settings (`deps.settings`: `maxUploadBytes`,
   * `uploadsPerHour`, `uploadBytesPerDay`, `maxSessionsInProcessing`), applied by `admitUpload`.
   */
  rateLimits?: RateLimitStore;
  /** Sign-in limits; `defaultLoginThrottle` for any left out. */
  loginThrottle?: Partial<LoginThrottleLimits>;
  /** Proxies in front that append to `X-Forwarded-For` (see clientAddress); 0 when absent. */
  trustedProxyHops?: number;
  /**
   * How often `/v1/sessions/:id/events` reads its session when no change was announced on
   * `deps.events` (the safety poll that catches up a lost announcement); 30000 when absent.
   */
  sessionEventsPollMs?: number;
  /** How often an open events stream checks its access token (expiry, logout, revocation); 1000 when absent. */
  sessionEventsTokenCheckMs?: number;
  /** Keep-alive comment interval of the events stream; 15000 when absent. */
  sessionEventsKeepAliveMs?: number;
  /** Aborted when the host shuts down: open event streams end so the server can close. */
  shutdown?: AbortSignal;
  /** `GET /v1/admin/backup` for `confide backup`; absent: no such route (the command opens the database itself). */
  backup?: BackupRouteOptions;
  /**
   * Live sessions at `/v1/live` (a WebSocket: serve with a WebSocket server, server.ts). Absent:
   * no live route.
   */
  live?: { deps: LiveDeps; limits: LiveLimits; holders: LiveHolders };
  /**
   * The built browser console served at `/` (every path outside the API); packages/http's own
   * console-assets folder, filled by `npm ci`, when absent.
   */
  consoleAssetsDirectory?: string;
  /**
   * Where resumable uploads (`/v1/uploads`, tus 1.0) are staged until their last byte; absent:
   * a folder of the system's temporary directory, kept 24 hours without progress.
   */
  uploadStaging?: UploadStaging;
  /** Server spans and request metrics; absent: none. */
  telemetry?: Telemetry | null;
}

/** The API serves data, never a page: nothing may load, run or frame what it returns. */
const apiContentSecurityPolicy = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

/** The Confide HTTP API as a Hono app (docs/architecture.md#host). Serve it with @hono/node-server. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const accessCheck = createAccessCheck({ users: options.deps.users, cacheMs: options.accessCheckCacheMs ?? 2000 });
  // Revocations made by this process's use cases reach its own cache at once.
  const deps: ConfideDeps = { ...options.deps, users: accessCheck.observe(options.deps.users) };
  if (options.jwtSecret.length < 16) {
    throw new ConfideError("validation.invalid_input", "The JWT secret must have at least 16 characters.", {
      details: { field: "jwtSecret" },
    });
  }
  const tokens = createAccessTokens({
    secret: options.jwtSecret,
    ttlSeconds: options.accessTokenTtlSeconds ?? 900,
    clock: deps.clock,
    actorOf: (claims) => accessCheck.actorOf(claims),
  });
  const audioLinks = createAudioLinks({
    secret: options.jwtSecret,
    ttlSeconds: options.audioLinkTtlSeconds ?? 600,
    clock: deps.clock,
    actorOf: (claims) => accessCheck.actorOf(claims),
  });
  const rateLimits = options.rateLimits ?? memoryRateLimitStore({ clock: deps.clock });
  const throttle = createLoginThrottle({ store: rateLimits, ...(options.loginThrottle ? { limits: options.loginThrottle } : {}) });
  // The upload routes' deps: the use cases' and where the upload quotas are counted.
  const uploadDeps: UploadGateDeps = { ...deps, rateLimits };

  const app = createRouter();
  app.onError(createErrorHandler({ logger: deps.logger }));
  // The console answers what no API route does (GETs of its files and its own routes).
  const consoleAssets = createConsoleAssets({ directory: options.consoleAssetsDirectory ?? defaultConsoleAssetsDirectory });
  const notFound = createNotFoundHandler({ allowedMethods: createAllowedMethods(app) });
  app.notFound(async (c) => (await consoleAssets.serve(c)) ?? notFound(c));

  const apiSecurityHeaders = secureHeaders({ contentSecurityPolicy: apiContentSecurityPolicy, xFrameOptions: "DENY" });
  const consoleSecurityHeaders = secureHeaders({ contentSecurityPolicy: consoleContentSecurityPolicy, xFrameOptions: "DENY" });
  if (options.telemetry) app.use("*", requestTelemetry(options.telemetry));
  app.use("*", requestContext({ logger: deps.logger }), accessLog(), (c, next) =>
    isApiPath(c.req.path) ? apiSecurityHeaders(c, next) : consoleSecurityHeaders(c, next),
  );
  app.use("/v1/*", noStore(), jsonBodyLimit({ maxBytes: defaultJsonBodyLimitBytes }), jsonBodyEncoding());

  const liveCapacity = options.live?.deps.liveCapacity;
  app.route("/", createHealthRoutes({ readiness: options.readiness, now: () => deps.clock.now().getTime(), ...(liveCapacity ? { liveCapacity: () => liveCapacity.status() } : {}) }));
  app.route("/v1/auth", createAuthRoutes({ deps, tokens, throttle, devices: createDeviceCookies(options.jwtSecret), trustedProxyHops: options.trustedProxyHops ?? 0 }));
  // Consent reads say what a live session needs where this app serves them.
  const consentDeps = options.live ? { ...deps, liveSpeech: options.live.deps.liveSpeech } : deps;
  app.route("/v1/me", createMeRoutes({ deps: consentDeps, tokens }));
  app.route("/v1/patients", createPatientRoutes({ deps: consentDeps, tokens }));
  // Before the admin routes, whose JWT check it does not use.
  if (options.backup) app.route("/v1/admin/backup", createBackupRoute(options.backup));
  app.route("/v1/admin", createAdminRoutes({ deps, tokens }));
  app.route(
    "/v1/sessions",
    createSessionRoutes({
      deps: uploadDeps,
      tokens,
      audioLinks,
      eventsPollMs: options.sessionEventsPollMs ?? 30_000,
      eventsTokenCheckMs: options.sessionEventsTokenCheckMs ?? 1000,
      eventsKeepAliveMs: options.sessionEventsKeepAliveMs ?? 15_000,
      ...(options.shutdown ? { shutdown: options.shutdown } : {}),
    }),
  );
  app.route(
    "/v1/uploads",
    createResumableUploadRoutes({
      deps: uploadDeps,
      tokens,
      staging:
        options.uploadStaging ??
        createUploadStaging({
          directory: join(tmpdir(), "confide-upload-staging"),
          clock: deps.clock,
          newId: () => deps.ids.newId(),
          expiresAfterMs: 24 * 3600 * 1000,
        }),
    }),
  );
  app.route("/v1/devices", createDeviceRoutes({ deps, tokens }));
  if (options.live) {
    const liveDeps: LiveDeps = { ...options.live.deps, users: deps.users };
    app.route("/v1/live", createLiveRoute({ deps: liveDeps, tokens, limits: options.live.limits, holders: options.live.holders }));
  }
  app.route("/v1/legal-holds", createLegalHoldRoutes({ deps, tokens }));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "Access token from POST /v1/auth/login or /v1/auth/refresh.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "audioLink", {
    type: "apiKey",
    in: "query",
    name: "access",
    description: "A signed link's token from POST /v1/sessions/{id}/audio:link: opens that session's recording only, until it expires.",
  });
  registerOpenApiDocument(app);
  return app;
}
