import { admitUpload, noteFormats, type UploadAdmission, type UploadGateDeps, uploadSession } from "@confide/core";
import { ConfideError } from "@confide/core/ports";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../app-env.ts";
import { createRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { openMultipartUpload, type MultipartUpload } from "../transfer/multipart-upload.ts";
import { nodeRequestOf } from "../transfer/node-request.ts";
import { drainLimitBytes, drainRequestBody } from "../transfer/request-body-drain.ts";
import { versionedJson } from "../transfer/versioned-json.ts";
import { problemResponses } from "../schemas/problem-schema.ts";
import { SessionSchema } from "../schemas/session-schema.ts";
import { checkUploadFields, uploadInputOf, UploadFieldsSchema, type UploadFields } from "../schemas/upload-fields-schema.ts";

export interface SessionUploadOptions {
  /** The use cases' deps, with where the upload quotas are counted (`admitUpload`). */
  deps: UploadGateDeps;
}

/** Room for the boundaries, part headers and text fields around the recording. */
export const multipartOverheadBytes = 1024 * 1024;

const multipartType = /^multipart\/form-data\s*;/i;

/** Why a body whose fields are missing before, or sent after, the audio part is refused. */
const fieldsFirstMessage = "Send patientId (and any title, recordedAt, settings, noteFormat) before the audio part.";

const uploadDescription = `Uploads the recording of a session as multipart/form-data, streamed to storage as it arrives.

**Order matters:** send the text fields (\`patientId\`, then optionally \`title\`, \`titleShared\`, \`recordedAt\`, \`settings\`, \`noteFormat\`) *before* the \`audio\` file part. The upload starts when the \`audio\` part begins: a missing \`patientId\` at that point is a 400, and so is any of these fields sent after the \`audio\` part (nothing is stored).

The format is recognised from the bytes (WAV, MP3, OGG, FLAC, MP4/M4A, WebM), not from the file name or declared type: anything else is 415 \`upload.not_audio\`. A WAV header claiming more than 8 channels is a 400; a WAV's stored duration is the smaller of its header's claim and what its bytes allow. A recording over the size limit is 413 \`upload.too_large\` (early, from Content-Length, when it is known). When the client disconnects mid-upload nothing is stored.

**Quotas** per therapist (configurable): uploads started per hour, bytes per day (refused early from Content-Length when it is known) and sessions in processing at once. Over one, the answer is 429 \`upload.quota_exceeded\` with Retry-After and \`details.quota\`, and nothing is stored.`;

const uploadRoute = createRoute({
  method: "post",
  path: "/",
  operationId: "uploadSession",
  tags: ["sessions"],
  summary: "Upload a session recording",
  description: uploadDescription,
  security: [{ bearer: [] }],
  request: {
    body: {
      required: true,
      content: {
        // Documented by hand and not validated by the route: the body is streamed, never parsed whole.
        "multipart/form-data": {
          schema: {
            type: "object",
            required: ["patientId", "audio"],
            properties: {
              patientId: { type: "string", description: "The patient (linked to the caller). Before `audio`." },
              title: { type: "string", maxLength: 200, description: "Before `audio`." },
              titleShared: {
                type: "string",
                enum: ["true", "false"],
                description: "`true` shows the title to the patient; `false` or absent gives them a neutral one (\"Session of <date>\"). Before `audio`.",
              },
              recordedAt: { type: "string", format: "date-time", description: "When the session took place. Before `audio`." },
              settings: {
                type: "string",
                contentMediaType: "application/json",
                description: "Transcription settings as a JSON object (any subset of TranscriptionSettings). Before `audio`.",
              },
              noteFormat: {
                type: "string",
                enum: [...noteFormats],
                description: "The progress-note format of the session's notes (`soap`, `dap`, `birp`, `confide`); the therapist's default when absent. Before `audio`.",
              },
              audio: { type: "string", format: "binary", contentMediaType: "application/octet-stream", description: "The recording. Last." },
            },
          },
          encoding: { audio: { contentType: "audio/*, video/mp4, application/octet-stream" } },
        },
      },
    },
  },
  responses: {
    201: {
      description: "Stored and queued for processing. `Location` names the session; `ETag` is its version.",
      headers: {
        Location: { schema: { type: "string" } },
        ETag: { schema: { type: "string" } },
      },
      content: { "application/json": { schema: SessionSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 413, 415, 429, 502, 503),
  },
});

/** `POST /v1/sessions`: the streamed multipart upload. */
export function createSessionUploadRoutes(options: SessionUploadOptions): OpenAPIHono<AppEnv> {
  const router = createRouter();
  const { deps } = options;

  router.openapi(uploadRoute, async (c) => {
    const actor = currentActor(c);
    const contentType = c.req.header("content-type") ?? "";
    // The Node request when there is one: reading it directly saves a copy of every chunk.
    // Only one of the two is ever touched: merely getting c.req.raw.body starts reading the request.
    const body = nodeRequestOf(c.env) ?? c.req.raw.body;
    const signal = c.req.raw.signal;
    if (!multipartType.test(contentType)) {
      await drainRequestBody(body);
      throw new HTTPException(415, { message: "Send the recording as multipart/form-data." });
    }
    const declaredLength = Number(c.req.header("content-length") ?? Number.NaN);
    if (!body) throw new ConfideError("upload.empty", "The request has no body.");
    // Every limit and quota that can refuse the upload before its body is read (core's gate);
    // refused, what is left of the body is read, so the client can read the answer.
    let admission: UploadAdmission;
    try {
      admission = await admitUpload(deps, actor, {
        ...(Number.isNaN(declaredLength) ? {} : { declaredBytes: declaredLength }),
        envelopeBytes: multipartOverheadBytes,
      });
    } catch (error) {
      if (declaredLength <= drainLimitBytes) await drainRequestBody(body);
      throw error;
    }

    let upload: MultipartUpload;
    try {
      upload = await openMultipartUpload({
        body,
        contentType,
        fileField: "audio",
        fieldsBeforeFile: { names: Object.keys(UploadFieldsSchema.shape), message: fieldsFirstMessage },
        signal,
      });
    } catch (error) {
      // Refused before the audio part (a bad boundary, too many or too long fields): the quota
      // is given back, and what is left is read, as for any refused upload, so the client can
      // read the answer.
      await admission.abandoned();
      if (!signal.aborted) await drainRequestBody(body);
      throw error;
    }
    try {
      let fields: UploadFields;
      try {
        fields = checkUploadFields(upload.fields, upload.file.filename, { in: "form", message: fieldsFirstMessage });
      } catch (error) {
        // Refused before the recording is read: release it unread, and the admission.
        await upload.file.stream.cancel();
        await admission.abandoned();
        throw error;
      }
      const session = await uploadSession(deps, actor, {
        ...uploadInputOf(fields, upload.file.filename),
        audio: upload.file.stream,
        ...(upload.file.mimeType ? { declaredContentType: upload.file.mimeType } : {}),
        signal,
        admission,
      });
      c.header("Location", `/v1/sessions/${encodeURIComponent(session.id)}`);
      return versionedJson(c, session, 201);
    } catch (error) {
      // uploadSession has settled the admission (abandoned) by now.
      upload.stop();
      if (!signal.aborted) await drainRequestBody(body);
      throw error;
    } finally {
      upload.stop();
    }
  });
  return router;
}
