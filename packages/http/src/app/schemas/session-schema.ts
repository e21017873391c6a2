import { z } from "@hono/zod-openapi";
import { ClinicalNotesSchema } from "./notes-schema.ts";
import { RiskScreenSchema } from "./risk-screen-schema.ts";
import { NoteFormatSchema } from "./session-note-schema.ts";

const dateTime = z.iso.datetime();

/** What a session keeps in place of a recording the retention policy deleted. */
const AudioRemovalSchema = z
  .object({ at: dateTime, rule: z.enum(["audio", "session", "failed"]) })
  .openapi("AudioRemoval", {
    description:
      "Set when the retention policy deleted the recording (the transcript and notes remain): when, and by which rule. The audio route then answers 410 `audio.deleted`.",
  });

export const SessionStatusSchema = z
  .enum(["live", "uploaded", "queued", "transcribing", "analyzing", "writing_notes", "ready", "finalized", "failed"])
  .openapi("SessionStatus");

export const TranscriptionSettingsSchema = z
  .object({
    language: z.string().min(2).max(35).openapi({ description: "BCP-47 locale.", example: "en-US" }),
    candidateLanguages: z.array(z.string().min(2).max(35)).max(10).optional(),
    diarization: z.boolean(),
    minSpeakers: z.number().int().min(1).max(10),
    maxSpeakers: z.number().int().min(1).max(10),
    profanity: z.enum(["none", "masked", "removed"]),
    punctuation: z.enum(["automatic", "none"]),
    wordTimestamps: z.boolean(),
    channelLayout: z.enum(["mono", "per-channel"]),
    channelRoles: z.array(z.enum(["therapist", "patient"])).optional(),
  })
  .openapi("TranscriptionSettings");

const SpeakerRoleSchema = z.enum(["therapist", "patient", "unknown"]);

const TranscriptSchema = z
  .object({
    language: z.string(),
    durationMs: z.number(),
    speakers: z.array(z.object({ label: z.string(), role: SpeakerRoleSchema, channel: z.number().int().optional() })),
    segments: z.array(
      z.object({
        id: z.string(),
        speaker: z.string(),
        startMs: z.number(),
        endMs: z.number(),
        text: z.string(),
        confidence: z.number().optional(),
        words: z
          .array(z.object({ text: z.string(), startMs: z.number(), endMs: z.number(), confidence: z.number().optional() }))
          .optional(),
        speakerConfidence: z.number().min(0).max(1).optional().openapi({
          description: "How sure the diarizer is of this segment's speaker, in [0, 1]; absent when channels or the provider gave it.",
        }),
        speakerUncertain: z.boolean().optional().openapi({ description: "True when the speaker is uncertain: check it in review." }),
      }),
    ),
    provider: z.string(),
    revision: z.number().int(),
    warnings: z
      .array(
        z
          .object({
            type: z.enum(["unsupported", "other"]).openapi({
              description: "`unsupported`: the engine cannot do it; `other`: it was done differently than asked.",
            }),
            feature: z.string().optional().openapi({ description: "The setting not honoured.", example: "diarization" }),
            message: z.string(),
          })
          .openapi("TranscriptWarning"),
      )
      .openapi({
        description:
          "Requested features the speech engine did not honour (e.g. `diarization` of a mono recording with PocketSphinx). Empty when every setting was honoured.",
      }),
    speakerDetection: z
      .object({
        method: z.enum(["channels", "provider", "diarizer", "none"]),
        diarizer: z.string().optional(),
        pipeline: z
          .string()
          .optional()
          .openapi({ description: "Which of the diarizer's pipelines ran: the embedded diarizer's `learned` (its speech models installed) or `classical` (voice features alone)." }),
        confidence: z.number().min(0).max(1).nullable(),
      })
      .optional()
      .openapi("SpeakerDetection", {
        description:
          "How the speakers were found: `channels` (one per channel), `provider` (the speech service), `diarizer` (Confide's own, named), `none` (not separated: one speaker stands for everyone); with the mean confidence when known. Absent on transcripts made before it was recorded.",
      }),
    roleAssignment: z
      .object({
        method: z.enum(["voice", "channels", "heuristic", "review"]),
        confidence: z.number().min(0).max(1).nullable(),
      })
      .optional()
      .openapi("RoleAssignment", {
        description:
          "Which rule gave the speakers their roles: `voice` (the therapist's enrolled voice matched a speaker; `confidence` says how clearly), `channels` (the session's channel roles), `heuristic` (with two speakers the one asking more questions is the therapist), `review` (the therapist relabelled them). Absent on transcripts made before it was recorded.",
      }),
  })
  .openapi("Transcript");

