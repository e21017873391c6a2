import { checkSessionAudioAccess, type ConfideDeps, readSessionAudio, type SessionAudio } from "@confide/core";
import { ConfideError } from "@confide/core/ports";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import type { AccessTokens } from "../auth/access-token.ts";
import type { AudioLinks } from "../auth/audio-link.ts";
import { createRouter } from "../create-router.ts";
import { bearerAuth } from "../middleware/bearer-auth.ts";
import { parseRange } from "../transfer/byte-range.ts";
import { currentActor } from "../auth/current-actor.ts";
import { problemResponses } from "../schemas/problem-schema.ts";
import { IdSchema } from "../schemas/id-schema.ts";

export interface SessionAudioOptions {
  deps: ConfideDeps;
  tokens: AccessTokens;
  audioLinks: AudioLinks;
}

const IdParamsSchema = z.object({ id: IdSchema });

const audioRoute = createRoute({
  method: "get",
  path: "/{id}/audio",
  operationId: "getSessionAudio",
  tags: ["sessions"],
  summary: "Stream the recording",
  description:
    "Honours a single `Range: bytes=…` (206 with Content-Range); a range starting past the end is 416 with `Content-Range: bytes */<size>`. Several ranges are answered with the whole recording (200). A recording the retention policy deleted is 410 `audio.deleted` (the session and its transcript remain; `audio.removed` says when and by which rule).",
  // Either scheme (typed wide: two literal shapes would narrow the handler's input to never).
  security: [{ bearer: [] }, { audioLink: [] }] as Array<Record<string, string[]>>,
  request: {
    params: IdParamsSchema,
    query: z.object({
      access: z
        .string()
        .max(2000)
        .optional()
        .openapi({ description: "A signed link's token (POST /v1/sessions/{id}/audio:link), instead of a bearer token." }),
    }),
    headers: z.object({ range: z.string().max(200).optional() }),
  },
  responses: {
    200: {
      description: "The whole recording.",
      content: { "audio/*": { schema: { type: "string", format: "binary" } } },
    },
    206: {
      description: "The requested byte range.",
      headers: { "Content-Range": { schema: { type: "string" } } },
      content: { "audio/*": { schema: { type: "string", format: "binary" } } },
    },
    ...problemResponses(400, 401, 403, 404, 410, 416, 502, 503),
  },
});

const audioLinkRoute = createRoute({
  method: "post",
  path: "/{id}/audio:link",
  operationId: "createSessionAudioLink",
  tags: ["sessions"],
  summary: "A short-lived signed link to the recording, for an <audio> element",
  description:
    "A browser's media element cannot send a bearer token. The link opens `GET /v1/sessions/{id}/audio` (with Range) for this session and this account only, until `expiresAt`; signing out revokes it. Ask for a new one when it has expired (the audio route answers 401).",
  security: [{ bearer: [] }],
  request: { params: IdParamsSchema },
  responses: {
    200: {
      description: "The link.",
      content: {
        "application/json": {
          schema: z
            .object({
              url: z.string().openapi({ description: "Path and query of the recording, relative to the API's origin." }),
              expiresAt: z.iso.datetime(),
            })
            .openapi("SessionAudioLink"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 503),
  },
});

/**
 * The audio route's sign-in: a signed link's `access` query parameter when there is one (never
 * together with a bearer token), else the bearer token.
 */
function audioAuth(options: { tokens: AccessTokens; audioLinks: AudioLinks }): MiddlewareHandler<AppEnv> {
  const bearer = bearerAuth({ tokens: options.tokens });
  return async (c, next) => {
    const access = c.req.query("access");
    if (access === undefined) return bearer(c, next);
    if (c.req.header("authorization") !== undefined) {
      throw new ConfideError("validation.invalid_input", "Send either a bearer token or an audio link, not both.", {
        details: { field: "access" },
      });
    }
    c.set("actor", await options.audioLinks.authenticate(access, c.req.param("id") ?? ""));
    await next();
  };
}

/**
 * `GET /v1/sessions/:id/audio`: the recording, whole or one byte range, with a bearer token or
 * a signed link; `POST /v1/sessions/:id/audio:link` makes the link. Mounted before the sessions
 * router's bearer middleware: these routes do their own sign-in.
 */
export function createSessionAudioRoutes(options: SessionAudioOptions): OpenAPIHono<AppEnv> {
  const router = createRouter();
  const { deps } = options;

  router.use("/:id/audio", audioAuth(options));
  router.use("/:id/audio:link", bearerAuth({ tokens: options.tokens }));

  router.openapi(audioLinkRoute, async (c) => {
    const access = await checkSessionAudioAccess(deps, currentActor(c), { sessionId: c.req.valid("param").id });
    const authentication = c.get("authentication");
    if (!authentication) throw new ConfideError("auth.unauthenticated", "Sign in: this needs a bearer access token.");
    const link = await options.audioLinks.issue({ ...authentication.claims, sessionId: access.sessionId });
    const url = `/v1/sessions/${encodeURIComponent(access.sessionId)}/audio?access=${encodeURIComponent(link.token)}`;
    return c.json({ url, expiresAt: link.expiresAt.toISOString() }, 200);
  });

  router.openapi(audioRoute, async (c) => {
    const actor = currentActor(c);
    const { id: sessionId } = c.req.valid("param");
    const signal = c.req.raw.signal;
    const range = parseRange(c.req.header("range"));
    const audio: SessionAudio = await readSessionAudio(deps, actor, {
      sessionId,
      ...(range.kind === "from"
        ? { range: range.end === undefined ? { start: range.start } : { start: range.start, end: range.end } }
        : range.kind === "suffix"
          ? { range: { suffixLength: range.length } }
          : {}),
      signal,
    });

    const headers = new Headers({
      "Content-Type": audio.contentType,
      "Accept-Ranges": "bytes",
      "Content-Disposition": "inline",
    });
    let status = 200;
    if (audio.range) {
      status = 206;
      headers.set("Content-Range", `bytes ${audio.range.start}-${audio.range.end}/${audio.sizeBytes}`);
      headers.set("Content-Length", String(audio.range.end - audio.range.start + 1));
    } else {
      headers.set("Content-Length", String(audio.sizeBytes));
    }
    if (c.req.method === "HEAD") {
      // Hono answers HEAD with the GET handler's headers: release the opened recording.
      await audio.body.cancel();
      return new Response(null, { status, headers });
    }
    return new Response(audio.body, { status, headers });
  });
  return router;
}
