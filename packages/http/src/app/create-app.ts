import { ConfideError, type ConfideDeps } from "@confide/core";
import type { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { createAccessTokens } from "./access-token.ts";
import { accessLog } from "./access-log.ts";
import { createAllowedMethods } from "./allowed-methods.ts";
import type { AppEnv } from "./app-env.ts";
import { createRouter } from "./create-router.ts";
import { createErrorHandler, createNotFoundHandler } from "./error-handler.ts";
import { defaultJsonBodyLimitBytes, jsonBodyLimit } from "./json-body-limit.ts";
import { createLoginThrottle, defaultLoginThrottle } from "./login-throttle.ts";
import { noStore } from "./no-store.ts";
import { registerOpenApiDocument } from "./openapi-document.ts";
import { requestContext } from "./request-context.ts";
import { createAdminRoutes } from "./routes/admin-routes.ts";
import { createAuthRoutes } from "./routes/auth-routes.ts";
import { createDeviceRoutes } from "./routes/device-routes.ts";
import { createHealthRoutes, type ReadinessEntry } from "./routes/health-routes.ts";
import { createMeRoutes } from "./routes/me-routes.ts";
import { createPatientRoutes } from "./routes/patient-routes.ts";
import { createSessionRoutes } from "./routes/session-routes.ts";

export interface AppOptions {
  /** Every port, settings, clock, ids and logger (from @confide/core). */
  deps: ConfideDeps;
  /** HS256 key of the access tokens. */
  jwtSecret: string;
  /** Lifetime of an access token; 900 (15 minutes) when absent. */
  accessTokenTtlSeconds?: number;
  /** Largest accepted recording. */
  maxUploadBytes: number;
  /** One entry per configured dependency; `/readyz` is 503 when any is not ok. */
  readiness: () => Promise<ReadinessEntry[]>;
  /** Failed logins allowed per account and per client address in a sliding window. */
  loginThrottle?: { perAccount: number; perAddress: number; windowMs: number };
  /** Trust `X-Forwarded-For` for the client address (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** How often `/v1/sessions/:id/events` reads the session; 1000 when absent. */
  sessionEventsPollMs?: number;
  /** Keep-alive comment interval of the events stream; 15000 when absent. */
  sessionEventsKeepAliveMs?: number;
  /** Aborted when the host shuts down: open event streams end so the server can close. */
  shutdown?: AbortSignal;
}

/** The API serves data, never a page: nothing may load, run or frame what it returns. */
const apiContentSecurityPolicy = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

/** The Confide HTTP API as a Hono app (DESIGN §7). Serve it with @hono/node-server. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { deps } = options;
  if (options.jwtSecret.length < 16) {
    throw new ConfideError("validation.invalid_input", "The JWT secret must have at least 16 characters.", {
      details: { field: "jwtSecret" },
    });
  }
  const tokens = createAccessTokens({
    secret: options.jwtSecret,
    ttlSeconds: options.accessTokenTtlSeconds ?? 900,
    clock: deps.clock,
  });
  const throttle = createLoginThrottle({ ...defaultLoginThrottle, ...options.loginThrottle, clock: deps.clock });

  const app = createRouter();
  app.onError(createErrorHandler({ logger: deps.logger }));
  app.notFound(createNotFoundHandler({ allowedMethods: createAllowedMethods(app) }));

  app.use("*", requestContext({ logger: deps.logger }), accessLog(), secureHeaders({ contentSecurityPolicy: apiContentSecurityPolicy, xFrameOptions: "DENY" }));
  app.use("/v1/*", noStore(), jsonBodyLimit({ maxBytes: defaultJsonBodyLimitBytes }));

  app.route("/", createHealthRoutes({ readiness: options.readiness }));
  app.route("/v1/auth", createAuthRoutes({ deps, tokens, throttle, trustProxy: options.trustProxy ?? false }));
  app.route("/v1/me", createMeRoutes({ deps, tokens }));
  app.route("/v1/patients", createPatientRoutes({ deps, tokens }));
  app.route("/v1/admin", createAdminRoutes({ deps, tokens }));
  app.route(
    "/v1/sessions",
    createSessionRoutes({
      deps,
      tokens,
      maxUploadBytes: options.maxUploadBytes,
      eventsPollMs: options.sessionEventsPollMs ?? 1000,
      eventsKeepAliveMs: options.sessionEventsKeepAliveMs ?? 15_000,
      ...(options.shutdown ? { shutdown: options.shutdown } : {}),
    }),
  );
  app.route("/v1/devices", createDeviceRoutes({ deps, tokens }));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "Access token from POST /v1/auth/login or /v1/auth/refresh.",
  });
  registerOpenApiDocument(app);
  return app;
}
