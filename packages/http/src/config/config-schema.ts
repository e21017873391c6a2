import { adapterPortList, adapterPorts, defaultCoreSettings } from "@confide/core";
import type { AdapterPort, AdapterPortVariable } from "@confide/core/ports";
import { bullMqDescriptor } from "@confide/adapters-local/bullmq";
import { modelsDirectorySettings } from "@confide/adapters-local/models";
import { z } from "zod";
import { adapterNames } from "../composition/adapter-registry.ts";
import { profiles } from "./profiles.ts";

const positiveInt = z.coerce.number().int().positive();

/** The variable that chooses each port's adapter (core's port list); a profile fills it when it is unset. */
export const choiceVariable = <P extends AdapterPort>(port: P): AdapterPortVariable<P> => adapterPortList[port].variable;

/** The variable choosing `port`'s adapter: one of the names the registry holds for it. */
const choice = (port: AdapterPort) =>
  z.enum(adapterNames(port) as [string, ...string[]]).optional().describe(adapterPortList[port].holds);

type ChoiceShape = { [P in AdapterPort as AdapterPortVariable<P>]: ReturnType<typeof choice> };

/** One choice variable per port, in the port list's order. */
const choices = Object.fromEntries(adapterPorts.map((port) => [choiceVariable(port), choice(port)])) as ChoiceShape;

/**
 * The environment variables of the host itself. Each adapter's own variables are in its
 * descriptor's settings schema, validated only when it is chosen. The configuration
 * table (docs/configuration.md) is generated from both (`npm run docs:tables`): a description per variable, and
 * `shownDefault` / `shownProfiles` where the column says more than the schema's default.
 */
