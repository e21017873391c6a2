import { type ConfideDeps, enrolVoice, eraseVoiceEnrolment, getVoiceEnrolment, voiceEnrolmentTerms, voiceSampleLimits } from "@confide/core";
import { ConfideError } from "@confide/core/ports";
import { createRoute, z } from "@hono/zod-openapi";
import { currentActor } from "../auth/current-actor.ts";
import type { createRouter } from "../create-router.ts";
import { problemResponses } from "../schemas/problem-schema.ts";
import { nodeRequestOf } from "../transfer/node-request.ts";
import { drainLimitBytes, drainRequestBody } from "../transfer/request-body-drain.ts";

type Router = ReturnType<typeof createRouter>;

export const VoiceEnrolmentSchema = z
  .object({
    enrolled: z.boolean(),
    enrolledAt: z.iso.datetime().nullable(),
    speechMs: z.number().int().nullable().openapi({ description: "Voiced speech heard in the sample, in milliseconds." }),
    quality: z
      .number()
      .nullable()
      .openapi({ description: "How alike the voice sounded across the sample, in [0, 1]; low means noise, several voices or a poor microphone." }),
    embedder: z.string().nullable().openapi({ description: "The embedding function that made the enrolment." }),
    consent: z.object({ terms: z.string(), agreedAt: z.iso.datetime() }).nullable(),
  })
  .openapi("VoiceEnrolment", {
    description: "A therapist's voice enrolment: whether enrolled, when, with what consent and how good — never the audio or the embedding.",
  });

const putDescription = `Enrols the caller's voice (therapists): send a 20–30 s recording of the caller reading a paragraph aloud as the raw request body (WAV, MP3, OGG, FLAC, MP4/M4A or WebM, recognised from the bytes), with \`consent=${voiceEnrolmentTerms}\`: the therapist's consent to keeping an embedding of their voice to recognise them in their own sessions, and for nothing else.

The recording is turned into a voice embedding as it streams and then deleted: it is never stored. Only the embedding is kept, with the consent and its time. Enrolling again replaces the enrolment. On a later session whose speakers the diarizer separated, the speaker closest to the enrolled voice is the therapist (\`transcript.roleAssignment.method: "voice"\`, with a confidence); under the threshold the role heuristic decides, as without enrolment.

Refused with nothing stored: no consent (400 \`voice.consent_required\`), not audio (415 \`upload.not_audio\`), over ${voiceSampleLimits.maxBytes} bytes (413 \`upload.too_large\`), longer than ${voiceSampleLimits.maxDurationMs / 1000} s (422 \`voice.too_long\`), not decodable (422 \`voice.unreadable\`), no voice heard — silence, noise, music (422 \`voice.no_speech\`), under ${voiceSampleLimits.minSpeechMs / 1000} s of speech (422 \`voice.too_short\`); a deployment without a diarizer answers 501 \`voice.unavailable\`.`;

/**
 * The therapist's enrolled voice, on the router of `/v1/me` (behind its
 * bearer auth): `PUT /voice` enrols (the audio streamed, never stored), `GET /voice` says whether
 * and when, `DELETE /voice` erases. The use cases audit the writes.
 */
export function addVoiceRoutes(router: Router, deps: ConfideDeps): void {
  router.openapi(
    createRoute({
      method: "put",
      path: "/voice",
      operationId: "enrolVoice",
      tags: ["me"],
      summary: "Enrol the therapist's voice from a read-aloud sample (the audio is not kept)",
      description: putDescription,
      security: [{ bearer: [] }],
      request: {
        query: z.object({ consent: z.string().max(100).optional().openapi({ example: voiceEnrolmentTerms }) }),
        body: {
          required: true,
          // Documented by hand and not validated by the route: the body is streamed, never parsed whole.
          content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
        },
      },
      responses: {
        200: { description: "Enrolled.", content: { "application/json": { schema: VoiceEnrolmentSchema } } },
        ...problemResponses(400, 401, 403, 404, 413, 415, 422, 501, 503),
      },
    }),
    async (c) => {
      const actor = currentActor(c);
      // Only one of the two is ever touched: merely getting c.req.raw.body starts reading the request.
      const body = nodeRequestOf(c.env) ?? c.req.raw.body;
      if (!body) throw new ConfideError("upload.empty", "The request has no body: send the recording as the body.");
      const declaredLength = Number(c.req.header("content-length") ?? Number.NaN);
      if (declaredLength > voiceSampleLimits.maxBytes) {
        if (declaredLength <= drainLimitBytes) await drainRequestBody(body);
        throw new ConfideError("upload.too_large", `The sample is larger than ${voiceSampleLimits.maxBytes} bytes.`, {
          details: { maxBytes: voiceSampleLimits.maxBytes },
        });
      }
      try {
        const enrolment = await enrolVoice(deps, actor, {
          audio: body as ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
          consentTerms: c.req.valid("query").consent,
          signal: c.req.raw.signal,
        });
        return c.json(enrolment, 200);
      } catch (error) {
        // Refused: what is left of the body is read, so the client can read the answer.
        if (!c.req.raw.signal.aborted && declaredLength <= drainLimitBytes) await drainRequestBody(body);
        throw error;
      }
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/voice",
      operationId: "getVoiceEnrolment",
      tags: ["me"],
      summary: "Whether the therapist's voice is enrolled, since when, and how good the sample was",
      security: [{ bearer: [] }],
      responses: {
        200: { description: "The enrolment (never audio nor the embedding).", content: { "application/json": { schema: VoiceEnrolmentSchema } } },
        ...problemResponses(401, 403, 404, 503),
      },
    }),
    async (c) => c.json(await getVoiceEnrolment(deps, currentActor(c)), 200),
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/voice",
      operationId: "eraseVoiceEnrolment",
      tags: ["me"],
      summary: "Erase the therapist's voice enrolment",
      description: "Removes the embedding and its consent record; later sessions get roles from the heuristic. Erasing when nothing is enrolled succeeds.",
      security: [{ bearer: [] }],
      responses: {
        204: { description: "Erased (or there was nothing to erase)." },
        ...problemResponses(401, 403, 404, 503),
      },
    }),
    async (c) => {
      await eraseVoiceEnrolment(deps, currentActor(c));
      return c.body(null, 204);
    },
  );
}
