import { changePassword, type ConfideDeps, login, type LoginResult, logout, refreshToken } from "@confide/core";
import { normalizeEmail } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AccessTokens } from "../auth/access-token.ts";
import type { AppEnv } from "../app-env.ts";
import { assertSameOriginRequest, csrfHeaderName } from "../auth/csrf-check.ts";
import { clearRefreshCookie, readRefreshCookie, refreshCookieName, refreshCookiePath, setRefreshCookie } from "../auth/refresh-cookie.ts";
import { bearerAuth } from "../middleware/bearer-auth.ts";
import { clientAddress } from "../limits/client-address.ts";
import { createRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import type { LoginThrottle } from "../limits/login-throttle.ts";
import type { DeviceCookies } from "../auth/device-cookie.ts";
import { jsonBodyStatuses, problemResponses } from "../schemas/problem-schema.ts";
import { UserSchema } from "../schemas/user-schema.ts";

export interface AuthRoutesOptions {
  deps: ConfideDeps;
  tokens: AccessTokens;
  throttle: LoginThrottle;
  /** The device cookies a sign-in reads and sets (login-throttle.ts: a known browser's own limit). */
  devices: DeviceCookies;
  /** Proxies trusted in `X-Forwarded-For` (see clientAddress). */
  trustedProxyHops: number;
}

const TokenPairSchema = z
  .object({
    accessToken: z.string().openapi({ description: "JWT (HS256) for `Authorization: Bearer`." }),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().openapi({ description: "Seconds until the access token expires." }),
    refreshToken: z
      .string()
      .optional()
      .openapi({
        description: `Single-use secret for /v1/auth/refresh; rotates on every use. Absent in cookie mode: it is in the \`${refreshCookieName}\` cookie instead.`,
      }),
    refreshExpiresAt: z.iso.datetime(),
    user: UserSchema,
  })
  .openapi("TokenPair");

const RefreshBodySchema = z.object({
  refreshToken: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .openapi({ description: `The refresh token; leave it out to use the \`${refreshCookieName}\` cookie (then the \`${csrfHeaderName}\` header is required).` }),
});

const cookieModeDescription = `**Cookie mode** (browsers): the refresh token is set in an \`HttpOnly; Secure; SameSite=Strict\` cookie \`${refreshCookieName}\` with \`Path=${refreshCookiePath}\` and left out of the body, so page scripts never see it. A request that uses the cookie must carry the \`${csrfHeaderName}: 1\` header and come from this origin (\`Sec-Fetch-Site\`, \`Origin\`); otherwise it is 403 \`auth.csrf_rejected\`.`;

const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

const loginRoute = createRoute({
  method: "post",
  path: "/login",
  operationId: "login",
  tags: ["auth"],
  security: [],
  summary: "Sign in with email and password",
  description: `Failed attempts are counted per account and client address, per address and per account. Over a limit the answer is 429 \`auth.throttled\` with Retry-After: a pair (account, address) that failed 5 times waits for the window (15 minutes) to end; an account that failed 20 times from any address is locked for 15 minutes; an address that failed 50 times is slowed down: an account that has failed in the window waits, a wrong or unknown one is answered 429 instead of 401, and a correct password for an account that has not failed still signs in. A successful cookie-mode sign-in (a browser) also sets the \`confide_device\` cookie (HttpOnly, path /v1/auth): a later sign-in of the same account from that browser is limited by that device's own failures instead, so a burst of failures from a shared address does not keep it out.

With \`refreshTokenIn: "cookie"\`, the refresh token is set as a cookie rather than returned. ${cookieModeDescription}`,
  request: {
    body: json(
      z.object({
        email: z.string().min(1).max(320),
        password: z.string().min(1).max(1024),
        refreshTokenIn: z
          .enum(["body", "cookie"])
          .optional()
          .openapi({ description: "Where the refresh token goes: in the answer (`body`, the default) or in an HttpOnly cookie (`cookie`, for browsers)." }),
      }),
    ),
  },
  responses: {
    200: { description: "Signed in.", content: { "application/json": { schema: TokenPairSchema } } },
    ...problemResponses(...jsonBodyStatuses, 401, 403, 429, 503),
  },
});

const refreshRoute = createRoute({
  method: "post",
  path: "/refresh",
  operationId: "refreshToken",
  tags: ["auth"],
  security: [],
  summary: "Trade a refresh token for a new token pair",
  description: `Refresh tokens rotate: each can be used once. Presenting a used token again revokes the whole sign-in (401 \`auth.refresh_reused\`).

Without \`refreshToken\` in the body the cookie is used, rotated the same way, and cleared when refused. ${cookieModeDescription}`,
  request: { body: json(RefreshBodySchema) },
  responses: {
    200: { description: "A new token pair.", content: { "application/json": { schema: TokenPairSchema } } },
    ...problemResponses(...jsonBodyStatuses, 401, 403, 503),
  },
});

export function createAuthRoutes(options: AuthRoutesOptions) {
  const { deps, tokens, throttle } = options;
  const auth = bearerAuth({ tokens });

  /** The answer to a sign-in or refresh; in cookie mode (`cookieOf`) the refresh token goes to the cookie instead. */
  const tokenPair = async (result: LoginResult, cookieOf?: Context<AppEnv>) => {
    const access = await tokens.issue({ id: result.user.id, role: result.user.role, tokenGeneration: result.tokenGeneration });
    if (cookieOf) setRefreshCookie(cookieOf, result.refreshToken, new Date(result.refreshExpiresAt), deps.clock.now());
    return {
      accessToken: access.accessToken,
      tokenType: "Bearer" as const,
      expiresIn: access.expiresIn,
      ...(cookieOf ? {} : { refreshToken: result.refreshToken }),
      refreshExpiresAt: result.refreshExpiresAt,
      user: result.user,
    };
  };

  const router = createRouter();

  router.openapi(loginRoute, async (c) => {
    const input = c.req.valid("json");
    const cookieMode = input.refreshTokenIn === "cookie";
    if (cookieMode) assertSameOriginRequest(c);
    const account = normalizeEmail(input.email);
    const address = clientAddress(c, { trustedProxyHops: options.trustedProxyHops });
    // Reserved before the password hash: parallel attempts cannot all pass. A browser that
    // signed in to this account before is limited by its own failures, not its address's.
    const attempt = await throttle.reserve(account, address, options.devices.read(c, account));
    let result: LoginResult;
    try {
      result = await login(deps, { email: input.email, password: input.password });
    } catch (error) {
      if (!ConfideError.is(error, "auth.invalid_credentials")) {
        await attempt.abandoned();
        throw error;
      }
      // From an address that is being slowed down, a failure is answered "wait", not "wrong".
      throw (await attempt.failed()) ?? error;
    }
    await attempt.succeeded();
    // Browsers (cookie mode) get the device cookie; an API client in body mode gets no cookie.
    if (cookieMode) options.devices.issue(c, account);
    return c.json(await tokenPair(result, cookieMode ? c : undefined), 200);
  });

  router.openapi(refreshRoute, async (c) => {
    const fromBody = c.req.valid("json").refreshToken;
    if (fromBody !== undefined) return c.json(await tokenPair(await refreshToken(deps, { refreshToken: fromBody })), 200);
    assertSameOriginRequest(c);
    const fromCookie = readRefreshCookie(c);
    if (fromCookie === undefined) {
      throw new ConfideError("auth.refresh_invalid", "No refresh token: send it in the body, or sign in with refreshTokenIn \"cookie\" first.");
    }
    let result: LoginResult;
    try {
      result = await refreshToken(deps, { refreshToken: fromCookie });
    } catch (error) {
      // A refused token is of no further use: the browser forgets it (the problem answer keeps the header).
      if (ConfideError.is(error, "auth.refresh_invalid") || ConfideError.is(error, "auth.refresh_reused")) clearRefreshCookie(c);
      throw error;
    }
    return c.json(await tokenPair(result, c), 200);
  });

  router.openapi(
    createRoute({
      method: "post",
      path: "/logout",
      operationId: "logout",
      tags: ["auth"],
      summary: "End a sign-in",
      description: `Revokes the refresh token's whole family, and every access token of the caller within seconds on every API process (other devices trade their refresh token for a new access token). An unknown refresh token revokes no refresh token.

Without \`refreshToken\` in the body the \`${refreshCookieName}\` cookie is used and cleared (the \`${csrfHeaderName}\` header is then required: 403 \`auth.csrf_rejected\` otherwise).`,
      security: [{ bearer: [] }],
      middleware: [auth] as const,
      request: { body: json(RefreshBodySchema) },
      responses: { 204: { description: "Signed out." }, ...problemResponses(...jsonBodyStatuses, 401, 403, 503) },
    }),
    async (c) => {
      const fromBody = c.req.valid("json").refreshToken;
      if (fromBody !== undefined) {
        await logout(deps, currentActor(c), { refreshToken: fromBody });
        return c.body(null, 204);
      }
      assertSameOriginRequest(c);
      // No cookie either: the caller's access tokens are still revoked.
      await logout(deps, currentActor(c), { refreshToken: readRefreshCookie(c) ?? "" });
      clearRefreshCookie(c);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/password",
      operationId: "changePassword",
      tags: ["auth"],
      summary: "Change the caller's password",
      description:
        "Every refresh and access token of the account is revoked: every device, this one included, must sign in again. The new password must be at least 12 characters, not contain the email or name, and not be easy to guess (400 `auth.weak_password` says why).",
      security: [{ bearer: [] }],
      middleware: [auth] as const,
      request: {
        body: json(z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) })),
      },
      responses: { 204: { description: "Changed." }, ...problemResponses(...jsonBodyStatuses, 401, 503) },
    }),
    async (c) => {
      await changePassword(deps, currentActor(c), c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  return router;
}
