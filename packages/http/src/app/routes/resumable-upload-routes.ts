import { admitUpload, type UploadGateDeps, uploadSession } from "@confide/core";
import { ConfideError } from "@confide/core/ports";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AccessTokens } from "../auth/access-token.ts";
import type { AppEnv } from "../app-env.ts";
import { currentActor } from "../auth/current-actor.ts";
import { createRouter } from "../create-router.ts";
import { errorStatus } from "../errors/error-status.ts";
import { problemResponse } from "../errors/problem-response.ts";
import { bearerAuth } from "../middleware/bearer-auth.ts";
import { IdSchema } from "../schemas/id-schema.ts";
import { problemResponses } from "../schemas/problem-schema.ts";
import { checkUploadFields, uploadInputOf, type UploadFields } from "../schemas/upload-fields-schema.ts";
import { nodeRequestOf } from "../transfer/node-request.ts";
import { drainLimitBytes, drainRequestBody } from "../transfer/request-body-drain.ts";
import { maxRequestHeaderBytes, maxUploadMetadataBytes } from "../limits/request-header-limit.ts";
import { parseUploadMetadata } from "../uploads/upload-metadata.ts";
import { UploadRefusal } from "../uploads/upload-refusal.ts";
import type { ChunkChecksum, StagedUpload, UploadStaging } from "../uploads/upload-staging.ts";

export interface ResumableUploadOptions {
  /** The use cases' deps, with where the upload quotas are counted (`admitUpload`). */
  deps: UploadGateDeps;
  tokens: AccessTokens;
  staging: UploadStaging;
}

const tusVersion = "1.0.0";
const tusExtensions = "creation,termination,expiration,checksum";
const offsetOctetStream = /^application\/offset\+octet-stream\s*(?:;|$)/i;
const digits = /^\d{1,16}$/;

const UploadParamsSchema = z.object({ id: IdSchema });

const TusResumableHeader = z.string().openapi({ description: "The tus protocol version: `1.0.0`.", example: tusVersion });

const tusHeaders = {
  "Tus-Resumable": { description: "The protocol version, `1.0.0`.", schema: { type: "string" as const } },
};
const progressHeaders = {
  ...tusHeaders,
  "Upload-Offset": { description: "Bytes received so far.", schema: { type: "integer" as const } },
  "Upload-Expires": { description: "When an upload without progress is removed (HTTP date).", schema: { type: "string" as const } },
};

const StagedUploadSchema = z
  .object({
    id: z.string(),
    offsetBytes: z.number().int(),
    lengthBytes: z.number().int(),
    expiresAt: z.string().datetime(),
    sessionId: z.string().nullable().openapi({ description: "The session stored from it, once the last byte arrived." }),
  })
  .openapi("ResumableUpload");

const optionsRoute = createRoute({
  method: "options",
  path: "/",
  operationId: "describeResumableUploads",
  tags: ["uploads"],
  security: [],
  summary: "What this tus server supports",
  description: "The tus 1.0 discovery answer: version, extensions, largest upload, checksum algorithms. No sign-in needed.",
  responses: {
    204: {
      description: "Tus-Version, Tus-Extension, Tus-Max-Size and Tus-Checksum-Algorithm.",
      headers: {
        "Tus-Version": { schema: { type: "string" } },
        "Tus-Extension": { schema: { type: "string" } },
        "Tus-Max-Size": { schema: { type: "integer" } },
        "Tus-Checksum-Algorithm": { schema: { type: "string" } },
      },
    },
  },
});

const createUploadRoute = createRoute({
  method: "post",
  path: "/",
  operationId: "createResumableUpload",
  tags: ["uploads"],
  summary: "Start a resumable upload (tus creation)",
  description: `Starts a tus 1.0 upload of a session recording; send its bytes with PATCH.

\`Upload-Metadata\` carries the same fields as the multipart upload, base64-encoded: \`patientId\` (required), \`title\`, \`titleShared\` (\`true\` or \`false\`), \`recordedAt\`, \`settings\` (a JSON object of TranscriptionSettings), \`noteFormat\` (\`soap\`, \`dap\`, \`birp\` or \`confide\`; the therapist's default when absent), \`filename\`. Unknown keys are ignored.

Everything that can refuse the upload is checked **here, before any byte is sent**: the patient and their consent (403 \`consent.missing\`), the size limit (413 \`upload.too_large\`), the quotas (429 \`upload.quota_exceeded\`: uploads per hour, bytes per day from Upload-Length, sessions in processing). An upload with no progress for the expiry (\`Upload-Expires\`) is removed.`,
  security: [{ bearer: [] }],
  request: {
    headers: z.object({
      "tus-resumable": TusResumableHeader,
      "upload-length": z.string().regex(digits).openapi({ description: "The recording's size in bytes." }),
      "upload-metadata": z
        .string()
        .max(maxUploadMetadataBytes)
        .optional()
        .openapi({ description: `Comma-separated \`key base64(value)\` pairs; at most ${maxUploadMetadataBytes} bytes (all of a request's headers together: at most ${maxRequestHeaderBytes} bytes, else 431 \`request.header_too_large\`).` }),
    }),
  },
  responses: {
    201: {
      description: "Created. `Location` is the upload's URL, for PATCH, HEAD and DELETE.",
      headers: { ...tusHeaders, Location: { schema: { type: "string" } }, "Upload-Expires": progressHeaders["Upload-Expires"] },
    },
    ...problemResponses(400, 401, 403, 404, 412, 413, 429, 503),
  },
});

