import { readSessionAudio, type ConfideDeps, type SessionAudio } from "@confide/core";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import { createRouter } from "../create-router.ts";
import { parseRange } from "../transfer/byte-range.ts";
import { currentActor } from "../auth/current-actor.ts";
import { problemResponses } from "../schemas/problem-schema.ts";

export interface SessionAudioOptions {
  deps: ConfideDeps;
}

const audioRoute = createRoute({
  method: "get",
  path: "/{id}/audio",
  operationId: "getSessionAudio",
  tags: ["sessions"],
  summary: "Stream the recording",
  description:
    "Honours a single `Range: bytes=…` (206 with Content-Range); a range starting past the end is 416 with `Content-Range: bytes */<size>`. Several ranges are answered with the whole recording (200). A recording the retention policy deleted is 410 `audio.deleted` (the session and its transcript remain; `audio.removed` says when and by which rule).",
  security: [{ bearer: [] }],
  request: {
    params: z.object({ id: z.string().min(1).max(200) }),
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

/** `GET /v1/sessions/:id/audio`: the recording, whole or one byte range. */
export function createSessionAudioRoutes(options: SessionAudioOptions): OpenAPIHono<AppEnv> {
  const router = createRouter();
  const { deps } = options;

  router.openapi(audioRoute, async (c) => {
    const actor = currentActor(c);
    const sessionId = c.req.valid("param").id;
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