const SentimentLabelSchema = z.enum(["positive", "neutral", "negative", "mixed"]);
const SentimentScoresSchema = z.object({
  positive: z.number(),
  neutral: z.number(),
  negative: z.number(),
  mixed: z.number(),
});

const SentimentSchema = z
  .object({
    language: z.string(),
    segments: z.array(z.object({ segmentId: z.string(), label: SentimentLabelSchema, scores: SentimentScoresSchema })),
    speakers: z.array(
      z.object({ speaker: z.string(), segmentCount: z.number().int(), label: SentimentLabelSchema, scores: SentimentScoresSchema }),
    ),
    windowMs: z.number(),
    timeline: z.array(
      z.object({
        startMs: z.number(),
        endMs: z.number(),
        segmentCount: z.number().int(),
        label: SentimentLabelSchema,
        scores: SentimentScoresSchema,
      }),
    ),
    transcriptRevision: z.number().int(),
  })
  .openapi("Sentiment");

const common = {
  id: z.string(),
  therapistId: z.string(),
  patientId: z.string(),
  title: z.string(),
  recordedAt: dateTime,
  createdAt: dateTime,
  updatedAt: dateTime,
  version: z.number().int().openapi({ description: "Increments on every write; the ETag." }),
  status: SessionStatusSchema,
  settings: TranscriptionSettingsSchema,
  transcript: TranscriptSchema.nullable(),
};

export const SessionSchema = z
  .object({
    ...common,
    titleShared: z
      .boolean()
      .optional()
      .openapi({ description: "True when the patient is shown the title; absent or false: they read \"Session of <date recorded>\" instead." }),
    audio: z.object({
      blobKey: z.string(),
      contentType: z.string(),
      format: z.enum(["wav", "mp3", "ogg", "flac", "mp4", "webm"]),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      durationMs: z.number().nullable(),
      channels: z.number().int().nullable(),
      originalName: z.string().nullable(),
      removed: AudioRemovalSchema.optional(),
    }),
    sentiment: SentimentSchema.nullable(),
    notes: ClinicalNotesSchema.nullable()
      .optional()
      .openapi({ description: "The clinical notes; null until written (absent for sessions stored before notes were written)." }),
    risk: RiskScreenSchema.nullable()
      .optional()
      .openapi({ description: "The automated risk screen; null until screened (absent for sessions stored before the screen ran). Never shown to the patient." }),
    noteFormat: NoteFormatSchema.optional().openapi({
      description:
        "The progress-note format of the session's notes, chosen at upload, live start or regeneration (else the therapist's default); GET /v1/sessions/{id}/note lays them out in it. Absent for sessions stored before it was chosen: `confide`.",
    }),
    review: z.object({
      edits: z.array(
        z.object({
          at: dateTime,
          by: z.string(),
          kind: z.enum(["segment", "speaker", "segment-speaker"]),
          target: z.string(),
          before: z.string(),
          after: z.string(),
        }),
      ),
      finalizedAt: dateTime.nullable().openapi({ description: "When the notes were signed off by finalizing (the attestation); null before." }),
      finalizedBy: z.string().nullable().openapi({ description: "The therapist who signed the notes off by finalizing; null before." }),
      summaryReleased: z
        .boolean()
        .optional()
        .openapi({ description: "True when the therapist released the patient summary to the patient at sign-off; absent or false: the patient sees no summary." }),
    }),
    processing: z.object({
      attempts: z.number().int(),
      lastError: z.object({ code: z.string(), message: z.string(), retryable: z.boolean() }).nullable(),
      providerRef: z.string().nullable(),
      submittedAt: dateTime.optional().openapi({
        description:
          "When the provider job `providerRef` was submitted; its time limit (CONFIDE_TRANSCRIPTION_TIMEOUT) runs from here. Absent while there is no job.",
      }),
      polls: z.number().int(),
      notifiedAt: dateTime.nullable(),
      run: z.number().int(),
    }),
    live: z
      .object({
        format: z.object({ encoding: z.enum(["pcm", "webm"]), channels: z.union([z.literal(1), z.literal(2)]) }),
        parts: z.number().int().openapi({ description: "Audio parts stored while live (joined into the recording when it ends)." }),
        storedBytes: z.number().int().openapi({ description: "Bytes of audio stored durably: where a resuming client resends from." }),
        resumeTokenSha256: z.string().openapi({ description: "sha256 of the resume token (the token itself is given only in `started`)." }),
        agenda: z.array(
          z.object({
            id: z.string(),
            text: z.string(),
            source: z.enum(["therapist", "follow_up", "unresolved_concern"]),
            covered: z.object({ segmentId: z.string(), matchedTerms: z.array(z.string()), at: dateTime }).nullable(),
          }),
        ),
        detachedAt: dateTime.nullable(),
        endedBy: z.enum(["client", "abandoned", "limit", "consent_withdrawn"]).optional(),
        plannedEndMs: z.number().int().optional().openapi({ description: "When the therapist planned the session to end (start's `plannedMinutes`), in ms of audio." }),
        turnEnds: z
          .string()
          .optional()
          .openapi({
            description:
              "What heard the ends of the turns of its live transcript: `silero-vad` (the speech model, about 0.2 s after the speech), `loudness` (no speech model installed: a 0.6 s pause). Absent for engines whose server cuts the turns.",
          }),
        suggestions: z
          .array(
            z.object({
              id: z.string(),
              kind: z.enum(["safety", "agenda", "reflection"]),
              text: z.string(),
              why: z.string(),
              cites: z.array(z.string()).openapi({ description: "The segments it answers to." }),
              at: dateTime,
              urgent: z.boolean().optional(),
              withdrawn: z
                .object({ reason: z.enum(["asked", "answered", "covered", "superseded"]), at: dateTime })
                .nullable()
                .openapi({ description: "Taken back by the system: the therapist asked it, the patient answered it, the topic was covered, or a later question replaced it." }),
              outcome: z
                .object({ action: z.enum(["used", "dismissed"]), by: z.string(), at: dateTime })
                .nullable()
                .openapi({ description: "The therapist marked it asked (`used`) or dismissed it: who and when." }),
            }),
          )
          .optional()
          .openapi({ description: "What was suggested to the therapist while it ran (the live protocol's `suggestion`), and what became of each. Advice, never a finding." }),
      })
      .optional()
      .openapi({
        description:
          "Sessions recorded live (`/v1/live`): their audio parts, resume state, today's topics with the segments that covered them, and the suggestions made while it ran.",
      }),
    statusHistory: z
      .array(z.object({ status: SessionStatusSchema, version: z.number().int(), at: dateTime }))
      .optional()
      .openapi({
        description:
          "The latest status changes (up to 20), oldest first, each with the version of the write that made it. Absent for sessions stored before it was kept.",
      }),
    patientSummaryPreview: z.string().nullable().optional().openapi({
      description:
        "What the patient would read of the notes if the summary were released now (the therapist's own summary, else the grounded sentences of the written one); null when nothing. Computed by the rule the patient's view uses; read-only.",
    }),
  })
  .openapi("Session", { description: "A session as its therapist sees it." });

