import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import { problemContentType } from "../errors/problem-response.ts";
import { liveProtocolDescription } from "../live/live-protocol.ts";
import { problemResponses } from "./problem-schema.ts";

const info = {
  title: "Confide API",
  version: "1.0.0",
  description:
    "Therapy-session intelligence: upload recordings, review transcripts with speakers and sentiment, finalise. Errors are RFC 9457 problem+json with a stable `code`. A method a path does not take is 405 `request.method_not_allowed` with `Allow`.\n\n" +
    liveProtocolDescription,
  license: { name: "Apache-2.0", identifier: "Apache-2.0" },
};

/** Relative: the document describes the server that serves it, wherever it is deployed. */
const servers = [{ url: "/", description: "The server that serves this document." }];

type OpenApiDocument = ReturnType<OpenAPIHono<AppEnv>["getOpenAPI31Document"]>;

const { description, headers } = problemResponses(405)[405];

/**
 * Every path answers 405 for the methods it does not take (see `allowed-methods.ts`), and any
 * operation may answer 500 `internal` (a bug, never an expected failure, still problem+json):
 * both responses are added to every operation here, in one place, rather than to each route.
 */
function withHostResponses(document: OpenApiDocument): OpenApiDocument {
  document.components ??= {};
  document.components.responses = {
    ...document.components.responses,
    MethodNotAllowed: {
      description,
      ...(headers ? { headers } : {}),
      content: { [problemContentType]: { schema: { $ref: "#/components/schemas/Problem" } } },
    },
    InternalError: {
      description: "An unexpected failure (`internal`): a bug, logged with the request id; the body never carries its message.",
      content: { [problemContentType]: { schema: { $ref: "#/components/schemas/Problem" } } },
    },
  };
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const method of ["get", "put", "post", "delete", "patch", "options"] as const) {
      const operation = pathItem[method];
      if (operation) {
        operation.responses = {
          ...operation.responses,
          405: { $ref: "#/components/responses/MethodNotAllowed" },
          500: { $ref: "#/components/responses/InternalError" },
        };
      }
    }
  }
  return document;
}

const documentRoute = createRoute({
  method: "get",
  path: "/openapi.json",
  operationId: "getOpenApiDocument",
  tags: ["meta"],
  summary: "This API's OpenAPI 3.1 document",
  security: [],
  responses: {
    200: {
      description: "The OpenAPI document.",
      content: { "application/json": { schema: z.object({ openapi: z.string() }).catchall(z.unknown()) } },
    },
  },
});

/** `GET /openapi.json`, generated from the routes registered on `app` by then. */
export function registerOpenApiDocument(app: OpenAPIHono<AppEnv>): void {
  let document: OpenApiDocument | undefined;
  app.openapi(documentRoute, (c) => {
    document ??= withHostResponses(app.getOpenAPI31Document({ openapi: "3.1.0", info, servers }));
    return c.json(document, 200);
  });
}
