import {
  acknowledgeRiskFlag,
  deleteSession,
  editNotes,
  editTranscript,
  finalizeSession,
  getSession,
  listPendingReview,
  listSessions,
  regenerateNotes,
  relabelSpeakers,
  retrySession,
  type ConfideDeps,
} from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { AccessTokens } from "../auth/access-token.ts";
import type { AudioLinks } from "../auth/audio-link.ts";
import { bearerAuth } from "../middleware/bearer-auth.ts";
import { createRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { entityTag, ifNoneMatchHits, optionalExpectedVersion, versionFromIfMatch } from "../transfer/entity-tag.ts";
import { PageQuerySchema, pageOf } from "../schemas/page-schema.ts";
import { jsonBodyStatuses, problemResponses } from "../schemas/problem-schema.ts";
import { SessionSchema, SessionStatusSchema, SessionSummarySchema, SessionViewSchema } from "../schemas/session-schema.ts";
import { TimestampInputSchema } from "../schemas/timestamp-input-schema.ts";
import { FinalizeSchema, NotesEditSchema } from "../schemas/notes-schema.ts";
import { RegenerateNotesSchema } from "../schemas/session-note-schema.ts";
import { createSessionAudioRoutes } from "./session-audio-route.ts";
import { createSessionEventsRoutes } from "./session-events-route.ts";
import { createSessionUploadRoutes } from "./session-upload-route.ts";
import { createSessionNoteRoutes } from "./session-note-routes.ts";
import type { UploadQuota } from "../limits/upload-quota.ts";
import { IdSchema } from "../schemas/id-schema.ts";

export interface SessionRoutesOptions {
  deps: ConfideDeps;
  tokens: AccessTokens;
  audioLinks: AudioLinks;
  maxUploadBytes: number;
  uploadQuota: UploadQuota;
  eventsPollMs: number;
  eventsTokenCheckMs: number;
  eventsKeepAliveMs: number;
  shutdown?: AbortSignal;
}

const IdParamsSchema = z.object({ id: IdSchema });

const RiskFlagParamsSchema = z.object({
  id: IdSchema,
  flagId: z
    .string()
    .regex(/^risk-[0-9a-z-]{1,40}$/)
    .openapi({ description: "The flag's `id` in the session's `risk.flags`.", example: "risk-3f9c2a1b7e0d" }),
});


const ListQuerySchema = PageQuerySchema.extend({
  patientId: IdSchema.optional(),
  status: z
    .string()
    .max(200)
    .transform((text) => text.split(",").map((part) => part.trim()).filter((part) => part !== ""))
    .pipe(z.array(SessionStatusSchema).min(1))
    .optional()
    .openapi({ description: "Comma-separated statuses, e.g. `ready,finalized`.", type: "string" }),
  from: TimestampInputSchema.optional().openapi({ description: "recordedAt ≥ from (ISO 8601).", type: "string", format: "date-time" }),
  to: TimestampInputSchema.optional().openapi({ description: "recordedAt < to (ISO 8601).", type: "string", format: "date-time" }),
  q: z.string().max(500).optional().openapi({
    description:
      "Search: every word must appear in the title or transcript, or in what the caller may read of the clinical notes (a therapist: all of them; a patient: the patient summary of a finalized session).",
  }),
});

/**
 * If-Match. Where it is required the use case answers 428 without it (not a 400 from the
 * schema), so the schema stays optional and only the document says `required`.
 */
const ifMatchHeaders = (required: boolean) =>
  z.object({
    "if-match": z
      .string()
      .max(200)
      .optional()
      .openapi({
        param: { required },
        description: required
          ? 'The version read, as its ETag (`"<version>"` or `W/"<version>"`). Required: 428 without, 412 when stale.'
          : 'The version read, as its ETag; 412 when stale.',
      }),
  });

const sessionResponse = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: "string" as const } } },
  content: { "application/json": { schema: SessionSchema } },
});

const json = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });

