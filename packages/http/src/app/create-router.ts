import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env.ts";
import type { AccessTokens } from "./auth/access-token.ts";
import { bearerAuth } from "./middleware/bearer-auth.ts";
import { validationHook } from "./schemas/validation-hook.ts";

/** A sub-app whose routes validate with zod and feed the OpenAPI document. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** A sub-app every route of which needs `Authorization: Bearer <access token>` (`bearerAuth`). */
export function createBearerRouter(tokens: AccessTokens): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.use("*", bearerAuth({ tokens }));
  return router;
}