export const PatientSessionViewSchema = z
  .object({
    ...common,
    title: z.string().openapi({ description: "The therapist's title only when they shared it (`titleShared`); else \"Session of <date recorded>\"." }),
    audio: z.object({ contentType: z.string(), sizeBytes: z.number().int(), durationMs: z.number().nullable(), removed: AudioRemovalSchema.optional() }),
    review: z.object({ finalizedAt: dateTime.nullable() }),
    patientSummary: z
      .string()
      .nullable()
      .openapi({
        description:
          "What the notes say to the patient (the therapist's summary, else the grounded sentences), only when the therapist released it at sign-off; null otherwise.",
      }),
  })
  .openapi("PatientSessionView", {
    description:
      "A finalized session as its patient sees it, field by field (an allow-list): no sentiment, review history, processing, risk screen or notes beyond the patient summary; the title only when the therapist shared it.",
  });

export const SessionViewSchema = z.union([SessionSchema, PatientSessionViewSchema]).openapi("SessionView");

export const SessionSummarySchema = z
  .object({
    id: z.string(),
    therapistId: z.string(),
    patientId: z.string(),
    title: z.string().openapi({ description: "To a patient, the therapist's title only when they shared it; else \"Session of <date recorded>\"." }),
    titleShared: z.boolean().optional().openapi({ description: "True when the patient is shown the title. Given to the session's therapist only." }),
    status: SessionStatusSchema,
    recordedAt: dateTime,
    createdAt: dateTime,
    updatedAt: dateTime,
    version: z.number().int().openapi({ description: "Increments on every write; the ETag." }),
    durationMs: z.number().nullable().openapi({ description: "Length of the recording; null while unknown." }),
    segmentCount: z.number().int().openapi({ description: "Segments in the transcript; 0 before transcription." }),
    finalizedAt: dateTime.nullable(),
    riskUnacknowledged: z
      .number()
      .int()
      .optional()
      .openapi({ description: "Current risk flags not yet acknowledged (they block the sign-off); 0 when none. Given to the session's therapist only." }),
    riskAcknowledgedAlerts: z
      .number()
      .int()
      .optional()
      .openapi({ description: "Acknowledged flags that had warranted a high-priority push (`alert`); the listing keeps a mark for them. Given to the session's therapist only." }),
  })
  .openapi("SessionSummary", {
    description: "A session in a listing: no transcript, sentiment or review history. GET /v1/sessions/{id} gives those.",
  });