const statusRoute = createRoute({
  method: "get",
  path: "/{id}",
  operationId: "getResumableUpload",
  tags: ["uploads"],
  summary: "Where a resumable upload stands (tus HEAD)",
  description:
    "HEAD (with `Tus-Resumable`) answers the tus way: `Upload-Offset` says where to resume, `Upload-Length` and `Upload-Metadata` what was declared, and `Confide-Session-Id` the session once it is stored. GET answers the same as JSON.",
  security: [{ bearer: [] }],
  request: { params: UploadParamsSchema },
  responses: {
    200: {
      description: "The upload.",
      headers: {
        ...progressHeaders,
        "Upload-Length": { schema: { type: "integer" } },
        "Confide-Session-Id": { description: "The session stored from the upload, once complete.", schema: { type: "string" } },
      },
      content: { "application/json": { schema: StagedUploadSchema } },
    },
    ...problemResponses(400, 401, 404, 410, 412, 503),
  },
});

const appendRoute = createRoute({
  method: "patch",
  path: "/{id}",
  operationId: "appendResumableUpload",
  tags: ["uploads"],
  summary: "Send bytes of a resumable upload (tus PATCH)",
  description: `Appends the body at \`Upload-Offset\`, which must be where the upload stands (else 409 \`upload.offset_mismatch\`; HEAD says where). The body is \`application/offset+octet-stream\` (else 415), streamed to disk. A connection that drops keeps the bytes that arrived: ask HEAD and resume. One request at a time per upload: another one meanwhile is 409 \`upload.locked\`.

\`Upload-Checksum: sha256 <base64 digest>\` (tus checksum extension) checks this body: a mismatch is 460 \`upload.checksum_mismatch\` and its bytes are dropped.

When the last byte arrives the recording is stored as by the multipart upload (format from the bytes, size limit, consent checked again): the answer carries \`Confide-Session-Id\`. Refused then (e.g. 403 \`consent.missing\` when consent was withdrawn meanwhile, 415 \`upload.not_audio\`), the upload and its bytes are removed.`,
  security: [{ bearer: [] }],
  request: {
    params: UploadParamsSchema,
    headers: z.object({
      "tus-resumable": TusResumableHeader,
      "upload-offset": z.string().regex(digits).openapi({ description: "Where this body starts." }),
      "upload-checksum": z.string().max(200).optional().openapi({ description: "`sha256 <base64 digest>` of this body." }),
    }),
    body: {
      required: true,
      content: { "application/offset+octet-stream": { schema: { type: "string", format: "binary" } } },
    },
  },
  responses: {
    204: {
      description: "Appended; `Upload-Offset` is the new offset. With `Confide-Session-Id` when the recording was stored.",
      headers: { ...progressHeaders, "Confide-Session-Id": { description: "The stored session, after the last byte.", schema: { type: "string" } } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 410, 412, 413, 415, 429, 460, 502, 503),
  },
});

const terminateRoute = createRoute({
  method: "delete",
  path: "/{id}",
  operationId: "terminateResumableUpload",
  tags: ["uploads"],
  summary: "Abandon a resumable upload (tus termination)",
  description: "Removes the upload and its bytes; its bytes no longer count against the daily quota.",
  security: [{ bearer: [] }],
  request: { params: UploadParamsSchema, headers: z.object({ "tus-resumable": TusResumableHeader }) },
  responses: {
    204: { description: "Removed.", headers: tusHeaders },
    ...problemResponses(400, 401, 404, 409, 410, 412, 503),
  },
});

/** Upload-Metadata's fields checked (`checkUploadFields`), with its file name (at most 255 characters). */
function checkedFields(metadata: Record<string, string>): UploadFields & { filename?: string } {
  const filename = metadata["filename"];
  const fields = checkUploadFields(metadata, filename, {
    in: "header",
    fieldPrefix: "upload-metadata.",
    message: "Upload-Metadata needs a patientId (and may carry title, recordedAt, settings, noteFormat, filename).",
  });
  return { ...fields, ...(filename ? { filename: filename.slice(0, 255) } : {}) };
}

/** `sha256 <base64>`; other algorithms are 400 (Tus-Checksum-Algorithm lists sha256 only). */
function parseChecksum(header: string | undefined): ChunkChecksum | null {
  if (header === undefined) return null;
  const [algorithm, digest] = header.trim().split(/\s+/);
  if (algorithm?.toLowerCase() !== "sha256" || digest === undefined || !/^[A-Za-z0-9+/]{43}=$/.test(digest)) {
    throw new ConfideError("validation.invalid_input", "Upload-Checksum must be `sha256 <base64 digest>`.");
  }
  return { algorithm: "sha256", digest: Buffer.from(digest, "base64") };
}

/**
 * A refused PATCH is answered at once and its connection closed, its body left unread: a tus
 * client asks HEAD and resumes, so reading (up to a whole chunk of) bytes that will be thrown
 * away would only delay it. A checksum mismatch has read its body already.
 */
function refusalClosing(c: Context<AppEnv>, error: UploadRefusal): HTTPException {
  return refusal(c, error, { closeConnection: true });
}

const httpDate = (iso: string) => new Date(iso).toUTCString();

function setProgress(c: Context<AppEnv>, upload: StagedUpload): void {
  c.header("Upload-Offset", String(upload.offsetBytes));
  c.header("Upload-Expires", httpDate(upload.expiresAt));
  if (upload.sessionId !== null) c.header("Confide-Session-Id", upload.sessionId);
}

/** A refusal of the tus exchange, answered as problem+json where it was found (like csrf-check.ts). */
function refusal(c: Context<AppEnv>, error: UploadRefusal, options: { closeConnection?: boolean } = {}): HTTPException {
  const response = problemResponse(c, error.code, error.message, error.details);
  if (options.closeConnection) response.headers.set("Connection", "close");
  return new HTTPException(errorStatus[error.code] as ContentfulStatusCode, { res: response });
}

/** A client of another protocol version is refused before anything else (the spec's 412). */
function refuseOtherTusVersions(router: OpenAPIHono<AppEnv>): void {
  router.use("*", async (c, next) => {
    const needsVersion = c.req.method !== "GET" && c.req.method !== "OPTIONS";
    const version = c.req.header("tus-resumable");
    if (needsVersion && version !== tusVersion) {
      const response = problemResponse(c, "upload.unsupported_version", `Send Tus-Resumable: ${tusVersion}.`);
      response.headers.set("Tus-Version", tusVersion);
      c.res = response;
      return;
    }
    await next();
  });
}

/**
 * `/v1/uploads`: resumable uploads over tus 1.0 (core protocol with the creation, termination,
 * expiration and checksum extensions), for recordings that must survive a reload or a dropped
 * connection. The plain multipart `POST /v1/sessions` stays for simple clients.
 *
 * A small implementation of the protocol rather than `@tus/server`: that server owns the whole
 * request (its own handler, errors, locker and data store interface keyed by its own upload
 * ids), so our bearer auth, the consent and quota checks *before* the upload exists, the
 * problem+json codes clients already switch on, and the hand-over of the complete file to core's
 * `uploadSession` (sniffing, consent re-checked, sha256 into the blob store) would all have been
 * hooks around it. The protocol part is small (four methods, five headers); it is tested
 * against the spec's statuses and with `tus-js-client`'s wire behaviour in mind (relative
 * Location, HEAD to resume, 409 on a stale offset).
 *
 * Bytes are staged on this host's disk (`UploadStaging`), streamed, never held whole; when the
 * last one arrives, the staged file is read once through `uploadSession`, exactly like a
 * multipart upload's body, then removed.
 */
export function createResumableUploadRoutes(options: ResumableUploadOptions): OpenAPIHono<AppEnv> {
  const router = createRouter();
  const { deps, staging } = options;

  // Every answer but OPTIONS names the protocol version (errors included).
  router.use("*", async (c, next) => {
    await next();
    if (c.req.method !== "OPTIONS") c.res.headers.set("Tus-Resumable", tusVersion);
  });
  router.openapi(optionsRoute, (c) => {
    c.header("Tus-Version", tusVersion);
    c.header("Tus-Extension", tusExtensions);
    c.header("Tus-Max-Size", String(deps.settings.maxUploadBytes));
    c.header("Tus-Checksum-Algorithm", "sha256");
    return c.body(null, 204);
  });
  router.use("*", async (c, next) => {
    if (c.req.method === "OPTIONS") return next();
    return bearerAuth({ tokens: options.tokens })(c, next);
  });
  refuseOtherTusVersions(router);

  router.openapi(createUploadRoute, async (c) => {
    const actor = currentActor(c);
    const headers = c.req.valid("header");
    const lengthBytes = Number(headers["upload-length"]);
    const metadataHeader = headers["upload-metadata"] ?? "";
    const metadata = parseUploadMetadata(metadataHeader);
    const fields = checkedFields(metadata);
    // Refused here, before the client sends a byte (core's gate): the length, the patient, their
    // consent, the sessions in processing and the quotas.
    const reservation = await admitUpload(deps, actor, { declaredBytes: lengthBytes, patientId: fields.patientId });
    let upload: StagedUpload;
    try {
      upload = await staging.create({ therapistId: actor.userId, lengthBytes, metadataHeader, metadata }, reservation);
    } catch (error) {
      await reservation.abandoned();
      throw error;
    }
    deps.logger.info("upload.resumable_created", { uploadId: upload.id, lengthBytes });
    c.header("Location", `/v1/uploads/${encodeURIComponent(upload.id)}`);
    c.header("Upload-Expires", httpDate(upload.expiresAt));
    return c.body(null, 201);
  });

  router.openapi(statusRoute, async (c) => {
    const { id } = c.req.valid("param");
    let upload: StagedUpload;
    try {
      upload = await staging.read(id, currentActor(c).userId);
    } catch (error) {
      if (UploadRefusal.is(error)) throw refusal(c, error);
      throw error;
    }
    setProgress(c, upload);
    c.header("Upload-Length", String(upload.lengthBytes));
    if (upload.metadataHeader !== "") c.header("Upload-Metadata", upload.metadataHeader);
    return c.json(
      { id: upload.id, offsetBytes: upload.offsetBytes, lengthBytes: upload.lengthBytes, expiresAt: upload.expiresAt, sessionId: upload.sessionId },
      200,
    );
  });

  router.openapi(appendRoute, async (c) => {
    const actor = currentActor(c);
    const { id } = c.req.valid("param");
    const headers = c.req.valid("header");
    // Only one of the two is ever touched: merely getting c.req.raw.body starts reading the request.
    const body = nodeRequestOf(c.env) ?? c.req.raw.body;
    const declaredLength = Number(c.req.header("content-length") ?? Number.NaN);
    const refuseUnread = async (error: unknown): Promise<never> => {
      if (!(declaredLength > drainLimitBytes)) await drainRequestBody(body);
      throw error;
    };
    if (!offsetOctetStream.test(c.req.header("content-type") ?? "")) {
      await refuseUnread(new HTTPException(415, { message: "Send the bytes as application/offset+octet-stream." }));
    }
    let lock: { release(): void };
    try {
      lock = staging.lock(id);
    } catch (error) {
      if (UploadRefusal.is(error)) throw refusalClosing(c, error);
      throw error;
    }
    try {
      let upload = await staging.read(id, actor.userId);
      const checksum = parseChecksum(headers["upload-checksum"]);
      const offsetBytes = Number(headers["upload-offset"]);
      if (offsetBytes !== upload.offsetBytes || upload.sessionId !== null) {
        throw new UploadRefusal("upload.offset_mismatch", `This upload stands at ${upload.offsetBytes} bytes: resume from there.`, {
          offsetBytes: upload.offsetBytes,
        });
      }
      if (!body) throw new ConfideError("upload.empty", "The request has no body.");
      upload = await staging.append(upload, body as AsyncIterable<Uint8Array>, checksum);
      if (upload.offsetBytes === upload.lengthBytes) upload = await store(upload);
      setProgress(c, upload);
      return c.body(null, 204);
    } catch (error) {
      if (UploadRefusal.is(error)) throw refusalClosing(c, error);
      throw error;
    } finally {
      lock.release();
    }

    /** The last byte arrived: the staged file goes through the same use case as a multipart upload. */
    async function store(upload: StagedUpload): Promise<StagedUpload> {
      try {
        const fields = checkedFields(upload.metadata);
        const session = await uploadSession(deps, actor, {
          ...uploadInputOf(fields, fields.filename),
          audio: staging.open(upload.id),
        });
        return await staging.finish(upload, session.id, session.audio.sizeBytes);
      } catch (error) {
        // Refused at the end (consent withdrawn meanwhile, not audio…): nothing half-kept.
        await staging.remove(upload.id);
        throw error;
      }
    }
  });

  router.openapi(terminateRoute, async (c) => {
    const { id } = c.req.valid("param");
    let lock: { release(): void } | null = null;
    try {
      lock = staging.lock(id);
      await staging.read(id, currentActor(c).userId);
      await staging.remove(id);
      return c.body(null, 204);
    } catch (error) {
      if (UploadRefusal.is(error)) throw refusal(c, error);
      throw error;
    } finally {
      lock?.release();
    }
  });

  return router;
}