export function createSessionRoutes(options: SessionRoutesOptions) {
  const { deps } = options;
  const router = createRouter();
  // First, before the bearer middleware: the recording also opens with a signed link (an
  // <audio> element sends no Authorization header), so these routes sign in on their own.
  router.route("/", createSessionAudioRoutes({ deps, tokens: options.tokens, audioLinks: options.audioLinks }));
  router.use("*", bearerAuth({ tokens: options.tokens }));

  router.route("/", createSessionUploadRoutes({ deps, maxUploadBytes: options.maxUploadBytes, quota: options.uploadQuota }));
  router.route("/", createSessionNoteRoutes({ deps }));

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listSessions",
      tags: ["sessions"],
      summary: "List or search sessions",
      description:
        "Newest recording first, as summaries (GET /v1/sessions/{id} gives the transcript). A therapist sees their own sessions; a patient their own finalized sessions. With `q` this is a full-text search over titles and transcripts.",
      security: [{ bearer: [] }],
      request: { query: ListQuerySchema },
      responses: {
        200: { description: "A page of session summaries.", content: { "application/json": { schema: pageOf(SessionSummarySchema) } } },
        ...problemResponses(400, 401, 403, 503),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const page = await listSessions(deps, currentActor(c), {
        ...(query.patientId === undefined ? {} : { patientId: query.patientId }),
        ...(query.status === undefined ? {} : { statuses: query.status }),
        ...(query.from === undefined ? {} : { recordedFrom: query.from }),
        ...(query.to === undefined ? {} : { recordedTo: query.to }),
        ...(query.q === undefined ? {} : { text: query.q }),
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        ...(query.limit === undefined ? {} : { limit: query.limit }),
      });
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/pending",
      operationId: "listPendingReview",
      tags: ["sessions"],
      summary: "Sessions waiting for the therapist's review (ready)",
      security: [{ bearer: [] }],
      request: { query: PageQuerySchema },
      responses: {
        200: { description: "A page of session summaries.", content: { "application/json": { schema: pageOf(SessionSummarySchema) } } },
        ...problemResponses(400, 401, 403, 503),
      },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid("query");
      const page = await listPendingReview(deps, currentActor(c), {
        ...(cursor === undefined ? {} : { cursor }),
        ...(limit === undefined ? {} : { limit }),
      });
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      operationId: "getSession",
      tags: ["sessions"],
      summary: "One session",
      description: "`ETag` is the session's version; send it in `If-None-Match` to get 304 when nothing changed.",
      security: [{ bearer: [] }],
      request: {
        params: IdParamsSchema,
        headers: z.object({ "if-none-match": z.string().max(200).optional() }),
      },
      responses: {
        200: {
          description: "The session (the patient view for a patient).",
          headers: { ETag: { schema: { type: "string" } } },
          content: { "application/json": { schema: SessionViewSchema } },
        },
        304: { description: "Not modified since the version in If-None-Match." },
        ...problemResponses(400, 401, 403, 404, 503),
      },
    }),
    async (c) => {
      const session = await getSession(deps, currentActor(c), { sessionId: c.req.valid("param").id });
      c.header("ETag", entityTag(session.version));
      if (ifNoneMatchHits(c.req.header("if-none-match"), session.version)) return c.body(null, 304);
      return c.json(session, 200);
    },
  );

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

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{id}/transcript",
      operationId: "editTranscript",
      tags: ["sessions"],
      summary: "Correct transcript segments",
      description: "Only while the session is ready (pending review). Sentiment of edited patient segments is measured again.",
      security: [{ bearer: [] }],
      request: {
        params: IdParamsSchema,
        headers: ifMatchHeaders(true),
        body: json(
          z.object({
            edits: z.array(z.object({ segmentId: IdSchema, text: z.string().max(10_000) })).min(1).max(1000),
          }),
        ),
      },
      responses: {
        200: sessionResponse("The edited session."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 428, 502, 503),
      },
    }),
    async (c) => {
      const session = await editTranscript(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        expectedVersion: versionFromIfMatch(c.req.header("if-match")),
        edits: c.req.valid("json").edits,
      });
      c.header("ETag", entityTag(session.version));
      return c.json(session, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/{id}/speakers",
      operationId: "relabelSpeakers",
      tags: ["sessions"],
      summary: "Set the roles of the speakers, and the speaker of single segments",
      description:
        "Speakers not listed keep their role; segments not listed keep their speaker (give a segment to another of the transcript's speakers when the diarizer got its turn wrong). At least one speaker or one segment. Sentiment is measured again for the patient's segments.",
      security: [{ bearer: [] }],
      request: {
        params: IdParamsSchema,
        headers: ifMatchHeaders(true),
        body: json(
          z.object({
            speakers: z
              .array(z.object({ label: z.string().min(1).max(100), role: z.enum(["therapist", "patient", "unknown"]) }))
              .max(100)
              .optional(),
            segments: z
              .array(z.object({ id: z.string().min(1).max(100), speaker: z.string().min(1).max(100) }))
              .max(10_000)
              .optional(),
          }),
        ),
      },
      responses: {
        200: sessionResponse("The relabelled session."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 428, 502, 503),
      },
    }),
    async (c) => {
      const session = await relabelSpeakers(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        expectedVersion: versionFromIfMatch(c.req.header("if-match")),
        speakers: c.req.valid("json").speakers ?? [],
        segments: c.req.valid("json").segments ?? [],
      });
      c.header("ETag", entityTag(session.version));
      return c.json(session, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/{id}/notes",
      operationId: "editNotes",
      tags: ["sessions"],
      summary: "Write the therapist's own notes and the patient's summary",
      description:
        "Only while the session is ready and has notes; finalize locks them. Kept apart from the written notes (`notes.review`): a regeneration keeps them. Fields absent stay as they are; null clears one.",
      security: [{ bearer: [] }],
      request: { params: IdParamsSchema, headers: ifMatchHeaders(true), body: json(NotesEditSchema) },
      responses: {
        200: sessionResponse("The session with the edited notes."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 428, 503),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const session = await editNotes(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        expectedVersion: versionFromIfMatch(c.req.header("if-match")),
        ...(body.therapistNotes === undefined ? {} : { therapistNotes: body.therapistNotes }),
        ...(body.patientSummary === undefined ? {} : { patientSummary: body.patientSummary }),
      });
      c.header("ETag", entityTag(session.version));
      return c.json(session, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/notes:regenerate",
      operationId: "regenerateNotes",
      tags: ["sessions"],
      summary: "Write the clinical notes again from the transcript as it is now",
      description:
        "Only while the session is ready (after edits or relabels have made the notes stale). The therapist's own words on the notes are kept. An optional JSON body `{noteFormat}` changes the session's note format and writes the notes for it (400 `validation.invalid_input` for an unknown one, nothing written). If-Match optional, checked when sent.",
      security: [{ bearer: [] }],
      request: {
        params: IdParamsSchema,
        headers: ifMatchHeaders(false),
        body: { required: false, content: { "application/json": { schema: RegenerateNotesSchema } } },
      },
      responses: {
        200: sessionResponse("The session with fresh notes."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 502, 503),
      },
    }),
    async (c) => {
      const { noteFormat } = c.req.valid("json");
      const session = await regenerateNotes(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        ...optionalExpectedVersion(c.req.header("if-match")),
        ...(noteFormat === undefined ? {} : { noteFormat }),
      });
      c.header("ETag", entityTag(session.version));
      return c.json(session, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/risk-flags/{flagId}/acknowledgement",
      operationId: "acknowledgeRiskFlag",
      tags: ["sessions"],
      summary: "Acknowledge one risk flag: the therapist has seen it",
      description:
        "Records `acknowledgement: {by, at}` on the flag. Idempotent: a flag already acknowledged keeps its first acknowledgement (200, nothing written). Only while the session is ready: 409 `session.invalid_state` once finalized; 404 `session.risk_flag_not_found` for a flag the session does not have. Every current flag must be acknowledged before finalize. If-Match optional, checked when sent.",
      security: [{ bearer: [] }],
      request: { params: RiskFlagParamsSchema, headers: ifMatchHeaders(false) },
      responses: {
        200: sessionResponse("The session with the flag acknowledged."),
        ...problemResponses(400, 401, 403, 404, 409, 412, 503),
      },
    }),
    async (c) => {
      const params = c.req.valid("param");
      const session = await acknowledgeRiskFlag(deps, currentActor(c), {
        sessionId: params.id,
        flagId: params.flagId,
        ...optionalExpectedVersion(c.req.header("if-match")),
      });
      c.header("ETag", entityTag(session.version));
      return c.json(session, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/finalize",
      operationId: "finalizeSession",
      tags: ["sessions"],
      summary: "Sign off: the session becomes read-only and visible to the patient, with the summary only if released",
      description:
        "The therapist's sign-off: records `review.finalizedBy` and `review.finalizedAt` (the note's attestation). Refused with 409 `session.risk_unacknowledged` (`flagIds`) while a current risk flag is not acknowledged. The body is optional: without it, or without `releaseSummaryToPatient: true`, the patient sees the finalized session with no summary. If-Match optional, checked when sent.",
      security: [{ bearer: [] }],
      request: {
        params: IdParamsSchema,
        headers: ifMatchHeaders(false),
        body: { required: false, content: { "application/json": { schema: FinalizeSchema } } },
      },
      responses: {
        200: sessionResponse("The finalized session."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 502, 503),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const session = await finalizeSession(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        ...optionalExpectedVersion(c.req.header("if-match")),
        releaseSummaryToPatient: body.releaseSummaryToPatient === true,
      });
      c.header("ETag", entityTag(session.version));
      return c.json(session, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/retry",
      operationId: "retrySession",
      tags: ["sessions"],
      summary: "Process a failed session again, or resume one stuck in processing past its lease",
      security: [{ bearer: [] }],
      request: { params: IdParamsSchema, headers: ifMatchHeaders(false) },
      responses: {
        200: sessionResponse("The session: queued again after a retryable failure, or taken over in its processing status when it was stuck."),
        ...problemResponses(400, 401, 403, 404, 409, 412, 502, 503),
      },
    }),
    async (c) => {
      const session = await retrySession(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        ...optionalExpectedVersion(c.req.header("if-match")),
      });
      c.header("ETag", entityTag(session.version));
      return c.json(session, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      operationId: "deleteSession",
      tags: ["sessions"],
      summary: "Erase a session: recording, transcript, sentiment and review history",
      description:
        "A session a legal hold covers (on it or on its patient) is not erased: 409 `session.legal_hold`, its `holds` naming each hold (id, scope, when, by whom).",
      security: [{ bearer: [] }],
      request: { params: IdParamsSchema },
      responses: { 204: { description: "Erased." }, ...problemResponses(400, 401, 403, 404, 409, 502, 503) },
    }),
    async (c) => {
      await deleteSession(deps, currentActor(c), { sessionId: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );

  return router;
}