export const environmentSchema = z.object({
  CONFIDE_PROFILE: z
    .enum(Object.keys(profiles) as [keyof typeof profiles, ...Array<keyof typeof profiles>], {
      message: `must be one of ${Object.keys(profiles).join(", ")}`,
    })
    .default("embedded")
    .describe(`${Object.keys(profiles).map((name) => `\`${name}\``).join(" or ")}; fills the per-port defaults below`),
  ...choices,
  CONFIDE_HOST: z.string().min(1).default("127.0.0.1").describe("listen address (`0.0.0.0` in containers)"),
  CONFIDE_PORT: z.coerce.number().int().min(0).max(65535).default(8080).describe("listen port"),
  CONFIDE_DATA_DIR: z.string().min(1).default("./data").describe("PGlite database, blobs, generated JWT secret"),
  CONFIDE_JWT_SECRET: z
    .string()
    .min(32, { message: "must be at least 32 characters" })
    .optional()
    .describe("HS256 secret, ≥ 32 characters")
    .meta({ shownDefault: "generated into `<data dir>/jwt-secret`", shownProfiles: "required outside embedded" }),
  CONFIDE_ACCESS_TOKEN_TTL_SECONDS: positiveInt.default(900).describe("access token lifetime"),
  CONFIDE_MAX_UPLOAD_BYTES: positiveInt
    .default(2 * 1024 ** 3)
    .describe("largest accepted recording")
    .meta({ shownDefault: "`2147483648` (2 GiB)" }),
  // The Redis of the bullmq queue, also read here: with it, the rate limits are shared by every API process.
  CONFIDE_REDIS_URL: bullMqDescriptor.settings.shape.url.optional(),
  CONFIDE_QUEUE_PREFIX: bullMqDescriptor.settings.shape.prefix,
  CONFIDE_WORKER_CONCURRENCY: positiveInt.default(2).describe("jobs a worker process runs at once"),
  CONFIDE_LEASE_MS: positiveInt
    .default(15 * 60_000)
    .describe("a session in flight untouched this long is re-enqueued by the recovery sweep"),
  CONFIDE_TRANSCRIPTION_TIMEOUT: positiveInt
    .default(6 * 3600_000)
    .describe(
      "milliseconds a speech provider's job may stay pending, from its submission; past it the session fails with `speech.timeout` (the therapist can retry) and the job is discarded. Batch services take recordings of up to 4 hours and can queue for 30+ minutes at peak",
    )
    .meta({ shownDefault: "`21600000` (6 h)" }),
  CONFIDE_RETENTION_AUDIO_DAYS: positiveInt
    .optional()
    .describe(
      "days after a session is finalized when its recording is deleted; the transcript, notes and review stay, and the audio route answers 410 `audio.deleted`. Not more than `CONFIDE_RETENTION_SESSION_DAYS`",
    )
    .meta({ shownDefault: "unset: kept" }),
  CONFIDE_RETENTION_SESSION_DAYS: positiveInt
    .optional()
    .describe("days after a session is finalized when the whole session is erased (recording, transcript, notes, review)")
    .meta({ shownDefault: "unset: kept" }),
  CONFIDE_RETENTION_FAILED_DAYS: positiveInt
    .optional()
    .describe("days after a session failed (and was not retried) when it is erased")
    .meta({ shownDefault: "unset: kept" }),
  CONFIDE_RETENTION_SWEEP_INTERVAL_MS: positiveInt
    .default(3600_000)
    .describe("how often a worker runs the retention sweep (one sweep per interval however many workers run); only when a retention rule is set")
    .meta({ shownDefault: "`3600000` (1 h)" }),
  CONFIDE_SHUTDOWN_TIMEOUT_MS: positiveInt.default(30_000).describe("how long SIGTERM waits for requests and jobs"),
  CONFIDE_TRUST_PROXY: z
    .string()
    .trim()
    .transform((value, context) => {
      const lowered = value.toLowerCase();
      if (["true", "yes"].includes(lowered)) return 1;
      if (["false", "no"].includes(lowered)) return 0;
      if (/^\d{1,2}$/.test(lowered)) return Number(lowered);
      context.addIssue({ code: "custom", message: "must be true, false or the number of proxy hops (0-99)" });
      return z.NEVER;
    })
    .default(0)
    .describe(
      "number of proxies in front of the API that append to `X-Forwarded-For`; the client address is the entry that many places from the right (`true` = 1, `false` = 0: the socket's address). Set it to exactly your proxy count: a larger number lets clients choose their address",
    )
    .meta({ shownDefault: "`false` (0)" }),
  CONFIDE_UPLOAD_LIMIT_PER_HOUR: positiveInt
    .default(60)
    .describe(
      "uploads one therapist may start per hour; over it, 429 `upload.quota_exceeded` with `Retry-After` (shared by every API process through Redis in selfhosted)",
    ),
  CONFIDE_UPLOAD_EXPIRY_HOURS: positiveInt
    .default(24)
    .describe("hours a resumable upload (`/v1/uploads`, tus) is kept without progress before its staged bytes are removed (under `<data dir>/uploads`)"),
  CONFIDE_UPLOAD_BYTES_PER_DAY: positiveInt
    .default(20 * 1024 ** 3)
    .describe(
      "bytes one therapist may upload per 24 hours (refused early from `Content-Length`, counted from the bytes received)",
    )
    .meta({ shownDefault: "`21474836480` (20 GiB)" }),
  CONFIDE_MAX_SESSIONS_IN_PROCESSING: positiveInt
    .default(10)
    .describe(
      "sessions of one therapist uploaded, queued, transcribing, analyzing or writing notes at once; another upload is 429 until one is done",
    ),
  CONFIDE_LIVE_MAX_SESSIONS: positiveInt
    .default(2)
    .describe("live sessions one therapist may run at once (`/v1/live`); another start is refused `live.too_many_sessions`"),
  CONFIDE_LIVE_MAX_STREAMS: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      "live sessions with live text this API process runs at once, all therapists together; past it a session is recorded only (`live.capacity`: transcribed when it ends), never refused. `0`: every live session is recorded only",
    )
    .meta({ shownDefault: "from the cores and the engine: `embedded` ¾ of the cores ÷ 0.40 of a core a stream (3 on 2 cores); engines running elsewhere: no limit but the watched delay" }),
  CONFIDE_LIVE_FINAL_DELAY_TARGET_MS: positiveInt
    .optional()
    .describe(
      "the delay from the end of a live final's audio reaching the engine to the final the engine must keep (p95 over 30 s); while it is over, new live sessions are recorded only and running ones go on",
    )
    .meta({ shownDefault: "the engine's: `embedded` 1300 (1.5 s from the end of speech), `vosk` 1500, `whisper` 3000, `azure` and `transcribe` 2000" }),
  CONFIDE_LIVE_MAX_FRAME_BYTES: positiveInt
    .default(64 * 1024)
    .describe("largest binary audio frame of a live session (1 s of 16 kHz stereo PCM is 64,000 bytes); a larger one is refused `live.frame_too_large`"),
  CONFIDE_LIVE_MAX_DURATION_MS: positiveInt
    .default(3 * 3600_000)
    .describe("longest live session in audio time; reaching it ends the session with what was received (`live.too_long`)")
    .meta({ shownDefault: "`10800000` (3 h)" }),
  CONFIDE_LIVE_IDLE_TIMEOUT_MS: positiveInt
    .default(30_000)
    .describe("a live connection that sends no audio this long is closed (`live.idle_timeout`); its session stays resumable"),
  CONFIDE_LIVE_RESUME_WINDOW_MS: positiveInt
    .default(60_000)
    .describe("how long a dropped live session can be resumed with its token; past it the session is ended with the audio received"),
  CONFIDE_LIVE_SUGGESTIONS: z
    .enum(["on", "off"])
    .default("on")
    .describe(
      "`on`: a live session suggests the therapist's next questions (safety follow-ups in the C-SSRS screener's order after a stated risk, today's topics not yet covered near the planned end; docs/live-sessions.md); `off`: it suggests nothing, and the patient's finals are not screened for risk while they are spoken (the session's risk screen runs when it ends, as always)",
    ),
  CONFIDE_LIVE_REFLECTIONS: z
    .enum(["on", "off"])
    .default("off")
    .describe(
      "`on` (with `CONFIDE_LIVE_SUGGESTIONS=on`): a live session also suggests, at most every 30 s, one reflection of the patient's latest change talk or feeling, written by the notes language model (`openai`, `azure-openai`, `bedrock`) and shown only when the patient's cited words carry it, for patients whose consent covers AI notes (docs/live-sessions.md); the embedded notes writer has none, and the session says so once. `off`: none",
    ),
  CONFIDE_LIVE_REFLECTION_CONSENT_FORMS: z
    .string()
    .default("confide-console-consent-2")
    .transform((value) => value.split(",").map((version) => version.trim()))
    .refine((versions) => versions.every((version) => version.length > 0), "a comma-separated list of consent form versions, none empty")
    .describe(
      "the consent forms (their versions, comma-separated) whose text tells the patient that their words are read during a live session to suggest reflections: a patient whose `ai_notes` consent was last given on another form gets none, and the therapist is told why. Default: the console's form from the version that says so. A deployment with its own consent form lists its versions",
    ),
  // Read by `confide models` and by every adapter that loads a learned model (one definition).
  CONFIDE_MODELS_DIR: modelsDirectorySettings.modelsDirectory,
  CONFIDE_MODELS_SOURCE: z
    .string()
    .min(1)
    .optional()
    .describe(
      "where `confide models install` reads the models from instead of their upstream URLs: an http(s) URL prefix or a folder holding them at the manifest's paths (a mirror, for machines with no internet)",
    )
    .meta({ shownDefault: "unset: upstream" }),
  CONFIDE_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info").describe("`debug`, `info`, `warn`, `error`"),
  CONFIDE_TELEMETRY: z
    .enum(["off", "on"])
    .optional()
    .describe(
      "OpenTelemetry traces and metrics (docs/operations/observability.md): `on` exports traces over OTLP/HTTP to `OTEL_EXPORTER_OTLP_ENDPOINT` (and the other standard `OTEL_*` variables); ids, sizes, durations and codes only, never session content",
    )
    .meta({ shownDefault: "`on` when `OTEL_EXPORTER_OTLP_ENDPOINT` or `CONFIDE_METRICS_PORT` is set, else `off`" }),
  OTEL_TRACES_EXPORTER: z
    .enum(["otlp", "none"])
    .default("otlp")
    .describe(
      "the standard OpenTelemetry variable, read when traces are on: `otlp` (OTLP/HTTP) or `none` (spans are still made and sampled, then dropped: to measure the instrumentation alone, or keep trace ids in logs without a collector)",
    ),
  CONFIDE_METRICS_PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .optional()
    .describe("port of the Prometheus scrape endpoint (`/metrics`), apart from the API's; unset: none"),
  CONFIDE_METRICS_HOST: z.string().min(1).default("127.0.0.1").describe("listen address of the Prometheus endpoint (`0.0.0.0` for a scraper on another host)"),
  CONFIDE_PASSWORD_COST: positiveInt
    .refine((n) => (n & (n - 1)) === 0, "must be a power of two")
    .optional()
    .describe("scrypt N (a power of two); lower only for demos and tests")
    .meta({ shownDefault: `\`${defaultCoreSettings.passwordCost}\`` }),
});

export type Environment = z.infer<typeof environmentSchema>;
